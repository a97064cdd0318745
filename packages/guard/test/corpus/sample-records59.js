// JS `no-hardcoded-timeout`, session 59 (issue 9), from blind set fresh322 (@jambonz/realtimedb-helpers): a record of
// sample fields stored and read back (`{ foo: "bar", timeout: 60, ok: null }`) is data whatever its fields are called;
// a placeholder key says so. A client's options beside it stay settings.
const test = require("tape");
const { createHash, client } = require("./helpers");

test("hash tests", async (t) => {
  const result = await createHash("bkey", { foo: "bar", timeout: 60, ok: null });
  t.ok(result === true, "able to set key with number values");
  const connection = client({ host: "127.0.0.1", connectTimeout: 5000 }); // expect: no-hardcoded-timeout
  await connection.quit();
  t.end();
});
