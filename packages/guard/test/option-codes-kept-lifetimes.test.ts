import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, packageFacts } from "../src/index.ts";
import { findingLines } from "./helpers.ts";

// Session 26 (guard-py26b), Python precision: construct's `Enum(Byte("code"), Pad=0, ..., Path_MTU_Aging_Timeout=24,
// ...)`, a protocol's option codes written with capitalised mixed-case names; and django-constance's
// `DATABASE_CACHE_AUTOFILL_TIMEOUT` setting, kept on the backend as `self._autofill_timeout` and read only as a
// cache write's `timeout=` (an entry's lifetime).
const config = defaultGuardConfig("/pkg");

describe("a call's capitalised members numbered in order are option codes", () => {
  it("does not report a member of a numbered option table; a call's settings and a short list stay", async () => {
    const members = [
      "Pad",
      "Subnet_Mask",
      "Time_Offset",
      "Router",
      "Time_Server",
      "Name_Server",
      "Default_IP_TTL",
      "Path_MTU_Aging_Timeout",
      "Path_MTU_Plateau_Table",
      "Interface_MTU",
    ];
    const source = [
      "from construct import Byte, Enum",
      "",
      `option = Enum(Byte("code"), ${members.map((m, i) => `${m}=${i}`).join(", ")})`,
      "client = Client(Retries=3, Backoff=4, Pool=5, Keep=6, Limit=7, Idle=9, Burst=10, Connect_Timeout=12)",
      'short = Enum(Byte("code"), Pad=0, Router=1, Reply_Timeout=2, Other=3)',
      'gaps = Enum(Byte("code"), A=0, B=1, C=2, D=3, E=4, F=5, G=6, Read_Timeout=30)',
      "",
    ].join("\n");
    // A table numbers from 0 or 1 (line 4 starts at 3), has eight members or more (line 5) and no gap above 16 (line 6).
    expect(await findingLines("mod.py", source)).toEqual([
      "4: no-hardcoded-timeout",
      "5: no-hardcoded-timeout",
      "6: no-hardcoded-timeout",
    ]);
  });
});

describe("a setting kept on an object whose field is read only as a cache entry's lifetime", () => {
  const settings = [
    "from django.conf import settings",
    "",
    "AUTOFILL_TIMEOUT = getattr(settings, 'CONSTANCE_AUTOFILL_TIMEOUT', 60 * 60 * 24)",
    "FETCH_TIMEOUT = getattr(settings, 'CONSTANCE_FETCH_TIMEOUT', 30)",
    "",
  ].join("\n");
  const backend = [
    "import socket",
    "",
    "from constance import settings",
    "",
    "",
    "class DatabaseBackend:",
    "    def __init__(self, cache):",
    "        self._cache = cache",
    "        self._autofill_timeout = settings.AUTOFILL_TIMEOUT",
    "        self._fetch_timeout = settings.FETCH_TIMEOUT",
    "",
    "    def autofill(self, values):",
    "        if not self._autofill_timeout or not self._cache:",
    "            return",
    "        self._cache.set_many(values, timeout=self._autofill_timeout)",
    "",
    "    def fetch(self, host):",
    "        return socket.create_connection((host, 80), timeout=self._fetch_timeout)",
    "",
  ].join("\n");
  const files = [
    ["/pkg/constance/settings.py", settings],
    ["/pkg/constance/backends.py", backend],
  ] as const;

  it("does not report the lifetime's default; the fallback kept for a socket stays reported", async () => {
    const facts = await packageFacts(files, config);
    const out: string[] = [];
    for (const [path, text] of files) {
      const result = await checkSource(path, text, config, facts);
      out.push(...result.messages.map((m) => `${path.replace("/pkg/constance/", "")}:${m.line}: ${m.ruleId}`));
    }
    expect(out).toEqual(["settings.py:4: no-hardcoded-timeout"]);
  });
});
