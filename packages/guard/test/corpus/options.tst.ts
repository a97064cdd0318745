// A tstyche type test (`*.tst.ts`): type-checked, never run, so nothing in it waits. Nothing here may be flagged.
import { expect } from "tstyche";
declare function replyFrom(options: { timeout?: number; http2?: { requestTimeout?: number } }): void;

expect(replyFrom({ timeout: 1000 })).type.toBe<void>();
replyFrom({ timeout: 1000, http2: { requestTimeout: 1000 } });
export const options = { timeout: 0 };
