// protobufjs' static code (`pbjs -t static-module`): every message field gets its type's default on the prototype
// (`SetSystemClientTimeout.prototype.timeoutMs = 0`) and again in `toObject` when defaults are asked for
// (`object.timeoutMs = 0`). proto3 gives every number field 0, whatever it means; the code generator writes it for
// every field alike, and what the field bounds is decided by whoever sends the message (motion-master-client,
// fresh286). Known by the runtime the file loads, not by the shape alone.
import { type EsNode, memberName, unwrap } from "./ast.ts";

const PROTOBUF_RUNTIME = /\brequire\s*\(\s*["']protobufjs\/minimal["']\s*\)|\bfrom\s+["']protobufjs\/minimal["']/;

/** Adds the field defaults a protobufjs static module writes (`X.prototype.f = 0`, `object.f = 0` in `toObject`). */
export function protobufDefaults(source: string, sites: readonly EsNode[], notDurations: Set<EsNode>): void {
  if (!source.includes("$protobuf") || !PROTOBUF_RUNTIME.test(source)) return;
  for (const site of sites) {
    if (site.type !== "AssignmentExpression" || site.operator !== "=") continue;
    const left = site.left as EsNode;
    const right = unwrap(site.right as EsNode);
    if (left.type !== "MemberExpression" || right.type !== "Literal" || typeof right.value !== "number") continue;
    const owner = unwrap(left.object as EsNode);
    const prototype = owner.type === "MemberExpression" && memberName(owner) === "prototype";
    if (prototype || (owner.type === "Identifier" && owner.name === "object")) notDurations.add(site);
  }
}
