import type { Node as TsNode } from "web-tree-sitter";
import { calleeText } from "./syntax.ts";

// What makes an object a double, by how it is made: the factories, testing modules and clocks `doubles.ts` knows.

// Factories of doubles: `Mock()`, `MagicMock()`, `create_autospec(...)`, classes named `Fake...`/`Dummy...`/`Mock...`.
export const DOUBLE_FACTORY =
  /(^|\.)(Mock|MagicMock|AsyncMock|NonCallableMock|NonCallableMagicMock|PropertyMock|create_autospec|patch(\.object|\.multiple)?)$|(^|\.)_*(Fake|Dummy|Mock|Mocked)(?=[A-Z_\d]|$)\w*$|(^|\.)_*[A-Z]\w*(Fake|Mock)$/;
// httpx transports that call an app in-process: httpx never applies a timeout on them.
export const IN_PROCESS_TRANSPORT = /(^|\.)(ASGITransport|WSGITransport|MockTransport)$/;
// A module of test doubles: `twisted.internet.testing`, `twisted.test.proto_helpers`, `x.tests.fakes`.
export const TESTING_MODULE = /(^|\.)(testing|proto_helpers|fakes|mocks)\.[A-Z]\w*$/;
// unittest.mock's call recorder (`from unittest.mock import call`, `mock.call`, testfixtures' re-export).
export const MOCK_CALL = /(^|\.)mock\.call$/;
// A clock a test moves by hand: twisted's `task.Clock()`, `MemoryReactorClock()`.
export const MANUAL_CLOCK = /(^|\.)(Clock|MemoryReactorClock)$/;

/** `patch(...)`, `mock.patch.object(...)`: a patcher, not a double (what it makes is, once started or entered). */
export function isPatchCall(call: TsNode): boolean {
  return /(^|\.)patch(\.object|\.multiple)?$/.test(calleeText(call));
}

// `patch(...)`, `mock.patch.object(...)`, `mocker.patch(...)`, or `patch(...).start()`: a mock a patch made.
export function madeByPatch(call: TsNode): boolean {
  if (isPatchCall(call)) return true;
  const callee = call.childForFieldName("function");
  const inner = callee?.type === "attribute" ? callee.childForFieldName("object") : undefined;
  return callee?.childForFieldName("attribute")?.text === "start" && inner?.type === "call" && isPatchCall(inner);
}
