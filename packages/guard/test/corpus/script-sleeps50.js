// JavaScript `no-hardcoded-timeout`, session 50 (issue 9), from blind set fresh197 (fqterm's scripts): a scripting
// host's synchronous `sleep(keyTimeout);` called as a statement is a pause between keystrokes, like an awaited sleep, so
// a timeout-named value read only there is a delay. A value that also bounds a wait, and an un-awaited `delay(ms)`
// (which may start something that runs on), are still reported.
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
