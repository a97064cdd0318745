/**
 * An AI assistant as it appears in `Co-authored-by:` trailers or as a commit author.
 * A person matches when their name equals one of `names` (case-insensitive) or their email
 * equals one of `emails`; an entry starting with "@" matches a whole email domain.
 */
export interface AiIdentity {
  /** The tool, reported as the signal's detail. @example "Claude" */
  tool: string;
  /** Exact display names. @example ["Claude", "claude[bot]"] */
  names?: readonly string[];
  /** Exact addresses, or "@domain". @example ["noreply@anthropic.com"] */
  emails?: readonly string[];
}

/**
 * The assistants known out of the box; `aiIdentities` in org-audit.config.json adds to them.
 * Names are matched exactly and emails are the tools' own addresses, never a company's domain, so
 * a person called "Claude Martin" or an engineer at a vendor is never taken for an assistant. Human first
 * names (Devin, Jules, Cody) appear only in the tools' own spellings ("Devin AI").
 */
export const DEFAULT_AI_IDENTITIES: readonly AiIdentity[] = [
  { tool: "Claude", names: ["Claude", "Claude Code", "claude[bot]"], emails: ["noreply@anthropic.com"] },
  {
    tool: "GitHub Copilot",
    names: ["Copilot", "GitHub Copilot", "GitHub-Copilot", "copilot-swe-agent[bot]", "Copilot Autofix"],
    emails: [
      "223556219+Copilot@users.noreply.github.com",
      "175728472+Copilot@users.noreply.github.com",
      "198982749+Copilot@users.noreply.github.com",
      "copilot@github.com",
    ],
  },
  { tool: "Cursor", names: ["Cursor", "Cursor Agent", "cursor[bot]"], emails: ["cursoragent@cursor.com"] },
  {
    tool: "OpenAI Codex",
    names: ["Codex", "OpenAI Codex", "chatgpt-codex-connector[bot]", "ChatGPT"],
    emails: ["codex@openai.com", "noreply@openai.com"],
  },
  {
    tool: "Devin",
    names: ["Devin AI", "devin-ai-integration[bot]"],
    emails: ["158243242+devin-ai-integration[bot]@users.noreply.github.com"],
  },
  {
    tool: "Gemini",
    names: ["Gemini", "Google Gemini", "Gemini Code Assist", "gemini-code-assist[bot]", "Gemini CLI"],
    emails: ["gemini-code-assist@google.com"],
  },
  { tool: "Jules", names: ["google-labs-jules[bot]", "Jules (Google)"], emails: [] },
  { tool: "Amazon Q", names: ["Amazon Q", "Amazon Q Developer", "amazon-q-developer[bot]"], emails: [] },
  { tool: "Windsurf", names: ["Windsurf", "Windsurf Cascade", "Codeium", "windsurf[bot]"], emails: [] },
  { tool: "aider", names: ["aider"], emails: ["noreply@aider.chat", "aider@aider.chat", "@aider.chat"] },
  { tool: "Tabnine", names: ["Tabnine"], emails: [] },
  { tool: "Sourcegraph Cody", names: ["Sourcegraph Cody"], emails: ["noreply@sourcegraph.com"] },
  { tool: "OpenHands", names: ["openhands", "OpenHands", "openhands-agent"], emails: ["openhands@all-hands.dev"] },
  { tool: "Sweep", names: ["sweep-ai[bot]"], emails: [] },
  { tool: "OpenCode", names: ["OpenCode", "opencode-agent[bot]"], emails: ["noreply@opencode.ai"] },
  { tool: "Kilo Code", names: ["KiloCode", "Kilo Code"], emails: ["noreply@kilocode.ai"] },
  { tool: "Continue", names: ["Continue", "continue[bot]"], emails: ["noreply@continue.dev"] },
  { tool: "Cline", names: ["Cline", "Roo Code"], emails: [] },
  { tool: "Crush", names: ["Crush"], emails: ["crush@charm.land"] },
];

/** The identity a free-text tool name refers to ("Cursor", "Claude Code 2.1"), for Made-with-style trailers. */
export function matchToolName(identities: readonly AiIdentity[], value: string): AiIdentity | undefined {
  const text = value.toLowerCase();
  return identities.find((identity) =>
    [identity.tool, ...(identity.names ?? [])].some((n) =>
      new RegExp(`(^|[^a-z0-9])${n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^a-z0-9]|$)`).test(text),
    ),
  );
}

/** Splits `Name <email>` (the shape of a Co-authored-by value) into its parts. */
export function parsePerson(value: string): { name: string; email: string } {
  const match = /^(.*?)\s*<([^>]*)>\s*$/.exec(value.trim());
  return match ? { name: match[1]!.trim(), email: match[2]!.trim() } : { name: value.trim(), email: "" };
}

/** The identity this person is, if any. */
export function matchIdentity(
  identities: readonly AiIdentity[],
  person: { name: string; email: string },
): AiIdentity | undefined {
  // Tools append the model: "aider (gpt-5)", "Claude (claude-opus-4)"; the name is what precedes it.
  const name = person.name.replace(/\s*\([^)]*\)\s*$/, "").toLowerCase();
  const email = person.email.toLowerCase();
  return identities.find(
    (identity) =>
      (identity.names ?? []).some((n) => n.toLowerCase() === name) ||
      (email !== "" &&
        (identity.emails ?? []).some((e) => {
          const entry = e.toLowerCase();
          return entry.startsWith("@") ? email.endsWith(entry) : email === entry;
        })),
  );
}
