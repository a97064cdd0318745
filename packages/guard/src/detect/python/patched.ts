import type { Node as TsNode } from "web-tree-sitter";
import { MOCK_CALL_ASSERTIONS, MOCK_CALL_RECORD } from "./assertion-names.ts";
import { enclosingFunction } from "./syntax.ts";

// Patched tests: a function that swaps parts of the code under test for doubles while it runs (a `patch`
// decorator or `with patch(...)`, `mocker`, `monkeypatch.setattr`, HTTP mocks and replayed cassettes).

// What makes a function "patched": it swaps parts of the code under test for doubles while it runs.
const PATCHES =
  /(^|[^\w.])(mock\.)?patch(\.object|\.multiple)?\s*\(|\bmocker\.\w+|\bmonkeypatch\.setattr\s*\(|\bresponses\.(activate|add|RequestsMock)\b|\brespx\.(mock|get|post|route)\b|\b(requests_mock|httpx_mock|respx_mock|aioresponses|httpretty|use_cassette|betamax)\b|@pytest\.mark\.vcr\b/;
// Patches of the HTTP layer (mocks, or cassettes that replay recorded responses): a requests/httpx call goes to the double.
const PATCHES_HTTP =
  /\b(requests|httpx|urllib3|urlopen|aiohttp|respx|responses|requests_mock|httpx_mock|aioresponses|httpretty)\b|[Ss]ession|[Cc]lient|\.(get|post|put|patch|delete|request|send)["')]/;

/**
 * What a function's patches are: any patch; one of the HTTP layer; `checked`, a `test*` function that patches with
 * unittest.mock and reads a mock's call record (`assert_called_once_with`, `call_args`, `call_count`).
 */
export interface Patched {
  any: boolean;
  http: boolean;
  checked: boolean;
}

// unittest.mock's patchers (a decorator, a context, `mocker.patch`).
const MOCK_PATCHES = /(^|[^\w.])(mock\.)?patch(\.object|\.multiple|\.dict)?\s*\(|\bmocker\.patch\b/;
// A mock's call record read: what the code under test handed its patched collaborators.
const CALL_RECORD = new RegExp(String.raw`\.(${MOCK_CALL_ASSERTIONS}|${MOCK_CALL_RECORD})\b`);

// Which functions of one file patch something, and whether they patch the HTTP layer (cached per function).
export class PatchedTests {
  private readonly cache = new Map<number, Patched>();

  // Inside a test function that patches something (decorator, `with patch(...)`, `mocker`, `monkeypatch.setattr`).
  around(node: TsNode): Patched {
    let any = false;
    let http = false;
    let checked = false;
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      let entry = this.cache.get(fn.startIndex);
      if (!entry) {
        const whole = fn.parent?.type === "decorated_definition" ? fn.parent : fn;
        const text = whole.text;
        const patches = PATCHES.test(text);
        entry = {
          any: patches,
          http: patches && patchesHttp(text),
          checked:
            patches &&
            /^test/.test(fn.childForFieldName("name")?.text ?? "") &&
            MOCK_PATCHES.test(text) &&
            CALL_RECORD.test(text),
        };
        this.cache.set(fn.startIndex, entry);
      }
      any ||= entry.any;
      http ||= entry.http;
      checked ||= entry.checked;
    }
    return { any, http, checked };
  }
}

/**
 * A definition's patches touch the HTTP layer (a session, a client, requests/httpx, a get/post in the target of a
 * `patch(...)` / `mocker.*(...)`), or it installs an HTTP mock or replays a cassette.
 */
export function patchesHttp(text: string): boolean {
  const targets = text.match(/patch(\.object|\.multiple)?\s*\([^)]*\)|\bmocker\.\w+\([^)]*\)/g) ?? [];
  return (
    PATCHES_HTTP.test(targets.join("\n")) ||
    /\b(requests_mock|httpx_mock|respx_mock|aioresponses|responses\.RequestsMock|use_cassette|betamax)\b|@(responses|respx|httpretty)\.\w+|@pytest\.mark\.vcr\b/.test(
      text,
    )
  );
}
