import { z } from "zod/mini";
import { RULES, type RuleId } from "./rules.ts";

const SeveritySchema = z.union([z.enum(["off", "warn", "error"]), z.literal(0), z.literal(1), z.literal(2)]);
const nonEmpty = z.string().check(z.minLength(1));

// zod/mini: the same validation with a tree-shakable API, so the CLI that runs on every
// commit loads a few kilobytes of validator instead of all of zod (bench/speed.mjs).
/**
 * The guard's config file: `org-guard.config.json`, or `"orgGuard"` in package.json.
 * - `ignore`: globs (relative to the config file) of files never checked;
 * - `timeoutNames`: extra property, keyword and parameter names that hold a timeout, matched exactly;
 * - `apis`: extra calls whose argument is a timeout, added to the built-in list;
 * - `rules`: severity per rule, "off", "warn" or "error";
 * - `maxFileBytes`: files larger than this are skipped with a note (default 1 MiB).
 */
export const GuardConfigSchema = z.strictObject({
  $schema: z.optional(z.string()),
  $comment: z.optional(z.string()),
  ignore: z._default(z.array(nonEmpty), []),
  timeoutNames: z._default(z.array(nonEmpty), []),
  apis: z._default(
    z.array(
      z.strictObject({
        language: z.enum(["js", "python"]),
        callee: nonEmpty,
        argument: z.union([z.number().check(z.int(), z.minimum(0)), z.enum(["last", "all", "options"])]),
        keyword: z.optional(nonEmpty),
        minArguments: z.optional(z.number().check(z.int(), z.minimum(1))),
        zeroIsUnbounded: z.optional(z.boolean()),
        negativeIsUnbounded: z.optional(z.boolean()),
        zeroRejectsAtOnce: z.optional(z.boolean()),
        noneRefused: z.optional(z.boolean()),
      }),
    ),
    [],
  ),
  rules: z._default(z.partialRecord(z.enum(Object.keys(RULES) as [RuleId, ...RuleId[]]), SeveritySchema), {}),
  maxFileBytes: z._default(z.number().check(z.int(), z.positive()), 1024 * 1024),
});

// The hand-written public interface must accept exactly what the schema accepts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const inputMatchesSchema: Same<import("./config.ts").GuardConfigInput, z.input<typeof GuardConfigSchema>> = true;
