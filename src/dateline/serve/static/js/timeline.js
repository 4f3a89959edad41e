// The timeline: stacked bars of event counts per period, one colour per type.
import { clear, el, svg, typeColour } from "./dom.js";

const WIDTH = 560;
const HEIGHT = 220;
const MARGIN = { top: 10, right: 10, bottom: 40, left: 34 };

const MAX_MONTHS = 240;

// Months ("YYYY-MM") run without gaps from the first to the last; days and weeks
// are shown as they come.
function allPeriods(present) {
  if (!present.length || !/^\d{4}-\d{2}$/.test(present[0])) return present;
  const [y0, m0] = present[0].split("-").map(Number);
  const [y1, m1] = present[present.length - 1].split("-").map(Number);
  const span = (y1 - y0) * 12 + (m1 - m0) + 1;
  if (span > MAX_MONTHS) return present;
  return Array.from({ length: span }, (_, i) => {
    const month = m0 - 1 + i;
    return `${y0 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
  });
}

export function drawTimeline(container, legend, counts) {
  clear(container);
  clear(legend);
  if (!counts.length) {
    container.append(el("p", { class: "empty" }, "No dated events."));
    return;
  }
  const periods = allPeriods([...new Set(counts.map((c) => c.period))].sort());
  const types = [...new Set(counts.map((c) => c.type))].sort();
  const totals = new Map(periods.map((p) => [p, 0]));
  const cells = new Map(counts.map((c) => [`${c.period}|${c.type}`, c]));
  for (const c of counts) totals.set(c.period, totals.get(c.period) + c.count);
  const highest = Math.max(...totals.values());
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotW / periods.length;
  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": "event counts by period and type" });
  chart.append(svg("line", { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: MARGIN.top + plotH, y2: MARGIN.top + plotH, class: "axis" }));
  chart.append(svg("text", { x: MARGIN.left - 4, y: MARGIN.top + 8, "text-anchor": "end", class: "tick" }, String(highest)));
  chart.append(svg("text", { x: MARGIN.left - 4, y: MARGIN.top + plotH, "text-anchor": "end", class: "tick" }, "0"));
  const labelEvery = Math.max(1, Math.ceil(periods.length / 8));
  periods.forEach((period, i) => {
    const x = MARGIN.left + i * band;
    let y = MARGIN.top + plotH;
    for (const type of types) {
      const cell = cells.get(`${period}|${type}`);
      if (!cell) continue;
      const h = (cell.count / highest) * plotH;
      y -= h;
      chart.append(svg("rect", {
        x: x + band * 0.1, y, width: Math.max(band * 0.8, 1), height: h, fill: typeColour(type),
        class: "bar", dataset: { period, type, count: cell.count },
      }, svg("title", {}, `${period} ${type}: ${cell.count}`)));
    }
    if (i % labelEvery === 0) {
      chart.append(svg("text", { x: x + band / 2, y: HEIGHT - MARGIN.bottom + 14, "text-anchor": "middle", class: "tick" }, period));
    }
  });
  container.append(chart);
  for (const type of types) {
    legend.append(el("span", { class: "legend-item" },
      el("span", { class: "swatch", dataset: { type } }), type));
  }
  for (const swatch of legend.querySelectorAll(".swatch")) swatch.style.background = typeColour(swatch.dataset.type);
}
