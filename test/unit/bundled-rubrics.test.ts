import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { withBenchmark } from "../../src/engine/benchmark.js";
import { scoreAnswers } from "../../src/engine/score.js";
import { pointsFor } from "../../src/engine/yaml-rubric.js";
import { bundledBenchmarkPath, bundledQuestionnairePath, bundledRubricPath } from "../../src/load/bundled.js";
import { loadAnswersFile, loadBenchmarkFile, loadQuestionnaire, loadRubricFile } from "../../src/load/load.js";
import type { AnswerValue } from "../../src/model/answers.js";
import type { Question } from "../../src/model/questionnaire.js";
import type { Rubric } from "../../src/model/rubric.js";
import { answersFile, type AnswerMap } from "../helpers/answers.js";
import { FIXTURES } from "../helpers/cli.js";

const questionnaire = loadQuestionnaire(bundledQuestionnairePath("media-house")).value;
const IDS = ["media-house", "relationship-first"] as const;
const rubrics = Object.fromEntries(IDS.map((id) => [id, loadRubricFile(bundledRubricPath(id)).value])) as Record<(typeof IDS)[number], Rubric>;
const questions = new Map(questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));

/** Every answer a question accepts (numbers: each whole value in range). */
function everyAnswer(q: Question): AnswerValue[] {
  switch (q.type) {
    case "single":
      return q.options.map((o) => o.value);
    case "multi":
      return Array.from({ length: 2 ** q.options.length }, (_, mask) => q.options.filter((_o, i) => mask & (2 ** i)).map((o) => o.value));
    case "scale":
      return Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
    case "number":
      return Array.from({ length: (q.max ?? 100) - (q.min ?? 0) + 1 }, (_, i) => (q.min ?? 0) + i);
    case "boolean":
      return [true, false];
    case "text":
      return [];
  }
}

// A newsroom-style event organiser: measured campaigns, a ticket goal on every story, few contacts of its own.
const newsroomEvents: AnswerMap = {
  "channels.print-share": 20,
  "channels.budget-split": "mostly-platforms",
  "channels.channel-choice": "results",
  "channels.online-presence": ["website", "social", "online-shop"],
  "channels.social-media": "regular",
  "channels.online-ads": "targeted",
  "channels.platform-dependence": 2,
  "channels.cut-traditional": true,
  "data.analytics": 3,
  "data.campaign-measurement": "results-tracked",
  "data.kpis": ["sales-per-channel", "cost-per-customer"],
  "data.conversion-rate": "tracked",
  "data.journey-testing": "periodic-review",
  "data.benchmarking": false,
  "data.response-time": "informal",
  "data.clv": "never-worked-out",
  "data.profitability": "by-product",
  "relationship.customer-data": "scattered",
  "relationship.owned-contacts": "few",
  "relationship.direct-channels": [],
  "relationship.dialogue": 3,
  "relationship.value-exchange": "nothing",
  "relationship.after-purchase": "receipt",
  "relationship.win-back": "paid-ads",
  "relationship.privacy": "small-print",
  "organisation.pr-practice": "newsroom",
  "organisation.pr-goals": "sales",
  "organisation.pr-marketing": "shared-plan",
  "organisation.sales-marketing": "handover",
  "organisation.business-moments": "funnel",
  "organisation.content": "sometimes-useful",
  "organisation.leadership": 3,
  "organisation.leadership-acted": true,
};

