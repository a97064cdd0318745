import { randomUUID } from "node:crypto";
import pg from "pg";

/** A fresh database on the test server, so suites never see each other's rows. */
export async function createDatabase(adminUrl: string): Promise<string> {
  const name = `flaky_${randomUUID().replace(/-/g, "")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
