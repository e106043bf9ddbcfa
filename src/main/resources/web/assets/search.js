// The search box on every page: suggestions from /api/search as one types (ARIA combobox),
// arrow keys to move, Enter to open the highlighted entity, Escape to close. Without
// JavaScript the form still submits to /search.
(function () {
  'use strict';
  var input = document.getElementById('q');
  var list = document.getElementById('q-suggestions');
  if (!input || !list) return;
  var items = [], active = -1, timer = null, seq = 0;

  function close() {
    list.hidden = true; list.textContent = ''; items = []; active = -1;
    input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant');
  }
  function highlight(i) {
    items.forEach(function (li, j) { li.setAttribute('aria-selected', j === i ? 'true' : 'false'); });
    active = i;
    if (i >= 0) input.setAttribute('aria-activedescendant', items[i].id); else input.removeAttribute('aria-activedescendant');
  }
  function show(hits) {
    list.textContent = ''; items = []; active = -1;
    hits.forEach(function (h, i) {
      if (!h.page) return;
      var li = document.createElement('li');
      li.id = 'q-opt-' + i; li.setAttribute('role', 'option'); li.setAttribute('aria-selected', 'false');
      li.dataset.href = h.page;
      var name = document.createElement('span'); name.textContent = h.label; li.appendChild(name);
      if (h.matched && h.matched !== h.label) {
        var m = document.createElement('span'); m.className = 'matched'; m.textContent = h.matched;
        if (h.lang) m.lang = h.lang;
        li.appendChild(m);
      }
      if (h.type) { var t = document.createElement('span'); t.className = 'type'; t.textContent = h.type; li.appendChild(t); }
      li.addEventListener('mousedown', function (ev) { ev.preventDefault(); window.location.href = li.dataset.href; });
      list.appendChild(li); items.push(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
  }
  function lookup() {
    var q = input.value.trim();
    if (!q) { close(); return; }
    var mine = ++seq;
    fetch('/api/search?limit=8&q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (hits) { if (mine === seq) show(hits); })
      .catch(function () { /* the form still works */ });
  }
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(lookup, 120); });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown' && items.length) { ev.preventDefault(); highlight((active + 1) % items.length); }
    else if (ev.key === 'ArrowUp' && items.length) { ev.preventDefault(); highlight((active - 1 + items.length) % items.length); }
    else if (ev.key === 'Enter' && active >= 0) { ev.preventDefault(); window.location.href = items[active].dataset.href; }
    else if (ev.key === 'Escape') { close(); }
  });
  input.addEventListener('blur', function () { setTimeout(close, 150); });
})();
