export { postgresBin, startPostgres, type TestPostgres } from "./testing/postgres.ts";
