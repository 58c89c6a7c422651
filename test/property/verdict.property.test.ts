// The verdict's invariants: a single neighbouring answer never moves the stage unannounced, an open answer never
// lowers it without saying so, the smallest plan is the smallest, and no report claims what an answer denies.
import fc from "fast-check";
import { prop } from "../helpers/property.js";
import { describe, expect } from "vitest";
import { scoreAnswers } from "../../src/engine/score.js";
import { neighbours } from "../../src/engine/sensitivity.js";
import { renderText } from "../../src/report/text.js";
import { bundledQuestionnairePath, bundledRubricPath } from "../../src/load/bundled.js";
import { loadQuestionnaire, loadRubricFile } from "../../src/load/load.js";
import type { Answers, AnswerValue } from "../../src/model/answers.js";
import type { Questionnaire } from "../../src/model/questionnaire.js";
import type { Rubric } from "../../src/model/rubric.js";
import { allQuestions, arbAnswers, conditionQuestionIds } from "../helpers/answers.js";

const questionnaire = loadQuestionnaire(bundledQuestionnairePath("media-house")).value;
const RUBRICS = ["media-house", "relationship-first"].map((id) => loadRubricFile(bundledRubricPath(id)).value);
// A neighbour of an answer that another question's 'when' reads changes what is asked, not only how it is answered.
const steering = conditionQuestionIds(questionnaire);
const stageIdx = (r: Rubric, id: string) => r.stages.findIndex((s) => s.id === id);
const withAnswer = (a: Answers, id: string, value: AnswerValue | "unknown" | undefined): Answers => {
  const answers = { ...a.answers };
  if (value === undefined) delete answers[id];
  else answers[id] = value;
  return { ...a, answers };
};

describe.each(RUBRICS.map((r) => [r.id, r] as const))("the verdict under %s", (_id, rubric) => {
  const answersArb = arbAnswers(questionnaire, rubric);
  const score = (a: Answers) => scoreAnswers(questionnaire, rubric, a, { asOf: "2026-01-01" });

  prop([answersArb], { numRuns: 5 })("one neighbouring answer never moves the stage without the report calling it borderline", (answers) => {
    const card = score(answers);
    const b = card.overall.borderline ?? {};
    const named = new Set([...(b.up?.moves ?? []), ...(b.down?.moves ?? [])].map((m) => m.question));
    for (const d of card.dimensions) {
      for (const q of d.questions) {
        if (q.status !== "answered" || q.value === undefined || q.weight === 0 || steering.has(q.id)) continue;
        const question = allQuestions(questionnaire).find((x) => x.id === q.id)!;
        for (const v of neighbours(question, q.value)) {
          const moved = score(withAnswer(answers, q.id, v)).overall.stage.id;
          if (moved !== card.overall.stage.id) expect(named.has(q.id), `${q.id} → ${JSON.stringify(v)} gives ${moved}, not called borderline`).toBe(true);
        }
      }
    }
    if (b.up) expect(stageIdx(rubric, b.up.stage.id)).toBeGreaterThan(stageIdx(rubric, card.overall.stage.id));
    if (b.down) expect(stageIdx(rubric, b.down.stage.id)).toBeLessThan(stageIdx(rubric, card.overall.stage.id));
  });

  prop([answersArb, fc.nat(), fc.boolean()], { numRuns: 20 })(
    "an open answer never lowers the stage below what the known answers support without saying 'unconfirmed'",
    (answers, pick, unknown) => {
      const card = score(answers);
      const answered = card.dimensions.flatMap((d) => d.questions).filter((q) => q.status === "answered" && q.weight > 0 && !steering.has(q.id));
      if (!answered.length) return;
      const q = answered[pick % answered.length]!;
      const allowsUnknown = allQuestions(questionnaire).find((x) => x.id === q.id)!.allowUnknown;
      const doubted = score(withAnswer(answers, q.id, unknown && allowsUnknown ? "unknown" : undefined));
      if (stageIdx(rubric, doubted.overall.stage.id) < stageIdx(rubric, card.overall.stage.id)) {
        expect(doubted.overall.confidence.status).toBe("unconfirmed");
        expect(stageIdx(rubric, doubted.overall.confidence.highest.id)).toBeGreaterThanOrEqual(stageIdx(rubric, card.overall.stage.id));
      }
    },
  );

  prop([answersArb], { numRuns: 15 })("no report asserts what an answer denies: a gate's reason is printed only when it holds, a stage's description only as a definition", (answers) => {
    const card = score(answers);
    const text = renderText(card, { width: 200 }).replace(/\s+/g, " ");
    for (const g of card.gates) {
      const reason = g.reason.replace(/\s+/g, " ");
      if (g.status !== "blocking") expect(text.includes(reason), `${g.id} (${g.status}) printed as a fact`).toBe(false);
    }
    for (const s of card.stages) {
      if (!s.summary) continue;
      const summary = s.summary.replace(/\s+/g, " ");
      let at = text.indexOf(summary);
      while (at >= 0) {
        expect(text.slice(Math.max(0, at - 7), at)).toBe("means: ");
        at = text.indexOf(summary, at + 1);
      }
    }
  });
});

