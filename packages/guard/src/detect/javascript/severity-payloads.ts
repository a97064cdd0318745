// A message shown to the user, known by its shape: `{ type: "success", message: formatMessage(...), timeout: 5000 }`
// (@magento/peregrine's toast props, built in a `useMemo` and handed to `addToast` elsewhere, fresh247). A message
// with a severity (`success`, `error`, `info`, `warning`) and a text to show is a toast or a notification: its timeout
// is how long it stays on screen. A protocol message's `type` is its own kind (`"ping"`, `"request"`), not a severity.
import { type EsNode, propertyName, span, unwrap } from "./ast.ts";
import { SHOWN } from "./no-wait-shapes.ts";

/**
 * The keys a shown message's severity goes under, and the severities themselves. A snackbar's `color` takes them too
 * (`{ show: false, color: "error", text: "An error occurred", timeout: 6000 }`, Vuetify's snackbar state in
 * @api-platform/client-generator's notifications store, fresh421).
 */
const SEVERITY_KEY = /^(type|variant|severity|status|kind|level|intent|color)$/;
const SEVERITY = /^(success|error|info|warning|warn|danger|notice)$/i;

/** [start, end) of `node` when it is a shown message with a severity and a text. */
export function severityPayloads(node: EsNode): [number, number][] {
  let severity = false;
  let shown = false;
  for (const property of node.properties as EsNode[]) {
    if (property.type !== "Property") continue;
    const key = propertyName(property) ?? "";
    const value = unwrap(property.value as EsNode);
    if (SEVERITY_KEY.test(key) && value.type === "Literal" && SEVERITY.test(String(value.value))) severity = true;
    if (SHOWN.test(key)) shown = true;
  }
  return severity && shown ? [span(node)] : [];
}
