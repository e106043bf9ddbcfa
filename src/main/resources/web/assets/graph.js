// The dependency picture on an entity page: /api/neighbourhood drawn with Cytoscape.js in a
// layered layout (KLay layered, through cytoscape-klay): what depends on the entity to its left,
// what it depends on to its right, edges pointing from the dependent to what it relies on.
// Labels sit inside their boxes at 14 px and the first view never zooms below 12 px, so the
// layout's non-overlapping boxes mean non-overlapping labels. Edge labels show on hover.
// Large neighbourhoods are grouped: nodes of one kind (or country) at one step become one
// summary node, opened by a click. Controls: depth, grouping, edge kinds, inferred edges.
// Clicking a node opens its page. The same edges are listed as text below the picture.
(function () {
  'use strict';
  var box = document.getElementById('graph');
  if (!box || typeof cytoscape !== 'function') return;
  var depth = document.getElementById('depth');
  var status = document.getElementById('graph-status');
  var legend = document.getElementById('graph-legend');
  var palette = ['#0b5cad', '#c0392b', '#1e8449', '#8e44ad', '#d35400', '#138d90', '#7f8c8d', '#b7950b',
                 '#2c3e50', '#e84393', '#6d4c41', '#00838f', '#5d6d7e', '#9c640c', '#4a235a', '#1a5276', '#7d6608'];
  var FONT = 14, MIN_FONT = 12, MIN_PANEL = 320, MAX_LABEL = 220, PAD = 10, HEIGHT = 30;
  var FAMILY = 'Helvetica Neue, Helvetica, Arial, sans-serif';
  var GROUP_ABOVE = 40;   // more nodes than this: group
  var GROUP_MIN = 3;      // a group of fewer members stays drawn node by node
  var state = { data: null, colours: {}, hidden: {}, expanded: {}, inferred: true, group: 'kind' };
  var measure = document.createElement('canvas').getContext('2d');
  measure.font = FONT + 'px ' + FAMILY;

  function control(html) {
    var span = document.createElement('span');
    span.className = 'graph-control';
    span.innerHTML = html;    // fixed markup only: no data goes through here
    depth.parentNode.insertBefore(span, status);
    return span;
  }
  var groupSelect = control('<label for="graph-group">Group</label> <select id="graph-group">'
      + '<option value="kind" selected>by kind</option><option value="country">by country</option>'
      + '<option value="none">no grouping</option></select>').querySelector('select');
  var inferredBox = control('<label><input type="checkbox" id="graph-inferred" checked> inferred edges</label>')
      .querySelector('input');
  var expandAll = control('<button type="button" id="graph-regroup">Regroup</button>').querySelector('button');
  legend.removeAttribute('aria-hidden');

  // Nodes still joined to the root by the edges shown (kinds not filtered out, inferred if wanted).
  function visible(data) {
    var edges = data.edges.filter(function (e) { return !state.hidden[e.property] && (state.inferred || !e.inferred); });
    var adj = {};
    edges.forEach(function (e) {
      (adj[e.source] = adj[e.source] || []).push(e.target);
      (adj[e.target] = adj[e.target] || []).push(e.source);
    });
    var seen = {}; seen[data.entity] = true;
    var todo = [data.entity];
    while (todo.length) (adj[todo.pop()] || []).forEach(function (m) { if (!seen[m]) { seen[m] = true; todo.push(m); } });
    return { nodes: data.nodes.filter(function (n) { return seen[n.id]; }),
             edges: edges.filter(function (e) { return seen[e.source] && seen[e.target]; }) };
  }

  function groupKey(n) {
    var by = state.group === 'country' ? (n.country || 'country not recorded') : (n.type || 'other');
    return n.level + '|' + by;
  }

  // Each node's representative: itself, or the summary node of its closed group.
  function grouped(v) {
    var rep = {}, groups = {};
    var grouping = state.group !== 'none' && v.nodes.length > GROUP_ABOVE;
    v.nodes.forEach(function (n) {
      rep[n.id] = n.id;
      if (!grouping || n.level === 0) return;
      var k = groupKey(n);
      (groups[k] = groups[k] || []).push(n);
    });
    var summaries = [];
    Object.keys(groups).forEach(function (k) {
      var members = groups[k];
      if (members.length < GROUP_MIN || state.expanded[k]) return;
      var id = 'group:' + k;
      members.forEach(function (n) { rep[n.id] = id; });
      summaries.push({ id: id, key: k, label: k.split('|')[1] + ' (' + members.length + ')', level: members[0].level,
                       members: members.map(function (n) { return n.id; }) });
    });
    var edges = {};
    v.edges.forEach(function (e) {
      var s = rep[e.source], t = rep[e.target];
      if (s === t) return;
      var k = s + ' ' + t + ' ' + e.property + ' ' + e.inferred;
      if (edges[k]) { edges[k].count++; return; }
      edges[k] = { id: 'e' + Object.keys(edges).length, source: s, target: t, property: e.property, base: e.label,
                   inferred: e.inferred, count: 1 };
    });
    return { nodes: v.nodes.filter(function (n) { return rep[n.id] === n.id; }), summaries: summaries,
             edges: Object.keys(edges).map(function (k) { return edges[k]; }) };
  }

  function size(label) {
    return Math.min(MAX_LABEL, Math.ceil(measure.measureText(label).width)) + 2 * PAD;
  }

  function elements(g) {
    var root = state.data.entity;
    return g.nodes.map(function (n) {
      return { group: 'nodes', data: { id: n.id, label: n.label, type: n.type, page: n.page || '', level: n.level,
               root: n.id === root, w: size(n.label) + (n.id === root ? 8 : 0) } };
    }).concat(g.summaries.map(function (s) {
      return { group: 'nodes', classes: 'summary', data: { id: s.id, key: s.key, label: s.label + ' ▸', level: s.level,
               members: s.members, w: size(s.label + ' ▸') } };
    })).concat(g.edges.map(function (e) {
      return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, property: e.property,
               label: e.base + (e.count > 1 ? ' ×' + e.count : ''), inferred: e.inferred, colour: state.colours[e.property] } };
    }));
  }

  var STYLE = [
    { selector: 'node', style: { 'shape': 'round-rectangle', 'width': 'data(w)', 'height': HEIGHT, 'label': 'data(label)',
        'font-size': FONT, 'font-family': FAMILY, 'text-valign': 'center', 'text-halign': 'center', 'color': '#1b2733',
        'text-wrap': 'ellipsis', 'text-max-width': MAX_LABEL, 'background-color': '#e3ebf3', 'border-width': 1,
        'border-color': '#7d95ab' } },
    { selector: 'node.summary', style: { 'background-color': '#fff7e0', 'border-style': 'dashed', 'border-color': '#b7950b',
        'border-width': 2 } },
    { selector: 'node[?root]', style: { 'background-color': '#0b5cad', 'color': '#fff', 'font-weight': 'bold',
        'border-width': 3, 'border-color': '#062f59' } },
    { selector: 'node.hover', style: { 'border-color': '#d35400', 'border-width': 3 } },
    { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'width': 2,
        'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'line-style': 'solid', 'label': '',
        'font-size': 13, 'font-family': FAMILY, 'color': '#222', 'text-rotation': 'autorotate',
        'text-background-color': '#fff', 'text-background-opacity': 0.9, 'text-background-padding': 2 } },
    { selector: 'edge[?inferred]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'width': 1.5 } },
    { selector: 'edge.hover', style: { 'label': 'data(label)', 'width': 3, 'z-index': 10 } }
  ];

  function render() {
    var g = grouped(visible(state.data));
    if (window.chipgraphGraph) window.chipgraphGraph.destroy();
    var cy = cytoscape({ container: box, elements: elements(g), style: STYLE, minZoom: 0.1, maxZoom: 3,
                         wheelSensitivity: 0.3, layout: { name: 'preset' } });
    window.chipgraphGraph = cy;
    events(cy);
    cy.layout({ name: 'klay', fit: false, nodeDimensionsIncludeLabels: false,
                klay: { direction: 'RIGHT', spacing: 24, inLayerSpacingFactor: 0.6, edgeSpacingFactor: 0.3,
                        nodePlacement: 'BRANDES_KOEPF', thoroughness: 10, borderSpacing: 10 } }).run();
    firstView(cy);
    var groupsNote = g.summaries.length ? ', ' + g.summaries.length + ' groups (click one to open it)' : '';
    status.textContent = cy.nodes().length + ' boxes for ' + state.data.nodes.length + ' nodes, ' + cy.edges().length
        + ' edges' + groupsNote;
    box.dataset.loaded = 'true';
  }

  // Fit the panel, but never so small that a label falls under 12 px: then show the drawing from
  // its left or right end, keeping the entity in view, and pan to see the rest.
  // A drawing shorter than the panel shrinks the panel to it, so the picture fills what it takes.
  function firstView(cy) {
    var root = cy.getElementById(state.data.entity);
    box.style.height = '';
    cy.resize();
    cy.fit(undefined, 16);
    if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }
    if (cy.zoom() * FONT >= MIN_FONT) return;
    var z = MIN_FONT / FONT, bb = cy.elements().boundingBox(), w = box.clientWidth;
    var h = Math.max(MIN_PANEL, Math.min(box.clientHeight, Math.ceil(bb.h * z) + 40));
    if (h < box.clientHeight) { box.style.height = h + 'px'; cy.resize(); }
    cy.zoom(z);
    var px = 16 - bb.x1 * z;
    var rx = root.position('x') * z;
    if (rx + px > w - 120) px = w - 16 - bb.x2 * z;        // the entity is near the right: show the right end
    if (rx + px < 120) px = w / 2 - rx;
    var py = bb.h * z <= h - 32 ? (h - bb.h * z) / 2 - bb.y1 * z : h / 2 - root.position('y') * z;
    cy.pan({ x: px, y: py });
  }

  function events(cy) {
    cy.on('tap', 'node', function (ev) {
      var n = ev.target;
      if (n.hasClass('summary')) { state.expanded[n.data('key')] = true; render(); return; }
      if (n.data('page')) window.location.href = n.data('page');
    });
    cy.on('mouseover', 'edge', function (ev) { ev.target.addClass('hover'); });
    cy.on('mouseout', 'edge', function (ev) { ev.target.removeClass('hover'); });
    cy.on('mouseover', 'node', function (ev) {
      ev.target.addClass('hover'); ev.target.connectedEdges().addClass('hover');
      box.title = ev.target.data('label') + (ev.target.data('type') ? ' (' + ev.target.data('type') + ')' : '');
    });
    cy.on('mouseout', 'node', function (ev) { ev.target.removeClass('hover'); ev.target.connectedEdges().removeClass('hover'); });
  }

  function drawLegend(data) {
    legend.textContent = '';
    var title = document.createElement('span'); title.textContent = 'Edge kinds:'; legend.appendChild(title);
    data.properties.forEach(function (p) {
      var l = document.createElement('label'), cb = document.createElement('input');
      cb.type = 'checkbox'; cb.checked = !state.hidden[p.property]; cb.value = p.property; cb.className = 'edge-kind';
      cb.addEventListener('change', function () { state.hidden[p.property] = !cb.checked; render(); });
      var sw = document.createElement('span'); sw.className = 'swatch'; sw.style.borderTopColor = state.colours[p.property];
      l.appendChild(cb); l.appendChild(sw); l.appendChild(document.createTextNode(p.label)); legend.appendChild(l);
    });
    var inf = document.createElement('span');
    var sw2 = document.createElement('span'); sw2.className = 'swatch dashed'; sw2.style.borderTopColor = '#555';
    inf.appendChild(sw2); inf.appendChild(document.createTextNode('inferred (dashed); solid: asserted by a source'));
    legend.appendChild(inf);
  }

  function draw(data) {
    state.data = data;
    state.expanded = {};
    data.properties.forEach(function (p, i) { state.colours[p.property] = state.colours[p.property] || palette[i % palette.length]; });
    drawLegend(data);
    render();
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
  function redraw() { box.dataset.loaded = 'false'; render(); }
  depth.addEventListener('change', load);
  groupSelect.addEventListener('change', function () { state.group = groupSelect.value; state.expanded = {}; redraw(); });
  inferredBox.addEventListener('change', function () { state.inferred = inferredBox.checked; redraw(); });
  expandAll.addEventListener('click', function () { state.expanded = {}; redraw(); });
  load();
})();
