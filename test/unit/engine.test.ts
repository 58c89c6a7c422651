import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scoreAnswers } from "../../src/engine/score.js";
import type { Scorecard } from "../../src/engine/scorecard.js";
import { loadAnswersFile } from "../../src/load/load.js";
import type { Answers } from "../../src/model/answers.js";
import { questionnaireSchema, type Questionnaire } from "../../src/model/questionnaire.js";
import { rubricSchema, type Rubric } from "../../src/model/rubric.js";
import { answersFile, leastMature, mostMature, type AnswerMap } from "../helpers/answers.js";
import { FIXTURES } from "../helpers/cli.js";
import { mediaHouse } from "../helpers/bundled.js";

const { questionnaire, rubric } = mediaHouse();
const score = (answers: AnswerMap, extra: Partial<Answers> = {}, options = {}) =>
  scoreAnswers(questionnaire, rubric, answersFile(questionnaire, answers, extra), options);
const dim = (card: Scorecard, id: string) => card.dimensions.find((d) => d.id === id)!;
const question = (card: Scorecard, id: string) => card.dimensions.flatMap((d) => d.questions).find((q) => q.id === id)!;
const stageIdx = (id: string) => rubric.stages.findIndex((s) => s.id === id);
const mixed = loadAnswersFile(join(FIXTURES, "mixed-regional-shop.yaml")).value;

