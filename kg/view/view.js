/* kg view: draws the graph from the JSON data island with vis-network.
 *
 * Safety rule of this file: data (names, quotes, headlines) only ever reaches the page
 * through textContent, text nodes, or vis-network's canvas labels and string tooltips
 * (which vis-network sets with innerText).  Nothing here uses innerHTML, insertAdjacentHTML,
 * document.write, eval or URLs built from data.
 */
(function () {
  "use strict";

  performance.mark("kg:start");
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  performance.mark("kg:parsed");
  var FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
  var GROUP_NAMES = {
    person: "People", organization: "Organizations", event: "Events", quote: "Quotes",
    resource: "Resources by class", literal: "Literals"
  };
  var large = !!data.large;

  // ---- lookups ---------------------------------------------------------------------------
  var typeInfo = {};
  data.types.forEach(function (t) { typeInfo[t.type] = t; });
  var nodeById = new Map();
  data.nodes.forEach(function (n) { nodeById.set(n.id, n); });
  var edgeById = new Map();
  var incident = new Map();
  data.nodes.forEach(function (n) { incident.set(n.id, []); });
  data.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    incident.get(e.from).push(e);
    if (e.to !== e.from) incident.get(e.to).push(e);
  });
  var hidden = {};

  // ---- small DOM helpers (text only) ---------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function clip(s, n) { s = String(s).replace(/\s+/g, " ").trim(); return s.length <= n ? s : s.slice(0, n - 1) + "…"; }
  var SINGULAR = { People: "person", Organizations: "organization", Events: "event", Quotes: "quote",
                   "Resources by class": "resource", Literals: "literal", Links: "link" };
  var PLURAL = { "Resources by class": "resources" };
  function plural(n, name) {
    return n + " " + (n === 1 && SINGULAR[name] ? SINGULAR[name] : PLURAL[name] || name.toLowerCase());
  }
  function swatch(t) {
    var s = el("span", "kg-swatch " + (t ? t.shape : "dot"));
    s.style.background = t ? t.color : "#999";
    return s;
  }
  function shade(hex, f) {   // f < 0 darkens, f > 0 lightens
    var n = parseInt(hex.slice(1), 16), out = "#";
    [16, 8, 0].forEach(function (sh) {
      var c = (n >> sh) & 255;
      c = f < 0 ? Math.round(c * (1 + f)) : Math.round(c + (255 - c) * f);
      out += ("0" + c.toString(16)).slice(-2);
    });
    return out;
  }

  // ---- tooltips: plain strings (vis-network shows them with innerText) --------------------
  function sourceLine(ev) {
    var s = data.sentences[ev[0]], a = data.articles[s[0]];
    return a ? a.headline + (a.published ? " (" + a.published + ")" : "") : "";
  }
  function evidenceText(ev, n) {
    var s = data.sentences[ev[0]], src = sourceLine(ev);
    return "“" + clip(s[1], n || 240) + "”" + (src ? "\n   — " + clip(src, 120) : "");
  }
  function nodeTitle(n) {
    var t = typeInfo[n.type], lines = [n.label + "  ·  " + (t ? t.label : n.type)];
    if (n.aliases && n.aliases.length) lines.push("Also: " + n.aliases.join(", "));
    if (n.titles && n.titles.length) lines.push("Titles: " + n.titles.join("; "));
    (n.facts || []).forEach(function (f) {
      if (f[0] !== "kind") lines.push(f[0] + ": " + clip(f[1], 200));
    });
    var ev = n.ev || [];
    ev.slice(0, 2).forEach(function (e) { lines.push(evidenceText(e)); });
    if (ev.length > 2) lines.push("… and " + (ev.length - 2) + " more sentences: click for all");
    return lines.join("\n");
  }
  function edgeTitle(e) {
    var a = nodeById.get(e.from), b = nodeById.get(e.to), lines = [a.label + " " + e.label + " " + b.label];
    var ev = e.ev || [];
    ev.slice(0, 2).forEach(function (x) { lines.push(evidenceText(x)); });
    if (ev.length > 2) lines.push("… and " + (ev.length - 2) + " more: click for all");
    return lines.join("\n");
  }

  // ---- vis data ------------------------------------------------------------------------------
  // Styling lives in vis "groups" (one per type), not on each item: per-item option objects
  // are deep-copied by vis-network and cost seconds on a graph of thousands of nodes.
  var groups = {};
  data.types.forEach(function (t) {
    groups[t.type] = {
      shape: t.shape,
      color: {
        background: t.color, border: shade(t.color, -0.35),
        highlight: { background: shade(t.color, 0.35), border: "#222222" },
        hover: { background: shade(t.color, 0.2), border: "#222222" }
      }
    };
    if (t.group === "literal") groups[t.type].font = { size: 11, color: "#555555" };
  });
  var visNodes = data.nodes.map(function (n) {
    var t = typeInfo[n.type] || {};
    var v = {
      id: n.id, group: n.type,
      size: t.group === "literal" ? 6 : 11 + Math.min(14, 2.2 * Math.sqrt(incident.get(n.id).length))
    };
    if (!large) v.label = n.label;
    if (n.x !== undefined) { v.x = n.x; v.y = n.y; }
    return v;
  });
  // On a large graph labels and arrow heads are only drawn once zoomed in (see detail()).
  var NO_ARROW = { to: { enabled: false } };
  var visEdges = data.edges.map(function (e) {
    var v = { id: e.id, from: e.from, to: e.to };
    if (!large) v.label = e.label;
    if (e.sym) v.arrows = NO_ARROW;
    if (e.curve && !large) v.smooth = { enabled: true, type: e.curve % 2 ? "curvedCW" : "curvedCCW", roundness: 0.18 + 0.12 * e.curve };
    return v;
  });
  performance.mark("kg:items");
  var nodes = new vis.DataSet(visNodes);
  var edges = new vis.DataSet(visEdges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !hidden[n.group]; } });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      return !hidden[nodeById.get(e.from).type] && !hidden[nodeById.get(e.to).type];
    }
  });

  var options = {
    autoResize: true,
    nodes: {
      borderWidth: 1, borderWidthSelected: 2,
      font: { size: 13, face: FONT, color: "#222", strokeWidth: 3, strokeColor: "#ffffff" },
      // on a big graph, names appear once zoomed in far enough to read them
      scaling: { label: { enabled: false, drawThreshold: large ? 9 : 5 } }
    },
    groups: groups,
    edges: {
      width: 1, selectionWidth: 1.5, hoverWidth: 0.5,
      arrows: { to: { enabled: !large, scaleFactor: 0.55 } },
      color: { color: "#a9b0b8", highlight: "#333333", hover: "#555555", inherit: false },
      font: { size: 11, face: FONT, color: "#555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      smooth: large ? false : { enabled: true, type: "continuous", roundness: 0.3 },
      scaling: { label: { enabled: false, drawThreshold: large ? 9 : 5 } }
    },
    interaction: {
      hover: true, tooltipDelay: 120, multiselect: false, keyboard: false, navigationButtons: false,
      hideEdgesOnDrag: large, hideEdgesOnZoom: large
    },
    layout: { randomSeed: 7, improvedLayout: !large && data.nodes.length <= 150 },
    physics: large ? false : {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -90, centralGravity: 0.01, springLength: 120, springConstant: 0.05, avoidOverlap: 0.6 },
      stabilization: { enabled: true, iterations: 400, updateInterval: 50, fit: true }
    }
  };

  performance.mark("kg:datasets");
  var container = document.getElementById("kg-graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  performance.mark("kg:network");

  var api = window.kgView = {
    network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, data: data,
    ready: false, readyAt: null, focusNode: focusNode, setTypeVisible: setTypeVisible, search: search
  };
  function markReady() {
    if (api.ready) return;
    api.ready = true;
    api.readyAt = performance.now();
    performance.mark("kg:ready");
    document.documentElement.setAttribute("data-kg-ready", "1");
  }
  if (large || data.nodes.length === 0) {
    network.once("afterDrawing", markReady);
    if (data.nodes.length === 0) markReady();
  } else {
    network.once("stabilizationIterationsDone", function () {
      // freeze the layout once settled: nodes stay where they are when types are hidden
      network.setOptions({ physics: { enabled: false } });
      network.fit();
      // fit() frames the symbols; step back a little so labels at the edges stay readable
      network.moveTo({ scale: network.getScale() * 0.95 });
      markReady();
    });
  }

  // ---- large graphs: labels and arrow heads once zoomed in --------------------------------------
  // Measuring and drawing 10,000 edge labels and arrow heads costs seconds at load and is
  // unreadable at the zoom that shows the whole graph, so they arrive when the user zooms in
  // (names of nodes follow the same rule through the label draw threshold).
  var detailed = !large;
  function detail() {
    if (!detailed && network.getScale() >= 0.5) {
      detailed = true;
      nodes.update(data.nodes.map(function (n) { return { id: n.id, label: n.label }; }));
      edges.update(data.edges.map(function (e) { return { id: e.id, label: e.label }; }));
      network.setOptions({ edges: { arrows: { to: { enabled: true, scaleFactor: 0.55 } } } });
    }
  }
  if (large) {
    network.on("zoom", detail);
    network.on("animationFinished", detail);
  }

  // ---- header --------------------------------------------------------------------------------
  (function header() {
    document.getElementById("kg-title").textContent = data.title;
    document.title = data.title;
    var sub = [];
    if (data.raw) sub.push("Every triple of the RDF graph (raw view)");
    if (data.articles.length === 1) {
      var a = data.articles[0];
      if (a.published) sub.push("Published " + a.published);
      if (a.publisher) sub.push(a.publisher);
      if (a.byline) sub.push("By " + a.byline);
    } else if (data.articles.length > 1) {
      var dates = data.articles.map(function (x) { return x.published; }).filter(Boolean).sort();
      sub.push(data.articles.length + " articles" +
        (dates.length ? ", published " + dates[0] + (dates[dates.length - 1] !== dates[0] ? " to " + dates[dates.length - 1] : "") : ""));
    }
    document.getElementById("kg-subtitle").textContent = sub.join(" · ");
  })();

  function updateStatus() {
    var n = nodeView.length, e = edgeView.length;
    document.getElementById("kg-status").textContent =
      n + " of " + data.nodes.length + " nodes · " + e + " of " + data.edges.length + " links shown";
  }

  // ---- legend and type filters -----------------------------------------------------------------
  function setTypeVisible(type, visible) {
    hidden[type] = !visible;
    var box = document.querySelector('#kg-legend input[data-type="' + CSS.escape(type) + '"]');
    if (box) box.checked = visible;
    nodeView.refresh();
    edgeView.refresh();
    updateStatus();
  }
  (function legend() {
    var nav = document.getElementById("kg-legend"), group = null;
    data.types.forEach(function (t) {
      if (t.group !== group) {
        group = t.group;
        nav.appendChild(el("h2", null, GROUP_NAMES[group] || group));
      }
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.setAttribute("data-type", t.type);
      box.addEventListener("change", function () { setTypeVisible(t.type, box.checked); });
      label.appendChild(box);
      label.appendChild(swatch(t));
      label.appendChild(el("span", "kg-type-name", t.label));
      label.appendChild(el("span", "kg-count", t.count));
      nav.appendChild(label);
    });
    nav.appendChild(el("h2", null, "Links"));
    nav.appendChild(el("p", "kg-edge-key", "An arrow reads as a sentence: Person → CEO of → Company."));
    nav.appendChild(el("p", "kg-edge-key", "Hover for the evidence; click for every sentence."));
  })();
  updateStatus();

  // ---- side panel -------------------------------------------------------------------------------
  var panel = document.getElementById("kg-panel");

  function evidenceBlock(parent, ev) {
    var s = data.sentences[ev[0]], text = s[1], q = el("blockquote");
    var a = ev[1], b = ev[2];
    if (a !== null && a !== undefined && b > a && b <= text.length) {
      q.appendChild(document.createTextNode(text.slice(0, a)));
      q.appendChild(el("mark", null, text.slice(a, b)));
      q.appendChild(document.createTextNode(text.slice(b)));
    } else {
      q.textContent = text;
    }
    parent.appendChild(q);
    var bits = [], src = sourceLine(ev);
    if (src) bits.push("— " + src);
    if (ev[3]) bits.push("rule " + ev[3]);
    if (ev[4] !== null && ev[4] !== undefined) bits.push("confidence " + ev[4]);
    if (bits.length) parent.appendChild(el("p", "kg-source", bits.join(" · ")));
  }
  function evidenceSection(evs, heading) {
    if (!evs || !evs.length) return;
    panel.appendChild(el("h3", null, heading + " (" + evs.length + ")"));
    var limit = 60;
    evs.slice(0, limit).forEach(function (ev) { evidenceBlock(panel, ev); });
    if (evs.length > limit) panel.appendChild(el("p", "kg-muted", "… and " + (evs.length - limit) + " more"));
  }
  function nodeButton(id) {
    var n = nodeById.get(id), b = el("button", "kg-link", n.label);
    b.type = "button";
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }
  function edgeButton(e, text) {
    var b = el("button", "kg-link", text);
    b.type = "button";
    b.title = "Why is this link here?";
    b.addEventListener("click", function () { network.selectEdges([e.id]); showEdge(e.id); });
    return b;
  }

  function showSummary() {
    clear(panel);
    panel.appendChild(el("h2", null, data.raw ? "Every triple" : "The story at a glance"));
    var counts = {};
    data.nodes.forEach(function (n) {
      var g = (typeInfo[n.type] || {}).group || "other";
      counts[g] = (counts[g] || 0) + 1;
    });
    var parts = Object.keys(counts).map(function (g) { return plural(counts[g], GROUP_NAMES[g] || g); });
    panel.appendChild(el("p", null, parts.join(", ") + "; " + plural(data.edges.length, "Links") + "."));
    if (data.articles.length) {
      panel.appendChild(el("h3", null, data.articles.length === 1 ? "Article" : "Articles (" + data.articles.length + ")"));
      var ul = el("ul");
      data.articles.slice(0, 100).forEach(function (a) {
        ul.appendChild(el("li", null, a.headline + (a.published ? " (" + a.published + ")" : "")));
      });
      panel.appendChild(ul);
    }
    // the most connected people and organizations: where the story is
    var hubs = data.nodes.filter(function (n) {
      var g = (typeInfo[n.type] || {}).group; return g === "person" || g === "organization";
    }).sort(function (x, y) { return incident.get(y.id).length - incident.get(x.id).length; }).slice(0, 8);
    if (hubs.length) {
      panel.appendChild(el("h3", null, "Most connected"));
      var ol = el("ul");
      hubs.forEach(function (n) {
        var li = el("li");
        li.appendChild(nodeButton(n.id));
        li.appendChild(el("span", "kg-muted", " " + plural(incident.get(n.id).length, "Links")));
        ol.appendChild(li);
      });
      panel.appendChild(ol);
    }
    panel.appendChild(el("p", "kg-muted",
      "Click a node or a link to see why it is there. Find a name or alias with the search box; " +
      "untick a type on the left to hide it."));
  }

  function showNode(id) {
    var n = nodeById.get(id), t = typeInfo[n.type];
    clear(panel);
    panel.appendChild(el("h2", null, n.label));
    var kind = el("p", "kg-kind");
    kind.appendChild(swatch(t));
    kind.appendChild(el("span", null, t ? t.label : n.type));
    panel.appendChild(kind);
    if (n.aliases && n.aliases.length) {
      panel.appendChild(el("h3", null, "Also called"));
      panel.appendChild(el("p", null, n.aliases.join(", ")));
    }
    if (n.titles && n.titles.length) {
      panel.appendChild(el("h3", null, "Titles"));
      var tl = el("ul");
      n.titles.forEach(function (x) { tl.appendChild(el("li", null, x)); });
      panel.appendChild(tl);
    }
    if (n.facts && n.facts.length) {
      var dl = el("dl");
      n.facts.forEach(function (f) { dl.appendChild(el("dt", null, f[0])); dl.appendChild(el("dd", null, f[1])); });
      panel.appendChild(dl);
    }
    var links = incident.get(id);
    if (links.length) {
      panel.appendChild(el("h3", null, "Links (" + links.length + ")"));
      var ul = el("ul");
      links.slice(0, 200).forEach(function (e) {
        var li = el("li");
        if (e.from === id) {
          li.appendChild(edgeButton(e, e.label));
          li.appendChild(document.createTextNode(" "));
          li.appendChild(nodeButton(e.to));
        } else {
          li.appendChild(nodeButton(e.from));
          li.appendChild(document.createTextNode(" "));
          li.appendChild(edgeButton(e, e.label));
        }
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    evidenceSection(n.ev, "Evidence");
    panel.appendChild(el("p", "kg-iri", n.key));
  }

  function showEdge(id) {
    var e = edgeById.get(id);
    clear(panel);
    var h = el("h2");
    h.appendChild(document.createTextNode(nodeById.get(e.from).label + " "));
    h.appendChild(el("em", null, e.label));
    h.appendChild(document.createTextNode(" " + nodeById.get(e.to).label));
    panel.appendChild(h);
    var p = el("p", "kg-kind");
    p.appendChild(nodeButton(e.from));
    p.appendChild(document.createTextNode(e.sym ? " ↔ " : " → "));
    p.appendChild(nodeButton(e.to));
    panel.appendChild(p);
    if (e.ev && e.ev.length) evidenceSection(e.ev, "Evidence");
    else panel.appendChild(el("p", "kg-muted", data.raw ? "A triple of the graph." : "No evidence recorded."));
  }

  function focusNode(id) {
    var n = nodeById.get(id);
    if (!n) return;
    if (hidden[n.type]) setTypeVisible(n.type, true);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    showNode(id);
  }

  // Tooltips are made when first needed: vis-network emits hoverNode/hoverEdge before its
  // popup timer fires, so the title is in place when the popup reads it.  (Plain strings:
  // vis-network shows them with innerText.)
  var titled = { node: new Set(), edge: new Set() };
  network.on("hoverNode", function (p) {
    if (titled.node.has(p.node)) return;
    titled.node.add(p.node);
    nodes.update({ id: p.node, title: nodeTitle(nodeById.get(p.node)) });
  });
  network.on("hoverEdge", function (p) {
    if (titled.edge.has(p.edge)) return;
    titled.edge.add(p.edge);
    edges.update({ id: p.edge, title: edgeTitle(edgeById.get(p.edge)) });
  });

  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
    else showSummary();
  });

  // ---- search ---------------------------------------------------------------------------------
  var index = data.nodes.map(function (n) {
    var names = [n.label].concat(n.aliases || []);
    (n.facts || []).forEach(function (f) { if (f[0] === "quote") names.push(f[1]); });
    return { id: n.id, names: names, lower: names.map(function (s) { return s.toLowerCase(); }) };
  });
  function search(query, limit) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    index.forEach(function (entry) {
      var best = null;
      entry.lower.forEach(function (name, i) {
        var rank = name === q ? 0 : name.indexOf(q) === 0 ? 1 : name.indexOf(" " + q) >= 0 ? 2 : name.indexOf(q) >= 0 ? 3 : -1;
        if (rank >= 0 && (best === null || rank < best.rank)) best = { rank: rank, name: entry.names[i] };
      });
      if (best) hits.push({ id: entry.id, rank: best.rank, via: best.name });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || nodeById.get(a.id).label.localeCompare(nodeById.get(b.id).label) || a.id - b.id;
    });
    return hits.slice(0, limit || 20);
  }
  var input = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var current = [], active = 0;
  function renderResults() {
    clear(results);
    if (!input.value.trim()) { results.hidden = true; return; }
    if (!current.length) {
      results.appendChild(el("li", "kg-none", "No node called “" + clip(input.value, 40) + "”"));
    }
    current.forEach(function (hit, i) {
      var n = nodeById.get(hit.id), li = el("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", i === active ? "true" : "false");
      li.appendChild(swatch(typeInfo[n.type]));
      li.appendChild(el("span", null, n.label));
      if (hit.via !== n.label) li.appendChild(el("span", "kg-alias", "(" + clip(hit.via, 40) + ")"));
      li.appendChild(el("span", "kg-type", (typeInfo[n.type] || {}).label || n.type));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      results.appendChild(li);
    });
    results.hidden = false;
  }
  function choose(i) {
    var hit = current[i];
    if (!hit) return;
    results.hidden = true;
    input.value = nodeById.get(hit.id).label;
    focusNode(hit.id);
  }
  input.addEventListener("input", function () { current = search(input.value); active = 0; renderResults(); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!current.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : current.length - 1)) % current.length;
      renderResults();
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      if (!current.length) current = search(input.value);
      choose(active);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });
  input.addEventListener("blur", function () { results.hidden = true; });
  input.addEventListener("focus", function () { if (input.value.trim()) { current = search(input.value); renderResults(); } });

  showSummary();
})();
