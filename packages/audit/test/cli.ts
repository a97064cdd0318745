import { auditCli, type AuditIo } from "../src/cli.ts";

/** Runs org-audit in-process and captures what it prints. */
export async function runAudit(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: AuditIo = { cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const code = await auditCli("0.0.0-test").run(argv, io);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** `count` lines `export const <prefix>N = N;`, numbered from `from`. */
export const codeLines = (prefix: string, count: number, from = 1) =>
  Array.from({ length: count }, (_, i) => `export const ${prefix}${from + i} = ${from + i};`);
