// JS `no-unbounded-timeout`, session 22 mend (issue 9): an `Infinity` handed under a timeout key of a call's options is
// a wait's "no limit" only where the receiver or the key says the value bounds a wait. generic-pool's `idleTimeout:
// Infinity` never evicts an idle resource (a lifetime, not a wait), a cache's `ttlTimeout` keeps an entry, and a bare
// `timeout` handed to a receiver nobody here knows is its business; a key that names the wait (`requestTimeout`) or a
// receiver that says it fetches (`createSafeFetch` in infinite-options22.js) keeps it reported.
const genericPool = require("generic-pool");
const { makeCache } = require("./cache");
const { makeWorker } = require("./worker");
const { makeClient } = require("./client");

const makePool = (factory, { idleTimeout = Infinity } = {}) => genericPool.createPool(factory, { max: 10, idleTimeout });

const makeEntries = ({ ttlTimeout = Infinity, evictionTimeout = Infinity } = {}) =>
  makeCache({ ttlTimeout, evictionTimeout });

const startWorker = ({ timeout = Infinity } = {}) => makeWorker({ timeout });

const connectClient = ({ requestTimeout = Infinity } = {}) => makeClient({ requestTimeout }); // expect: no-unbounded-timeout

module.exports = { makePool, makeEntries, startWorker, connectClient };
