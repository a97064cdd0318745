const { Connection } = require("../lib/connection.js");

// The package's own test hands its class a setting that another file arms only when set: 0 switches the timer off.
exports.idleForever = () => new Connection({ socketTimeoutMS: 0 }); // expect: no-unbounded-timeout
// A setting no file of the package arms: the receiver decides what its 0 means.
exports.noStats = () => new Connection({ statsTimeout: 0 });
