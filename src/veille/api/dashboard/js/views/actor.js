// #/actor/<id> : an actor's quotes, events by and against them, and a timeline.
import { MAX_LIMIT, actorIndex, actorName, eventDate, get, learnNames } from "../api.js";
import { bucket, timeline } from "../chart.js";
import { el, note } from "../dom.js";
import { eventTable } from "./events.js";
import { quoteList } from "./search.js";

export async function actorView(id) {
  const [profile, actors] = await Promise.all([
    get(`actors/${encodeURIComponent(id)}`, { limit: MAX_LIMIT }), actorIndex(),
  ]);
  const actor = profile.actor;
  const quotes = profile.quotes ?? [], by = profile.events_by ?? [], against = profile.events_against ?? [];
  learnNames(actors, [...by, ...against]);
  const name = actor.name ?? actorName(actors, actor.id);
  const counts = profile.counts ?? {};
  const facts = [actor.kind, actor.country, actor.sector, actor.wikidata].filter(Boolean).join(" · ");
  const dated = [
    ...quotes.map((q) => ({ date: q.published, series: "quotes" })),
    ...by.map((e) => ({ date: eventDate(e), series: "events by" })),
    ...against.map((e) => ({ date: eventDate(e), series: "events against" })),
  ];
  const aliases = (profile.aliases ?? []).map((a) => a.alias);
  const shown = (list, key) => (counts[key] > list.length ? ` (latest ${list.length} of ${counts[key]})` : ` (${list.length})`);
  return el("section", { class: "actor", "data-actor": actor.id },
    el("h1", {}, name), el("p", { class: "meta" }, facts || actor.id),
    aliases.length ? el("p", { class: "meta" }, "Also: ", aliases.join(", ")) : null,
    el("p", { class: "meta" }, Object.entries(counts).map(([k, v]) => `${k.replaceAll("_", " ")}: ${v}`).join(" · ")),
    el("h2", {}, "Timeline"), timeline(bucket(dated, (d) => d.date, (d) => d.series), { title: `activity of ${name}` }),
    el("h2", {}, "Quotes", shown(quotes, "quotes")), quoteList(quotes, actors),
    el("h2", {}, `Events by ${name}`, shown(by, "events_as_actor")), by.length ? eventTable(by, actors) : note("None."),
    el("h2", {}, `Events against ${name}`, shown(against, "events_as_recipient")),
    against.length ? eventTable(against, actors) : note("None."));
}
