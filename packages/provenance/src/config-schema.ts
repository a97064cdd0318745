import { z } from "zod";

const globs = z.array(z.string().min(1, "a glob must not be empty"));

const pattern = z.string().refine(
  (value) => {
    try {
      new RegExp(value, "i");
      return true;
    } catch {
      return false;
    }
  },
  { message: "not a valid regular expression" },
);

/** org-audit.config.json: every key optional, unknown keys refused (a typo must not be ignored). */
export const OrgAuditConfigSchema = z
  .object({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    aiIdentities: z
      .array(
        z
          .object({
            tool: z.string().min(1),
            names: z.array(z.string().min(1)).optional(),
            emails: z.array(z.string().min(1)).optional(),
          })
          .strict()
          .refine((i) => (i.names?.length ?? 0) + (i.emails?.length ?? 0) > 0, {
            message: "an identity needs at least one of names or emails",
          }),
      )
      .default([]),
    subjectTag: z.string().min(1).default("[AI-ASSISTED]"),
    policy: z.enum(["detect", "declare"]).default("detect"),
    sourceGlobs: globs.optional(),
    testGlobs: globs.optional(),
    integrationTestGlobs: globs.optional(),
    integrationGlobs: globs.default([]),
    fixupPattern: pattern.default("^(fix|fixup!|hotfix|revert|bugfix)\\b"),
    ignore: globs.default([]),
    reportSections: z.array(z.string().min(1, "a module specifier must not be empty")).default([]),
  })
  .strict();

export type OrgAuditConfigInput = z.input<typeof OrgAuditConfigSchema>;
