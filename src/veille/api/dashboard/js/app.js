// The router: hash routes → views; each view returns a node built from API data.
import { el, note, replace } from "./dom.js";
import { actorView } from "./views/actor.js";
import { articleView } from "./views/article.js";
import { eventsView } from "./views/events.js";
import { networkView } from "./views/network.js";
import { searchView } from "./views/search.js";

const view = document.getElementById("view");

/** The view for a hash like `#/actor/country%3ARUS` or `#/search?q=words`. */
function resolve(hash) {
  const [path, query = ""] = hash.replace(/^#\/?/, "").split("?", 2);
  const [name, ...rest] = path.split("/");
  const arg = rest.length ? decodeURIComponent(rest.join("/")) : "";
  const params = new URLSearchParams(query);
  switch (name) {
    case "actor": return () => actorView(arg);
    case "article": return () => articleView(arg);
    case "events": return () => eventsView(params);
    case "network": return () => networkView();
    default: return () => searchView(params);
  }
}

let current = 0;
async function render() {
  const ticket = ++current;
  document.body.dataset.state = "loading";
  replace(view, note("Loading…"));
  let node;
  try {
    node = await resolve(window.location.hash)();
  } catch (error) {
    node = el("div", {}, note(`Could not load this page: ${error.message}`, "error"));
  }
  if (ticket !== current) return; // a newer route won
  replace(view, node);
  document.body.dataset.state = "ready";
}

document.getElementById("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  window.location.hash = `#/search?q=${encodeURIComponent(q)}`;
});
window.addEventListener("hashchange", render);
render();
