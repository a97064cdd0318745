import { describe, expectTypeOf, it } from "vitest";
import type { HttpClientOptions, HttpClientSettings, HttpError, HttpErrorCode, RequestOptions } from "../src/index.ts";
import { createHttpClient } from "../src/index.ts";

describe("public types", () => {
  it("options, settings and errors are typed", () => {
    expectTypeOf(createHttpClient).parameter(0).toEqualTypeOf<HttpClientOptions | undefined>();
    expectTypeOf<HttpClientOptions["deadlineMs"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ReturnType<typeof createHttpClient>["settings"]>().toEqualTypeOf<HttpClientSettings>();
    expectTypeOf<HttpError["code"]>().toEqualTypeOf<HttpErrorCode>();
    expectTypeOf<HttpErrorCode>().toExtend<`ORG_HTTP_${string}`>();
    expectTypeOf<RequestOptions["signal"]>().toEqualTypeOf<AbortSignal | undefined>();
  });
});