describe("scoring the bundled questionnaire and rubric", () => {
  it("the least mature answers are 'before 1.0' and score under 30", () => {
    const card = score(leastMature(questionnaire, rubric));
    expect(card.overall.stage.id).toBe("before-1.0");
    expect(card.overall.score).toBeLessThan(30);
    for (const d of card.dimensions) expect(d.stage.id, d.id).toBe("before-1.0");
    expect(card.target.reached).toBe(false);
  });

  it("the most mature answers are '3.0' and score at least 90", () => {
    const card = score(mostMature(questionnaire, rubric));
    expect(card.overall.stage.id).toBe("3.0");
    expect(card.overall.score).toBeGreaterThanOrEqual(90);
    expect(card.overall.blockedBy).toEqual([]);
    expect(card.gates.every((g) => g.status === "passed")).toBe(true);
    expect(card.target).toMatchObject({ reached: true });
    expect(card.overall.gap).toBe(0);
  });

  it("the helpers' numbers follow the rubric's bands: more print share is less mature", () => {
    expect(leastMature(questionnaire, rubric)["channels.print-share"]).toBeGreaterThanOrEqual(75);
    expect(mostMature(questionnaire, rubric)["channels.print-share"]).toBeLessThan(10);
    expect(question(score(leastMature(questionnaire, rubric)), "channels.print-share").points).toBe(0);
    expect(question(score(mostMature(questionnaire, rubric)), "channels.print-share").points).toBe(100);
  });

  it("partial answers: coverage says what is missing and only what is there is scored", () => {
    const card = score({ "channels.social-media": "occasional", "channels.print-share": 80 });
    // social-media 30 points × weight 1, print-share 0 points × weight 2.
    expect(dim(card, "channels").score).toBe(10);
    expect(dim(card, "data").score).toBeNull();
    expect(dim(card, "relationship").score).toBeNull();
    expect(card.overall.score).toBe(10);
    expect(card.coverage.answered).toBe(2);
    expect(card.coverage.missing + card.coverage.hidden + card.coverage.answered).toBe(card.coverage.total);
    expect(card.coverage.missing).toBeGreaterThan(25);
    const missing = question(card, "channels.budget-split");
    expect(missing).toMatchObject({ status: "missing", points: null, contribution: 0 });
  });

  it("no answers at all: no score, first stage, and the whole target as gap", () => {
    const card = score({});
    expect(card.overall.score).toBeNull();
    expect(card.overall.stage.id).toBe("before-1.0");
    expect(card.overall.gap).toBe(55);
    expect(card.coverage.answered).toBe(0);
  });

  it('"unknown" is counted in coverage and scored as 0 points, not dropped', () => {
    const base = mostMature(questionnaire, rubric);
    const unknown = score({ ...base, "data.clv": "unknown" });
    const zero = score({ ...base, "data.clv": "never-worked-out" });
    const { ["data.clv"]: _dropped, ...withoutClv } = base;
    const omitted = score(withoutClv);
    expect(question(unknown, "data.clv")).toMatchObject({ status: "unknown", points: 0 });
    expect(unknown.coverage.unknown).toBe(1);
    expect(unknown.unknownScoredAs).toBe("zero");
    expect(dim(unknown, "data").score).toBe(dim(zero, "data").score);
    expect(dim(unknown, "data").score).toBeLessThan(dim(omitted, "data").score!);
    expect(dim(omitted, "data").score).toBe(100);
  });

  it('with unknown: exclude, "unknown" is counted in coverage but left out of the score', () => {
    const excluding: Rubric = { ...rubric, unknown: "exclude" };
    const card = scoreAnswers(questionnaire, excluding, answersFile(questionnaire, { ...mostMature(questionnaire, rubric), "data.clv": "unknown" }));
    expect(question(card, "data.clv")).toMatchObject({ status: "unknown", points: null });
    expect(card.coverage.unknown).toBe(1);
    expect(dim(card, "data").score).toBe(100);
  });

  it('"n/a" removes the question from its dimension and re-weights the rest', () => {
    const base = mostMature(questionnaire, rubric);
    const no = score({ ...base, "channels.cut-traditional": false });
    const na = score({ ...base, "channels.cut-traditional": "n/a" });
    expect(dim(no, "channels").score).toBeLessThan(100);
    expect(dim(na, "channels").score).toBe(100);
    expect(question(na, "channels.cut-traditional")).toMatchObject({ status: "not-applicable", points: null, contribution: 0 });
    expect(na.coverage.notApplicable).toBe(1);
    // The other questions' contributions grow to fill the freed weight.
    expect(question(na, "channels.budget-split").contribution).toBeGreaterThan(question(no, "channels.budget-split").contribution);
  });

  it('"n/a" where the rubric does not allow it scores as missing, not as an answer', () => {
    const card = score({ ...mostMature(questionnaire, rubric), "data.benchmarking": "n/a" });
    expect(question(card, "data.benchmarking").status).toBe("missing");
  });

  it("a question hidden by 'when' is 'hidden' and does not count, even when answered", () => {
    // No platforms used: how dependent on them the business is is not asked, and earns nothing.
    const base = leastMature(questionnaire, rubric);
    const answered = score({ ...base, "channels.platform-dependence": 5 });
    const { ["channels.platform-dependence"]: _x, ...without } = base;
    expect(question(answered, "channels.platform-dependence")).toMatchObject({ status: "hidden", points: null, contribution: 0 });
    expect(dim(answered, "channels").score).toBe(dim(score(without), "channels").score);
    expect(answered.coverage.hidden).toBeGreaterThanOrEqual(1);

    const shown = score({ ...base, "channels.social-media": "occasional", "channels.platform-dependence": 5 });
    expect(question(shown, "channels.platform-dependence")).toMatchObject({ status: "answered", points: 100 });
    expect(dim(shown, "channels").score).toBeGreaterThan(dim(answered, "channels").score!);
  });

  it("a business that hardly uses platforms does not score as if it owned its reach", () => {
    const printOnly = {
      "channels.print-share": 90,
      "channels.budget-split": "little-online",
      "channels.channel-choice": "habit",
      "channels.online-presence": ["website"],
      "channels.social-media": "not-used",
      "channels.online-ads": "no-online-ads",
      "channels.platform-dependence": 4,
    };
    const card = score(printOnly);
    expect(question(card, "channels.platform-dependence").status).toBe("hidden");
    expect(dim(card, "channels").score).toBeLessThan(5);
  });

  it("notes are kept on the question score, also for 'unknown'", () => {
    const card = score({
      "data.analytics": { value: 3, note: "Monthly dashboard, reviewed by the CEO" },
      "data.clv": { value: "unknown", note: "the till system might know" },
    });
    expect(question(card, "data.analytics")).toMatchObject({ status: "answered", value: 3, note: "Monthly dashboard, reviewed by the CEO", points: 50 });
    expect(question(card, "data.clv")).toMatchObject({ status: "unknown", note: "the till system might know" });
  });

  it("every dimension's score is the sum of its questions' contributions", () => {
    for (const card of [scoreAnswers(questionnaire, rubric, mixed), score(leastMature(questionnaire, rubric)), score(mostMature(questionnaire, rubric))]) {
      for (const d of card.dimensions) {
        const sum = d.questions.reduce((s, q) => s + q.contribution, 0);
        expect(Math.abs(sum - (d.score ?? 0)), d.id).toBeLessThanOrEqual(0.1 * d.questions.length);
      }
    }
  });

  it("the mixed regional shop has 1.0 points but stays before 1.0, held by the gate on PR goals; the clv 'unknown' is in coverage", () => {
    const card = scoreAnswers(questionnaire, rubric, mixed);
    expect(card.overall.scoreStage.id).toBe("1.0");
    expect(card.overall.stage.id).toBe("before-1.0");
    expect(card.overall.blockedBy).toContain("pr-without-sales-goals");
    expect(card.overall.score).toBeGreaterThan(30);
    expect(card.overall.score).toBeLessThan(55);
    expect(card.coverage).toMatchObject({ unknown: 1, notApplicable: 0, hidden: 0 });
    expect(card.gates.find((g) => g.id === "pr-without-sales-goals")!.status).toBe("blocking");
    expect(card).toMatchObject({ respondent: "Karin Lindqvist (owner)", organisation: "Lindqvist Järn & Trädgård AB", date: "2026-03-12" });
  });
});

