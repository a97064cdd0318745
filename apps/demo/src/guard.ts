import { tmpdir } from "node:os";
import { checkSource, defaultGuardConfig } from "@org/guard";

// The seed's two Python snippets as an assistant wrote them, and as the hook wants them.
const SEED_TEST = `import requests

def test_proxy_request_via_api_key():
    response = requests.get(
        "https://staging-proxy.company.com/request",
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=5,
    )
    assert response.status_code == 200
`;
const SEED_REVOKE = `import redis as redis_py

redis = redis_py.Redis()

def revoke_api_key(key_id):
    db.execute("UPDATE api_keys SET status='revoked' WHERE id=?", key_id)
    redis.delete(f"api_key:{key_id}:status")
    return {"success": True}
`;
const FIXED_TEST = `import requests
from org_toolkit.config import config

def test_proxy_request_via_api_key():
    response = requests.get(
        "https://staging-proxy.company.com/request",
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=config.timeout_s,
    )
    assert response.status_code == 200
`;
const FIXED_REVOKE = `from org_toolkit.cache import RegionalCache

def revoke_api_key(db, cache: RegionalCache, key_id):
    db.execute("UPDATE api_keys SET status='revoked' WHERE id=?", (key_id,))
    report = cache.invalidate(f"api_key:{key_id}:status")  # every cluster of every region
    return {"success": True, "complete": report.complete, "durable": report.durable}
`;

/** Part 2: the commit hook's checker on the seed's code, before and after the fix. */
export async function guardDemo(say: (line?: string) => void): Promise<void> {
  say();
  say("== The pre-commit checker (org-guard) on the seed's Python ==");
  const config = defaultGuardConfig(tmpdir());
  for (const [file, source] of [
    ["tests/test_proxy.py", SEED_TEST],
    ["app/revoke.py", SEED_REVOKE],
    ["tests/test_proxy.py (fixed)", FIXED_TEST],
    ["app/revoke.py (fixed)", FIXED_REVOKE],
  ] as const) {
    const result = await checkSource(file.replace(" (fixed)", ""), source, config);
    const verdict = result.errorCount > 0 ? "REFUSED" : "passes";
    say(`  ${file.padEnd(28)} ${verdict}`);
    for (const m of result.messages) say(`    ${m.line}:${m.column} ${m.ruleId}: ${m.message.split("\n")[0]}`);
  }
}
