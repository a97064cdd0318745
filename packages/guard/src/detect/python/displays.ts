// DISPLAY DURATIONS: how long a message stays on screen, handed to the desktop's notification or a Qt message slot.
// Nothing blocks on it: the call returns at once and the desktop (or Qt) hides the message when the time is up.
// Decided by the slot the value reaches in a notification API, never by the value's name:
// - Qt's `showMessage` (`tray.showMessage(title, body, icon, msecs)`, `statusBar().showMessage(text, msecs)`): every
//   argument is the message or how long it shows. Only where nothing else can be meant: a file that defines its own
//   `showMessage`, or a package where every `showMessage` takes a timeout-named parameter (its package facts), calls
//   that one, whose timeout may bound a wait (`def showMessage(self, text, timeout=30): return self.rpc.call(...)`);
// - the freedesktop notification service's `Notify(app_name, replaces_id, icon, summary, body, actions, hints,
//   expire_timeout)` (dbus-python): its eighth argument;
// - wx's tray balloon `ShowBalloon(title, text, msec, flags)`: its third argument (or `msec=`), where the file and
//   package define no `ShowBalloon` of their own (as for `showMessage`);
// - a notification object's `set_timeout(ms)` (or `setTimeout(ms)`) or `timeout` attribute (notify2's and libnotify's
//   `Notification`, a package's own freedesktop `Notification` class), or
//   wx's `NotificationMessage.Show(timeout)`: the object is a name the same function assigned from a call of a
//   `Notification` class (`ntf = notify2.Notification(title, body, icon)`, `Notify.Notification.new(...)`,
//   `wx.NotificationMessage()`); any other object's `set_timeout` may bound a wait;
// - wx's splash screen `SplashScreen(bitmap, splashStyle, milliseconds, parent, ...)` (`wx.SplashScreen`, Phoenix's
//   `wx.adv.SplashScreen`, through the file's imports): its third argument, or `milliseconds=`, is how long the splash
//   stays shown before it closes itself (`wx.SPLASH_TIMEOUT`); the constructor returns at once;
// - libadwaita's toast, `Adw.Toast(title=message, timeout=2)` or `toast = Adw.Toast.new(message)` then
//   `toast.set_timeout(3)`: seconds the toast shows;
// - Sugar's `NotifyAlert(timeout=5)` (`sugar3.graphics.alert`, through the file's imports): "the length of time the
//   alert is displayed", its first argument. (Its `TimeoutAlert` answers for the user when the time is up: not here.)
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { enclosingClass } from "./callees.ts";
import { calleeText, enclosingFunction } from "./syntax.ts";