describe("the bundled rubrics keep the model's stages", () => {
  it("both name and define the same stages, in every language", () => {
    const [a, b] = IDS.map((id) => rubrics[id].stages.map(({ id: stage, name, summary, lag }) => ({ stage, name, summary, lag })));
    expect(b).toEqual(a);
    expect(a!.map((s) => s.stage)).toEqual(["before-1.0", "1.0", "2.0", "3.0"]);
  });

  it("a lag in years only where a source gives one: 10 to 20 years before 1.0, and no leaders' years", () => {
    for (const id of IDS) {
      const stages = rubrics[id].stages;
      expect(stages.filter((s) => s.leadersYear !== undefined).map((s) => s.id), id).toEqual([]);
      expect(stages.filter((s) => s.lag).map((s) => [s.id, s.lag!.years]), id).toEqual([["before-1.0", [10, 20]]]);
    }
  });

  it("the same business lands at the same stage under both; where open answers leave it unconfirmed, in the same range", () => {
    const files = ["least-mature", "mixed-regional-shop", "partial-first-session", "small-cafe-online-only", "most-mature"];
    const cards = files.map((f) => loadAnswersFile(join(FIXTURES, `${f}.yaml`)).value);
    const verdictOf = (id: (typeof IDS)[number]) =>
      cards.map((a) => {
        const o = scoreAnswers(questionnaire, rubrics[id], a).overall;
        return o.confidence.status === "confirmed" ? o.stage.id : `${o.confidence.lowest.id}..${o.confidence.highest.id}`;
      });
    expect(verdictOf("relationship-first")).toEqual(verdictOf("media-house"));
  });

  it("a newsroom with few contacts of its own is 1.0 under both, not held back for lacking the 2.0 step", () => {
    for (const id of IDS) {
      const card = scoreAnswers(questionnaire, rubrics[id], answersFile(questionnaire, newsroomEvents));
      expect(card.overall.stage.id, id).toBe("1.0");
    }
  });

  it("the regional profile is before 1.0 and the capital leader 2.0, under both", () => {
    const card = scoreAnswers(questionnaire, rubrics["media-house"], answersFile(questionnaire, {}));
    for (const id of IDS) {
      const r = rubrics[id];
      const stageAt = (score: number) => [...r.stages].reverse().find((s) => score >= s.min)!.id;
      for (const [name, stage] of [["regional-average", "before-1.0"], ["capital-leader", "2.0"]] as const) {
        const b = loadBenchmarkFile(bundledBenchmarkPath(name)).value;
        const dims = card.dimensions.map((d) => ({ ...d, weight: r.dimensions.find((x) => x.id === d.id)!.weight }));
        const overall = withBenchmark({ ...card, dimensions: dims }, { ...b, title: name }).benchmark!.overall!;
        expect(stageAt(overall), `${name} under ${id}: ${overall}`).toBe(stage);
      }
    }
  });
});

describe("every weak answer reaches the plan", () => {
  for (const id of IDS) {
    const r = rubrics[id];
    const stageIds = r.stages.map((s) => s.id);

    it(`${id}: every scored question expects something, at its own stages`, () => {
      for (const d of r.dimensions) {
        for (const [qid, rule] of Object.entries(d.questions)) {
          expect(Object.keys(rule.expects ?? {}).length, qid).toBeGreaterThan(0);
          for (const stage of Object.keys(rule.expects ?? {})) expect(stageIds, qid).toContain(stage);
        }
      }
    });

    it(`${id}: any answer below what a stage expects is named by a step that proposes it`, () => {
      const unplanned: string[] = [];
      for (const d of r.dimensions) {
        for (const [qid, rule] of Object.entries(d.questions)) {
          const q = questions.get(qid)!;
          const steps = r.nextSteps.filter((s) => s.questions.includes(qid));
          for (const [stage, expected] of Object.entries(rule.expects ?? {})) {
            for (const answer of everyAnswer(q)) {
              const points = pointsFor(q, rule, answer);
              if (points === null || points >= expected) continue;
              if (!steps.some((s) => points < s.below)) unplanned.push(`${qid}=${JSON.stringify(answer)} (${points} < ${expected} at ${stage})`);
            }
          }
        }
      }
      expect(unplanned.slice(0, 10)).toEqual([]);
    });

    it(`${id}: every step says what it takes`, () => {
      const raw = parse(readFileSync(bundledRubricPath(id), "utf8")) as { nextSteps: Array<{ id: string; effort?: unknown }> };
      expect(raw.nextSteps.filter((s) => ![1, 2, 3].includes(s.effort as number)).map((s) => s.id)).toEqual([]);
    });
  }

  it("PR and marketing, and sales and marketing, each have a step of their own", () => {
    for (const id of IDS) {
      const steps = rubrics[id].nextSteps;
      expect(steps.some((s) => s.stage === "2.0" && s.questions.join() === "organisation.pr-marketing" && s.below === 100), id).toBe(true);
      expect(steps.filter((s) => s.questions.includes("organisation.sales-marketing")).map((s) => s.stage).sort(), id).toEqual(["2.0", "3.0"]);
    }
  });
});
