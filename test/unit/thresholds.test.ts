// Thresholds judge the score a reader sees: the whole number every report prints, not the decimals behind it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAnswers } from "../../src/engine/score.js";
import type { Scorecard } from "../../src/engine/scorecard.js";
import { checkThresholds } from "../../src/engine/thresholds.js";
import { formatScore } from "../../src/report/numbers.js";
import { answersFile, mostMature } from "../helpers/answers.js";
import { mediaHouse } from "../helpers/bundled.js";
import { prop } from "../helpers/property.js";

const { questionnaire, rubric } = mediaHouse();
const base = scoreAnswers(questionnaire, rubric, answersFile(questionnaire, mostMature(questionnaire, rubric)));

/** The scorecard with its overall score and first dimension's score set. */
const withScores = (overall: number, first = overall): Scorecard => ({
  ...base,
  overall: { ...base.overall, score: overall },
  dimensions: base.dimensions.map((d, i) => (i === 0 ? { ...d, score: first } : d)),
});

const scores = fc.integer({ min: 0, max: 1000 }).map((n) => n / 10);
const limits = fc.integer({ min: 0, max: 100 });

describe("thresholds on the score as shown", () => {
  it("40.5 is shown as 41 and meets --fail-under 41; 40.4 is shown as 40 and does not, and the message says 40", () => {
    expect(formatScore(40.5)).toBe("41");
    expect(checkThresholds(withScores(40.5), { failUnder: 41 })[0]!.passed).toBe(true);
    const [low] = checkThresholds(withScores(40.4), { failUnder: 41 });
    expect(low!.passed).toBe(false);
    expect(low!.message).toBe("overall score 40 is below --fail-under 41");
  });

  prop([scores, limits], { numRuns: 100 })("--fail-under and --min pass exactly when the number the report shows reaches the limit", (score, limit) => {
    const shown = Number(formatScore(score));
    const [overall, dimension] = checkThresholds(withScores(score), { failUnder: limit, min: { [base.dimensions[0]!.id]: limit } });
    expect(overall!.passed).toBe(shown >= limit);
    expect(dimension!.passed).toBe(shown >= limit);
  });

  prop([scores, scores, fc.integer({ min: 0, max: 5 })], { numRuns: 100 })("a baseline regresses exactly when the shown score drops by more than the tolerance", (before, after, tolerance) => {
    const [overall] = checkThresholds(withScores(after), { baseline: withScores(before), tolerance });
    const drop = Number(formatScore(before)) - Number(formatScore(after));
    expect(overall!.passed).toBe(drop <= tolerance);
    if (!overall!.passed) expect(overall!.message).toContain(`fell from ${formatScore(before)} to ${formatScore(after)} (-${drop},`);
  });

  it("names stages by their names, never their ids", () => {
    const low = { ...withScores(10), overall: { ...base.overall, score: 10, stage: { id: base.stages[0]!.id, name: base.stages[0]!.name } } };
    const [stage] = checkThresholds(low, { requireStage: base.stages[2]!.id });
    expect(stage!.passed).toBe(false);
    expect(stage!.message).toBe(`the stage reached, ${base.stages[0]!.name}, is below the required ${base.stages[2]!.name}`);
    expect(stage!.message).not.toContain(base.stages[0]!.id);
  });
});