/** The position of `Notify`'s `expire_timeout` (freedesktop Desktop Notifications, `org.freedesktop.Notifications`). */
const NOTIFY_EXPIRY = 7;
/** The position of `ShowBalloon`'s `msec` (wxPython's `TaskBarIcon`). */
const BALLOON_MSEC = 2;
/** The position of `SplashScreen`'s `milliseconds` (wxPython). */
const SPLASH_MSEC = 2;
const SPLASH = /^wx\.(adv\.)?SplashScreen$/;
// A call that makes a notification object: `notify2.Notification(...)`, `Notify.Notification.new(...)`,
// `wx.NotificationMessage()`.
// libadwaita's `Adw.Toast.new(message)`, whose `set_timeout(seconds)` is how long the toast shows.
const NOTIFICATION_CLASS = /(^|\.)(Notification(Message)?|Adw\.Toast)(\.new)?$/;
// libadwaita's `Adw.Toast(title=message, timeout=2)`: its `timeout=` is how long the toast shows.
const TOAST = /(^|\.)Adw\.Toast$/;
// Alerts whose first argument, or `timeout=`, is how long they show (the dotted path through the file's imports).
// The class's own module is matched by its file's path (`.../dist-packages/sugar3/graphics/alert.py`).
const SHOWN_FOR = /(^|\.)sugar3\.graphics\.alert\.NotifyAlert$/;
// A `def showMessage(` or `def ShowBalloon(` at any depth of the file.
const OWN_DISPLAY = {
  showMessage: /^[ \t]*(?:async[ \t]+)?def[ \t]+showMessage[ \t]*\(/m,
  ShowBalloon: /^[ \t]*(?:async[ \t]+)?def[ \t]+ShowBalloon[ \t]*\(/m,
};

/** Whether `node` (an argument of `call`, positional or the value of a keyword) is how long a message shows. */
export function displayedFor(facts: PyFacts, call: TsNode, node: TsNode): boolean {
  const callee = call.childForFieldName("function");
  if (callee && SHOWN_FOR.test(facts.resolve(callee.text))) return firstOrTimeout(call, node);
  if (callee && SPLASH.test(facts.resolve(callee.text))) return atOrNamed(call, node, SPLASH_MSEC, "milliseconds");
  if (callee && TOAST.test(callee.text)) return atOrNamed(call, node, -1, "timeout");
  if (callee?.type !== "attribute") return false;
  const method = callee.childForFieldName("attribute")?.text;
  if (method === "showMessage") return !ownDisplay(facts, method);
  const args = call.childForFieldName("arguments");
  const positional = (args?.namedChildren ?? []).filter((a) => a !== null && a.type !== "comment");
  if (method === "Notify") return positional.length === NOTIFY_EXPIRY + 1 && positional[NOTIFY_EXPIRY]?.id === node.id;
  if (method === "ShowBalloon")
    return (
      !ownDisplay(facts, method) &&
      (positional[BALLOON_MSEC]?.id === node.id || node.parent?.childForFieldName("name")?.text === "msec")
    );
  if (method !== "set_timeout" && method !== "setTimeout" && method !== "Show") return false;
  return isNotification(callee.childForFieldName("object"));
}

/**
 * Whether `fn` is the constructor of a display class the rules above name, in that class's own module (sugar3's
 * `graphics/alert.py` defining `NotifyAlert.__init__(self, timeout=5)`), and `name` its duration (its first parameter
 * after `self`, or `timeout`): the library's own default of how long the alert shows.
 */
export function ownDisplayDefault(facts: PyFacts, fn: TsNode, name: string): boolean {
  if (fn.childForFieldName("name")?.text !== "__init__") return false;
  const cls = fn.parent?.parent;
  const className = cls?.type === "class_definition" ? cls.childForFieldName("name")?.text : undefined;
  const module = (facts.options.path ?? "").replace(/\\/g, "/").replace(/\.py$/, "").split("/").join(".");
  if (!className || !SHOWN_FOR.test(`${module}.${className}`)) return false;
  const parameters = (fn.childForFieldName("parameters")?.namedChildren ?? []).filter(
    (p) => p !== null && p.type !== "comment",
  );
  const first = parameters[1];
  const firstName = first?.type === "identifier" ? first.text : first?.childForFieldName("name")?.text;
  return name === "timeout" || name === firstName;
}

// An argument at position `index` of the call, or its `name=`.
function atOrNamed(call: TsNode, node: TsNode, index: number, name: string): boolean {
  const positional = (call.childForFieldName("arguments")?.namedChildren ?? []).filter(
    (a) => a !== null && a.type !== "comment" && a.type !== "keyword_argument",
  );
  if (positional[index]?.id === node.id) return true;
  const keyword = node.parent;
  return keyword?.type === "keyword_argument" && keyword.childForFieldName("name")?.text === name;
}

// An argument that is the call's first positional one or its `timeout=`.
function firstOrTimeout(call: TsNode, node: TsNode): boolean {
  const first = call.childForFieldName("arguments")?.namedChildren.find((a) => a !== null && a.type !== "comment");
  if (first?.id === node.id && first.type !== "keyword_argument") return true;
  const keyword = node.parent;
  return keyword?.type === "keyword_argument" && keyword.childForFieldName("name")?.text === "timeout";
}

/** `ntf.timeout = ms` on a notification object: how long it shows. */
export function displayField(left: TsNode | null): boolean {
  if (left?.type !== "attribute" || left.childForFieldName("attribute")?.text !== "timeout") return false;
  return isNotification(left.childForFieldName("object"));
}

// A local the enclosing function assigned from a call of a notification class, and never anything else; or a `self`
// field its class assigns only so (apostrophe's `self.hemingway_toast = Adw.Toast.new(...)` in `__init__`, then
// `self.hemingway_toast.set_timeout(3)`).
function isNotification(receiver: TsNode | null): boolean {
  const field = receiver?.type === "attribute" && receiver.childForFieldName("object")?.text === "self";
  if (receiver?.type !== "identifier" && !field) return false;
  // A script's top level is its own scope (mcabber's mcnotify.py: `msgbox = pynotify.Notification(...)`, then
  // `msgbox.set_timeout(3000)`, in no function): every assignment of the name in the file must make a notification.
  const body = field
    ? enclosingClass(receiver!)?.childForFieldName("body")
    : (enclosingFunction(receiver!)?.childForFieldName("body") ?? receiver!.tree.rootNode);
  if (!body) return false;
  let made = false;
  for (const assignment of body.descendantsOfType("assignment")) {
    if (assignment?.childForFieldName("left")?.text !== receiver.text) continue;
    const right = assignment.childForFieldName("right");
    const callee = right?.type === "call" ? calleeText(right) : undefined;
    if (!callee || !NOTIFICATION_CLASS.test(callee)) return false;
    made = true;
  }
  return made;
}

// The file, or its package, defines a `showMessage` (`ShowBalloon`) of its own: a call of that name may be it, not Qt's
// (wx's).
function ownDisplay(facts: PyFacts, method: keyof typeof OWN_DISPLAY): boolean {
  const positions = facts.options.python?.positions;
  return OWN_DISPLAY[method].test(facts.fileCode()) || (positions !== undefined && Object.hasOwn(positions, method));
}
