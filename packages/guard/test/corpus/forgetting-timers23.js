// JS `no-hardcoded-timeout`, session 23 (issue 9): a timer whose callback only forgets a stored value (`delete`, a
// field set to undefined or null, a map's `delete`, a store call that unsets every key it names) is a cache record's
// lifetime: when it fires nothing that waits fails or ends. A timer whose callback also rejects, or calls anything
// else, may end a wait and stays reported.
const RECORD_TIMEOUT = 5000;
const ENTRY_TIMEOUT = 6000;
const PENDING_TIMEOUT = 7000; // expect: no-hardcoded-timeout
const cache = {};
const entries = new Map();

function setRecord(key, record) {
  cache[key] = record;
  setTimeout(() => {
    delete cache[key];
  }, RECORD_TIMEOUT);
}

function setEntry(store, details, record) {
  store.values(details, { record });
  const timer = setTimeout(() => {
    store.values(details, { record: undefined, recordTimer: undefined });
    entries.delete(details.id);
  }, ENTRY_TIMEOUT);
  store.values(details, { recordTimer: timer });
}

function request(pending, id, send) {
  return new Promise((resolve, reject) => {
    pending[id] = resolve;
    send(id);
    setTimeout(() => {
      delete pending[id];
      reject(new Error("request timed out"));
    }, PENDING_TIMEOUT);
  });
}

module.exports = { setRecord, setEntry, request };
