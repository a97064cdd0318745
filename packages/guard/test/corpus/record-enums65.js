// JS `no-hardcoded-timeout`, session 65 (issue 9), from the session's blind sets: @socketlabs/email (fresh421) lists
// its send results as an enum of records, `Timeout: { name: "Timeout", value: 1, message: "A timeout occurred sending
// the message" }` beside `GateWayTimeout: { ..., value: 40, ... }`: codes, mostly distinct (the enum gives 38 twice),
// each described by a text. A timeout a record holds under a key of its own stays reported.
module.exports = Object.freeze({
  UnknownError: { name: "UnknownError", value: 0, message: "An error has occured that was unforeseen" },
  Timeout: { name: "Timeout", value: 1, message: "A timeout occurred sending the message" },
  Success: { name: "Success", value: 2, message: "Successful send of message" },
  BadGateway: { name: "Bad Gatway", value: 38, message: "SDK Validation Error: Bad Gateway Error" },
  ServiceUnavailable: { name: "Service Unavailable", value: 38, message: "SDK Validation Error: Service Unavailable" },
  GateWayTimeout: { name: "GateWay Timeout", value: 40, message: "SDK Validation Error: GateWay Timeout" },
});

exports.endpoints = {
  send: { name: "send", code: 1, description: "Send a message", timeout: 30000 }, // expect: no-hardcoded-timeout
  status: { name: "status", code: 2, description: "Poll a send's status", timeout: 5000 }, // expect: no-hardcoded-timeout
  cancel: { name: "cancel", code: 3, description: "Cancel a send" },
};