/** A small questionnaire and rubric, random in points, weights, expectations and a gate: small enough to try every plan. */
const smallCase = fc
  .record({
    sections: fc.array(fc.array(fc.record({ mid: fc.integer({ min: 1, max: 99 }), weight: fc.integer({ min: 1, max: 3 }), e1: fc.integer({ min: 0, max: 2 }), e2: fc.integer({ min: 0, max: 2 }), answer: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }),
    bands: fc.tuple(fc.integer({ min: 10, max: 45 }), fc.integer({ min: 50, max: 90 })),
    gate: fc.option(fc.record({ at: fc.nat(), blocks: fc.constantFrom("s1", "s2") }), { nil: undefined }),
    target: fc.constantFrom("s1", "s2"),
  })
  .map(({ sections, bands, gate, target }) => {
    const values = ["a", "b", "c"];
    const questionnaire: Questionnaire = {
      kind: "questionnaire",
      version: 1,
      id: "small",
      revision: 1,
      title: "small",
      languages: ["en"],
      sections: sections.map((qs, si) => ({ id: `d${si}`, title: `d${si}`, questions: qs.map((_, qi) => ({ id: `d${si}.q${qi}`, type: "single" as const, text: `q${qi}`, options: values.map((v) => ({ value: v, label: v })) })) })),
    };
    const all = sections.flatMap((qs, si) => qs.map((q, qi) => ({ ...q, id: `d${si}.q${qi}` })));
    const points = (mid: number) => ({ a: 0, b: mid, c: 100 });
    const rubric: Rubric = {
      kind: "rubric",
      version: 1,
      id: "small",
      title: "small",
      questionnaire: "small",
      unknown: "zero",
      defaultTarget: target,
      stages: [
        { id: "s0", name: "s0", min: 0 },
        { id: "s1", name: "s1", min: bands[0] },
        { id: "s2", name: "s2", min: bands[1] },
      ],
      dimensions: sections.map((qs, si) => ({
        id: `d${si}`,
        weight: 1,
        questions: Object.fromEntries(
          qs.map((q, qi) => {
            const p = points(q.mid);
            const level = (i: number) => [0, q.mid, 100][i]!;
            return [`d${si}.q${qi}`, { weight: q.weight, points: p, expects: { s1: level(q.e1), s2: Math.max(level(q.e1), level(q.e2)) } }];
          }),
        ),
      })),
      gates: gate ? [{ id: "g", blocks: gate.blocks, when: { question: all[gate.at % all.length]!.id, equals: "a" }, reason: "gate" }] : [],
      nextSteps: [],
    };
    const answers: Answers = { kind: "answers", version: 1, questionnaire: "small", answers: Object.fromEntries(all.map((q) => [q.id, values[q.answer]!])) };
    return { questionnaire, rubric, answers, all };
  });

describe("the smallest plan that reaches the target", () => {
  prop([smallCase], { numRuns: 200 })("is as small as the smallest found by trying every set of raises, and does reach the target", ({ questionnaire, rubric, answers }) => {
    const card = scoreAnswers(questionnaire, rubric, answers);
    if (card.target.reached) {
      expect(card.roadmap.minimal).toEqual([]);
      return;
    }
    const targetIdx = rubric.stages.findIndex((s) => s.id === rubric.defaultTarget);
    const rules = new Map(rubric.dimensions.flatMap((d) => Object.entries(d.questions)));
    // Each weak answer raised to the cheapest option that meets what the target expects of it.
    const raises = new Map<string, string>();
    for (const [id, rule] of rules) {
      const need = Math.max(...rubric.stages.slice(0, targetIdx + 1).map((s) => rule.expects?.[s.id] ?? 0));
      const now = rule.points![answers.answers[id] as string]!;
      if (now >= need) continue;
      raises.set(id, Object.entries(rule.points!).filter(([, p]) => p >= need).sort((a, b) => a[1] - b[1])[0]![0]);
    }
    const ids = [...raises.keys()];
    const reaches = (set: string[]) => scoreAnswers(questionnaire, rubric, { ...answers, answers: { ...answers.answers, ...Object.fromEntries(set.map((id) => [id, raises.get(id)!])) } }).target.reached;
    let smallest: number | undefined;
    for (let mask = 0; mask < 1 << ids.length; mask++) {
      const set = ids.filter((_, i) => mask & (1 << i));
      if ((smallest === undefined || set.length < smallest) && reaches(set)) smallest = set.length;
    }
    if (smallest === undefined) {
      expect(card.roadmap.reachable).toBe(false);
      return;
    }
    expect(card.roadmap.reachable).toBe(true);
    expect(card.roadmap.minimal).toHaveLength(smallest);
    expect(reaches(card.roadmap.minimal)).toBe(true);
  });
});
