// The dependency picture on an entity page: /api/neighbourhood drawn with Cytoscape.js.
// What the entity depends on is laid out to its right, what depends on it to its left, one
// column per step. Edges are coloured by type (legend below the picture); inferred edges are
// dashed. Clicking a node opens its page. The same edges are listed as text on the page.
(function () {
  'use strict';
  var box = document.getElementById('graph');
  if (!box || typeof cytoscape !== 'function') return;
  var depth = document.getElementById('depth');
  var status = document.getElementById('graph-status');
  var legend = document.getElementById('graph-legend');
  var palette = ['#0b5cad', '#c0392b', '#1e8449', '#8e44ad', '#d35400', '#138d90', '#7f8c8d', '#b7950b',
                 '#2c3e50', '#e84393', '#6d4c41', '#00838f', '#5d6d7e', '#9c640c',
                 // one colour per kind of edge: 16 dependency properties and cg:dependsOn (issue 13)
                 '#4a235a', '#1a5276', '#7d6608'];

  function layout(nodes) {
    // Columns by level (downstream negative, upstream positive), nodes spread down each column.
    var cols = {};
    nodes.forEach(function (n) { (cols[n.level] = cols[n.level] || []).push(n); });
    var pos = {};
    Object.keys(cols).forEach(function (k) {
      var col = cols[k].sort(function (a, b) { return a.label.localeCompare(b.label); });
      col.forEach(function (n, i) { pos[n.id] = { x: Number(k) * 230, y: (i - (col.length - 1) / 2) * 62 }; });
    });
    return pos;
  }

  function draw(data) {
    var colours = {};
    data.properties.forEach(function (p, i) { colours[p.property] = palette[i % palette.length]; });
    var pos = layout(data.nodes);
    var elements = data.nodes.map(function (n) {
      return { group: 'nodes', data: { id: n.id, label: n.label, type: n.type, page: n.page || '', level: n.level, root: n.level === 0 },
               position: pos[n.id] };
    }).concat(data.edges.map(function (e) {
      return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, property: e.property, label: e.label,
               inferred: e.inferred, colour: colours[e.property] } };
    }));
    if (window.chipgraphGraph) window.chipgraphGraph.destroy();
    var cy = cytoscape({
      container: box, elements: elements, layout: { name: 'preset', fit: true, padding: 30 },
      minZoom: 0.2, maxZoom: 3, wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: { 'label': 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4,
            'text-wrap': 'wrap', 'text-max-width': 150, 'background-color': '#9fb3c8', 'width': 18, 'height': 18,
            'border-width': 1, 'border-color': '#51687d' } },
        { selector: 'node[?root]', style: { 'background-color': '#0b5cad', 'width': 26, 'height': 26, 'font-weight': 'bold' } },
        { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'width': 2,
            'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'line-style': 'solid',
            'label': 'data(label)', 'font-size': 9, 'color': '#444', 'text-rotation': 'autorotate',
            'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1 } },
        { selector: 'edge[?inferred]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'width': 1.5 } }
      ]
    });
    cy.on('tap', 'node', function (ev) { var p = ev.target.data('page'); if (p) window.location.href = p; });
    window.chipgraphGraph = cy;

    legend.textContent = '';
    data.properties.forEach(function (p) {
      var s = document.createElement('span');
      var sw = document.createElement('span'); sw.className = 'swatch'; sw.style.borderTopColor = colours[p.property];
      s.appendChild(sw); s.appendChild(document.createTextNode(p.label)); legend.appendChild(s);
    });
    var inf = document.createElement('span');
    var sw2 = document.createElement('span'); sw2.className = 'swatch dashed'; sw2.style.borderTopColor = '#555';
    inf.appendChild(sw2); inf.appendChild(document.createTextNode('inferred (dashed); solid: asserted by a source'));
    legend.appendChild(inf);
    status.textContent = data.nodes.length + ' nodes, ' + data.edges.length + ' edges';
    box.dataset.loaded = 'true';
  }

  function load() {
    status.textContent = 'loading…';
    box.dataset.loaded = 'false';
    fetch('/api/neighbourhood?entity=' + encodeURIComponent(box.dataset.entity) + '&depth=' + encodeURIComponent(depth.value),
          { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(draw)
      .catch(function (e) { status.textContent = 'Could not load the picture: ' + e.message; });
  }
  depth.addEventListener('change', load);
  load();
})();
