// Article text with highlighted spans. Offsets are Python str indices (code points), so the text
// is cut by code points, never by UTF-16 units; every piece becomes a text node.
import { el } from "./dom.js";

/** Split `text` at every span boundary; each piece carries the spans that cover it. */
export function segments(text, spans) {
  const chars = Array.from(text);
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end)
    && s.start >= 0 && s.end <= chars.length && s.start < s.end);
  const cuts = new Set([0, chars.length]);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    out.push({ text: chars.slice(from, to).join(""), start: from, end: to,
      spans: valid.filter((s) => s.start <= from && s.end >= to) });
  }
  return out;
}

/** The text as a node: highlighted pieces are <mark> elements with kind classes and a tooltip. */
export function highlighted(text, spans) {
  const body = el("div", { class: "article-text" });
  for (const piece of segments(text, spans)) {
    if (!piece.spans.length) {
      body.append(document.createTextNode(piece.text));
      continue;
    }
    const kinds = [...new Set(piece.spans.map((s) => s.kind))];
    const mark = el("mark", {
      class: kinds.map((k) => `hl-${k}`).join(" "),
      title: piece.spans.map((s) => s.label).filter(Boolean).join("\n"),
      "data-kinds": kinds.join(" "),
    }, piece.text);
    body.append(mark);
  }
  return body;
}
