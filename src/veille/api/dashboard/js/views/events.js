// #/events : an event timeline by type, with filters, and the list of events.
import { actorIndex, actorName, all, articleId, eventActors, eventDate, eventRecipients, evidenceText, learnNames } from "../api.js";
import { bucket, timeline } from "../chart.js";
import { el, note, route } from "../dom.js";

// PLOVER's 16 event types (the output contract).
export const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const LIMIT = 2000;

export async function eventsView(params) {
  const type = params.get("type") ?? "";
  const [events, actors] = await Promise.all([all("events", { type }, LIMIT), actorIndex()]);
  learnNames(actors, events);
  const select = el("select", { name: "type", "aria-label": "event type" },
    el("option", { value: "" }, "all types"), TYPES.map((t) => el("option", { value: t }, t)));
  select.value = type;
  select.addEventListener("change", () => {
    window.location.hash = select.value ? `#/events?type=${encodeURIComponent(select.value)}` : "#/events";
  });
  const byDay = new Set(events.map((e) => String(eventDate(e) ?? "").slice(0, 7))).size <= 2;
  return el("section", { class: "events" },
    el("h1", {}, "Events"), el("p", {}, select, ` ${events.length} events`, events.length >= LIMIT ? ` (first ${LIMIT})` : ""),
    timeline(bucket(events, eventDate, (e) => e.type, byDay), { title: "events by type over time" }),
    events.length ? eventTable(events.slice(0, 300), actors) : note("No event."));
}

const names = (ids, actors) => ids.flatMap((id, i) => [i ? ", " : null, el("a", { href: route("actor", id) }, actorName(actors, id))]);

/** Events as a table: date, type, who, whom, the evidence, a link to the article. */
export function eventTable(events, actors) {
  const head = el("tr", {}, ["date", "type", "actor", "recipient", "evidence", ""].map((h) => el("th", {}, h)));
  const body = events.map((e) => {
    const flags = ["negated", "future", "hypothetical", "historical"].filter((f) => e[f]);
    const source = articleId(e);
    return el("tr", { class: "event" },
      el("td", {}, eventDate(e) ?? "—"),
      el("td", {}, el("span", { class: "type" }, e.type), flags.length ? el("small", {}, ` (${flags.join(", ")})`) : null),
      el("td", {}, names(eventActors(e), actors)), el("td", {}, names(eventRecipients(e), actors)),
      el("td", { class: "evidence" }, evidenceText(e)),
      el("td", {}, source ? el("a", { href: route("article", source) }, "article") : null));
  });
  return el("table", { class: "event-table" }, el("thead", {}, head), el("tbody", {}, body));
}
