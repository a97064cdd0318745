import type { Node as TsNode } from "web-tree-sitter";
import { AssertedLiterals } from "./asserted.ts";
import {
  DOUBLE_FACTORY,
  IN_PROCESS_TRANSPORT,
  isPatchCall,
  madeByPatch,
  MANUAL_CLOCK,
  MOCK_CALL,
  TESTING_MODULE,
} from "./double-factories.ts";
import { advancesFakeClock } from "./fake-clocks.ts";
import { handedToNonWait, localHandedToNonWaits } from "./mock-arguments.ts";
import { type Patched, PatchedTests } from "./patched.ts";
import { calleeText, enclosingFunction, keywordArgument, unwrap } from "./syntax.ts";

// Test doubles: where a test replaced what would wait, a timeout handed to it bounds nothing. A mock or
// fake records the call (`FakeAsyncClient`, `mock.Mock()`, `patch(...) as m`), a patched test routes the
// code under test to such a double, an in-process httpx transport never applies a timeout, and a test that
// asserts the value it passed checks a configuration, not a wait. Decided by what the object is (where it
// was made) and what the test does, never by the callee's name alone.

// What a patched function answers when called: its `return_value`, or its `side_effect`'s items.
const PATCH_ANSWER = /^(return_value|side_effect)$/;

export class TestDoubles {
  // `scope:name` (or `self.x`) of variables holding a double.
  private readonly doubles = new Set<string>();
  // Of those, the mocks a patch made (`@patch(...)` parameters, `with patch(...) as m`, `patch(...).start()`,
  // `mocker.patch(...)`): they stand in for a function or class the code under test calls.
  private readonly patchMocks = new Set<string>();
  // Names bound to an in-process httpx transport.
  private readonly transports = new Set<string>();
  private readonly patches = new PatchedTests();
  private readonly asserted = new AssertedLiterals();
  // Fixtures of this file, and the names of those that return a double.
  private readonly fixtures: TsNode[] = [];
  private readonly fixtureDoubles = new Set<string>();

  private readonly clockCache = new Map<number, boolean>();

  constructor(
    private readonly scopeOf: (node: TsNode) => number,
    private readonly resolve: (dotted: string) => string = (dotted) => dotted,
  ) {}

  // Records `x = FakeClient()`, `t = httpx.ASGITransport(app=app)`, `with patch(...) as m` (collect phase).
  note(raw: TsNode, value: TsNode): void {
    const source = unwrap(value);
    const target = raw.type === "as_pattern_target" ? (raw.namedChildren[0] ?? raw) : raw;
    const key = this.key(target);
    if (key === undefined) return;
    if (this.isDoubleExpression(source)) this.doubles.add(key);
    if (source.type === "call" && madeByPatch(source)) this.patchMocks.add(key);
    if (source.type === "call" && IN_PROCESS_TRANSPORT.test(calleeText(source))) this.transports.add(target.text);
  }

  // `@pytest.fixture def fake_client(): return FakeClient()`: judged in `settle`, once the file's doubles are known.
  noteFunction(fn: TsNode): void {
    const decorated = fn.parent?.type === "decorated_definition" ? fn.parent : undefined;
    if (decorated?.namedChildren.some((c) => c?.type === "decorator" && /^@(pytest\.)?fixture\b/.test(c.text)))
      this.fixtures.push(fn);
  }

  // A fixture that returns or yields a double hands that double to every test that names it as a parameter
  // (`def test_x(fake_client): fake_client.get(url, timeout=5)`).
  settle(): void {
    for (const fn of this.fixtures) {
      const name = fn.childForFieldName("name")?.text;
      const body = fn.childForFieldName("body");
      if (!name || !body) continue;
      const results = body
        .descendantsOfType(["return_statement", "yield"])
        .map((n) => n?.namedChildren.find((c) => c?.type !== "comment"))
        .filter((n): n is TsNode => n !== null && n !== undefined);
      if (results.length > 0 && results.every((value) => this.isDoubleExpression(unwrap(value))))
        this.fixtureDoubles.add(name);
    }
  }

