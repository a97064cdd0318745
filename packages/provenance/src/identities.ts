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
    names: ["Copilot", "GitHub Copilot", "copilot-swe-agent[bot]", "Copilot Autofix"],
    emails: [
      "175728472+Copilot@users.noreply.github.com",
      "198982749+Copilot@users.noreply.github.com",
      "copilot@github.com",
    ],
  },
  { tool: "Cursor", names: ["Cursor", "Cursor Agent", "cursor[bot]"], emails: ["cursoragent@cursor.com"] },
  {
    tool: "OpenAI Codex",
    names: ["Codex", "OpenAI Codex", "chatgpt-codex-connector[bot]", "ChatGPT"],
    emails: ["codex@openai.com"],
  },
  {
    tool: "Devin",
    names: ["Devin AI", "devin-ai-integration[bot]"],
    emails: ["158243242+devin-ai-integration[bot]@users.noreply.github.com"],
  },
  {
    tool: "Gemini",
    names: ["Gemini", "Gemini Code Assist", "gemini-code-assist[bot]", "Gemini CLI"],
    emails: ["gemini-code-assist@google.com"],
  },
  { tool: "Jules", names: ["google-labs-jules[bot]", "Jules (Google)"], emails: [] },
  { tool: "Amazon Q", names: ["Amazon Q", "Amazon Q Developer", "amazon-q-developer[bot]"], emails: [] },
  { tool: "Windsurf", names: ["Windsurf", "Windsurf Cascade", "Codeium", "windsurf[bot]"], emails: [] },
  { tool: "aider", names: ["aider"], emails: ["noreply@aider.chat", "aider@aider.chat", "@aider.chat"] },
  { tool: "Tabnine", names: ["Tabnine"], emails: [] },
  { tool: "Sourcegraph Cody", names: ["Sourcegraph Cody", "Cody (Sourcegraph)"], emails: [] },
  { tool: "OpenHands", names: ["openhands", "OpenHands", "openhands-agent"], emails: ["openhands@all-hands.dev"] },
  { tool: "Sweep", names: ["sweep-ai[bot]"], emails: [] },
];

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
  const name = person.name.toLowerCase();
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
