// Durations a spec only hands to a mock clock, builds as a fake message, or reads back (issue 9, fresh7's
// pusher-js specs): test data, nothing waits. A spec's own test timeout still waits. `expect:` marks findings.
declare const jasmine: { clock(): { install(): void; uninstall(): void; tick(ms: number): void } };
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => void, timeout?: number): void;
declare function beforeAll(fn: () => void): void;
declare function beforeEach(fn: () => void): void;
declare function expect(value: unknown): { toEqual(expected: unknown): void };
declare class ConnectionManager {
  constructor(key: string, options: object);
  options: { activityTimeout: number };
}
declare class Pusher {
  constructor(key: string, options: object);
  connection: { options: { activityTimeout: number; pongTimeout: number } };
}
declare const Protocol: { processHandshake(message: object): object };
declare const client: { request(o: object): Promise<void> };

// jasmine's mock clock, installed in a hook: every timer of the suite runs on `tick`.
describe("ConnectionManager on jasmine's clock", () => {
  beforeAll(() => {
    jasmine.clock().install();
  });
  beforeEach(() => {
    const manager = new ConnectionManager("foo", { activityTimeout: 3456, pongTimeout: 2345 });
    manager.options.activityTimeout = 5555;
  });
  it(
    "pings after the activity timeout",
    () => {
      jasmine.clock().tick(3456);
    },
    10000, // expect: no-hardcoded-timeout
  );
});

// The same options on the real clock wait.
describe("ConnectionManager on the real clock", () => {
  it("times out", () => {
    void client.request({ timeout: 2000 }); // expect: no-hardcoded-timeout
  });
});

// A fake server message for a pure function whose result is compared (a `var`, as older specs write it).
describe("Protocol", () => {
  it("reads the handshake", () => {
    var message = {
      data: JSON.stringify({ event: "pusher:connection_established", data: { activity_timeout: 30 } }),
    };
    expect(Protocol.processHandshake(message)).toEqual({ action: "connected", activityTimeout: 30000 });
  });

  // Options built into an object that the spec only reads back through one of its parts.
  it("copies user-specified timeouts", () => {
    var pusher = new Pusher("foo", { activityTimeout: 123, pongTimeout: 456 });
    var options = pusher.connection.options;
    expect(options.activityTimeout).toEqual(123);
    expect(options.pongTimeout).toEqual(456);
  });

  // Read back, but also used: the object may wait.
  it("connects", () => {
    var pusher = new Pusher("foo", { activityTimeout: 124 }); // expect: no-hardcoded-timeout
    var options = pusher.connection.options;
    expect(options.activityTimeout).toEqual(124);
    void client.request({ pusher });
  });
});

// An object a factory builds from the options, whose fields alone the spec checks.
declare function getTransport(hooks: object, key: string, options: object): { activityTimeout: number };
describe("TransportConnection", () => {
  it("keeps the activity timeout", () => {
    var transport = getTransport({}, "xxx", { activityTimeout: 654321 });
    expect(transport.activityTimeout).toEqual(654321);
  });
  // The value itself checked (a promise may settle after a wait, and this test waits for it): still a timeout.
  // (A synchronous test that only compares is sync-tests11.js: it cannot wait.)
  it("resolves", async () => {
    var pending = getTransport({}, "xxx", { activityTimeout: 654322 }); // expect: no-hardcoded-timeout
    await expect(pending).resolves.toEqual({ activityTimeout: 654322 });
  });
});

// A double's own data: what a mock factory made, and a constructor named like a double.
declare const Mocks: { getTransport(): { activityTimeout?: number } };
describe("Connection", () => {
  it("copies the transport's activity timeout", () => {
    var transport = Mocks.getTransport();
    transport.activityTimeout = 123123;
    expect(transport.activityTimeout).toEqual(123123);
  });
});
export const ClientMock = function (this: { options: object }, options: object) {
  this.options = { subscriptionTimeout: 5 } || options;
};
export class FakeServer {
  replyTimeout = 30;
}