  // A `parameters` node of a function patched by decorators: `@patch(...) def test(self, mock_get)`.
  noteParameters(parameters: TsNode): void {
    const fn = parameters.parent;
    const decorated = fn?.parent?.type === "decorated_definition" ? fn.parent : undefined;
    if (!fn || !decorated) return;
    const decorators = decorated.namedChildren.filter((c) => c?.type === "decorator").map((c) => c!.text);
    if (!decorators.some((d) => /(^|[^\w])patch(\.object|\.multiple)?\s*\(/.test(d))) return;
    for (const parameter of parameters.namedChildren) {
      if (parameter?.type === "identifier" && parameter.text !== "self") {
        this.doubles.add(`${fn.startIndex}:${parameter.text}`);
        this.patchMocks.add(`${fn.startIndex}:${parameter.text}`);
      }
    }
  }

  // `httpx.Client(transport=httpx.ASGITransport(app=app))`, `AsyncClient(app=app)`: calls never leave the process.
  isInProcessClient(call: TsNode): boolean {
    const transport = keywordArgument(call, "transport");
    if (keywordArgument(call, "app")) return true;
    if (!transport) return false;
    const node = unwrap(transport);
    return node.type === "call" ? IN_PROCESS_TRANSPORT.test(calleeText(node)) : this.transports.has(node.text);
  }

  // A method call on a double: `fake_event.wait(5)`, `mock_session.get(url)`.
  calledOnDouble(call: TsNode): boolean {
    const callee = call.childForFieldName("function");
    return callee?.type === "attribute" && this.isDouble(callee.childForFieldName("object"));
  }

  // An attribute of a double written: `x_cluster.timeout = 10` on `x_cluster = mock.Mock(...)`, `mock_find.return_value`.
  setOnDouble(target: TsNode): boolean {
    return target.type === "attribute" && this.isDouble(target.childForFieldName("object"));
  }

  // `mock_load.return_value = conf`, `mock_get.side_effect = [resp]`, `mock_cls.return_value.timeout = 10` on a mock a
  // patch made: part of what the patched function or class answers the code under test that calls it, not data the
  // double keeps.
  returnedByPatch(target: TsNode): boolean {
    let answered = false;
    for (let current: TsNode | null = target; current;) {
      const key = this.key(current);
      if (answered && key !== undefined && this.patchMocks.has(key)) return true;
      if (answered && current.type === "identifier" && this.patchMocks.has(`0:${current.text}`)) return true;
      if (current.type !== "attribute") return false;
      answered ||= PATCH_ANSWER.test(current.childForFieldName("attribute")?.text ?? "");
      current = current.childForFieldName("object");
    }
    return false;
  }

  // A call made on a double or making one: `fake.get(u, timeout=3)`, `MagicMock(timeout=5)`, `FakeClient(timeout=5)`.
  onOrMakesDouble(call: TsNode): boolean {
    return this.calledOnDouble(call) || this.isDouble(call);
  }

  // The arguments of a call that are doubles: `flags(..., timeout=3, client=fake)` gives `client=fake`.
  doubleArguments(call: TsNode): TsNode[] {
    return (call.childForFieldName("arguments")?.namedChildren ?? []).filter((argument): argument is TsNode => {
      const value = argument?.type === "keyword_argument" ? argument.childForFieldName("value") : argument;
      return value !== null && value !== undefined && this.isDouble(value);
    });
  }

  // A call made on a double, handed one, or making one.
  involvesDouble(call: TsNode): boolean {
    return this.onOrMakesDouble(call) || this.doubleArguments(call).length > 0;
  }

  // Inside a test function that patches something (decorator, `with patch(...)`, `mocker`, `monkeypatch.setattr`).
  patched(node: TsNode): Patched {
    return this.patches.around(node);
  }

  // `@mock.patch.object(SMUTClient, "_request") def test_stop(self, request): client.guest_stop(uid, timeout=300);
  // request.assert_called_once_with(...)`: a unit test that swaps the code under test's collaborators for mocks and
  // checks what they were handed. The literal it passes is test data that reaches the mocks; nothing waits. Not an
  // argument of a call that is itself a wait (`listener.poll(timeout=1)`, `t.join(5)`, `client.flush(timeout_seconds=1)`
  // in session5.py): that one waits on what the test built, whatever it patched. A local (`timeout_secs = 10`) counts
  // only when every read of it is such an argument; a dict entry (`opts = {"timeout": 30}; get(u, **opts)`) never.
  handedToMocks(value: TsNode): boolean {
    if (!this.patches.around(value).checked) return false;
    return handedToNonWait(value) ?? localHandedToNonWaits(value);
  }

  // `Client(KEY, timeout=10)` then `self.assertEqual(consumer.timeout, 10)`, `flush(timeout_millis=5000)` then
  // `inner.force_flush.assert_called_once_with(5000)`: a literal the test asserts on afterwards is checked as a
  // configuration or as forwarded to a double, not waited on.
  assertedLater(value: TsNode, name: string | undefined): boolean {
    return this.asserted.later(value, name);
  }

  private isDouble(raw: TsNode | null): boolean {
    if (!raw) return false;
    const node = unwrap(raw);
    if (node.type === "call") return DOUBLE_FACTORY.test(calleeText(node)) && !isPatchCall(node);
    // `mock_cls.return_value`, `fake.session`: a part of a double is one too.
    for (let current: TsNode | null = node; current;) {
      const key = this.key(current);
      if (key !== undefined && this.doubles.has(key)) return true;
      if (current.type === "identifier" && this.doubles.has(`0:${current.text}`)) return true;
      if (current.type === "identifier" && this.isFixtureParameter(current)) return true;
      // `call.Popen_instance.wait(timeout=1)` with unittest.mock's `call`: an expected call built to compare with
      // what a mock recorded; nothing is called.
      if (current.type === "identifier" && MOCK_CALL.test(this.resolve(current.text))) return true;
      if (current.type === "attribute" && current.childForFieldName("attribute")?.text === "return_value") return true;
      current = current.type === "attribute" ? current.childForFieldName("object") : null;
    }
    return false;
  }

  // A parameter named after a fixture of this file that returns a double.
  private isFixtureParameter(identifier: TsNode): boolean {
    if (!this.fixtureDoubles.has(identifier.text)) return false;
    const fn = enclosingFunction(identifier);
    const parameters = fn?.childForFieldName("parameters")?.namedChildren ?? [];
    return parameters.some(
      (p) => (p?.type === "identifier" ? p.text : p?.childForFieldName("name")?.text) === identifier.text,
    );
  }

  private isDoubleExpression(node: TsNode): boolean {
    if (node.type === "call") {
      // `patch(...).start()`, `mocker.patch(...)`, `mocker.Mock()`, `FakeClient(...)`.
      const callee = node.childForFieldName("function");
      const inner = callee?.type === "attribute" ? callee.childForFieldName("object") : undefined;
      if (inner?.type === "call" && isPatchCall(inner)) return true;
      const written = calleeText(node);
      if (DOUBLE_FACTORY.test(written) || /^mocker\.\w+$/.test(written)) return true;
      // `self.network = self.useFixture(FakeNetwork())`: testtools' `useFixture` sets the fixture up and returns it.
      const fixture = /(^|\.)useFixture$/.test(written) ? node.childForFieldName("arguments")?.namedChildren[0] : null;
      if (fixture && fixture.type !== "keyword_argument" && this.isDoubleExpression(unwrap(fixture))) return true;
      // `MemoryReactor()` from `twisted.internet.testing`, `Clock()` from `twisted.internet.task`: a class a testing
      // module provides, or a clock moved by hand.
      if (TESTING_MODULE.test(this.resolve(written)) || MANUAL_CLOCK.test(written)) return true;
      // `Popen = MockPopen()` then `process = Popen("cmd")`: what a double returns when called is the double's too
      // (a `Mock()` returns a mock, a fake class's instance is fake). The double itself, not its method.
      const calledKey = callee ? this.key(callee) : undefined;
      if (calledKey !== undefined && (this.doubles.has(calledKey) || this.doubles.has(`0:${callee!.text}`)))
        return true;
      // `DeferredFilesystemLock(path, scheduler=self.clock)`, `ThreadedResolver(fake_reactor)`: built on a double,
      // it waits through the double.
      // The double itself, not a part of it: `Thread(target=fake.calls.clear)` runs real code.
      return (node.childForFieldName("arguments")?.namedChildren ?? []).some((argument) => {
        const value = argument?.type === "keyword_argument" ? argument.childForFieldName("value") : argument;
        const key = value ? this.key(unwrap(value)) : undefined;
        return (
          key !== undefined &&
          (this.doubles.has(key) || (value!.type === "identifier" && this.doubles.has(`0:${value!.text}`)))
        );
      });
    }
    return this.isDouble(node);
  }

  // Inside a function that moves a fake clock by hand (`fake-clocks.ts`): its durations bound no real wait.
  advancesFakeClock(node: TsNode): boolean {
    return advancesFakeClock(node, this.clockCache, (object) => this.isDouble(object));
  }

  private key(node: TsNode): string | undefined {
    if (node.type === "identifier") {
      // A parameter is keyed by its function, a variable by the function it is in: both are `scopeOf`.
      return `${this.scopeOf(node)}:${node.text}`;
    }
    return node.type === "attribute" ? node.text.replace(/\s+/g, "") : undefined;
  }
}
