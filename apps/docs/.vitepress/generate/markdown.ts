// Helpers for writing Markdown that VitePress turns into Vue templates: text from package metadata
// must not be read as HTML, as Markdown emphasis, or as a Vue `{{ interpolation }}`.

/** Escapes text for HTML, including the braces Vue would interpolate. */
export function html(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\{\{/g, "&#123;&#123;");
}

/**
 * Inline Markdown from metadata written by us: backtick spans stay code, everything else is escaped
 * as HTML text (metadata is prose, never markup).
 */
export function inline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.startsWith("`") && part.endsWith("`") && part.length > 1
        ? `<code>${html(part.slice(1, -1))}</code>`
        : html(part),
    )
    .join("");
}

/** A fenced code block whose fence is longer than any backtick run inside it. */
export function fence(language: string, code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = "`".repeat(longest + 1);
  return `${marks}${language}\n${code.replace(/\n+$/, "")}\n${marks}`;
}

/** A heading anchor from any key: lower case letters, digits and dashes. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
