// Hand-drawn SVG charts: a stacked bar timeline and a weighted directed network.
import { el } from "./dom.js";

const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777"];

/** Counts per period ("YYYY-MM" or "YYYY-MM-DD") and series, from items with a date. */
export function bucket(items, dateOf, seriesOf, byDay = false) {
  const counts = new Map();
  for (const item of items) {
    const date = dateOf(item);
    if (!date) continue;
    const period = String(date).slice(0, byDay ? 10 : 7);
    const series = seriesOf(item);
    if (!counts.has(period)) counts.set(period, new Map());
    const row = counts.get(period);
    row.set(series, (row.get(series) ?? 0) + 1);
  }
  return counts;
}

/** A stacked bar chart of `counts` (period → series → n) with a legend. */
export function timeline(counts, { title = "timeline", width = 720, height = 220 } = {}) {
  const periods = [...counts.keys()].sort();
  const series = [...new Set(periods.flatMap((p) => [...counts.get(p).keys()]))].sort();
  const svg = el("svg:svg", {
    class: "chart timeline", viewBox: `0 0 ${width} ${height + 40}`, role: "img",
    "aria-label": title, "data-bars": periods.length,
  });
  svg.append(el("svg:title", {}, title));
  if (!periods.length) {
    svg.append(el("svg:text", { x: width / 2, y: height / 2, "text-anchor": "middle" }, "no dated items"));
    return svg;
  }
  const max = Math.max(...periods.map((p) => [...counts.get(p).values()].reduce((a, b) => a + b, 0)));
  const left = 32, bottom = height - 24, plot = bottom - 8;
  const step = (width - left - 8) / periods.length;
  const bar = Math.max(2, Math.min(48, step * 0.75));
  svg.append(el("svg:line", { x1: left, y1: bottom, x2: width - 4, y2: bottom, class: "axis" }));
  svg.append(el("svg:text", { x: left - 4, y: bottom - plot + 10, "text-anchor": "end", class: "tick" }, max));
  svg.append(el("svg:text", { x: left - 4, y: bottom, "text-anchor": "end", class: "tick" }, 0));
  periods.forEach((period, i) => {
    const x = left + i * step + (step - bar) / 2;
    let y = bottom;
    for (const name of series) {
      const n = counts.get(period).get(name) ?? 0;
      if (!n) continue;
      const h = (n / max) * plot;
      y -= h;
      const rect = el("svg:rect", {
        x: x.toFixed(1), y: y.toFixed(1), width: bar.toFixed(1), height: h.toFixed(1),
        fill: COLORS[series.indexOf(name) % COLORS.length], class: "bar",
      });
      rect.append(el("svg:title", {}, `${period} · ${name}: ${n}`));
      svg.append(rect);
    }
    const every = Math.ceil(periods.length / 12);
    if (i % every === 0) {
      svg.append(el("svg:text", { x: (x + bar / 2).toFixed(1), y: bottom + 14, "text-anchor": "middle", class: "tick" }, period));
    }
  });
  series.forEach((name, i) => {
    const x = left + (i % 6) * 115, y = height + 8 + Math.floor(i / 6) * 16;
    svg.append(el("svg:rect", { x, y, width: 10, height: 10, fill: COLORS[i % COLORS.length] }));
    svg.append(el("svg:text", { x: x + 14, y: y + 9, class: "legend" }, name));
  });
  return svg;
}

/** A directed, weighted network on a circle: `edges` are {source, target, weight}. */
export function network(nodes, edges, { size = 640, label = (id) => id, href = null } = {}) {
  const svg = el("svg:svg", {
    class: "chart network", viewBox: `0 0 ${size} ${size}`, role: "img",
    "aria-label": "actor network", "data-nodes": nodes.length, "data-edges": edges.length,
  });
  const defs = el("svg:defs", {}, el("svg:marker", {
    id: "arrow", viewBox: "0 0 10 10", refX: 8, refY: 5, markerWidth: 12, markerHeight: 12, markerUnits: "userSpaceOnUse", orient: "auto",
  }, el("svg:path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrowhead" })));
  svg.append(defs);
  const c = size / 2, r = size / 2 - 90;
  const pos = new Map(nodes.map((id, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, nodes.length) - Math.PI / 2;
    return [id, [c + r * Math.cos(a), c + r * Math.sin(a), a]];
  }));
  const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
  for (const edge of edges) {
    // a gentle curve to the right of the direction of travel keeps A→B and B→A apart
    const [x1, y1] = pos.get(edge.source), [x2, y2] = pos.get(edge.target);
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const [cx, cy] = [(x1 + x2) / 2 - ((y2 - y1) / len) * len * 0.12, (y1 + y2) / 2 + ((x2 - x1) / len) * len * 0.12];
    const back = 10 / (Math.hypot(x2 - cx, y2 - cy) || 1);
    const [ex, ey] = [x2 - (x2 - cx) * back, y2 - (y2 - cy) * back];
    const d = `M ${x1.toFixed(1)} ${y1.toFixed(1)} Q ${cx.toFixed(1)} ${cy.toFixed(1)} ${ex.toFixed(1)} ${ey.toFixed(1)}`;
    const path = el("svg:path", {
      d, fill: "none", "stroke-width": (1.5 + 5 * (edge.weight / maxWeight)).toFixed(1), class: "edge",
      "marker-end": "url(#arrow)", "data-weight": edge.weight,
    });
    path.append(el("svg:title", {}, `${label(edge.source)} → ${label(edge.target)}: ${edge.weight}`));
    svg.append(path);
  }
  for (const id of nodes) {
    const [x, y, a] = pos.get(id);
    const group = el(href ? "svg:a" : "svg:g", { class: "node" });
    if (href) group.setAttribute("href", href(id));
    group.append(el("svg:circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 7 }));
    const right = Math.cos(a) >= 0;
    group.append(el("svg:text", {
      x: (x + (right ? 11 : -11)).toFixed(1), y: (y + 4).toFixed(1), "text-anchor": right ? "start" : "end",
    }, label(id)));
    svg.append(group);
  }
  return svg;
}
