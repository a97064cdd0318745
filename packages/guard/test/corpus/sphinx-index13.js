// A Sphinx searchindex.js whatever its key order (issue 9, session 13: python3-postgresql's docs in fresh18 list their
// terms in the order Sphinx met them, python3-django-q's in fresh20 in an order that is not JavaScript's): the one call
// the file makes hands the search page its word list, and `"pgconnect_timeout": 6` says the term is on page 6.
// Nothing here waits; no line is expected.
Search.setIndex({
  docnames: ["admin", "clientparameters", "driver", "index"],
  filenames: ["admin.rst", "clientparameters.rst", "driver.rst", "index.rst"],
  terms: {
    "thi": [0, 2], "chapter": 1, "postgresql": [0, 1, 2, 3], "includ": 2, "pguser": [1, 2],
    "pgdatabas": 1, "pghost": 1, "pgport": 1, "pgconnect_timeout": 1, "connect_timeout": [1, 2],
    "socket_timeout": 2, "pgrealm": 1, "timeout": [2, 3], "abc": 0,
  },
  titleterms: { "instal": 0, "environ": 1, "timeout": 2, "advisori": 3 },
});
