// The Fuseki UI on chipgraph's read-only server: a notice at the top, the write tabs and buttons
// ("add data", "edit", "new dataset") hidden as the UI draws them, and their routes sent back to
// the query editor. The server refuses writes anyway; this keeps the UI from offering them.
(function () {
  'use strict';
  var WRITE_ROUTE = /^#\/(dataset\/[^/]+\/(upload|edit)|manage\/new)\b/;
  var WRITE_TEXT = /^(add data|edit|new dataset)$/i;

  function notice() {
    if (document.getElementById('cg-readonly')) return;
    var p = document.createElement('p');
    p.id = 'cg-readonly';
    p.setAttribute('role', 'note');
    p.textContent = 'Read-only: this server publishes what the loader built (./chipgraph load). '
        + 'Queries work here; adding or editing data does not, so those tabs are hidden. ';
    var home = document.createElement('a'); home.href = '/'; home.textContent = 'chipgraph home';
    p.appendChild(home);
    document.body.insertBefore(p, document.body.firstChild);
  }

  function guard() {
    var m = WRITE_ROUTE.exec(location.hash);
    if (!m) return;
    var ds = /^#\/dataset\/([^/]+)\//.exec(location.hash);
    location.replace(ds ? '#/dataset/' + ds[1] + '/query' : '#/');
  }

  function hideWrites(root) {
    root.querySelectorAll('a, button').forEach(function (el) {
      if (WRITE_TEXT.test(el.textContent.trim())) {
        el.classList.add('cg-write');
        var li = el.closest('li.nav-item');
        if (li) li.classList.add('cg-write');
      }
    });
  }

  guard();
  window.addEventListener('hashchange', guard);
  function start() {
    notice();
    hideWrites(document);
    new MutationObserver(function () { hideWrites(document); }).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
