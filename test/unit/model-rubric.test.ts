import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rollUp } from "../../src/engine/groups.js";
import { Rational } from "../../src/engine/rational.js";
import { scoreAnswers } from "../../src/engine/score.js";
import { checkThresholds } from "../../src/engine/thresholds.js";
import { checkRubric } from "../../src/load/check-rubric.js";
import { questionnaireSchema } from "../../src/model/questionnaire.js";
import { rubricSchema } from "../../src/model/rubric.js";
import { prop } from "../helpers/property.js";

// Three sections of two graded questions; a rubric grouping two of them, on a 0-3 scale.
const levels = [
  { value: "none", label: "None" },
  { value: "some", label: "Some" },
  { value: "most", label: "Most" },
  { value: "all", label: "All" },
];
const section = (id: string) => ({ id, title: id.toUpperCase(), questions: [1, 2].map((n) => ({ id: `${id}.q${n}`, type: "single", text: `${id} ${n}?`, allowUnknown: true, options: levels })) });
const questionnaire = questionnaireSchema.parse({ kind: "questionnaire", version: 1, id: "tiny", title: "Tiny", sections: ["a", "b", "c"].map(section) });
const points = { none: 0, some: 25, most: 50, all: 100 };
const rubricOf = (extra: Record<string, unknown> = {}) =>
  rubricSchema.parse({
    kind: "rubric",
    version: 1,
    id: "tiny-rubric",
    title: "Tiny rubric",
    questionnaire: "tiny",
    scale: { min: 0, max: 3, decimals: 2 },
    stages: [
      { id: "low", name: "Low", min: 0 },
      { id: "mid", name: "Mid", min: 1 },
      { id: "high", name: "High", min: 2 },
    ],
    defaultTarget: "high",
    dimensions: ["a", "b", "c"].map((id) => ({ id, questions: { [`${id}.q1`]: { points }, [`${id}.q2`]: { points } } })),
    groups: [{ id: "ab", title: "A and B", short: "AB", weight: 2, dimensions: ["a", "b"] }],
    ...extra,
  });
const score = (answers: Record<string, string>, extra: Record<string, unknown> = {}) =>
  scoreAnswers(questionnaire, rubricOf(extra), { kind: "answers", version: 1, questionnaire: "tiny", answers });
const exact = (x: { exact?: string | null }) => Rational.parse(x.exact!).toNumber();