describe("gates", () => {
  const withoutCustomerData = { ...mostMature(questionnaire, rubric), "relationship.customer-data": "not-kept" };

  it("no owned customer data holds the stage below 2.0 however high the score", () => {
    const card = score(withoutCustomerData);
    expect(card.overall.score).toBeGreaterThanOrEqual(80);
    expect(card.overall.scoreStage.id).toBe("3.0");
    expect(stageIdx(card.overall.stage.id)).toBeLessThan(stageIdx("2.0"));
    expect(card.overall.blockedBy).toContain("no-owned-customer-data");
    expect(card.target.reached).toBe(false);
    expect(card.gates.find((g) => g.id === "no-owned-customer-data")).toMatchObject({ status: "blocking", blocks: "2.0" });
  });

  it("a gate holds back only the dimension its question belongs to", () => {
    const card = score(withoutCustomerData);
    expect(dim(card, "relationship").blockedBy).toContain("no-owned-customer-data");
    expect(stageIdx(dim(card, "relationship").stage.id)).toBeLessThan(stageIdx("2.0"));
    expect(dim(card, "channels")).toMatchObject({ stage: { id: "3.0" }, blockedBy: [] });
  });

  it("an unanswered gate question is 'unverified': it does not hold the stage down, it leaves it unconfirmed and names the question", () => {
    const { ["relationship.customer-data"]: _x, ...rest } = mostMature(questionnaire, rubric);
    const card = score(rest);
    expect(card.gates.find((g) => g.id === "no-owned-customer-data")!.status).toBe("unverified");
    expect(card.overall.blockedBy).not.toContain("no-owned-customer-data");
    expect(card.overall.stage.id).toBe("3.0");
    expect(card.overall.confidence).toMatchObject({ status: "unconfirmed", highest: { id: "3.0" } });
    expect(stageIdx(card.overall.confidence.lowest.id)).toBeLessThan(stageIdx("2.0"));
    expect(card.overall.confidence.settle).toContain("relationship.customer-data");
  });

  it("the next step that lifts the gate is proposed and marked as unlocking it", () => {
    const card = score(withoutCustomerData);
    const step = card.nextSteps.find((s) => s.because.some((b) => b.question === "relationship.customer-data"));
    expect(step).toBeDefined();
    expect(step!.unlocksGate).toBe(true);
  });
});

describe("next steps", () => {
  const card = scoreAnswers(questionnaire, rubric, mixed);
  const stepQuestions = new Map(rubric.nextSteps.map((s) => [s.id, s]));

  it("are proposed for a middling business and name the questions that hold it back", () => {
    expect(card.nextSteps.length).toBeGreaterThanOrEqual(3);
    for (const step of card.nextSteps) {
      const def = stepQuestions.get(step.id)!;
      expect(step.because.length, step.id).toBeGreaterThan(0);
      for (const b of step.because) {
        expect(def.questions).toContain(b.question);
        expect(b.points ?? 0, `${step.id}/${b.question}`).toBeLessThan(100);
        expect(b.points ?? 0).toBeLessThan(def.below);
      }
    }
  });

  it("are phased by the stage they are needed for, nearest first; each answers a question below what its phase expects", () => {
    const phaseOrder = card.nextSteps.map((s) => stageIdx(s.phase.id));
    expect(phaseOrder).toEqual([...phaseOrder].sort((a, b) => a - b));
    expect(card.roadmap.phases.map((p) => p.stage.id)).toEqual([...new Set(card.nextSteps.map((s) => s.phase.id))]);
    const expects = new Map(rubric.dimensions.flatMap((d) => Object.entries(d.questions)).map(([id, r]) => [id, r.expects ?? {}]));
    for (const step of card.nextSteps) {
      // A phase at or below the stage reached is there because an answer misses what that stage already expects.
      const need = Math.max(0, ...rubric.stages.slice(0, stageIdx(step.phase.id) + 1).flatMap((st) => step.because.map((b) => expects.get(b.question)?.[st.id] ?? 0)));
      expect(Math.min(...step.because.map((b) => b.points ?? 0)), step.id).toBeLessThan(need);
    }
    const least = score(leastMature(questionnaire, rubric)).nextSteps.map((s) => stageIdx(s.phase.id));
    expect(least[0]).toBe(stageIdx("1.0"));
    expect(least).toEqual([...least].sort((a, b) => a - b));
  });

  it("follow the answers: fixing what a step points at removes the step", () => {
    expect(card.nextSteps.map((s) => s.id)).toContain("data-set-response-target");
    const fixed = scoreAnswers(questionnaire, rubric, { ...mixed, answers: { ...mixed.answers, "data.response-time": "measured-target", "data.benchmarking": true } });
    expect(fixed.nextSteps.map((s) => s.id)).not.toContain("data-set-response-target");
  });

  it("there are none for the most mature answers", () => {
    expect(score(mostMature(questionnaire, rubric)).nextSteps).toEqual([]);
  });
});

