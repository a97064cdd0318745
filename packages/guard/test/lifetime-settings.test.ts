import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, packageFacts } from "../src/index.ts";
import { internalsOf } from "../src/package-facts-shape.ts";

// A package's settings module keeps durations named like timeouts that another module reads only as an expiry (the
// clock plus the duration saved in a model's field or ordered against stored timestamps in a query): django-captcha's
// `CAPTCHA_TIMEOUT` minutes. Its default and a test's write of it are lifetimes; a setting another module hands to a
// socket stays a timeout.
const config = defaultGuardConfig("/pkg");

const settings = [
  "from django.conf import settings",
  "",
  'CAPTCHA_TIMEOUT = getattr(settings, "CAPTCHA_TIMEOUT", 5)  # Minutes',
  'CAPTCHA_POOL_TIMEOUT = getattr(settings, "CAPTCHA_POOL_TIMEOUT", 5)',
  'CAPTCHA_FETCH_TIMEOUT = getattr(settings, "CAPTCHA_FETCH_TIMEOUT", 5)',
  "",
].join("\n");
const models = [
  "import datetime",
  "import socket",
  "",
  "from django.db import models",
  "from django.utils import timezone",
  "",
  "from captcha.conf import settings as captcha_settings",
  "",
  "",
  "class CaptchaStore(models.Model):",
  "    expiration = models.DateTimeField(blank=False)",
  "",
  "    def save(self, *args, **kwargs):",
  "        if not self.expiration:",
  "            self.expiration = timezone.now() + datetime.timedelta(",
  "                minutes=int(captcha_settings.CAPTCHA_TIMEOUT)",
  "            )",
  "",
  "    @classmethod",
  "    def pick(cls):",
  "        minimum_expiration = timezone.now() + datetime.timedelta(minutes=captcha_settings.CAPTCHA_POOL_TIMEOUT)",
  "        return cls.objects.filter(expiration__gt=minimum_expiration).first()",
  "",
  "    def fetch(self, host):",
  "        return socket.create_connection((host, 80), timeout=captcha_settings.CAPTCHA_FETCH_TIMEOUT)",
  "",
].join("\n");
const tests = [
  "from django.conf import settings",
  "",
  "",
  "def test_pool():",
  "    saved = settings.CAPTCHA_TIMEOUT",
  "    settings.CAPTCHA_TIMEOUT = 90",
  "    settings.CAPTCHA_FETCH_TIMEOUT = 3",
  "    settings.CAPTCHA_TIMEOUT = saved",
  "",
].join("\n");
const files = [
  ["/pkg/captcha/conf/settings.py", settings],
  ["/pkg/captcha/models.py", models],
  ["/pkg/captcha/tests.py", tests],
] as const;

async function findings(withFacts: boolean): Promise<string[]> {
  const facts = withFacts ? await packageFacts(files, config) : undefined;
  const out: string[] = [];
  for (const [path, text] of files) {
    const result = await checkSource(path, text, config, facts);
    out.push(...result.messages.map((m) => `${path.replace("/pkg/captcha/", "")}:${m.line}: ${m.ruleId}`));
  }
  return out.sort();
}

describe("settings every read of which is an expiry (the package pass's lifetimes)", () => {
  it("finds the settings read only as a record's expiry, not the one handed to a socket", async () => {
    const facts = await packageFacts(files, config);
    expect(internalsOf(facts)?.python?.lifetimes).toEqual(["CAPTCHA_POOL_TIMEOUT", "CAPTCHA_TIMEOUT"]);
  });

  it("reports the socket's setting and its test write, not the lifetimes' defaults and writes", async () => {
    expect(await findings(true)).toEqual([
      "conf/settings.py:5: no-hardcoded-timeout",
      "tests.py:7: no-hardcoded-timeout",
    ]);
  });

  it("judged file by file, the lifetimes' defaults are reported (nothing shows their reads)", async () => {
    expect(await findings(false)).toEqual(
      expect.arrayContaining(["conf/settings.py:3: no-hardcoded-timeout", "conf/settings.py:4: no-hardcoded-timeout"]),
    );
  });
});
