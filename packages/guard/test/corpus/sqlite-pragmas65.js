// JS `no-hardcoded-timeout`, session 65 (issue 9), from the session's blind sets: @abtnode/db-cache (fresh428) and
// @cadence-mq/driver-libsql (fresh420) set SQLite's busy timeout in the SQL they run, `PRAGMA busy_timeout = 5000;`:
// how long a statement waits on a locked database, written like `SET lock_timeout` (PostgreSQL). A 0 turns SQLite's
// busy handler off (a locked table fails at once): no wait, nothing to report. Other pragmas are no durations.
async function open(db) {
  await db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = normal;
    PRAGMA wal_autocheckpoint = 5000;
    PRAGMA busy_timeout = 5000; -- expect: no-hardcoded-timeout
  `);
  await db.exec("PRAGMA main.busy_timeout = 3000"); // expect: no-hardcoded-timeout
  await db.exec("PRAGMA busy_timeout = 0");
  await db.exec("SET LOCAL lock_timeout = 30000"); // expect: no-hardcoded-timeout
}

module.exports = { open };
