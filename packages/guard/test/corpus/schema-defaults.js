// Schema defaults (issue 9, session 44): a zod/Joi default for a timeout option stays the code's default when
// modifiers follow it (`.describe()`, `.optional()`), as selenium-ai-agent's tool schemas write it. `expect:` marks
// each line that must be flagged; every other line must come out clean.
import { z } from "zod";

export const waitSchema = z.object({
  value: z.string().describe("Value for condition"),
  timeout: z.coerce.number().optional().default(10000).describe("Timeout in milliseconds"), // expect: no-hardcoded-timeout
});
export const runSchema = z.object({ timeout: z.number().int().positive().default(120000).optional() }); // expect: no-hardcoded-timeout

// Not a default: a method named `default` after a call that is no schema modifier, and a schema of a retry count.
export const other = z.object({
  timeout: load().default(5000).then(apply),
  retries: z.number().default(3).describe("Retries"),
});
