// A timeout among a cache's settings: `dictionary: { caching: { enabled: true, timeout: 60 } }` (the defaults of
// @sitecore-content-sdk/content, fresh279), `cache: { timeout: 3600 }`. A bare timeout there is how long an entry stays
// cached, a lifetime, as `cacheTimeout` is by its name (`name-kinds.ts`); a named one (`connectTimeout` of the cache's
// store) still bounds a wait. webpack's persistent cache options (`{ type: "filesystem", idleTimeout: 10000,
// idleTimeoutForInitialStore: 0 }`, @roots/bud-cache, fresh339) time when the cache is written after the compiler goes
// idle: delays before a store, not bounds of a wait.
import { isBareTimeoutName } from "../../name-words.ts";
import { type EsNode, propertyName, unwrap } from "./ast.ts";

/** Keys whose object holds a cache's settings. */
const CACHE_KEY = /^(cache|caching|cached|cache_?(options|config|settings))$/i;

/** The bare timeout properties of the cache settings `object` holds under a cache's key. */
export function cacheLifetimes(object: EsNode): EsNode[] {
  const found: EsNode[] = [];
  for (const property of object.properties as EsNode[]) {
    if (property.type !== "Property" || !CACHE_KEY.test(propertyName(property) ?? "")) continue;
    const settings = unwrap(property.value as EsNode);
    if (settings.type !== "ObjectExpression") continue;
    for (const setting of settings.properties as EsNode[])
      if (setting.type === "Property" && isBareTimeoutName(propertyName(setting) ?? "")) found.push(setting);
  }
  return found;
}

/** Keys only webpack's persistent (filesystem) cache options have: an object holding one is those options. */
const WEBPACK_CACHE_KEY =
  /^(idleTimeoutForInitialStore|idleTimeoutAfterLargeChanges|maxMemoryGenerations|memoryCacheUnaffected|allowCollectingMemory)$/;

/** webpack's cache store delays (`idleTimeout`, `idleTimeoutForInitialStore`, ...) of its persistent cache options. */
export function webpackCacheDelays(object: EsNode): EsNode[] {
  const properties = (object.properties as EsNode[]).filter((property) => property.type === "Property");
  if (!properties.some((property) => WEBPACK_CACHE_KEY.test(propertyName(property) ?? ""))) return [];
  return properties.filter((property) => /^idleTimeout/.test(propertyName(property) ?? ""));
}