describe("groups of dimensions", () => {
  it("a group is the weighted mean of its dimensions, the overall score of the group and the ungrouped dimension", () => {
    const card = score({ "a.q1": "all", "a.q2": "most", "b.q1": "some", "b.q2": "none", "c.q1": "all", "c.q2": "all" });
    // a = (1 + 0.5) / 2 * 3 = 2.25; b = (0.25 + 0) / 2 * 3 = 0.375; c = 3.
    expect(card.dimensions.map((d) => d.scaled)).toEqual([2.25, 0.38, 3]);
    // ab = (2.25 + 0.375) / 2 = 1.3125; overall = (2 * 1.3125 + 1 * 3) / 3 = 1.875.
    expect(card.groups![0]).toMatchObject({ id: "ab", short: "AB", scaled: 1.31, exact: "21/16", stage: { id: "mid" } });
    expect(card.overall).toMatchObject({ scaled: 1.88, exact: "15/8", stage: { id: "mid" } });
    expect(card.overall.score).toBe(62.5);
  });

  it("sum lets a part without a score add nothing; mean leaves it out", () => {
    const answers = { "a.q1": "all", "a.q2": "all", "c.q1": "all", "c.q2": "all" };
    // b has no answer: mean over a alone is 3; summed, a adds its half of the group: 1.5.
    expect(score(answers).groups![0]!.scaled).toBe(3);
    const summed = score(answers, { groups: [{ id: "ab", title: "A and B", rollUp: "sum", weight: 2, dimensions: ["a", "b"] }] });
    expect(summed.groups![0]).toMatchObject({ scaled: 1.5, rollUp: "sum" });
    expect(summed.overall.exact).toBe("2");
    // Without groups or a scale, a summing rubric adds up its dimensions' shares: a and c full, b nothing, 200/3,
    // which rounds to 66.7 and still falls short of a band that starts there.
    const flat = score(answers, { scale: undefined, groups: [], rollUp: "sum", stages: [{ id: "low", name: "Low", min: 0 }, { id: "high", name: "High", min: 66.7 }] });
    expect(flat.overall).toMatchObject({ score: 66.7, stage: { id: "low" } });
  });

  prop([fc.array(fc.record({ weight: fc.integer({ min: 1, max: 9 }), score: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 6 })], { numRuns: 60 })(
    "a weighted mean stays within its parts' lowest and highest score",
    (parts) => {
      const mean = rollUp(parts.map((p) => ({ weight: p.weight, score: Rational.from(p.score) })), "mean")!;
      const scores = parts.map((p) => p.score);
      return mean.cmp(Rational.from(Math.min(...scores))) >= 0 && mean.cmp(Rational.from(Math.max(...scores))) <= 0;
    },
  );
});

describe("missing and not-applicable answers", () => {
  const one = { "a.q1": "all", "a.q2": "all" };

  it("left out by default: the answered dimension alone makes the score", () => {
    const card = score(one);
    expect(card.overall.scaled).toBe(3);
    expect(card.coverage).toMatchObject({ answered: 2, missing: 4 });
    expect(card.missingScoredAs).toBeUndefined();
  });

  it("counted as zero: one dimension of three full gives what the formula says", () => {
    const card = score(one, { missing: "zero" });
    // a = 3, b = c = 0; ab = 1.5; overall = (2 * 1.5 + 0) / 3 = 1.
    expect(card.overall).toMatchObject({ scaled: 1, exact: "1", stage: { id: "mid" } });
    expect(card.missingScoredAs).toBe("zero");
    expect(card.coverage).toMatchObject({ answered: 2, missing: 4 });
  });

  it("'n/a' as zero is accepted on every question and scores 0; forbidden refuses it where a rule asks for it", () => {
    const na = score({ ...one, "b.q1": "n/a", "b.q2": "n/a" }, { notApplicable: "zero" });
    expect(na.dimensions.find((d) => d.id === "b")).toMatchObject({ scaled: 0, coverage: { notApplicable: 2 } });
    expect(na.notApplicableScoredAs).toBe("zero");
    const excluded = score({ ...one, "b.q1": "n/a", "b.q2": "n/a" });
    expect(excluded.dimensions.find((d) => d.id === "b")!.score).toBeNull();
    const forbidden = rubricOf({ notApplicable: "forbidden", dimensions: [{ id: "a", questions: { "a.q1": { points, notApplicable: true } } }] });
    expect(checkRubric(forbidden, questionnaire).map((i) => [i.path.join("."), i.phrase.key])).toContainEqual(["dimensions.0.questions.a.q1.notApplicable", "errNaForbidden"]);
  });
});

describe("a display scale", () => {
  it("a level of exactly 1 of 3 is in the band that starts at 1, though 1/3 of 100 is no exact float", () => {
    // One of three questions at full marks: a third of the dimension, exactly 1 on the scale.
    const card = score({ "a.q1": "all", "a.q2": "none", "b.q1": "all", "b.q2": "none", "c.q1": "some", "c.q2": "some" }, { missing: "zero" });
    expect(card.dimensions.find((d) => d.id === "a")).toMatchObject({ scaled: 1.5, stage: { id: "mid" } });
    const third = scoreAnswers(
      questionnaire,
      rubricOf({ dimensions: [{ id: "a", questions: { "a.q1": { points }, "a.q2": { points, weight: 2 } } }], groups: [] }),
      { kind: "answers", version: 1, questionnaire: "tiny", answers: { "a.q1": "all", "a.q2": "none" } },
    );
    expect(third.overall).toMatchObject({ exact: "1", scaled: 1, stage: { id: "mid" } });
    expect(third.overall.score).toBe(33.3);
  });

  prop([fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 })], { numRuns: 60 })(
    "a score exactly at a band's minimum is in the band, however the minimum is written",
    (num, extra, max) => {
      // A band at num/den of the scale, and a dimension whose questions put the score exactly there.
      const den = num + extra;
      const bandMin = (num / den) * max;
      const r = rubricOf({
        scale: { min: 0, max, decimals: 2 },
        stages: [
          { id: "low", name: "Low", min: 0 },
          { id: "mid", name: "Mid", min: bandMin },
        ],
        defaultTarget: "mid",
        dimensions: [{ id: "a", questions: { "a.q1": { points, weight: num }, "a.q2": { points, weight: extra } } }],
        groups: [],
      });
      const card = scoreAnswers(questionnaire, r, { kind: "answers", version: 1, questionnaire: "tiny", answers: { "a.q1": "all", "a.q2": "none" } });
      return card.overall.stage.id === "mid" && Math.abs(exact(card.overall) - bandMin) < 1e-9;
    },
  );

  it("--fail-under and --min are read in the scale and compared exactly", () => {
    const card = score({ "a.q1": "all", "a.q2": "none", "b.q1": "all", "b.q2": "none", "c.q1": "some", "c.q2": "some" }, { missing: "zero" });
    // overall = (2 * 1.5 + 0.75) / 3 = 1.25
    expect(card.overall.exact).toBe("5/4");
    const checks = checkThresholds(card, { failUnder: 1.25, min: { ab: 1.5, c: 0.76 } });
    expect(checks.map((c) => c.passed)).toEqual([true, true, false]);
    expect(checks[2]!.message).toContain("0.75");
  });

  it("a rubric without a scale or groups keeps its rounded 0-100 scores and adds no scale fields", () => {
    const card = score({ "a.q1": "all", "a.q2": "most" }, { scale: undefined, groups: [], stages: [{ id: "low", name: "Low", min: 0 }, { id: "high", name: "High", min: 75 }] });
    expect(card.overall.score).toBe(75);
    expect(card.overall.stage.id).toBe("high");
    expect("scaled" in card.overall).toBe(false);
    expect(card.groups).toBeUndefined();
  });

  it("checks bands against the scale and groups against the dimensions", () => {
    const r = rubricOf({
      stages: [
        { id: "low", name: "Low", min: 0.5 },
        { id: "mid", name: "Mid", min: 4 },
      ],
      defaultTarget: "mid",
      groups: [
        { id: "ab", title: "AB", dimensions: ["a", "zz"] },
        { id: "a", title: "Clash", groups: [{ id: "inner", title: "Inner", dimensions: ["a"] }] },
      ],
    });
    expect(checkRubric(r, questionnaire).map((i) => [i.path.join("."), i.phrase.key])).toEqual([
      ["stages.0.min", "errFirstStageScaleMin"],
      ["stages.1.min", "errStageMinRange"],
      ["groups.0.dimensions.1", "errGroupNotADimension"],
      ["groups.1.id", "errDuplicateGroup"],
      ["groups.1.groups.0.dimensions.0", "errDimensionTwoGroups"],
    ]);
  });
});
