// #/search?q= : quotes and articles matching a full-text query.
import { actorIndex, actorName, articleId, get, rows, total } from "../api.js";
import { el, note, route } from "../dom.js";

export async function searchView(params) {
  const q = params.get("q") ?? "";
  const input = document.getElementById("search-input");
  if (input && input.value !== q) input.value = q;
  const view = el("section", { class: "search" });
  if (!q) {
    view.append(el("h1", {}, "Search"), note("Type words to search quotes and articles."));
    view.append(await latest());
    return view;
  }
  const [quotes, articles, actors] = await Promise.all([
    get("quotes", { q, limit: 50 }), get("articles", { q, limit: 20 }), actorIndex(),
  ]);
  view.append(el("h1", {}, "Results for ", el("q", {}, q)));
  view.append(el("h2", {}, `Quotes (${total(quotes)})`));
  view.append(quoteList(rows(quotes), actors));
  view.append(el("h2", {}, `Articles (${total(articles)})`));
  view.append(articleList(rows(articles)));
  return view;
}

async function latest() {
  const page = await get("articles", { limit: 20 });
  return el("div", {}, el("h2", {}, `Latest articles (${total(page)} stored)`), articleList(rows(page)));
}

/** Quotes as a list: text, speaker (linked), and the article they come from. */
export function quoteList(quotes, actors) {
  if (!quotes.length) return note("No quote found.");
  return el("ul", { class: "quotes" }, quotes.map((q) => {
    const speaker = q.speaker
      ? el("a", { href: route("actor", q.speaker), class: "speaker" }, q.speaker_name ?? actorName(actors, q.speaker))
      : el("span", { class: "speaker unknown" }, q.speaker_text ?? "unknown speaker");
    const source = articleId(q);
    return el("li", { class: "quote" },
      el("blockquote", {}, q.text),
      el("div", { class: "meta" }, "— ", speaker,
        source ? [" · ", el("a", { href: route("article", source) }, q.title ?? q.article_title ?? "article")] : null,
        q.published ? ` · ${q.published}` : null));
  }));
}

/** Articles as a list of linked titles with site and date. */
export function articleList(articles) {
  if (!articles.length) return note("No article found.");
  return el("ul", { class: "articles" }, articles.map((a) => el("li", {},
    el("a", { href: route("article", a.id) }, a.title || a.url || a.id),
    el("span", { class: "meta" }, [a.site, a.published].filter(Boolean).join(" · ")))));
}
