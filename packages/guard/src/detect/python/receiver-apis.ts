// Blocking methods known by what their receiver is, not by their name: `select` is an ORM's and a widget's method as
// much as a `selectors` object's, and `setTimeout` a Qt or twisted object's as much as a pySerial port's. Such a call
// counts only on a receiver the file binds to the library's constructor, never by its method name alone.
import type { Node as TsNode } from "web-tree-sitter";
import type { TimeoutApi } from "../../apis.ts";
import type { PyFacts } from "./facts.ts";
import { calleeText } from "./syntax.ts";

interface ReceiverApi {
  /** The module the file must import. */
  readonly module: string;
  /** The constructors of the receiver, as the file's imports resolve them. */
  readonly constructor: RegExp;
  /** The methods, each with its timeout's place and keyword as the API table (`apis.ts`) has them. */
  readonly methods: ReadonlyMap<string, TimeoutApi>;
}

const method = (callee: string, keyword?: string): [string, TimeoutApi] => [
  callee.slice(callee.lastIndexOf(".") + 1),
  { language: "python", callee, argument: 0, ...(keyword ? { keyword } : {}) },
];

const RECEIVERS: readonly ReceiverApi[] = [
  // `sel.select(0.1)` waits up to its first argument for a registered file to be ready ("If timeout > 0, this specifies
  // the maximum wait time, in seconds"; None blocks, <= 0 polls: https://docs.python.org/3/library/selectors.html).
  {
    module: "selectors",
    constructor: /^selectors\.(Default|Select|Poll|Epoll|Devpoll|Kqueue)Selector$/,
    methods: new Map([method("selectors.BaseSelector.select", "timeout")]),
  },
  // pySerial's older setters (https://pyserial.readthedocs.io/en/latest/pyserial_api.html, "Deprecated"): the read,
  // write and inter-byte timeouts the port then waits with; 0 returns at once (non-blocking), None waits forever.
  {
    module: "serial",
    constructor: /^serial\.(Serial|serial_for_url)$/,
    methods: new Map([
      method("serial.Serial.setTimeout"),
      method("serial.Serial.setWriteTimeout"),
      method("serial.Serial.setInterCharTimeout"),
    ]),
  },
];

// How many plain copies (`sel = self._selector`) are followed back to a constructor.
const COPIES = 2;

/**
 * The API a call of `method` is when its receiver is the object of one of the libraries above: the constructor's
 * result itself, or a name or attribute the file binds to one (`sel = selectors.DefaultSelector()`, `self._selector =
 * selectors.PollSelector()`, `fd = serial.Serial(port, 9600)`), through up to two plain copies, in a file that
 * imports the library. A receiver the file binds only otherwise, or never (a parameter), is not one: a same-file
 * factory is not followed, and neither is another module's object.
 */
export function receiverApi(facts: PyFacts, call: TsNode, method: string): TimeoutApi | undefined {
  for (const receiverApi of RECEIVERS) {
    const api = receiverApi.methods.get(method);
    if (!api || !facts.importsModule(receiverApi.module)) continue;
    const receiver = call.childForFieldName("function")?.childForFieldName("object");
    if (receiver && boundTo(facts, receiverApi.constructor, receiver, COPIES)) return api;
  }
  return undefined;
}

function boundTo(facts: PyFacts, constructor: RegExp, value: TsNode, copies: number): boolean {
  if (value.type === "call") return constructor.test(facts.resolve(calleeText(value)));
  if (value.type !== "identifier" && value.type !== "attribute") return false;
  return facts
    .bindingSources(value)
    .some(
      (source) =>
        source !== null && (source.type === "call" || copies > 0) && boundTo(facts, constructor, source, copies - 1),
    );
}
