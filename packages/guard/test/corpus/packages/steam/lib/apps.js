// Calls of the package's helpers: the helper's parameter reaches a deadline timer in helpers.js.
const Helpers = require("./helpers.js");

class Apps {
  kickPlayingSession(callback) {
    this._send("ClientKickPlayingSession", {});
    Helpers.onceTimeout(10000, this, "playingState", (err, blocked) => callback(err, blocked)); // expect: no-hardcoded-timeout
  }

  async later() {
    await Helpers.sleep(5000);
    Helpers.onceTimeout(0, this, "x", () => {});
  }
}

module.exports = Apps;
