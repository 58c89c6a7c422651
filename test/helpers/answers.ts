// Builders of answers objects for a questionnaire: the least and most mature
// answer sets, and fast-check arbitraries of valid (possibly partial) answers.
import fc from "fast-check";
import type { Answer, Answers, AnswerValue } from "../../src/model/answers.js";
import type { Question, Questionnaire } from "../../src/model/questionnaire.js";
import type { QuestionRule, Rubric } from "../../src/model/rubric.js";
import { evaluateCondition } from "../../src/engine/condition.js";

export type AnswerMap = Record<string, Answer | null>;

/** Every question of a questionnaire, in order. */
export function allQuestions(q: Questionnaire): Question[] {
  return q.sections.flatMap((s) => s.questions);
}

/** The rubric's rule for a question, if it scores it. */
export function ruleFor(rubric: Rubric | undefined, id: string): QuestionRule | undefined {
  for (const d of rubric?.dimensions ?? []) if (d.questions[id]) return d.questions[id];
  return undefined;
}

/** Ids of questions that some `when` condition looks at: changing them may show or hide others. */
export function conditionQuestionIds(q: Questionnaire): Set<string> {
  const ids = new Set<string>();
  for (const question of allQuestions(q)) {
    const c = question.when;
    if (!c) continue;
    const tests = "all" in c ? c.all : "any" in c ? c.any : [c];
    for (const t of tests) ids.add(t.question);
  }
  return ids;
}

/** Points of a number under a rubric's bands, computed here independently of the engine. */
export function bandPoints(rule: QuestionRule, value: number): number {
  let best = 0;
  let reached = -Infinity;
  for (const b of rule.bands ?? []) {
    if (value >= b.atLeast && b.atLeast >= reached) {
      best = b.points;
      reached = b.atLeast;
    }
  }
  return best;
}

/** The least (or most) mature number for a number question: decided by the rubric's bands, in range. */
function extremeNumber(question: Extract<Question, { type: "number" }>, rule: QuestionRule | undefined, most: boolean): number {
  const lo = question.min;
  const hi = question.max;
  if (!rule?.bands) return most ? (hi ?? lo ?? 0) : (lo ?? 0);
  const step = question.integer ? 1 : 0.5;
  const candidates = [lo, hi, ...rule.bands.flatMap((b) => [b.atLeast, b.atLeast - step])].filter(
    (v): v is number => v !== undefined && (lo === undefined || v >= lo) && (hi === undefined || v <= hi),
  );
  if (!candidates.length) return lo ?? hi ?? 0;
  let best = candidates[0]!;
  for (const v of candidates) {
    const p = bandPoints(rule, v);
    const bp = bandPoints(rule, best);
    if (most ? p > bp : p < bp) best = v;
  }
  return best;
}

function extremeValue(question: Question, rubric: Rubric | undefined, most: boolean): AnswerValue | undefined {
  switch (question.type) {
    case "single":
      return (most ? question.options[question.options.length - 1]! : question.options[0]!).value;
    case "multi":
      return most ? question.options.map((o) => o.value) : [];
    case "scale":
      return most ? question.max : question.min;
    case "number":
      return extremeNumber(question, ruleFor(rubric, question.id), most);
    case "boolean":
      return most;
    case "text":
      return undefined;
  }
}

function extremeAnswers(q: Questionnaire, rubric: Rubric | undefined, most: boolean): AnswerMap {
  const out: AnswerMap = {};
  const known = new Map<string, AnswerValue>();
  for (const question of allQuestions(q)) {
    // As a respondent answers: a question that these answers hide is not asked, so not answered.
    if (question.when && evaluateCondition(question.when, known) !== true) continue;
    const v = extremeValue(question, rubric, most);
    if (v !== undefined) (out[question.id] = v), known.set(question.id, v);
  }
  return out;
}

/** The least mature answer to every question (text skipped); numbers follow the rubric's bands. */
export function leastMature(q: Questionnaire, rubric?: Rubric): AnswerMap {
  return extremeAnswers(q, rubric, false);
}

/** The most mature answer to every question (text skipped); numbers follow the rubric's bands. */
export function mostMature(q: Questionnaire, rubric?: Rubric): AnswerMap {
  return extremeAnswers(q, rubric, true);
}

/** Wraps an answer map in an answers file for the questionnaire. */
export function answersFile(q: Questionnaire, answers: AnswerMap, extra: Partial<Answers> = {}): Answers {
  return { kind: "answers", version: 1, questionnaire: q.id, answers, ...extra };
}

const RESERVED = new Set(["unknown", "n/a"]);

/** A valid value for one question (never "unknown" or "n/a"). */
export function arbValue(question: Question): fc.Arbitrary<AnswerValue> {
  switch (question.type) {
    case "single":
      return fc.constantFrom(...question.options.map((o) => o.value));
    case "multi":
      return fc.shuffledSubarray(question.options.map((o) => o.value));
    case "scale":
      return fc.integer({ min: question.min, max: question.max });
    case "number": {
      const min = question.min ?? -1_000_000;
      const max = question.max ?? 1_000_000;
      return question.integer
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
    }
    case "boolean":
      return fc.boolean();
    case "text":
      return fc.string({ maxLength: 40 }).filter((s) => !RESERVED.has(s));
  }
}

/** One answer: a value, "unknown" where allowed, "n/a" where the rubric allows it, optionally with a note. */
export function arbAnswer(question: Question, rubric?: Rubric): fc.Arbitrary<Answer> {
  const choices: Array<fc.Arbitrary<AnswerValue>> = [arbValue(question)];
  if (question.allowUnknown) choices.push(fc.constant("unknown"));
  if (ruleFor(rubric, question.id)?.notApplicable) choices.push(fc.constant("n/a"));
  const value = choices.length === 1 ? choices[0]! : fc.oneof({ arbitrary: choices[0]!, weight: 4 }, ...choices.slice(1));
  return fc.oneof(
    { arbitrary: value as fc.Arbitrary<Answer>, weight: 4 },
    { arbitrary: fc.record({ value, note: fc.string({ maxLength: 30 }) }), weight: 1 },
  );
}

/** A map of valid answers; any question may be left out or left empty (null), as in a half-filled template. */
export function arbAnswerMap(q: Questionnaire, rubric?: Rubric): fc.Arbitrary<AnswerMap> {
  const model: Record<string, fc.Arbitrary<Answer | null>> = {};
  for (const question of allQuestions(q)) {
    model[question.id] = fc.oneof({ arbitrary: arbAnswer(question, rubric), weight: 9 }, { arbitrary: fc.constant(null), weight: 1 });
  }
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<AnswerMap>;
}

/** A valid, possibly partial answers file for the questionnaire. */
export function arbAnswers(q: Questionnaire, rubric?: Rubric): fc.Arbitrary<Answers> {
  return fc
    .record({
      answers: arbAnswerMap(q, rubric),
      year: fc.integer({ min: 2000, max: 2040 }),
    })
    .map(({ answers, year }) => answersFile(q, answers, { date: `${year}-06-01` }));
}
