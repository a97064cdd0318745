// Issue 9, session 12: chai's BDD assertions (`expect(x).to.eql(...)`, `.to.deep.equal`, `.should.have.property`)
// take the value expected: a timeout written there is compared, nothing waits on it (postmark's client-options tests).
// The value the test hands to the code under test still counts. `expect:` marks findings.
const { expect } = require("chai");
const { ServerClient } = require("../src");

describe("clientOptions", () => {
  let client;
  beforeEach(() => {
    client = new ServerClient("token");
  });

  it("keeps the default timeout", async () => {
    client.setClientOptions({ useHttps: false });
    expect(client.getClientOptions()).to.eql({
      useHttps: false,
      timeout: 180,
    });
    expect(client.getClientOptions()).to.deep.equal({ requestTimeout: 181 });
    expect(client.getClientOptions()).to.have.property("timeout", 182);
    expect(client.getClientOptions()).to.deep.include({ connectTimeout: 183 });
    client.getClientOptions().should.eql({ timeout: 184 });
  });

  it("hands its timeout to the client", async () => {
    client.setClientOptions({ timeout: 185 }); // expect: no-hardcoded-timeout
    const sent = await client.sendEmail({ timeout: 186 }); // expect: no-hardcoded-timeout
    expect(sent).to.eql({ ok: true });
  });
});

// Not a chai chain: a library's own `include` and `property` are no assertions.
const registry = makeRegistry();
registry.include({ connectTimeout: 187 }); // expect: no-hardcoded-timeout
lib.property("x").eql({ readTimeout: 188 }); // expect: no-hardcoded-timeout
