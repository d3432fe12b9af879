// Outreach staff console: a little progressive enhancement. Every page works without it.
(function () {
  "use strict";

  // Ask before an irreversible step (cancel a post or a sending).
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

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
