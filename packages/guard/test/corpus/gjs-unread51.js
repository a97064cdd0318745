// JavaScript `no-hardcoded-timeout`, session 51 (issue 9), from blind set fresh190 (cinnamon's GJS shell): a module of
// GJS's legacy importer has its own scope, and other files see only its top-level `var`s and functions (as
// `imports.ui.appSwitcher.NAME`). A top-level `const` the file never names again bounds nothing; one the file reads,
// and a `var` another file may read, stay reported.
const Soup = imports.gi.Soup;

const INITIAL_DELAY_TIMEOUT = 150;
const CHECK_DESTROYED_TIMEOUT = 100;
const REQUEST_TIMEOUT = 10; // expect: no-hardcoded-timeout
var SHARED_TIMEOUT = 500; // expect: no-hardcoded-timeout

function fetch(session, message) {
  session.timeout = REQUEST_TIMEOUT;
  return session.send_and_read(message, null);
}
