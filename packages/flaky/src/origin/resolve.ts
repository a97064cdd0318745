import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { aiShare, blameFile, loadProvenanceConfig, type LineOrigin, type ProvenanceConfig } from "@org/provenance";
import { findTest, isLocatable, locateTests, type TestLocation } from "./locate.ts";

export type Origin = "ai" | "human" | "unknown";

export interface TestOrigin {
  origin: Origin;
  /** Why the origin is `unknown`; absent otherwise. */
  reason?: string;
  /** Share of the test's lines written in AI-assisted commits, when located. */
  aiShare?: number;
  location?: TestLocation;
}

/**
 * Resolves tests' origins in one repository: parse the file to find the test, then attribute its lines
 * with git blame and the commit classification. Files are parsed and blamed once.
 */
export class OriginResolver {
  private readonly files = new Map<string, Promise<FileFacts>>();
  private config: Promise<ProvenanceConfig> | undefined;

  constructor(private readonly root: string) {}

  async resolve(file: string, name: string): Promise<TestOrigin> {
    if (!file) return { origin: "unknown", reason: "the report names no file for this test" };
    const facts = await this.facts(file);
    if ("reason" in facts) return { origin: "unknown", reason: facts.reason };
    const location = findTest(facts.locations, name);
    if (!location) return { origin: "unknown", reason: `no test named "${name}" found by parsing ${file}` };
    const { ai, human, share } = aiShare(facts.lines, location.startLine, location.endLine);
    if (ai + human === 0)
      return {
        origin: "unknown",
        reason: `lines ${location.startLine}-${location.endLine} of ${file} are not committed`,
        location,
      };
    if (ai === human)
      return { origin: "unknown", reason: `half of its lines come from AI-assisted commits`, aiShare: share, location };
    return { origin: ai > human ? "ai" : "human", aiShare: share, location };
  }

  /** The located tests of a file (for guard findings), or undefined when it cannot be parsed. */
  async locations(file: string): Promise<TestLocation[] | undefined> {
    const facts = await this.facts(file);
    return "reason" in facts ? undefined : facts.locations;
  }

  private facts(file: string): Promise<FileFacts> {
    let facts = this.files.get(file);
    if (!facts) {
      this.config ??= loadProvenanceConfig(this.root);
      facts = readFacts(this.root, file, this.config);
      this.files.set(file, facts);
    }
    return facts;
  }
}

type FileFacts = { locations: TestLocation[]; lines: LineOrigin[] } | { reason: string };

async function readFacts(root: string, file: string, config: Promise<ProvenanceConfig>): Promise<FileFacts> {
  const path = join(root, file);
  if (!isLocatable(file)) return { reason: `${file} is not a JavaScript, TypeScript or Python file` };
  if (!existsSync(path)) return { reason: `${file} does not exist under ${root}` };
  let locations: TestLocation[];
  try {
    locations = await locateTests(file, readFileSync(path, "utf8"));
  } catch (error) {
    return { reason: `${file} does not parse: ${(error as Error).message}` };
  }
  try {
    return { locations, lines: await blameFile({ cwd: root, file, config: await config }) };
  } catch (error) {
    return { reason: `no line attribution for ${file}: ${String((error as Error).message).split("\n")[0]}` };
  }
}
