// Skill fields: progressive enhancement of the "skill-field" partial into an
// ARIA 1.2 combobox with a listbox popup. Without this file the field is a
// plain text input that the server resolves (with radio choices when the
// text is ambiguous); with it, suggestions come from GET /api/v1/skills as
// the person types, and choosing one fills the hidden <name>_uri input.
(function () {
  "use strict";
  var DELAY = 150, LIMIT = 8, seq = 0;

  function lang() { return document.documentElement.lang || "en"; }

  // message picks the translated "N skills found" for n: the server renders
  // the message for sample counts, and the one whose CLDR plural category
  // matches n's is used.
  function message(field, n) {
    if (n === 0) return field.dataset.msgNone;
    var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang()) : null;
    var samples = [1, 2, 3, 5, 20, 1000000, 0], text = field.getAttribute("data-msg-5");
    for (var i = 0; rules && i < samples.length; i++) {
      if (rules.select(samples[i]) === rules.select(n)) { text = field.getAttribute("data-msg-" + samples[i]); break; }
    }
    return (text || "").replace("#", n.toLocaleString(lang()));
  }

  function Picker(field) {
    this.field = field;
    this.input = field.querySelector("[data-skill-input]");
    this.uri = field.querySelector("[data-skill-uri]");
    this.items = [];
    this.active = -1;
    this.timer = 0;
    this.ctrl = null;
    var id = this.input.id;
    this.list = document.createElement("ul");
    this.list.id = id + "-listbox";
    this.list.className = "skill-listbox";
    this.list.setAttribute("role", "listbox");
    this.list.setAttribute("aria-label", field.dataset.msgList || "");
    this.list.hidden = true;
    this.status = document.createElement("div");
    this.status.className = "visually-hidden";
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    this.input.insertAdjacentElement("afterend", this.list);
    field.appendChild(this.status);
    this.input.setAttribute("role", "combobox");
    this.input.setAttribute("aria-autocomplete", "list");
    this.input.setAttribute("aria-expanded", "false");
    this.input.setAttribute("aria-controls", this.list.id);
    this.bind();
  }

  Picker.prototype.bind = function () {
    var p = this;
    p.input.addEventListener("input", function () { p.changed(); });
    p.input.addEventListener("keydown", function (e) { p.key(e); });
    p.input.addEventListener("blur", function () { setTimeout(function () { p.close(); }, 150); });
    p.list.addEventListener("mousedown", function (e) { e.preventDefault(); });
    p.list.addEventListener("click", function (e) {
      var li = e.target.closest("[role=option]");
      if (li) p.choose(Number(li.dataset.index));
    });
  };

  // changed: the text no longer names the chosen concept; ask again soon.
  Picker.prototype.changed = function () {
    var p = this;
    p.uri.value = "";
    clearTimeout(p.timer);
    p.timer = setTimeout(function () { p.fetch(p.input.value); }, DELAY);
  };

  Picker.prototype.fetch = function (q) {
    var p = this, mine = ++seq;
    if (!q.trim()) { p.show([]); p.close(); return; }
    if (p.ctrl) p.ctrl.abort();
    p.ctrl = window.AbortController ? new AbortController() : null;
    var url = "/api/v1/skills?limit=" + LIMIT + "&lang=" + encodeURIComponent(lang()) + "&q=" + encodeURIComponent(q);
    fetch(url, { credentials: "same-origin", signal: p.ctrl ? p.ctrl.signal : undefined, headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (body) { if (mine === seq) { p.show(body.items || []); } })
      .catch(function () { /* offline or aborted: the server still resolves the text */ });
  };

  Picker.prototype.show = function (items) {
    var p = this, f = p.field;
    p.items = items;
    p.active = -1;
    p.input.removeAttribute("aria-activedescendant");
    p.list.textContent = "";
    items.forEach(function (it, i) {
      var li = document.createElement("li");
      li.id = p.list.id + "-" + i;
      li.className = "skill-option";
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.index = String(i);
      var name = document.createElement("span");
      name.textContent = it.label;
      name.lang = it.lang;
      li.appendChild(name);
      if (it.lang !== lang() && it.lang === "en" && f.dataset.msgEn) li.appendChild(document.createTextNode(" " + f.dataset.msgEn));
      if (it.matched) {
        var also = document.createElement("span");
        also.className = "skill-also";
        also.textContent = (f.dataset.msgAlso || "#").replace("#", it.matched);
        li.appendChild(also);
      }
      p.list.appendChild(li);
    });
    if (items.length === 0 && p.input.value.trim()) {
      var none = document.createElement("li");
      none.className = "skill-option-empty";
      none.setAttribute("aria-disabled", "true");
      none.textContent = f.dataset.msgNone || "";
      p.list.appendChild(none);
    }
    p.status.textContent = p.input.value.trim() ? message(f, items.length) : "";
    if (p.input.value.trim()) { p.open(); } else { p.close(); }
  };

  Picker.prototype.open = function () { this.list.hidden = false; this.input.setAttribute("aria-expanded", "true"); };

  Picker.prototype.close = function () {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  };

  Picker.prototype.move = function (to) {
    if (!this.items.length) return;
    this.open();
    var n = this.items.length;
    this.active = (to + n) % n;
    var opts = this.list.querySelectorAll("[role=option]");
    for (var i = 0; i < opts.length; i++) opts[i].setAttribute("aria-selected", String(i === this.active));
    var li = opts[this.active];
    this.input.setAttribute("aria-activedescendant", li.id);
    li.scrollIntoView({ block: "nearest" });
  };

  // choose fills the text and the hidden URI; radio choices of an earlier
  // answer give way to it.
  Picker.prototype.choose = function (i) {
    var it = this.items[i];
    if (!it) return;
    this.input.value = it.label;
    this.uri.value = it.uri;
    if (this.uri.dataset.name) this.uri.name = this.uri.dataset.name;
    var choices = this.field.querySelector("[data-skill-choices]");
    if (choices) choices.remove();
    this.close();
    this.status.textContent = it.label;
  };

  Picker.prototype.key = function (e) {
    var open = !this.list.hidden;
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (!open && !this.items.length) { this.fetch(this.input.value); return; }
        this.move(e.altKey ? Math.max(this.active, 0) : this.active + 1);
        break;
      case "ArrowUp":
        e.preventDefault();
        this.move(this.active < 0 ? -1 : this.active - 1);
        break;
      case "Enter":
        if (open && this.active >= 0) { e.preventDefault(); this.choose(this.active); }
        break;
      case "Escape":
        if (open) { e.preventDefault(); this.close(); }
        else if (this.input.value) { e.preventDefault(); this.input.value = ""; this.uri.value = ""; }
        break;
      case "Tab":
        this.close();
        break;
    }
  };

  function init() {
    var fields = document.querySelectorAll("[data-skill-field]");
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].dataset.skillReady) continue; // the script may be included twice
      fields[i].dataset.skillReady = "1";
      new Picker(fields[i]);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
