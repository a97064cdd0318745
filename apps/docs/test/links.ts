import { readFileSync } from "node:fs";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { resolvePath } from "./site.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** The attributes that point at another resource of the site, by element. */
const LINK_ATTRIBUTES: Record<string, string> = { a: "href", link: "href", script: "src", img: "src", source: "src" };

export interface PageLinks {
  /** Every `id` (and `<a name>`) of the page: the fragments a link may point at. */
  anchors: Set<string>;
  /** Every URL the page's static HTML points at, as written. */
  links: string[];
}

/** Reads the anchors and outgoing links of one built HTML file. */
export function pageLinks(file: string): PageLinks {
  const anchors = new Set<string>();
  const links: string[] = [];
  const visit = (node: Node) => {
    if ("attrs" in node) {
      const element = node as Element;
      for (const attr of element.attrs) {
        if (attr.name === "id" || (element.tagName === "a" && attr.name === "name")) anchors.add(attr.value);
        if (LINK_ATTRIBUTES[element.tagName] === attr.name) links.push(attr.value);
      }
    }
    if ("content" in node) visit((node as DefaultTreeAdapterMap["template"]).content);
    if ("childNodes" in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(readFileSync(file, "utf8")));
  return { anchors, links };
}

/**
 * Every internal link of the built site that leads nowhere: a path that no file answers, or a
 * `#fragment` that no element of the target page carries. `pages` are URL paths of the site.
 */
export function brokenLinks(
  pages: readonly string[],
  resolve: (urlPath: string) => string | undefined = resolvePath,
): string[] {
  const origin = "http://site.invalid";
  const cache = new Map<string, PageLinks>();
  const read = (file: string) => {
    if (!cache.has(file)) cache.set(file, pageLinks(file));
    return cache.get(file)!;
  };
  const broken: string[] = [];
  for (const page of pages) {
    const file = resolve(page);
    if (!file) {
      broken.push(`${page}: the page itself does not resolve`);
      continue;
    }
    for (const link of read(file).links) {
      const url = new URL(link, `${origin}${page}`);
      if (url.origin !== origin) continue;
      const target = resolve(url.pathname);
      if (!target) {
        broken.push(`${page} -> ${link}: no such file`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith(".html") && !read(target).anchors.has(fragment))
        broken.push(`${page} -> ${link}: no element with id "${fragment}" on that page`);
    }
  }
  return broken;
}
