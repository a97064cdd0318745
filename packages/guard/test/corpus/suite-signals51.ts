// JS `no-hardcoded-timeout`, session 51 (issue 9), from blind set fresh199 (@libp2p/interface-compliance-tests): a
// test's abort signal on a dial bounds the dial, whatever another test of the same suite expects. Only the test around
// the signal (up to its own callback), and the call it is handed to, say whether the abort is the action under test.
import { expect } from "aegir/chai";

export default (common: Setup): void => {
  describe("interface-transport", () => {
    it("simple", async () => {
      const { dialer, dialAddrs } = await getSetup(common);
      const output = await dialer.services.echo.echo(dialAddrs[0], input, {
        signal: AbortSignal.timeout(5_000), // expect: no-hardcoded-timeout
      });
      expect(output.subarray()).to.equalBytes(input);
    });

    it("abort before dialing throws AbortError", async () => {
      const { dialer, dialAddrs } = await getSetup(common);
      const controller = new AbortController();
      controller.abort();
      await expect(dialer.dial(dialAddrs[0], { signal: controller.signal }))
        .to.eventually.be.rejected()
        .with.property("name", "AbortError");
    });

    it("aborts a slow dial", async () => {
      const { dialer, dialAddrs } = await getSetup(common);
      await expect(dialer.dial(dialAddrs[0], { signal: AbortSignal.timeout(10) }))
        .to.eventually.be.rejected()
        .with.property("name", "AbortError");
    });
  });
};
