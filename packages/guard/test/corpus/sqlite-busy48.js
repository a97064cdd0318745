// JS `no-hardcoded-timeout`, session 48 (issue 9): SQLite's busy timeout through its C API is how long a statement
// waits for another connection's lock (@evolu/sqlite-wasm's OPFS VFS: `sqlite3.capi.sqlite3_busy_timeout(oo1Db,
// 10000)`). 0 fails at once with SQLITE_BUSY: not a wait.
export function openDb(sqlite3, oo1Db) {
  sqlite3.capi.sqlite3_busy_timeout(oo1Db, 10000); // expect: no-hardcoded-timeout
  return oo1Db;
}

export function openNoWait(capi, db) {
  capi.sqlite3_busy_timeout(db, 0);
  return db;
}
