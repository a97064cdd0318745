import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Jest's manual mocks folder (session 40, issue 9): defender-base-client's `src/api/__mocks__/axios-error.ts` exports
// a captured axios error whose `config.timeout: 0` its tests throw (fresh112's 2 false). Data a double hands back.
describe("data modules of a __mocks__ folder", () => {
  const source = [
    'import { AxiosError } from "axios";',
    "",
    "export const mockAxiosError: AxiosError = {",
    '  name: "Error",',
    '  config: { url: "/relayer", method: "get", timeout: 5000, baseURL: "https://api.example.test/" },',
    "  isAxiosError: true,",
    "  data: undefined,",
    "  _header: 'GET /relayer HTTP/1.1\\r\\n' + 'Accept: */*',",
    "  toJSON: () => ({}),",
    "};",
  ].join("\n");

  it("reports nothing in a mocks folder's exported data", async () => {
    expect(await findingLines("src/api/__mocks__/axios-error.ts", source)).toEqual([]);
  });

  // Under a name that says mock (session 58: `doubles.ts`' data names), the object is a double's data wherever it is.
  const plain = source.replace("mockAxiosError", "capturedAxiosError");

  it("still reports the same object outside a mocks folder, and a mocks module with code", async () => {
    expect(await findingLines("src/api/axios-error.ts", plain)).toEqual(["5: no-hardcoded-timeout"]);
    const withCode = `${plain}\nexport const client = axios.create({ timeout: 5000 });`;
    expect(await findingLines("src/api/__mocks__/axios-error.ts", withCode)).toEqual([
      "5: no-hardcoded-timeout",
      "11: no-hardcoded-timeout",
    ]);
  });

  it("reports nothing in the object outside a mocks folder when its name says it is a mock", async () => {
    expect(await findingLines("src/api/axios-error.ts", source)).toEqual([]);
  });
});
