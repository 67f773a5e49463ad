// The JSON API client: every view reads data only through these functions.

/** GET `/api/<path>` with query `params`; throws an Error with the status on failure. */
export async function get(path, params = {}) {
  const url = new URL("/api/" + path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.json();
}

/** The rows of a paginated answer (tolerates a bare list). */
export function rows(page) {
  if (Array.isArray(page)) return page;
  return page?.items ?? page?.results ?? page?.data ?? [];
}

/** The total of a paginated answer. */
export function total(page) {
  return page?.total ?? rows(page).length;
}

// The API's largest page (its `limit` bound).
export const MAX_LIMIT = 200;

/** Every row of a listing, page by page, up to `max` rows. */
export async function all(path, params = {}, max = 2000, pageSize = MAX_LIMIT) {
  const out = [];
  for (let offset = 0; offset < max; offset += pageSize) {
    const page = await get(path, { ...params, limit: Math.min(pageSize, max - offset), offset });
    const got = rows(page);
    out.push(...got);
    if (got.length === 0 || out.length >= total(page)) break;
  }
  return out;
}

const actorCache = new Map();

/** id → actor, from /api/actors (loaded once). */
export async function actorIndex() {
  if (!actorCache.size) {
    for (const actor of await all("actors", {}, 1000)) actorCache.set(actor.id, actor);
  }
  return actorCache;
}

/** Display name of an actor id. */
export function actorName(index, id) {
  return index.get(id)?.name ?? id ?? "unknown";
}

// An event is either an API row (actors as {id, name}) or a contract record (ids): read both.
const ids = (list) => (list ?? []).map((a) => (typeof a === "string" ? a : a.id));
export const articleId = (row) => row.article_id ?? null;
export const eventActors = (e) => ids(e.actor ?? e.actors);
export const eventRecipients = (e) => ids(e.recipient ?? e.recipients);
export const evidenceText = (e) => e.evidence?.text ?? e.evidence_text ?? "";
export const eventDate = (e) => e.day ?? e.date ?? e.published ?? null;

/** Learn actor names carried by API rows (events list {id, name} refs). */
export function learnNames(index, events) {
  for (const e of events) {
    for (const ref of [...(e.actors ?? []), ...(e.recipients ?? [])]) {
      if (ref?.id && ref.name && !index.has(ref.id)) index.set(ref.id, { id: ref.id, name: ref.name });
    }
  }
  return index;
}
