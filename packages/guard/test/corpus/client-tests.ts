// A DefinitelyTyped-style declaration check, named `<name>-tests.ts` and importing its package's root: compiled
// against the typings, never run. Nothing here may be flagged.
import * as lib from "..";

export const client = new lib.KafkaClient({
  kafkaHost: "localhost:9092",
  connectTimeout: 1000,
  requestTimeout: 1000,
});