describe("target and lag", () => {
  it("a target changes the target score, the gap and whether it is reached", () => {
    const def = scoreAnswers(questionnaire, rubric, mixed);
    const three = scoreAnswers(questionnaire, rubric, mixed, { target: "3.0" });
    const first = scoreAnswers(questionnaire, rubric, mixed, { target: "before-1.0" });
    expect(def.target).toMatchObject({ stage: { id: "2.0" }, score: 55, reached: false });
    expect(three.target).toMatchObject({ stage: { id: "3.0" }, score: 80, reached: false });
    expect(three.overall.gap).toBeCloseTo(80 - three.overall.score!, 1);
    expect(three.overall.gap).toBeGreaterThan(def.overall.gap);
    expect(first.target.reached).toBe(true);
    expect(first.overall.gap).toBe(0);
    for (const d of three.dimensions) expect(d.gap).toBeCloseTo(Math.max(0, 80 - (d.score ?? 0)), 1);
  });

  // The bundled rubric dates no stage (its lag is a sourced range), so a copy of it is given a leaders' year here instead.
  const dated: Rubric = { ...rubric, stages: rubric.stages.map(({ lag: _lag, ...s }) => (s.id === "1.0" ? { ...s, leadersYear: 2008 } : s)) };
  const scoreDated = (answers: AnswerMap, extra: Partial<Answers> = {}, options = {}) =>
    scoreAnswers(questionnaire, dated, answersFile(questionnaire, answers, extra), options);

  it("the lag estimate counts from the answers' date to the next stage's leaders' year", () => {
    const card = scoreDated(leastMature(questionnaire, rubric), { date: "2020-05-01" }, { asOf: "2031-01-01" });
    expect(card.overall.lag).toEqual({ years: 12, stage: "1.0", leadersYear: 2008, asOfYear: 2020 });
  });

  it("undated answers count to asOf; a business at the last stage has no lag", () => {
    expect(scoreDated(leastMature(questionnaire, rubric), {}, { asOf: "2031-01-01" }).overall.lag).toMatchObject({ years: 23, asOfYear: 2031 });
    expect(scoreDated(leastMature(questionnaire, rubric)).overall.lag).toBeUndefined();
    expect(scoreDated(mostMature(questionnaire, rubric), { date: "2026-01-01" }).overall.lag).toBeUndefined();
  });

  it("the bundled rubric gives no year-counted lag: it dates no stage, and its estimate names its source", () => {
    expect(rubric.stages.map((s) => s.leadersYear)).toEqual(rubric.stages.map(() => undefined));
    const lag = score(leastMature(questionnaire, rubric), { date: "2020-05-01" }).overall.lag;
    expect(lag).toMatchObject({ stage: "before-1.0", years: [10, 20] });
    expect(lag!.source!.length).toBeGreaterThan(20);
    expect(lag!.leadersYear).toBeUndefined();
    expect(score(mostMature(questionnaire, rubric)).overall.lag).toBeUndefined();
  });
});

describe("purity", () => {
  it("does not change its inputs", () => {
    const q = structuredClone(questionnaire);
    const r = structuredClone(rubric);
    const a = structuredClone(mixed);
    scoreAnswers(q, r, a, { target: "3.0" });
    expect(q).toEqual(questionnaire);
    expect(r).toEqual(rubric);
    expect(a).toEqual(mixed);
  });
});

