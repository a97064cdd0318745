/*eslint-disable block-scoped-var, id-length, no-control-regex*/
"use strict";
// A protobufjs static module: each field's proto3 default on the prototype and in toObject, written for every field.
var $protobuf = require("protobufjs/minimal");
const $Reader = $protobuf.Reader,
  $Writer = $protobuf.Writer,
  $util = $protobuf.util;
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

$root.SetSystemClientTimeout = (function () {
  function SetSystemClientTimeout(properties) {
    if (properties)
      for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
        if (properties[keys[i]] != null) this[keys[i]] = properties[keys[i]];
  }

  SetSystemClientTimeout.prototype.timeoutMs = 0;

  SetSystemClientTimeout.create = function create(properties) {
    return new SetSystemClientTimeout(properties);
  };

  SetSystemClientTimeout.encode = function encode(message, writer) {
    if (!writer) writer = $Writer.create();
    if (message.timeoutMs != null && Object.hasOwnProperty.call(message, "timeoutMs"))
      writer.uint32(/* id 1, wireType 0 =*/ 8).uint32(message.timeoutMs);
    return writer;
  };

  SetSystemClientTimeout.decode = function decode(reader, length) {
    if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
    let end = length === undefined ? reader.len : reader.pos + length,
      message = new $root.SetSystemClientTimeout();
    while (reader.pos < end) {
      let tag = reader.uint32();
      if (tag >>> 3 === 1) message.timeoutMs = reader.uint32();
      else reader.skipType(tag & 7);
    }
    return message;
  };

  SetSystemClientTimeout.verify = function verify(message) {
    if (typeof message !== "object" || message === null) return "object expected";
    if (message.timeoutMs != null && message.hasOwnProperty("timeoutMs"))
      if (!$util.isInteger(message.timeoutMs)) return "timeoutMs: integer expected";
    return null;
  };

  SetSystemClientTimeout.fromObject = function fromObject(object) {
    if (object instanceof $root.SetSystemClientTimeout) return object;
    let message = new $root.SetSystemClientTimeout();
    if (object.timeoutMs != null) message.timeoutMs = object.timeoutMs >>> 0;
    return message;
  };

  SetSystemClientTimeout.toObject = function toObject(message, options) {
    if (!options) options = {};
    let object = {};
    if (options.defaults) object.timeoutMs = 0;
    if (message.timeoutMs != null && message.hasOwnProperty("timeoutMs")) object.timeoutMs = message.timeoutMs;
    return object;
  };

  return SetSystemClientTimeout;
})();

// Code beside it that sends the message still chooses: its own values are judged.
function client(send) {
  return send($root.SetSystemClientTimeout.create({ timeoutMs: 0 })); // expect: no-unbounded-timeout
}

module.exports = { $root, client, $Reader, $Writer, $util };
