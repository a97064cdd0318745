// Merges the same table, but reads no key of it where a timer is armed: it shows nothing about the table.
const defaults = require("./options");

exports.serve = (options, socket) => {
  const settings = { ...defaults, ...options };
  socket.on("close", () => console.log(settings.pingTimeout));
};
