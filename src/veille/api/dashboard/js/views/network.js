// #/network : who acts on whom, weighted by the number of events.
import { actorIndex, actorName, all, eventActors, eventRecipients, learnNames } from "../api.js";
import { network } from "../chart.js";
import { el, note, route } from "../dom.js";

const LIMIT = 3000; // events read; the graph keeps the most connected actors
const NODES = 24;

/** Weighted directed edges actor → recipient from events. */
export function edgesOf(events) {
  const weights = new Map();
  for (const e of events) {
    for (const source of eventActors(e)) {
      for (const target of eventRecipients(e)) {
        if (source === target) continue;
        const key = JSON.stringify([source, target]);
        weights.set(key, (weights.get(key) ?? 0) + 1);
      }
    }
  }
  return [...weights].map(([key, weight]) => {
    const [source, target] = JSON.parse(key);
    return { source, target, weight };
  });
}

export async function networkView() {
  const [events, actors] = await Promise.all([all("events", {}, LIMIT), actorIndex()]);
  learnNames(actors, events);
  const edges = edgesOf(events);
  const degree = new Map();
  for (const e of edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + e.weight);
  const nodes = [...degree].sort((a, b) => b[1] - a[1]).slice(0, NODES).map(([id]) => id).sort();
  const kept = edges.filter((e) => nodes.includes(e.source) && nodes.includes(e.target));
  const top = [...kept].sort((a, b) => b.weight - a.weight).slice(0, 20);
  const label = (id) => actorName(actors, id);
  return el("section", { class: "network" },
    el("h1", {}, "Actor network"),
    el("p", { class: "meta" }, `${nodes.length} actors, ${kept.length} links, from ${events.length} events`),
    nodes.length ? network(nodes, kept, { label, href: (id) => route("actor", id) }) : note("No event with both an actor and a recipient."),
    el("h2", {}, "Strongest links"),
    el("ol", { class: "links" }, top.map((e) => el("li", {},
      el("a", { href: route("actor", e.source) }, label(e.source)), " → ",
      el("a", { href: route("actor", e.target) }, label(e.target)), ` (${e.weight})`))));
}
