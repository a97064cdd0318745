// JavaScript `no-hardcoded-timeout`, session 50 (issue 9), from blind set fresh197 (fqterm's scripts): a scripting
// host's synchronous `sleep(keyTimeout);` called as a statement is a pause between keystrokes, like an awaited sleep,
// so a timeout-named value read only there is a delay. A value that also bounds a wait, an un-awaited `delay(ms)` (which
// may start something that runs on), and a bound divided into poll ticks (`sleep(timeout / 10)`) are still reported.
var keyTimeout = 1000;

function download(count) {
  for (var i = 0; i < count; i++) {
    fqterm.sendString("d");
    sleep(keyTimeout);
  }
}

var waitTimeout = 2000; // expect: no-hardcoded-timeout
function connect(client) {
  sleep(waitTimeout);
  client.connect({ timeout: waitTimeout });
}

function later(client) {
  var pauseTimeout = 3000; // expect: no-hardcoded-timeout
  delay(pauseTimeout);
}

// fqterm's downloadelite_smth.js: the bound split into ten poll ticks (`sleep(timeout / 10)` until the screen changes).
var screenTimeout = 6000; // expect: no-hardcoded-timeout
function waitForScreen() {
  for (var i = 0; i < 10; i++) {
    if (fqterm.screenChanged()) return true;
    sleep(screenTimeout / 10);
  }
  return false;
}
