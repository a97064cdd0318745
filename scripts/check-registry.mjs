#!/usr/bin/env node
// End to end through a real registry, as an adopting team would: publish every package to a local
// Verdaccio with `changeset publish`, then in fresh `npm init -y` projects install with plain npm and
// check ESM import and CommonJS require of every entry point, strict type-checking with
// skipLibCheck: false (nodenext and bundler), every bin's --version, and org-guard as a
// husky + lint-staged pre-commit hook (and ESLint plugin) set up by following the README exactly.
// Run by `pnpm test` after the build; exits 1 when anything fails.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { publishablePackages, startRegistry } from "./registry.mjs";
import { entryPoints, readmeBlocks, snippetFile } from "./registry-plan.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const exec = promisify(execFile);
const tsc = join(root, "node_modules/typescript/bin/tsc");
const started = performance.now();
let failures = 0;

function check(ok, what, detail = "") {
  const at = `[${((performance.now() - started) / 1000).toFixed(0)} s]`;
  console.log(`${ok ? "ok  " : "FAIL"} ${what} ${at}${!ok && detail ? `\n${indent(detail)}` : ""}`);
  if (!ok) failures++;
}
const indent = (text) =>
  String(text)
    .trim()
    .split("\n")
    .slice(0, 40)
    .map((line) => `       ${line}`)
    .join("\n");

/** Runs a command; resolves to { code, output } and never rejects. */
async function sh(file, args, options) {
  try {
    const { stdout, stderr } = await exec(file, args, { maxBuffer: 1 << 26, ...options });
    return { code: 0, stdout, output: `${stdout}${stderr}` };
  } catch (error) {
    return {
      code: error.code ?? 1,
      stdout: error.stdout ?? "",
      output: `${error.stdout ?? ""}${error.stderr ?? error.message}`,
    };
  }
}

/** A fresh `npm init -y` project (CommonJS, as npm makes it) using the registry. */
async function freshProject(name, env) {
  const dir = mkdtempSync(join(tmpdir(), `org-consumer-${name}-`));
  const init = await sh("npm", ["init", "-y"], { cwd: dir, env });
  if (init.code !== 0) throw new Error(`npm init -y failed in ${dir}:\n${init.output}`);
  return dir;
}

/**
 * Packages whose published declarations are known not to compile with skipLibCheck: false yet (issue 13:
 * their d.ts still carry zod's types). Their errors are printed, not counted; once one compiles the check
 * fails until it is taken off this list, so the list only shrinks.
 */
const KNOWN_DTS_FAILURES = new Set([]); // empty: @org/config and @org/guard declarations no longer carry zod

function checkTypes(result, what) {
  const errors = result.output.split("\n").filter((line) => /error TS\d+/.test(line));
  const owner = (line) => /node_modules\/(@org\/[^/]+)\//.exec(line)?.[1];
  const unexpected = errors.filter((line) => !KNOWN_DTS_FAILURES.has(owner(line)));
  check(
    result.code === 0 || (errors.length > 0 && unexpected.length === 0),
    `tsc --noEmit, strict, skipLibCheck: false, ${what}`,
    unexpected.join("\n") || result.output,
  );
  for (const name of KNOWN_DTS_FAILURES) {
    const own = errors.filter((line) => owner(line) === name);
    if (own.length > 0)
      console.log(`KNOWN ${name}: ${own.length} declaration errors under ${what} (issue 13, being fixed)`);
    else
      check(
        false,
        `${name} now compiles under ${what}: remove it from KNOWN_DTS_FAILURES in scripts/check-registry.mjs`,
      );
  }
}

