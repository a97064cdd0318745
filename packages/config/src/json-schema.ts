import { z } from "zod";
import { ConfigSchema } from "./schema.ts";

/** A JSON Schema document (draft 2020-12). */
export interface JsonSchema {
  readonly [keyword: string]: unknown;
}

type Node = { required?: string[]; properties?: Record<string, Node>; [key: string]: unknown };

/**
 * JSON Schema (draft 2020-12) of the config file named by `ORG_CONFIG_FILE`: what other tools
 * (the Python package, editors) get instead of the validator itself. Every setting is optional
 * there (the environment profile supplies the rest); a region or cluster, once given, is whole.
 */
export function configJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(ConfigSchema, { io: "input" }) as Node;
  for (const node of [schema, schema.properties?.timeouts, schema.properties?.cache]) delete node?.required;
  return { ...schema, title: "@org/config file (ORG_CONFIG_FILE)" };
}
