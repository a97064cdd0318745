// Delays handed to a function of the file: `this.reconnectWithDelay(wsKey, this.options.reconnectTimeout)` where
// `reconnectWithDelay(wsKey, connectionDelayMs)` uses its parameter only as the delay of one timer. What that timer's
// callback does decides what the value handed to it is; the value is then judged as if it were armed there.
import { type EsNode, identifierCount, span } from "./ast.ts";
import type { Definitions } from "./callback-effects.ts";

/** A timer whose delay is a plain name without a timeout word (`setTimeout(fn, connectionDelayMs)`). */
export type NamedDelayTimer = { call: EsNode; callback: EsNode; name: string };

/** A timeout-looking name handed to a call by position (`this.reconnectWithDelay(wsKey, this.options.reconnectTimeout)`). */
type Handed = { method: string; index: number; name: string };

/**
 * The named-delay timers and the timeout-looking names handed to calls, collected in the one walk; `finish` says,
 * once every definition is known, which handed names reach only timers that bound no wait.
 */
export class HandedDelays {
  private readonly timers: NamedDelayTimer[] = [];
  private readonly handed: Handed[] = [];

  constructor(private readonly source: string) {}

  timer(timer: NamedDelayTimer): void {
    this.timers.push(timer);
  }

  /** Records `name` handed as argument `index` of a call of `method`. */
  hand(method: string, index: number, name: string): void {
    this.handed.push({ method, index, name });
  }

  /**
   * Splits the handed names: `quiet`, handed only to parameters that are used nowhere else than as the delay of a
   * timer `inert` calls inert (for every definition of the method); `passed`, every other.
   */
  finish(
    definitions: Definitions,
    inert: (timer: NamedDelayTimer) => boolean,
  ): { quiet: Set<string>; passed: Set<string> } {
    const quiet = new Set<string>();
    const passed = new Set<string>();
    if (this.handed.length === 0) return { quiet, passed };
    // Timers by the name of their delay: only the parameters of the methods values are handed to are looked up.
    const byDelay = new Map<string, NamedDelayTimer[]>();
    for (const timer of this.timers) {
      const list = byDelay.get(timer.name);
      if (list) list.push(timer);
      else byDelay.set(timer.name, [timer]);
    }
    const verdicts = new Map<NamedDelayTimer, boolean>();
    const judged = (timer: NamedDelayTimer): boolean => {
      let verdict = verdicts.get(timer);
      if (verdict === undefined) verdicts.set(timer, (verdict = inert(timer)));
      return verdict;
    };
    // A parameter that is used nowhere else than as the delay of a timer that bounds nothing.
    const onlyDelays = (fn: EsNode, index: number): boolean => {
      const parameter = (fn.params as EsNode[])[index];
      if (parameter?.type !== "Identifier") return false;
      const name = parameter.name as string;
      const [from, to] = span(fn);
      const inside = (byDelay.get(name) ?? []).filter(({ call }) => from < span(call)[0] && span(call)[0] < to);
      return inside.length === 1 && this.uses(fn, name) === 2 && judged(inside[0]!);
    };
    for (const { method, index, name } of this.handed) {
      const fns = definitions.get(method);
      const quietHere = fns !== undefined && fns.length <= 8 && fns.every((fn) => onlyDelays(fn, index));
      (quietHere ? quiet : passed).add(name);
    }
    // A name also handed somewhere that may bound a wait is passed on.
    for (const name of passed) quiet.delete(name);
    return { quiet, passed };
  }

  /** How often `name` occurs as a word in `fn`'s text (its parameter and its one use as the delay make 2). */
  private uses(fn: EsNode, name: string): number {
    const [from, to] = span(fn);
    return identifierCount(this.source.slice(from, to), name);
  }
}
