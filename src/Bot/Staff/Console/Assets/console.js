// Outreach staff console: a little progressive enhancement. Every page works without it.
(function () {
  "use strict";

  // Required fields (with their message in data-required) said in Vietnamese beside the field (issue 18.8). Console forms
  // are novalidate, so the browser's own
  // bubbles (in the browser's language) never show; this says it before the round trip, in the capture phase so that a
  // data-confirm question is not asked about a form that cannot be sent. The server says the same when the script is off.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("novalidate") || (event.submitter && event.submitter.hasAttribute("formnovalidate"))) {
      return;
    }
    var first = null;
    form.querySelectorAll("[required][data-required]").forEach(function (field) {
      var empty = field.type === "file" ? field.files.length === 0
        : field.type === "checkbox" ? !field.checked
        : field.value.trim() === "";
      var box = errorBox(field);
      if (empty) {
        box.textContent = field.getAttribute("data-required");
        field.setAttribute("aria-invalid", "true");
        first = first || field;
      } else if (box.hasAttribute("data-client")) {
        box.textContent = "";
        field.removeAttribute("aria-invalid");
      }
    });
    if (first) {
      event.preventDefault();
      event.stopImmediatePropagation();
      first.focus();
    }
  }, true);

  // The element that holds a field's error: the "-loi" id its aria-describedby names (made when the server drew none).
  function errorBox(field) {
    var described = (field.getAttribute("aria-describedby") || "").split(/\s+/);
    var id = described.filter(function (d) { return /-loi$/.test(d); })[0];
    if (!id) {
      id = (field.id || field.name) + "-loi";
      field.setAttribute("aria-describedby", described.concat([id]).join(" ").trim());
    }
    var box = document.getElementById(id);
    if (!box) {
      box = document.createElement("span");
      box.className = "field-error";
      box.id = id;
      box.setAttribute("data-client", "");
      field.insertAdjacentElement("afterend", box);
    }
    return box;
  }

  // Ask before an irreversible step (cancel a post or a sending).
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // Live character counters under a field with data-count-max (the post's title and body): "12/200 ký tự", red past the
  // limit. Without the script the hint under the field says the limit and the server says by how much a text is too long.
  document.querySelectorAll("[data-count-max]").forEach(function (field) {
    var max = parseInt(field.getAttribute("data-count-max"), 10);
    var counter = document.createElement("span");
    counter.className = "counter";
    counter.setAttribute("data-counter-for", field.id);
    field.insertAdjacentElement("afterend", counter);
    function show() {
      var length = field.value.length;
      counter.textContent = length.toLocaleString("vi-VN") + "/" + max.toLocaleString("vi-VN") + " ký tự";
      counter.classList.toggle("over", length > max);
    }
    field.addEventListener("input", show);
    show();
  });

  // Live notices on every page (issue 18.3): ask the staff API what is new, update the menu's counts, and say what arrived
  // (a crisis alert, a member waiting, a post to approve, a post returned) in a banner, without a reload.
  var notices = document.querySelector("[data-live-notices]");
  if (notices) {
    watchNotices(notices);
  }

  function watchNotices(item) {
    var url = item.getAttribute("data-live-notices");
    var every = Math.max(parseInt(item.getAttribute("data-poll-ms"), 10) || 10000, 1000);
    var known = {
      alert: parseInt(item.getAttribute("data-latest-alert"), 10) || 0,
      handoff: parseInt(item.getAttribute("data-latest-handoff"), 10) || 0,
      awaiting: parseInt(item.getAttribute("data-awaiting"), 10) || 0,
      returned: parseInt(item.getAttribute("data-returned"), 10) || 0
    };
    var main = document.querySelector("main");

    function count(name, value) {
      document.querySelectorAll("[data-live-count='" + name + "']").forEach(function (badge) {
        badge.textContent = String(value || 0);
        badge.hidden = !value;
      });
    }

    function say(kind, text, href, link) {
      if (!main || document.querySelector("[data-live-banner='" + kind + "']")) {
        return;
      }
      var banner = document.createElement("p");
      banner.className = "live-banner " + kind;
      banner.setAttribute("role", kind === "alert" ? "alert" : "status");
      banner.setAttribute("data-live-banner", kind);
      banner.textContent = text + " ";
      var a = document.createElement("a");
      a.href = href;
      a.textContent = link;
      banner.appendChild(a);
      main.insertBefore(banner, main.querySelector("h1") ? main.querySelector("h1").nextSibling : main.firstChild);
    }

    function update(body) {
      count("total", body.total);
      count("waitingHandoffs", body.waitingHandoffs);
      if ((body.latestHandoffId || 0) > known.handoff) {
        say("handoff", "Có hội viên mới cần cán bộ trả lời.", "/staff/handoffs", "Mở hộp thư hỗ trợ");
      }
      if ((body.awaitingApproval || []).length > known.awaiting) {
        say("awaiting", "Có bài mới chờ bạn duyệt.", "/staff/approvals", "Xem bài chờ duyệt");
      }
      if ((body.returned || []).length > known.returned) {
        say("returned", "Bài của bạn vừa bị trả lại.", "/staff/notices", "Xem lý do");
      }
      // Said last, so it sits on top (each banner goes right under the page's title).
      if ((body.latestAlertId || 0) > known.alert) {
        say("alert", "Cảnh báo khẩn cấp mới: một hội viên có thể đang gặp nguy hiểm.", "/staff/handoffs", "Mở hộp thư hỗ trợ");
      }
      known.alert = Math.max(known.alert, body.latestAlertId || 0);
      known.handoff = Math.max(known.handoff, body.latestHandoffId || 0);
      known.awaiting = (body.awaitingApproval || []).length;
      known.returned = (body.returned || []).length;
      document.title = document.title.replace(/^\(\d+\) /, "");
      if (body.total > 0) {
        document.title = "(" + body.total + ") " + document.title;
      }
    }

    function poll() {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (body) {
          if (body) {
            update(body);
          }
          window.setTimeout(poll, document.hidden ? every * 3 : every);
        })
        .catch(function () { window.setTimeout(poll, every * 3); });
    }

    window.setTimeout(poll, every);
  }

  // Live broadcast progress: poll the staff API (same cookie, same scoping) and update the counts in place.
  var live = document.querySelector("[data-live-broadcast]");
  if (!live) {
    return;
  }

  var url = live.getAttribute("data-live-broadcast");
  var shownStatus = (live.querySelector("[data-broadcast-status]") || live).getAttribute("data-broadcast-status");
  var finished = ["completed", "partial", "cancelled", "failed"];
  var format = new Intl.NumberFormat("vi-VN");

  function show(name, value) {
    live.querySelectorAll("[data-count='" + name + "']").forEach(function (cell) {
      cell.textContent = format.format(value || 0);
    });
  }

  function update(body) {
    var byStatus = body.byStatus || {};
    var total = body.total || 0;
    var done = 0;
    live.querySelectorAll("[data-count]").forEach(function (cell) {
      var name = cell.getAttribute("data-count");
      if (name !== "total" && name !== "done") {
        show(name, byStatus[name]);
      }
    });
    ["sent", "delivered", "read", "skipped", "failed", "unknown", "cancelled"].forEach(function (s) { done += byStatus[s] || 0; });
    show("total", total);
    show("done", done);
    var bar = live.querySelector("progress");
    if (bar) {
      bar.max = Math.max(total, 1);
      bar.value = done;
    }
    var status = live.querySelector("[data-broadcast-status]");
    if (body.broadcast && body.broadcast.status !== shownStatus) {
      // The buttons were rendered for the status the page loaded with; after a change they would be refused, so hide them.
      document.querySelectorAll("[data-broadcast-controls]").forEach(function (controls) { controls.hidden = true; });
    }
    if (status && body.broadcast) {
      status.setAttribute("data-broadcast-status", body.broadcast.status);
      status.textContent = live.getAttribute("data-label-" + body.broadcast.status) || body.broadcast.status;
    }
    return body.broadcast && finished.indexOf(body.broadcast.status) >= 0;
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (body && update(body)) {
          live.setAttribute("data-finished", "true");
          // The outcome's reasons are drawn by the server: offer them without losing the counts shown.
          document.querySelectorAll("[data-reload-for-reasons]").forEach(function (note) { note.hidden = false; });
          return;
        }
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }

  window.setTimeout(poll, 1000);
})();
