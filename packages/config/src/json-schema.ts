import { z } from "zod";
import { ConfigSchema } from "./schema.ts";

type JsonSchema = { required?: string[]; properties?: Record<string, JsonSchema>; [key: string]: unknown };

/**
 * JSON Schema (draft 2020-12) of the config file named by `ORG_CONFIG_FILE`. Every setting is
 * optional there (the environment profile supplies the rest); a region or cluster, once given, is whole.
 */
export function configJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(ConfigSchema, { io: "input" }) as JsonSchema;
  for (const node of [schema, schema.properties?.timeouts, schema.properties?.cache]) delete node?.required;
  return { ...schema, title: "@org/config file (ORG_CONFIG_FILE)" };
}
