import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyCommits, defaultProvenanceConfig, type CommitClassification } from "../src/index.ts";
import { createTestRepo, type TestRepo } from "../src/testing.ts";

let repo: TestRepo;
const sha: Record<string, string> = {};
let bySha: Map<string, CommitClassification>;

beforeAll(async () => {
  repo = createTestRepo();
  const planned: { name: string; message: string; author?: string }[] = [];
  const c = (name: string, message: string, author?: string) => planned.push({ name, message, author });
  c("plain", "Add the plain file");
  c("tag", "[AI-ASSISTED] Add retry helper");
  c("tagLower", "feat: cache warmup [ai-assisted]");
  c("aiYes", "Add parser\n\nBody text.\n\nAI-Assisted: yes");
  c("aiTrue", "Add lexer\n\nAI-Assisted: true");
  c("assisted", "Tidy docs\n\nAssisted-by: Cursor (gpt-5)");
  c("generated", "Generate client\n\nGenerated-by: GitHub Copilot");
  c("claude", "Fix typo\n\nCo-authored-by: Claude <noreply@anthropic.com>");
  c("copilot", "Refactor\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>");
  c("humanCo", "Pair work\n\nCo-authored-by: Claude Martin <claude.martin@example.com>");
  c("aider", "aider: add tests", "Dev Human (aider) <dev@example.com>");
  c("declared", "[AI-ASSISTED] reverted idea\n\nCo-authored-by: Claude <noreply@anthropic.com>\nAI-Assisted: no");
  c("humanNo", "Manual change\n\nAI-Assisted: no");
  // Not in the trailer block (prose mid-body, then a non-trailer last paragraph): git does not parse it.
  c("notTrailer", "Explain\n\nAI-Assisted: yes\n\nThis paragraph is the last one and has no trailers.");
  // A folded trailer: git unfolds the continuation line.
  c("folded", "Folded\n\nAssisted-by: Claude Code\n  with extended thinking");
  c("aiderModel", "Refactor\n\nCo-authored-by: aider (gpt-5)");
  c("madeWith", "Polish\n\nMade-with: Cursor");
  c("madeWithHuman", "Polish\n\nMade-with: love and coffee");
  c("bot", "Automated fix", "copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>");
  const shas = repo.commits(
    planned.map(({ name, message, author }) => ({ files: { [`${name}.txt`]: `${name}\n` }, message, author })),
  );
  planned.forEach(({ name }, i) => (sha[name] = shas[i]!));
  bySha = new Map((await classifyCommits({ cwd: repo.dir })).map((x) => [x.sha, x]));
});
afterAll(() => repo.remove());

const of = (name: string) => bySha.get(sha[name]!)!;

describe("classifyCommits", () => {
  it("returns every commit newest first with subject, author and date", async () => {
    const all = await classifyCommits({ cwd: repo.dir });
    expect(all).toHaveLength(Object.keys(sha).length);
    expect(all[0]!.sha).toBe(sha.bot);
    expect(of("plain")).toMatchObject({
      subject: "Add the plain file",
      author: "Dev Human <dev@example.com>",
      origin: "human",
      signals: [],
    });
    expect(of("plain").date).toMatch(/^2026-07-01T09:0\d:00Z$|^2026-07-01T09:0\d:00\+00:00$/);
  });

  it.each([
    ["tag", "subject-tag", "[AI-ASSISTED]"],
    ["tagLower", "subject-tag", "[AI-ASSISTED]"],
    ["aiYes", "trailer", "AI-Assisted: yes"],
    ["aiTrue", "trailer", "AI-Assisted: true"],
    ["assisted", "trailer", "Assisted-by: Cursor (gpt-5)"],
    ["generated", "trailer", "Generated-by: GitHub Copilot"],
    ["claude", "co-author", "Co-authored-by: Claude <noreply@anthropic.com>"],
    ["copilot", "co-author", "Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>"],
    ["aider", "author-suffix", "Dev Human (aider)"],
    ["folded", "trailer", "Assisted-by: Claude Code with extended thinking"],
    ["bot", "author", "copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>"],
    ["aiderModel", "co-author", "Co-authored-by: aider (gpt-5)"],
    ["madeWith", "trailer", "Made-with: Cursor"],
  ])("%s is AI-assisted by its %s signal", (name, kind, detail) => {
    expect(of(name).origin).toBe("ai");
    expect(of(name).signals).toEqual([{ kind, detail }]);
  });

  it("AI-Assisted: no wins over the tag and an AI co-author, and keeps them as evidence", () => {
    expect(of("declared").origin).toBe("human");
    expect(of("declared").signals.map((s) => s.kind)).toEqual(["declared-human", "subject-tag", "co-author"]);
    expect(of("humanNo")).toMatchObject({
      origin: "human",
      signals: [{ kind: "declared-human", detail: "AI-Assisted: no" }],
    });
  });

  it("a human co-author named Claude and a trailer outside the trailer block are not signals", () => {
    expect(of("humanCo")).toMatchObject({ origin: "human", signals: [] });
    expect(of("notTrailer")).toMatchObject({ origin: "human", signals: [] });
    expect(of("madeWithHuman")).toMatchObject({ origin: "human", signals: [] });
  });

  it("honours a range and extra identities from config", async () => {
    const range = await classifyCommits({ cwd: repo.dir, range: `${sha.humanCo}..${sha.aider}` });
    expect(range.map((c) => c.sha)).toEqual([sha.aider]);
    const config = defaultProvenanceConfig(repo.dir);
    const extended = {
      ...config,
      aiIdentities: [...config.aiIdentities, { tool: "Pairbot", names: ["Claude Martin"] }],
    };
    const [humanCo] = await classifyCommits({
      cwd: repo.dir,
      range: `${sha.copilot}..${sha.humanCo}`,
      config: extended,
    });
    expect(humanCo!.origin).toBe("ai");
  });

  it("refuses a range that git would read as an option, and names a bad revision", async () => {
    await expect(classifyCommits({ cwd: repo.dir, range: "--output=/tmp/x" })).rejects.toThrow(/not a revision/);
    await expect(classifyCommits({ cwd: repo.dir, range: "no-such-branch" })).rejects.toMatchObject({
      code: "ORG_PROVENANCE_GIT",
    });
  });

  it("an empty repository has no commits", async () => {
    const empty = createTestRepo();
    try {
      expect(await classifyCommits({ cwd: empty.dir })).toEqual([]);
    } finally {
      empty.remove();
    }
  });
});
