// Exported constants nothing in the package reads: `export const OAuthLoginTimeoutMsValue = 900000`, and its emitted
// `exports.OAuthLoginTimeoutMsValue = 900000`, where no other line of the package's JavaScript and TypeScript names
// the constant. A value nothing reads bounds nothing (eval README, "Defaults a body never reads"; the Python pass's
// `unreadSetting` is the same rule for module constants): the package's users may import it, but what they do with it
// is theirs, and a finding there names no wait. The pass reads text only: any other mention of the name (an import, a
// read, a string, a comment) keeps the constant reported.
import { timeoutWord } from "./name-words.ts";

/** `export const K =`, `export let K: number =`, `exports.K =`, `module.exports.K =`: where an exported name is written. */
const EXPORTED = /\bexport\s+(?:const|let|var)\s+([\w$]+)\s*(?::[^=;\n]+)?=|\bexports\.([\w$]+)\s*=(?!=)/g;
/** A mention that writes the name rather than reads it: a declaration or an `exports.K =` (a header's `= void 0` too). */
const WRITES = /(?:\b(?:const|let|var)\s+|\bexports\.)$/;
/** The core of a timeout-looking name. */
const TIMEOUT_WORD = timeoutWord("js", "i");

/** Type declarations say what a module exports; they read nothing at run time. */
const isDeclaration = (path: string) => /\.d\.[cm]?ts$/.test(path);

/**
 * The timeout-looking names the package's JavaScript files export and no other mention reads: every occurrence of
 * the name, in every JS/TS file but type declarations, is where it is declared or assigned to `exports`.
 */
export function exportedUnread(files: readonly (readonly [path: string, text: string])[]): Set<string> {
  const code = files.filter(([path]) => !isDeclaration(path));
  const candidates = new Set<string>();
  for (const [, text] of code)
    for (const match of text.matchAll(EXPORTED)) {
      const name = match[1] ?? match[2]!;
      if (TIMEOUT_WORD.test(name)) candidates.add(name);
    }
  const unread = new Set<string>();
  for (const name of candidates) {
    const word = new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
    const read = code.some(([, text]) => {
      if (!text.includes(name)) return false;
      for (const match of text.matchAll(word)) {
        const before = text.slice(Math.max(0, match.index - 16), match.index);
        // `K = ...` after `exports.` or a declaration keyword writes it; a TypeScript `export const K` too.
        const assigned = /^\s*(?::[^=;\n]+)?=(?!=)/.test(
          text.slice(match.index + name.length, match.index + name.length + 80),
        );
        if (!(WRITES.test(before) && assigned)) return true;
      }
      return false;
    });
    if (!read) unread.add(name);
  }
  return unread;
}
