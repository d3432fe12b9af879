namespace Outreach.Bot.Channels.WebChat;

/// <summary>The /webchat page: one self-contained file, no build step.</summary>
internal static class WebChatPage
{
    public const string Html = """
        <!doctype html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Outreach — trò chuyện thử</title>
        <style>
          body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 1rem auto; padding: 0 1rem; background: #fafafa; }
          h1 { font-size: 1.2rem; color: #a4005b; }
          #log { border: 1px solid #ddd; background: #fff; height: 60vh; overflow-y: auto; padding: .5rem; border-radius: .5rem; }
          .msg { margin: .4rem 0; padding: .5rem .7rem; border-radius: .8rem; max-width: 80%; white-space: pre-wrap; }
          .me { background: #a4005b; color: #fff; margin-left: auto; }
          .bot { background: #eee; }
          .choices button { margin: .2rem; border: 1px solid #a4005b; background: #fff; color: #a4005b; border-radius: 1rem; padding: .3rem .7rem; cursor: pointer; }
          form { display: flex; gap: .5rem; margin-top: .5rem; }
          #status { color: #b00020; margin: .3rem 0 0; }
          input { flex: 1; padding: .6rem; border-radius: .5rem; border: 1px solid #ccc; }
        </style>
        </head>
        <body>
        <h1>Hội LHPN — trò chuyện thử với trợ lý</h1>
        <div id="log" aria-live="polite"></div>
        <div id="choices" class="choices"></div>
        <p id="status" role="alert"></p>
        <form id="form"><input id="text" autocomplete="off" placeholder="Nhập câu hỏi…" aria-label="Tin nhắn"><button>Gửi</button></form>
        <script>
          const userId = localStorage.getItem('outreachUser') || ('web-' + Math.random().toString(36).slice(2, 10));
          localStorage.setItem('outreachUser', userId);
          let after = 0;
          const log = document.getElementById('log'), choices = document.getElementById('choices');
          function show(text, who) {
            const div = document.createElement('div'); div.className = 'msg ' + who; div.textContent = text;
            log.appendChild(div); log.scrollTop = log.scrollHeight;
          }
          // The API lies under this page's own path (/webchat/api/...) whether the address ends in a slash or not.
          const api = (location.pathname.endsWith('/') ? '' : location.pathname.split('/').pop() + '/') + 'api/messages';
          const status = document.getElementById('status');
          async function send(text, payload) {
            status.textContent = '';
            let answer;
            try {
              answer = await fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ userId, text, payload }) });
            } catch {
              status.textContent = 'Chưa gửi được: không kết nối được máy chủ. Chị thử gửi lại nhé.';
              return false;
            }
            if (!answer.ok) {
              let detail = 'máy chủ trả lỗi ' + answer.status + '.';
              try { detail = (await answer.json()).detail || detail; } catch { }
              status.textContent = 'Chưa gửi được: ' + detail;
              return false;
            }
            show(text, 'me'); choices.innerHTML = '';
            return true;
          }
          async function poll() {
            try {
              const r = await fetch(api + '?userId=' + encodeURIComponent(userId) + '&after=' + after);
              if (!r.ok) return;
              for (const m of await r.json()) {
                after = Math.max(after, m.id);
                if (m.text) show(m.text, 'bot');
                const options = [...(m.quickReplies || []).map(q => [q.title, q.payload]),
                                 ...(m.buttons || []).filter(b => b.kind === 'Postback').map(b => [b.title, b.value])];
                if (options.length) {
                  choices.innerHTML = '';
                  for (const [title, payload] of options) {
                    const b = document.createElement('button'); b.textContent = title; b.onclick = () => send(title, payload);
                    choices.appendChild(b);
                  }
                }
              }
            } finally { setTimeout(poll, 700); }
          }
          document.getElementById('form').onsubmit = async e => {
            e.preventDefault(); const input = document.getElementById('text');
            // What she typed stays in the box until the gateway has taken it.
            if (input.value.trim() && await send(input.value.trim())) input.value = '';
          };
          poll();
        </script>
        </body>
        </html>
        """;
}
