// The actor network: who acts on whom, edge width growing with the number of events.
import { clear, el, svg } from "./dom.js";

const WIDTH = 640;
const HEIGHT = 470;
const MAX_NODES = 40;
const LABEL_CHARS = 24;

const nodeRadius = (weight) => 4 + Math.min(8, Math.sqrt(weight));

export function drawNetwork(container, pairs, onPickActor) {
  clear(container);
  if (!pairs.length) {
    container.append(el("p", { class: "empty" }, "No events with both a source and a target."));
    return;
  }
  const weight = new Map();
  const key = (name, code) => `${name}\u0000${code}`;
  for (const p of pairs) {
    for (const [name, code] of [[p.source, p.source_code], [p.target, p.target_code]]) {
      weight.set(key(name, code), (weight.get(key(name, code)) || 0) + p.count);
    }
  }
  const kept = [...weight.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_NODES).map(([k]) => k);
  const position = new Map();
  const rx = WIDTH / 2 - 150;
  const ry = HEIGHT / 2 - 20;
  kept.forEach((k, i) => {
    const angle = (2 * Math.PI * i) / kept.length - Math.PI / 2;
    position.set(k, [WIDTH / 2 + rx * Math.cos(angle), HEIGHT / 2 + ry * Math.sin(angle), angle]);
  });
  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": "actor network" });
  const defs = svg("defs", {}, svg("marker", {
    id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 8, markerHeight: 8,
    markerUnits: "userSpaceOnUse", orient: "auto",
  }, svg("path", { d: "M0,0 L10,5 L0,10 z", class: "arrowhead" })));
  chart.append(defs);
  const edges = svg("g", { class: "edges" });
  for (const p of pairs) {
    const from = position.get(key(p.source, p.source_code));
    const to = position.get(key(p.target, p.target_code));
    if (!from || !to || from === to) continue;
    // Stop the line at the target's rim so the arrowhead stays visible.
    const dx = to[0] - from[0];
    const dy = to[1] - from[1];
    const length = Math.hypot(dx, dy) || 1;
    const back = nodeRadius(weight.get(key(p.target, p.target_code))) + 2;
    edges.append(svg("line", {
      x1: from[0], y1: from[1], x2: to[0] - (dx / length) * back, y2: to[1] - (dy / length) * back,
      class: "edge", "marker-end": "url(#arrow)",
      "stroke-width": 1 + 1.5 * Math.log2(1 + p.count), dataset: { count: p.count },
    }, svg("title", {}, `${p.source} → ${p.target}: ${p.count} event(s)`)));
  }
  chart.append(edges);
  const nodes = svg("g", { class: "nodes" });
  for (const k of kept) {
    const [name, code] = k.split("\u0000");
    const [x, y, angle] = position.get(k);
    const outward = Math.cos(angle) >= 0;
    const node = svg("g", {
      class: "node", tabindex: 0, role: "button", dataset: { actor: name },
      onclick: () => onPickActor(name),
      onkeydown: (ev) => { if (ev.key === "Enter") onPickActor(name); },
    });
    node.append(svg("circle", { cx: x, cy: y, r: nodeRadius(weight.get(k)) }));
    node.append(svg("text", {
      x: x + (outward ? 10 : -10), y: y + 4, "text-anchor": outward ? "start" : "end", class: "label",
    }, name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name));
    node.append(svg("title", {}, `${name} (${code}) — click to filter`));
    nodes.append(node);
  }
  chart.append(nodes);
  container.append(chart);
}
