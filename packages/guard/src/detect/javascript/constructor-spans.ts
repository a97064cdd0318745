// Where the file's CONSTRUCTORS are: class constructors, and the function declarations TypeScript's and Babel's ES5
// output turns a class into (a declared function whose `prototype` the file writes). A field set to 0 there is the
// object's default, elsewhere a reset (sites.ts, classify.ts). Split from zero.ts; the one walk fills it
// (collect-definitions.ts).
import { calleePath, type EsNode, unwrap } from "./ast.ts";

export class ConstructorSpans {
  /** [start, end) of class constructors. */
  private readonly classConstructors: [number, number][] = [];
  /** [start, end) of each function declaration, by name: an ES5 class's constructor once its prototype is written. */
  private readonly declared = new Map<string, [number, number][]>();
  /** Names whose `prototype` the file writes (`XMLHttpRequest.prototype.send = function ...`): ES5 classes. */
  private readonly prototyped = new Set<string>();

  /** `constructor(...) { ... }` of a class. */
  classConstructor(where: [number, number]): void {
    this.classConstructors.push(where);
  }

  /** `function XMLHttpRequest() { this.timeout = 0; }`: a declared function, a constructor if its prototype is written. */
  functionDeclaration(name: string, where: [number, number]): void {
    const list = this.declared.get(name);
    if (list) list.push(where);
    else this.declared.set(name, [where]);
  }

  /** `XMLHttpRequest.prototype.send = ...` (TypeScript's and Babel's ES5 output of a class): its function builds objects. */
  assignment(left: EsNode): void {
    const target = unwrap(left);
    if (target.type !== "MemberExpression") return;
    const object = unwrap(target.object as EsNode);
    const path = calleePath(object.type === "MemberExpression" ? object : target);
    const owner = /^(\w+)\.prototype$/.exec(path ?? "")?.[1];
    if (owner !== undefined) this.prototyped.add(owner);
  }

  /** Whether `at` lies in a class constructor, or in an ES5 class's constructor function. */
  inConstructor(at: number): boolean {
    const inside = ([from, to]: [number, number]) => from <= at && at < to;
    if (this.classConstructors.some(inside)) return true;
    for (const name of this.prototyped) if (this.declared.get(name)?.some(inside)) return true;
    return false;
  }
}
