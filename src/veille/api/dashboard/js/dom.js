// Safe DOM building: text always goes through textContent, never through HTML parsing.

/** Create an element; `props` sets attributes (class, href, data-*), children are nodes or text. */
export function el(tag, props = {}, ...children) {
  const node = tag.startsWith("svg:")
    ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4))
    : document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) throw new Error("no inline handlers: use addEventListener");
    if (name === "href") node.setAttribute("href", safeHref(String(value)));
    else node.setAttribute(name, String(value));
  }
  append(node, ...children);
  return node;
}

/** Append nodes or text (null and undefined are skipped). */
export function append(node, ...children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Only in-app routes, same-origin paths and http(s) URLs may become links. */
export function safeHref(value) {
  if (value.startsWith("#/") || (value.startsWith("/") && !value.startsWith("//"))) return value;
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch {
    // not a URL
  }
  return "#";
}

/** A link to an in-app route built from parts, each part URL-encoded. */
export function route(...parts) {
  return "#/" + parts.map((p) => encodeURIComponent(String(p))).join("/");
}

/** Replace the content of `node` with `children`. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, ...children);
}

/** A short status or error line. */
export function note(text, kind = "info") {
  return el("p", { class: `note note-${kind}` }, text);
}
