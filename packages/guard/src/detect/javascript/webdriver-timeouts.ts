// A WebDriver session's timeouts (W3C "Set Timeouts"), set by the kind of wait they bound rather than by a timeout's
// name: `browser.timeouts("implicit", 60000)` (WebdriverIO v4, Nightwatch), `driver.manage().setTimeouts({ implicit:
// 5000 })` (selenium-webdriver), `I.defineTimeout({ implicit: 10000, pageLoad: 10000, script: 5000 })` (CodeceptJS).
// The implicit wait bounds every element lookup, `pageLoad` a navigation, `script` an injected script's run: each a
// deadline of the session, however the value's key is named.
import { calleePath, type EsNode, propertyName, unwrap } from "./ast.ts";

/** The W3C session timeouts by the name a client spells them with (`"page load"` in the wire protocol's older form). */
const SESSION_TIMEOUTS = new Set(["implicit", "pageLoad", "page load", "script"]);

/**
 * Methods that set a session's timeouts: `timeouts(kind, ms)`, `setTimeouts({...})`, `defineTimeout({...})`, and
 * WebdriverIO v5+'s singular `browser.setTimeout({ implicit, pageLoad, script })` (a method given one object of
 * session keys; the global `setTimeout(fn, ms)` has no receiver and no such object).
 */
const SETTERS = /^(set)?[Tt]imeouts$|^defineTimeouts?$|^setTimeout$/;

/**
 * The durations a call sets as a WebDriver session's timeouts: the second argument of `timeouts("implicit", ms)`, or
 * the values of the session timeouts' keys in the one object given to a setter. Positive numbers only: an implicit
 * wait of 0 means "look once", the client's own default, not a bound chosen here.
 */
export function sessionTimeouts(node: EsNode, evaluate: (node: EsNode) => number | undefined): EsNode[] {
  const path = calleePath(node.callee as EsNode);
  if (path === undefined || !path.includes(".") || !SETTERS.test(path.slice(path.lastIndexOf(".") + 1))) return [];
  const args = (node.arguments as EsNode[]).map(unwrap);
  const positive = (value: EsNode) => (evaluate(value) ?? 0) > 0;
  const [first, second] = args;
  const singular = path.endsWith(".setTimeout");
  if (!singular && first?.type === "Literal" && typeof first.value === "string")
    return SESSION_TIMEOUTS.has(first.value) && second && positive(second) ? [second] : [];
  if (args.length !== 1 || first?.type !== "ObjectExpression") return [];
  return (first.properties as EsNode[])
    .filter((property) => property.type === "Property" && SESSION_TIMEOUTS.has(propertyName(property) ?? ""))
    .map((property) => property.value as EsNode)
    .filter(positive);
}
