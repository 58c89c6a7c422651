import { messages } from "../i18n/messages.js";
import { resolveText } from "../i18n/text.js";
import { displayAnswer } from "./display.js";
import type { RubricInput, ScoringRubric, SheetEntry } from "./rubric.js";
import { Rational } from "./rational.js";
import type { Coverage, QuestionScore } from "./scorecard.js";
import type { Evaluation } from "./evaluation.js";

export const round1 = (n: number) => Math.round(n * 10) / 10;

export function emptyCoverage(): Coverage {
  return { total: 0, answered: 0, unknown: 0, notApplicable: 0, missing: 0, hidden: 0 };
}

const coverageKey = { answered: "answered", unknown: "unknown", "not-applicable": "notApplicable", missing: "missing", hidden: "hidden" } as const;

/** Each question of the sheet as the scorecard shows it: the answer in words, its points and weight. */
export function questionScorer(input: RubricInput, evaluation: Evaluation, rules: Pick<ScoringRubric, "missing" | "notApplicableScore"> = {}): (e: SheetEntry) => QuestionScore {
  const m = messages(input.lang);
  const scoredBy = new Map<string, { points: number | null; weight: number }>();
  for (const d of evaluation.dimensions) for (const x of d.questions) scoredBy.set(x.id, x);
  return (e) => {
    const s = scoredBy.get(e.question.id);
    const display =
      e.status === "answered" && e.value !== undefined
        ? displayAnswer(e.question, e.value, input.lang, m)
        : { unknown: m.unknown, "not-applicable": m.notApplicable, hidden: m.hidden, missing: m.missing, answered: m.missing }[e.status];
    const counted = countsAsScored(e.status, rules);
    return {
      id: e.question.id,
      text: resolveText(e.question.text, input.lang),
      type: e.question.type,
      status: e.status,
      ...(e.value !== undefined ? { value: e.value } : {}),
      display,
      ...(e.note !== undefined ? { note: e.note } : {}),
      points: counted && s && s.points !== null ? round1(s.points) : null,
      weight: s?.weight ?? 0,
      contribution: 0,
    };
  };
}

/** Whether a question's points count in its dimension: answered and "don't know" always; unanswered and 'n/a' where the rubric scores them as zero. */
export function countsAsScored(status: SheetEntry["status"], rules: Pick<ScoringRubric, "missing" | "notApplicableScore">): boolean {
  if (status === "answered" || status === "unknown") return true;
  if (status === "missing") return rules.missing === "zero";
  if (status === "not-applicable") return rules.notApplicableScore === "zero";
  return false;
}

/** A dimension's score exactly: the weighted mean of its counted questions' unrounded points, or the rubric's own score. */
export function exactDimensionScore(
  questions: ReadonlyArray<{ id: string; points: number | null; weight: number }>,
  counted: (id: string) => boolean,
  ownScore: number | null | undefined,
): Rational | null {
  if (ownScore !== undefined) return ownScore === null ? null : Rational.from(ownScore);
  let sum = Rational.ZERO;
  let weight = Rational.ZERO;
  for (const x of questions) {
    if (x.points === null || x.weight <= 0 || !counted(x.id)) continue;
    const w = Rational.from(x.weight);
    sum = sum.add(Rational.from(x.points).mul(w));
    weight = weight.add(w);
  }
  return weight.isZero() ? null : sum.div(weight);
}

/**
 * A dimension's score: the weighted mean of its counted questions (or the rubric's own score), with each
 * question's contribution filled in, and its coverage.
 */
export function scoreDimension(qs: QuestionScore[], scoredIds: ReadonlySet<string>, ownScore: number | null | undefined): { score: number | null; coverage: Coverage } {
  const counted = qs.filter((x) => x.points !== null && x.weight > 0 && scoredIds.has(x.id));
  const totalWeight = counted.reduce((s, x) => s + x.weight, 0);
  let score: number | null = null;
  if (totalWeight > 0) {
    for (const x of counted) x.contribution = round1(((x.points ?? 0) * x.weight) / totalWeight);
    score = round1(counted.reduce((s, x) => s + (x.points ?? 0) * x.weight, 0) / totalWeight);
  }
  if (ownScore !== undefined) score = ownScore === null ? null : round1(ownScore);
  const coverage = emptyCoverage();
  for (const x of qs) {
    if (!scoredIds.has(x.id)) continue;
    coverage.total++;
    coverage[coverageKey[x.status]]++;
  }
  return { score, coverage };
}

/** The weighted mean of the dimensions that have a score. */
export function overallScore(dims: ReadonlyArray<{ score: number | null; weight: number }>): number | null {
  const scored = dims.filter((d) => d.score !== null && d.weight > 0);
  const w = scored.reduce((s, d) => s + d.weight, 0);
  return w > 0 ? round1(scored.reduce((s, d) => s + (d.score ?? 0) * d.weight, 0) / w) : null;
}
