import type { Condition, ConditionTest } from "../model/condition.js";
import type { AnswerValue } from "../model/answers.js";
import { sameValue } from "../model/answer-values.js";

/** What a condition sees: the value of each question that is answered and shown. */
export type Known = ReadonlyMap<string, AnswerValue>;

function testHolds(t: ConditionTest, known: Known): boolean | undefined {
  const v = known.get(t.question);
  if (v === undefined) return undefined;
  if (t.equals !== undefined) return sameValue(v, t.equals);
  if (t.in !== undefined) return t.in.some((x) => sameValue(x, v));
  if (t.notIn !== undefined) return !t.notIn.some((x) => sameValue(x, v));
  if (t.includes !== undefined) return Array.isArray(v) && v.some((x) => sameValue(x, t.includes));
  if (t.atLeast !== undefined) return typeof v === "number" && v >= t.atLeast;
  if (t.atMost !== undefined) return typeof v === "number" && v <= t.atMost;
  return undefined;
}

/** true / false, or undefined when an answer it needs is not known. */
export function evaluateCondition(c: Condition, known: Known): boolean | undefined {
  if ("all" in c) {
    const r = c.all.map((t) => testHolds(t, known));
    if (r.includes(false)) return false;
    return r.includes(undefined) ? undefined : true;
  }
  if ("any" in c) {
    const r = c.any.map((t) => testHolds(t, known));
    if (r.includes(true)) return true;
    return r.includes(undefined) ? undefined : false;
  }
  return testHolds(c, known);
}