describe("hand-made questionnaires: edge cases of the points rules", () => {
  const tiny: Questionnaire = questionnaireSchema.parse({
    kind: "questionnaire",
    version: 1,
    id: "tiny",
    title: "Tiny",
    sections: [
      {
        id: "s",
        title: "S",
        questions: [
          { id: "single", type: "single", text: "?", options: ["a", "b", "c"].map((v) => ({ value: v, label: v })) },
          { id: "scale", type: "scale", text: "?", min: 1, max: 5 },
          { id: "multi", type: "multi", text: "?", options: ["x", "y", "z"].map((v) => ({ value: v, label: v })) },
          { id: "multi-linear", type: "multi", text: "?", options: ["x", "y", "z", "w"].map((v) => ({ value: v, label: v })) },
          { id: "number", type: "number", text: "?", min: 0, max: 1000 },
          { id: "bool", type: "boolean", text: "?" },
          { id: "text", type: "text", text: "?" },
        ],
      },
    ],
  });
  const tinyRubric: Rubric = rubricSchema.parse({
    kind: "rubric",
    version: 1,
    id: "tiny",
    title: "Tiny",
    questionnaire: "tiny",
    stages: [
      { id: "low", name: "Low", min: 0 },
      { id: "mid", name: "Mid", min: 50 },
      { id: "high", name: "High", min: 90 },
    ],
    defaultTarget: "mid",
    dimensions: [
      {
        id: "s",
        questions: {
          single: {},
          scale: {},
          multi: { points: { x: 60, y: 60, z: 10 } },
          "multi-linear": {},
          // Bands out of order on purpose: the highest band reached wins.
          number: { bands: [{ atLeast: 100, points: 40 }, { atLeast: 500, points: 90 }, { atLeast: 10, points: 10 }] },
          bool: {},
        },
      },
    ],
  });
  const pts = (id: string, value: unknown) =>
    question(scoreAnswers(tiny, tinyRubric, { kind: "answers", version: 1, questionnaire: "tiny", answers: { [id]: value as never } }), id).points;

  it("a single choice without points runs in a straight line from 0 to 100", () => {
    expect(["a", "b", "c"].map((v) => pts("single", v))).toEqual([0, 50, 100]);
  });

  it("a scale without points runs in a straight line from min to max", () => {
    expect([1, 2, 3, 4, 5].map((v) => pts("scale", v))).toEqual([0, 25, 50, 75, 100]);
  });

  it("multi points are summed and capped at 100", () => {
    expect(pts("multi", [])).toBe(0);
    expect(pts("multi", ["z"])).toBe(10);
    expect(pts("multi", ["x", "z"])).toBe(70);
    expect(pts("multi", ["x", "y"])).toBe(100);
    expect(pts("multi", ["x", "y", "z"])).toBe(100);
  });

  it("multi without points gives each option an equal share", () => {
    expect(pts("multi-linear", ["x"])).toBe(25);
    expect(pts("multi-linear", ["w", "x", "y", "z"])).toBe(100);
  });

  it("numbers take the points of the highest band reached, and 0 below every band", () => {
    expect(pts("number", 0)).toBe(0);
    expect(pts("number", 9.9)).toBe(0);
    expect(pts("number", 10)).toBe(10);
    expect(pts("number", 499)).toBe(40);
    expect(pts("number", 500)).toBe(90);
    expect(pts("number", 1000)).toBe(90);
  });

  it("booleans default to 100 for yes and 0 for no; text is never scored", () => {
    expect(pts("bool", true)).toBe(100);
    expect(pts("bool", false)).toBe(0);
    expect(pts("text", "anything")).toBeNull();
  });

  it("a score exactly on a stage's lower bound reaches that stage", () => {
    const card = scoreAnswers(tiny, tinyRubric, { kind: "answers", version: 1, questionnaire: "tiny", answers: { single: "b" } });
    expect(card.overall.score).toBe(50);
    expect(card.overall.stage.id).toBe("mid");
    expect(card.target.reached).toBe(true);
  });

  it("a value that does not fit its question is treated as missing, not scored", () => {
    const card = scoreAnswers(tiny, tinyRubric, { kind: "answers", version: 1, questionnaire: "tiny", answers: { single: "nope", scale: 9 } });
    expect(question(card, "single").status).toBe("missing");
    expect(question(card, "scale").status).toBe("missing");
    expect(card.overall.score).toBeNull();
  });
});