async function checkConsumer(packages, env) {
  const dir = await freshProject("types", env);
  const rootDevDependencies = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).devDependencies;
  // Peers too (eslint for @org/guard/eslint): a project importing an entry point has its peers.
  const peers = [...new Set(packages.flatMap((p) => Object.keys(p.manifest.peerDependencies ?? {})))];
  const install = await sh(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      ...packages.map((p) => `${p.name}@${p.version}`),
      ...["@types/node", ...peers].map((name) => `${name}@${rootDevDependencies[name] ?? "latest"}`),
    ],
    { cwd: dir, env },
  );
  check(install.code === 0, `npm install ${packages.map((p) => p.name).join(" ")} from the registry`, install.output);
  if (install.code !== 0) return dir;

  const entries = entryPoints(packages);
  const specifiers = entries.map((e) => e.specifier);
  writeFileSync(
    join(dir, "esm.mjs"),
    `for (const s of ${JSON.stringify(specifiers)}) {\n  const m = await import(s);\n  if (Object.keys(m).length === 0) throw new Error(s + " has no exports");\n}\n`,
  );
  writeFileSync(
    join(dir, "cjs.cjs"),
    `for (const s of ${JSON.stringify(specifiers)}) {\n  const m = require(s);\n  if (Object.keys(m).length === 0) throw new Error(s + " has no exports");\n}\n`,
  );
  const esm = await sh(process.execPath, ["esm.mjs"], { cwd: dir, env });
  check(esm.code === 0, `ESM import of ${specifiers.length} entry points`, esm.output);
  const cjs = await sh(process.execPath, ["cjs.cjs"], { cwd: dir, env });
  check(cjs.code === 0, `CommonJS require of ${specifiers.length} entry points`, cjs.output);

  // Every entry point's declarations, checked strictly (skipLibCheck: false checks every .d.ts they pull in).
  const body = entries.map((e, i) => `import * as m${i} from "${e.specifier}";`).join("\n");
  const use = `\nexport const modules = [${entries.map((_, i) => `m${i}`).join(", ")}];\n`;
  writeFileSync(join(dir, "consumer.cts"), body + use); // CommonJS under nodenext
  writeFileSync(join(dir, "consumer.mts"), body + use); // ESM under nodenext
  writeFileSync(join(dir, "bundler.ts"), body + use);
  const strict = { target: "es2022", strict: true, skipLibCheck: false, noEmit: true, types: ["node"] };
  const variants = [
    ["nodenext", { module: "nodenext", moduleResolution: "nodenext" }, ["consumer.cts", "consumer.mts"]],
    ["bundler", { module: "esnext", moduleResolution: "bundler" }, ["bundler.ts"]],
  ];
  const results = await Promise.all(
    variants.map(([name, options, files]) => {
      writeFileSync(
        join(dir, `tsconfig.${name}.json`),
        JSON.stringify({ compilerOptions: { ...strict, ...options }, files }),
      );
      return sh(process.execPath, [tsc, "-p", `tsconfig.${name}.json`], { cwd: dir, env });
    }),
  );
  variants.forEach(([name, , files], i) => checkTypes(results[i], `${name} resolution (${files.join(", ")})`));
  // The README's ESLint snippet, as written, in this CommonJS project (eslint came in as @org/guard's peer).
  const { eslint } = readmeBlocks(readFileSync(join(root, "README.md"), "utf8"));
  check(Boolean(eslint), "the README's guard section has the ESLint snippet");
  if (eslint) {
    // Install what the snippet imports beyond our packages (the README says so next to it: typescript-eslint).
    const imported = [...eslint.code.matchAll(/from "((?:@[^/"]+\/)?[^/"]+)[^"]*"/g)].map((m) => m[1]);
    const missing = imported.filter((name) => !existsSync(join(dir, "node_modules", name)));
    if (missing.length > 0) {
      const ranges = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).devDependencies;
      const add = await sh(
        "npm",
        ["install", "--no-audit", "--no-fund", "-D", ...missing.map((n) => `${n}@${ranges[n] ?? "latest"}`)],
        { cwd: dir, env },
      );
      check(
        add.code === 0,
        `npm install -D ${missing.join(" ")} (imported by the README's ESLint snippet)`,
        add.output,
      );
    }
    writeFileSync(join(dir, snippetFile(eslint.code)), eslint.code);
    mkdirSync(join(dir, "src"));
    writeFileSync(
      join(dir, "src/bad.js"),
      "module.exports = () => fetch('/x', { signal: AbortSignal.timeout(5000) });\n",
    );
    writeFileSync(
      join(dir, "src/good.js"),
      "module.exports = (ms) => fetch('/x', { signal: AbortSignal.timeout(ms) });\n",
    );
    const lint = await sh(join(dir, "node_modules/.bin/eslint"), ["src"], { cwd: dir, env });
    check(
      lint.code === 1 && /bad\.js[\s\S]*no-hardcoded-timeout/.test(lint.output) && !/good\.js/.test(lint.output),
      `ESLint with the README's ${snippetFile(eslint.code)} flags the hardcoded timeout (and nothing else)`,
      lint.output,
    );
  }

  for (const pkg of packages) {
    for (const bin of Object.keys(pkg.manifest.bin ?? {})) {
      const result = await sh(join(dir, "node_modules/.bin", bin), ["--version"], { cwd: dir, env });
      check(
        result.code === 0 && result.stdout.trim() === pkg.version,
        `${bin} --version prints ${pkg.version}`,
        result.output,
      );
    }
  }
  return dir;
}

