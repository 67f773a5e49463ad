// #/article/<id> : the article text with quotes, speakers, cues, mentions and evidence highlighted.
import { actorIndex, actorName, eventActors, eventRecipients, get } from "../api.js";
import { highlighted } from "../highlight.js";
import { el, route } from "../dom.js";
import { eventTable } from "./events.js";
import { quoteList } from "./search.js";

/** Every span to highlight, with its kind and a tooltip label. */
export function spansOf(article, actors) {
  const name = (id) => actorName(actors, id);
  const spans = [];
  (article.quotes ?? []).forEach((q, i) => {
    const who = q.speaker ? name(q.speaker) : q.speaker_text ?? "unknown speaker";
    spans.push({ start: q.start, end: q.end, kind: "quote", label: `quote ${i + 1} · ${who}` });
    if (q.speaker_start != null) spans.push({ start: q.speaker_start, end: q.speaker_end, kind: "speaker", label: `speaker of quote ${i + 1}: ${who}` });
    if (q.cue_start != null) spans.push({ start: q.cue_start, end: q.cue_end, kind: "cue", label: `cue: ${q.cue ?? ""}` });
  });
  for (const m of article.mentions ?? []) spans.push({ start: m.start, end: m.end, kind: "mention", label: `mention: ${name(m.actor)}` });
  for (const e of article.events ?? []) {
    const ev = e.evidence ?? { start: e.evidence_start, end: e.evidence_end };
    const who = `${eventActors(e).map(name).join(", ") || "?"} → ${eventRecipients(e).map(name).join(", ") || "?"}`;
    spans.push({ start: ev.start, end: ev.end, kind: "evidence", label: `event ${e.type}: ${who}` });
  }
  return spans;
}

export async function articleView(id) {
  const [record, actors] = await Promise.all([get(`articles/${encodeURIComponent(id)}`), actorIndex()]);
  const article = record;
  const local = new Map(actors);
  for (const a of article.actors ?? []) if (!local.has(a.id)) local.set(a.id, a);
  const quotes = (article.quotes ?? []).map((q) => ({ ...q, article_id: null }));
  const meta = [article.site, article.published, article.language, (article.authors ?? []).join(", ")].filter(Boolean).join(" · ");
  return el("article", { class: "article", "data-article": article.id ?? id },
    el("h1", {}, article.title || "(untitled)"),
    el("p", { class: "meta" }, meta, article.url ? [" · ", el("a", { href: article.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null),
    el("p", { class: "legend" }, ["quote", "speaker", "cue", "mention", "evidence"].map((k) => el("mark", { class: `hl-${k}` }, k))),
    highlighted(article.text ?? "", spansOf(article, local)),
    el("h2", {}, `Actors (${(article.actors ?? []).length})`),
    el("ul", { class: "actors" }, (article.actors ?? []).map((a) => el("li", {}, el("a", { href: route("actor", a.id) }, a.name), ` ${a.kind ?? ""}`))),
    el("h2", {}, `Quotes (${quotes.length})`), quoteList(quotes, local),
    el("h2", {}, `Events (${(article.events ?? []).length})`), eventTable((article.events ?? []).map((e) => ({ ...e, date: e.date ?? article.published })), local));
}
