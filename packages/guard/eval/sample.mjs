// The seeded sample of an eval set, drawn one way for every script that reads the labels (run.mjs, kinds.mjs):
// kinds.mjs' precision per evidence kind is only comparable with run.mjs's tables while both draw the same items.
import { createHash } from "node:crypto";

/**
 * The sample draw of `corpus` (corpus.json): `sampleOf(set)` gives a set's sample sizes (the global ones, overridden
 * by the set's own); `lowest(items, n)` takes the n items with the lowest `sha256(seed:key)`; `breadthFirst(items, n)`
 * takes each package's items in that order, round by round (every package's first, then every package's second...),
 * so one package's idiom cannot fill a stratum.
 */
export function sampler(corpus) {
  const sampleOf = (setName) => ({
    ...corpus.sample,
    ...(Array.isArray(corpus.sets[setName]) ? {} : corpus.sets[setName].sample),
  });
  const hash = (key) => createHash("sha256").update(`${corpus.seed}:${key}`).digest("hex");
  const byHash = (items) =>
    items
      .map((item) => ({ item, h: hash(item.key) }))
      .sort((a, b) => (a.h < b.h ? -1 : 1))
      .map((x) => x.item);
  const lowest = (items, n) => byHash(items).slice(0, n);
  const breadthFirst = (items, n) => {
    const ranks = new Map();
    const ranked = byHash(items).map((item) => {
      const rank = ranks.get(item.pkg) ?? 0;
      ranks.set(item.pkg, rank + 1);
      return { item, rank };
    });
    return ranked
      .sort((a, b) => a.rank - b.rank)
      .slice(0, n)
      .map((x) => x.item);
  };
  return { sampleOf, lowest, breadthFirst };
}