async function checkGuardHook(env) {
  const dir = await freshProject("hook", env);
  const git = (...args) => sh("git", args, { cwd: dir, env });
  await git("init", "-q");
  await git("config", "user.email", "ci@example.invalid");
  await git("config", "user.name", "CI");
  writeFileSync(join(dir, ".gitignore"), "node_modules\n"); // as any real project has
  const { adopt } = readmeBlocks(readFileSync(join(root, "README.md"), "utf8"));
  const shell = adopt.find((b) => b.lang === "sh");
  const config = adopt.find((b) => b.lang === "js" && /lint-staged/.test(b.code));
  check(Boolean(shell && config), "the README's guard section has the husky and lint-staged snippets");
  if (!shell || !config) return dir;
  for (const line of shell.code.split("\n").filter((l) => l.trim() && !l.startsWith("#"))) {
    const result = await sh("sh", ["-c", line], { cwd: dir, env });
    check(result.code === 0, `README step: ${line}`, result.output);
    if (result.code !== 0) return dir;
  }
  writeFileSync(join(dir, snippetFile(config.code)), config.code);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  check(manifest.type !== "module", `the project is CommonJS (npm init -y, type ${manifest.type ?? "unset"})`);

  mkdirSync(join(dir, "src"));
  writeFileSync(
    join(dir, "src/client.js"),
    'const url = "https://keys.internal/v1";\nmodule.exports = () => fetch(url, { signal: AbortSignal.timeout(5000) });\n',
  );
  await git("add", "-A");
  const refused = await git("commit", "-qm", "hardcoded timeout");
  check(
    refused.code !== 0 && /no-hardcoded-timeout/.test(refused.output),
    "the pre-commit hook refuses a hardcoded timeout (src/client.js)",
    refused.output,
  );
  writeFileSync(
    join(dir, "src/client.js"),
    'const url = "https://keys.internal/v1";\nmodule.exports = (timeoutMs) => fetch(url, { signal: AbortSignal.timeout(timeoutMs) });\n',
  );
  await git("add", "-A");
  const accepted = await git("commit", "-qm", "timeout from the caller");
  check(accepted.code === 0, "the pre-commit hook lets a clean commit through", accepted.output);

  return dir;
}

const packages = publishablePackages();
const registry = await startRegistry({ log: (line) => console.log(line) });
const env = { ...process.env, ...registry.env, npm_config_update_notifier: "false" };
delete env.npm_config_user_agent; // let npm be plain npm, not pnpm's child
const dirs = [];
try {
  check(
    registry.published.length === packages.length,
    `changeset publish put all ${packages.length} packages on the registry`,
    registry.published.join(", "),
  );
  const results = await Promise.allSettled([checkConsumer(packages, env), checkGuardHook(env)]);
  for (const result of results) {
    if (result.status === "fulfilled") dirs.push(result.value);
    else check(false, "a consumer project could not be set up", result.reason?.message ?? result.reason);
  }
} finally {
  await registry.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`registry check: ${failures === 0 ? "passed" : `${failures} failed`} in ${seconds} s`);
process.exitCode = failures === 0 ? 0 : 1;
