// Skill suggestions on the proposal form: progressive enhancement of the
// "Suggest skills from my text" button. Without this file the button
// submits the form, which comes back as typed with tick boxes; with it, the
// form's text is sent to POST /proposals/suggest-skills (same origin, the
// session cookie) and each suggestion gets an "Add" button that fills the
// first empty skill row (essential, least level 1), adding a row from the
// page's <template> when all are taken. A live region announces the count.
(function () {
  "use strict";

  function Suggest(box) {
    this.box = box;
    this.form = box.closest("form");
    this.button = box.querySelector("[data-suggest-button]");
    this.status = box.querySelector("[data-suggest-status]");
    this.results = box.querySelector("[data-suggest-results]");
    this.rows = this.form.querySelector("[data-skill-rows-list]");
    this.template = this.form.querySelector("template[data-skill-row-template]");
    this.count = this.form.querySelector("[data-skill-rows]");
    this.busy = false;
    var s = this;
    this.button.addEventListener("click", function (e) {
      e.preventDefault();
      s.ask();
    });
  }

  Suggest.prototype.say = function (text) {
    // Empty first, so the same message twice is announced twice.
    var st = this.status;
    st.textContent = "";
    setTimeout(function () { st.textContent = text; }, 50);
  };

  Suggest.prototype.ask = function () {
    if (this.busy) return;
    var s = this, body = new URLSearchParams(new FormData(this.form));
    body.delete("action");
    this.busy = true;
    this.button.setAttribute("aria-busy", "true");
    this.say(this.box.dataset.msgBusy || "");
    fetch(this.box.dataset.endpoint, {
      method: "POST", credentials: "same-origin",
      headers: { "Accept": "application/json" }, body: body
    }).then(function (res) {
      return res.json().then(function (data) { return { ok: res.ok, data: data }; });
    }).then(function (r) {
      if (!r.ok) {
        s.say((r.data && r.data.error && r.data.error.message) || s.box.dataset.msgFailed);
        return;
      }
      s.show(r.data.items || []);
      s.say(r.data.message || "");
    }).catch(function () {
      s.say(s.box.dataset.msgFailed || "");
    }).then(function () {
      s.busy = false;
      s.button.removeAttribute("aria-busy");
    });
  };

  // show replaces the results with a list of suggestions, each with its
  // own "Add" button named after the skill.
  Suggest.prototype.show = function (items) {
    var s = this, ul = document.createElement("ul");
    ul.className = "proposal-suggest-list";
    items.forEach(function (it) {
      var li = document.createElement("li"), label = document.createElement("span"),
        btn = document.createElement("button");
      label.textContent = it.label;
      label.lang = it.lang;
      btn.type = "button";
      btn.className = "btn btn-secondary btn-small";
      btn.textContent = s.box.dataset.msgAdd;
      btn.setAttribute("aria-label", (s.box.dataset.msgAddNamed || "").replace("#", it.label));
      btn.addEventListener("click", function () { s.add(it, btn); });
      li.appendChild(label);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(btn);
      ul.appendChild(li);
    });
    this.results.textContent = "";
    this.results.appendChild(ul);
  };

  // emptyRow returns the first skill row with nothing typed or chosen,
  // adding one from the template when there is none (within the limit the
  // template's page allows: the server refuses more anyway).
  Suggest.prototype.emptyRow = function () {
    var rows = this.rows.querySelectorAll("[data-skill-row]");
    for (var i = 0; i < rows.length; i++) {
      var q = rows[i].querySelector("[data-skill-input]"), u = rows[i].querySelector("[data-skill-uri]");
      if (q && !q.value && u && !u.value) return rows[i];
    }
    if (!this.template || rows.length >= 30) return null;
    var n = rows.length + 1, holder = document.createElement("div");
    holder.innerHTML = this.template.innerHTML.replace(/__N__/g, String(n));
    var row = holder.firstElementChild;
    this.rows.appendChild(row);
    if (this.count) this.count.value = String(n);
    return row;
  };

  Suggest.prototype.has = function (uri) {
    var us = this.rows.querySelectorAll("[data-skill-uri]");
    for (var i = 0; i < us.length; i++) if (us[i].value === uri) return true;
    return false;
  };

  Suggest.prototype.add = function (it, btn) {
    var added = (this.box.dataset.msgAdded || "").replace("#", it.label);
    if (!this.has(it.uri)) {
      var row = this.emptyRow();
      if (!row) { this.say(this.box.dataset.msgFull || ""); return; }
      var q = row.querySelector("[data-skill-input]"), u = row.querySelector("[data-skill-uri]"),
        ess = row.querySelector("[data-row-essential]"), lvl = row.querySelector("[data-row-level]");
      q.value = it.label;
      u.value = it.uri;
      if (!u.name && u.dataset.name) u.name = u.dataset.name;
      if (ess) ess.checked = true;
      if (lvl) lvl.value = "1";
    }
    btn.disabled = true;
    btn.textContent = added;
    btn.removeAttribute("aria-label");
    this.say(added);
    // Keep the keyboard in the list: focus the next "Add" still enabled.
    var next = this.results.querySelector("button:not([disabled])");
    if (next) next.focus();
  };

  function init() {
    var boxes = document.querySelectorAll("[data-proposal-suggest]");
    for (var i = 0; i < boxes.length; i++) {
      if (!boxes[i].dataset.suggestReady && window.fetch && window.URLSearchParams && window.FormData) {
        boxes[i].dataset.suggestReady = "1";
        new Suggest(boxes[i]);
      }
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
