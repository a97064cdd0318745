// JS `no-hardcoded-timeout`, session 23 (issue 9): a deadline that fires through an event. Inside a promise's
// executor, a timer whose callback emits an event on an object the executor listens to, with a handler that rejects
// the promise (`stream.once("close", () => reject(...))`), ends the wait when it fires: its delay is the wait's
// deadline. A timer that emits an event whose listener only resolves with what it collected (a collection window),
// one outside any executor (a grace period before a close nothing here waits for), and one whose event no listener
// of the executor hears are not.
function getServices(stream) {
  return new Promise((resolve, reject) => {
    let services = null;
    setTimeout(() => stream.emit("close"), 20000); // expect: no-hardcoded-timeout
    stream.once("services", (found) => {
      services = found;
      stream.emit("close");
    });
    stream.once("close", () => {
      if (services === null) reject(new Error("stream has closed before get services"));
      else resolve(services);
    });
  });
}

function collect(stream) {
  return new Promise((resolve) => {
    const items = [];
    setTimeout(() => stream.emit("end"), 21000);
    stream.on("data", (item) => items.push(item));
    stream.once("end", () => resolve(items));
  });
}

function collectOther(stream, other) {
  return new Promise((resolve, reject) => {
    setTimeout(() => other.emit("close"), 22000);
    stream.once("close", () => reject(new Error("closed")));
    stream.once("data", resolve);
  });
}

function closeLater(filter) {
  filter.once("close", () => filter.removeAllListeners());
  setTimeout(() => filter.emit("close"), 23000);
}

module.exports = { getServices, collect, collectOther, closeLater };
