// The dependency picture on an entity page: /api/neighbourhood drawn with Cytoscape.js in a
// layered layout (KLay layered, through cytoscape-klay): what depends on the entity to its left,
// what it depends on to its right, edges pointing from the dependent to what it relies on.
// Labels sit inside their boxes at 14 px, wrapped onto up to three lines, and the first view
// never zooms below 12 px; the layout's non-overlapping boxes mean non-overlapping labels. The
// whole drawing fits the panel at that first view: when it is too wide, the labels are wrapped
// narrower and the layout run again; the panel's height follows the drawing's (320 to 760 px).
// Only a drawing too large even so (no grouping, a deep neighbourhood) is shown around the
// entity, to pan. Edge labels show on hover.
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
  var FONT = 14, MIN_FONT = 12, MIN_PANEL = 320, PAD = 10, LINE = 1.2, MAX_LINES = 3;
  // Widths (at 14 px) a label may take before it wraps, tried in turn until the drawing fits.
  var LABEL_WIDTHS = [150, 130, 110, 96, 80];
  var MARGIN = 16;        // px kept free at the panel's edges
  var MAX_PANEL = 760;    // px: the tallest the panel grows; a taller drawing is zoomed out, to 12 px labels at least
  var CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;   // kana, CJK ideographs, Hangul
  var FAMILY = 'Helvetica Neue, Helvetica, Arial, sans-serif';
  var GROUP_ABOVE = 40;   // more nodes than this: group
  var GROUP_MIN = 3;      // a group of fewer members stays drawn node by node
  var state = { data: null, colours: {}, hidden: {}, expanded: {}, inferred: true, group: 'kind' };
  var measure = document.createElement('canvas').getContext('2d');

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
      // The count and the open mark kept on one line (no-break space) when the label wraps.
      summaries.push({ id: id, key: k, label: k.split('|')[1] + ' (' + members.length + ')\u00a0▸', level: members[0].level,
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

  function textWidth(text, bold) {
    measure.font = (bold ? 'bold ' : '') + FONT + 'px ' + FAMILY;
    return measure.measureText(text).width;
  }

  // The label broken into lines no wider than max at spaces; a Chinese, Japanese or Korean run
  // wider than that is broken between characters, a longer Latin word keeps its own line. Past
  // MAX_LINES the last line ends in an ellipsis.
  function wrap(label, max, bold) {
    var lines = [], line = '';
    label.split(/ +/).forEach(function (word) {
      var joined = line ? line + ' ' + word : word;
      if (textWidth(joined, bold) <= max) { line = joined; return; }
      if (line) lines.push(line);
      line = '';
      if (!CJK.test(word)) { line = word; return; }
      Array.from(word).forEach(function (ch) {
        if (line && textWidth(line + ch, bold) > max) { lines.push(line); line = ''; }
        line += ch;
      });
    });
    if (line) lines.push(line);
    if (lines.length > MAX_LINES) {
      var last = lines[MAX_LINES - 1];
      while (last && textWidth(last + '…', bold) > max) last = last.slice(0, -1);
      lines = lines.slice(0, MAX_LINES - 1).concat([last + '…']);
    }
    return lines;
  }

  // A node's box: its wrapped label plus padding.
  function nodeBox(label, max, bold) {
    var lines = wrap(label, max, bold);
    var w = Math.max.apply(null, lines.map(function (l) { return textWidth(l, bold); }));
    return { text: lines.join('\n'), w: Math.ceil(w) + 2 * PAD + (bold ? 8 : 0),
             h: Math.ceil(lines.length * FONT * LINE) + PAD + (bold ? 4 : 0) };
  }

  function elements(g, max) {
    var root = state.data.entity;
    function node(d, bold) {
      var b = nodeBox(d.label, max, bold);
      d.text = b.text; d.w = b.w; d.h = b.h;
      return d;
    }
    return g.nodes.map(function (n) {
      return { group: 'nodes', data: node({ id: n.id, label: n.label, type: n.type, page: n.page || '', level: n.level,
               root: n.id === root }, n.id === root) };
    }).concat(g.summaries.map(function (s) {
      return { group: 'nodes', classes: 'summary', data: node({ id: s.id, key: s.key, label: s.label, level: s.level,
               members: s.members }, false) };
    })).concat(g.edges.map(function (e) {
      return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, property: e.property,
               label: e.base + (e.count > 1 ? ' ×' + e.count : ''), inferred: e.inferred, colour: state.colours[e.property] } };
    }));
  }

  var STYLE = [
    { selector: 'node', style: { 'shape': 'round-rectangle', 'width': 'data(w)', 'height': 'data(h)', 'label': 'data(text)',
        'font-size': FONT, 'font-family': FAMILY, 'text-valign': 'center', 'text-halign': 'center', 'color': '#1b2733',
        'text-wrap': 'wrap', 'text-max-width': 1000, 'line-height': LINE, 'background-color': '#e3ebf3', 'border-width': 1,
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
    box.style.height = '';
    var cy = cytoscape({ container: box, elements: [], style: STYLE, minZoom: 0.1, maxZoom: 3,
                         wheelSensitivity: 0.3, layout: { name: 'preset' } });
    window.chipgraphGraph = cy;
    events(cy);
    // Narrower labels until the drawing's width fits the panel with labels at 12 px or more.
    var W = box.clientWidth - 2 * MARGIN;
    for (var i = 0; i < LABEL_WIDTHS.length; i++) {
      cy.elements().remove();
      cy.add(elements(g, LABEL_WIDTHS[i]));
      layout(cy);
      if (cy.elements().boundingBox().w * MIN_FONT / FONT <= W) break;
    }
    firstView(cy);
    var groupsNote = g.summaries.length ? ', ' + g.summaries.length + ' groups (click one to open it)' : '';
    status.textContent = cy.nodes().length + ' boxes for ' + state.data.nodes.length + ' nodes, ' + cy.edges().length
        + ' edges' + groupsNote;
    box.dataset.loaded = 'true';
  }

  // Cytoscape draws its own curves, so KLay need keep little room between layers for edge
  // segments (a small edge spacing): that room, not the boxes, made the drawing too wide.
  function layout(cy) {
    cy.layout({ name: 'klay', fit: false, nodeDimensionsIncludeLabels: false,
                klay: { direction: 'RIGHT', spacing: 16, inLayerSpacingFactor: 0.9, edgeSpacingFactor: 0.1,
                        nodePlacement: 'BRANDES_KOEPF', thoroughness: 10, borderSpacing: 10 } }).run();
  }

  // The whole drawing in the panel: as large as the width allows (up to 1.4 times, never under
  // 12 px labels), the panel's height fitted to it (MIN_PANEL to MAX_PANEL); a drawing too tall
  // for that is zoomed out, down to 12 px labels. One still too large (no grouping, or a deep
  // neighbourhood) is shown around the entity, to pan.
  function firstView(cy) {
    var bb = cy.elements().boundingBox(), W = box.clientWidth, zmin = MIN_FONT / FONT;
    var maxH = Math.max(box.clientHeight, MAX_PANEL);
    var z = Math.min(1.4, (W - 2 * MARGIN) / bb.w, (maxH - 2 * MARGIN) / bb.h);
    z = Math.max(z, zmin);
    var h = Math.min(maxH, Math.max(MIN_PANEL, Math.ceil(bb.h * z) + 2 * MARGIN));
    if (h !== box.clientHeight) { box.style.height = h + 'px'; cy.resize(); }
    cy.zoom(z);
    var root = cy.getElementById(state.data.entity).position();
    cy.pan({ x: centred(W, bb.x1, bb.x2, root.x, z), y: centred(h, bb.y1, bb.y2, root.y, z) });
  }

  // The pan along one axis: the drawing centred when it fits the panel's length, else the entity
  // centred with no empty space past either end of the drawing.
  function centred(length, lo, hi, at, z) {
    if ((hi - lo) * z <= length - 2 * MARGIN) return (length - (hi - lo) * z) / 2 - lo * z;
    return Math.min(MARGIN - lo * z, Math.max(length - MARGIN - hi * z, length / 2 - at * z));
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
