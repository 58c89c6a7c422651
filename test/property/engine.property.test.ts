import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { scoreAnswers } from "../../src/engine/score.js";
import type { Scorecard } from "../../src/engine/scorecard.js";
import { readSheet } from "../../src/engine/sheet.js";
import { yamlRubric } from "../../src/engine/yaml-rubric.js";
import { parseFile } from "../../src/load/load.js";
import type { Answer, Answers } from "../../src/model/answers.js";
import type { Question } from "../../src/model/questionnaire.js";
import { allQuestions, arbAnswers, conditionQuestionIds, ruleFor } from "../helpers/answers.js";
import { prop } from "../helpers/property.js";
import { mediaHouse } from "../helpers/bundled.js";

const { questionnaire, rubric } = mediaHouse();
const answersArb = arbAnswers(questionnaire, rubric);
const score = (a: Answers) => scoreAnswers(questionnaire, rubric, a, { asOf: "2026-01-01" });
const RUNS = { numRuns: 60 };

const inRange = (n: number | null) => n === null || (Number.isFinite(n) && n >= 0 && n <= 100);

describe("scoring any valid answers", () => {
  prop([answersArb], RUNS)("never throws and keeps every score within 0..100 (or null)", (answers) => {
    const card = score(answers);
    // Every violation is listed, and one expect compares the list: thousands of expect calls per run cost more than the scoring.
    const wrong: string[] = [];
    const check = (ok: boolean, what: string) => void (ok || wrong.push(what));
    check(inRange(card.overall.score), `overall score ${card.overall.score}`);
    check(card.overall.gap >= 0, `overall gap ${card.overall.gap}`);
    for (const d of card.dimensions) {
      check(inRange(d.score), `${d.id} score ${d.score}`);
      check(d.gap >= 0, `${d.id} gap ${d.gap}`);
      for (const q of d.questions) {
        check(inRange(q.points), `${q.id} points ${q.points}`);
        check(q.contribution >= 0 && q.contribution <= 100, `${q.id} contribution ${q.contribution}`);
      }
    }
    const c = card.coverage;
    check(c.answered + c.unknown + c.notApplicable + c.missing + c.hidden === c.total, `coverage ${JSON.stringify(c)}`);
    for (const s of card.nextSteps) check(s.because.length > 0, `next step ${s.id} without a question behind it`);
    expect(wrong).toEqual([]);
  });

  prop([answersArb], RUNS)("each dimension's score is the sum of its contributions", (answers) => {
    for (const d of score(answers).dimensions) {
      const sum = d.questions.reduce((s, q) => s + q.contribution, 0);
      expect(Math.abs(sum - (d.score ?? 0))).toBeLessThanOrEqual(0.1 * d.questions.length + 1e-9);
    }
  });

  prop([answersArb], RUNS)("the scorecard is plain JSON data and the same every time", (answers) => {
    const card = score(answers);
    const json = JSON.stringify(card);
    expect(JSON.parse(json)).toStrictEqual(card);
    expect(JSON.stringify(score(structuredClone(answers)))).toBe(json);
  });

  prop([answersArb, fc.array(fc.nat(), { minLength: 40, maxLength: 40 })], RUNS)("the order of the answers does not matter", (answers, keys) => {
    const entries = Object.entries(answers.answers);
    const shuffled = entries
      .map((e, i) => ({ e, k: keys[i]! }))
      .sort((a, b) => a.k - b.k)
      .map(({ e }) => e);
    const reordered: Answers = { ...answers, answers: Object.fromEntries(shuffled) };
    const a = score(answers);
    const b = score(reordered);
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  prop([answersArb], { numRuns: 60 })("written as YAML, valid answers load and fit without a problem", (answers) => {
    const parsed = parseFile("answers", "gen.yaml", stringify(answers));
    expect(parsed.problems).toEqual([]);
    expect(parsed.value).toEqual(answers);
    const r = yamlRubric(rubric);
    // An answer to a question its 'when' hides is only warned of: it is valid, and ignored.
    const issues = readSheet(questionnaire, parsed.value!, { notApplicable: new Set(r.notApplicable), rubricId: r.id }).issues;
    expect(issues.filter((i) => i.severity !== "warning")).toEqual([]);
    expect(issues.every((i) => i.phrase?.key === "warnHiddenAnswer")).toBe(true);
  });
});

// Questions whose answer can be moved one way only toward maturity, and that no 'when' looks at.
const whenIds = conditionQuestionIds(questionnaire);
const improvable = allQuestions(questionnaire).filter(
  (q) => ruleFor(rubric, q.id) && !whenIds.has(q.id) && (q.type === "single" || q.type === "scale" || q.type === "multi" || q.type === "boolean"),
);

/** A more mature value than `value`, or undefined when there is none. */
function improve(q: Question, value: unknown, by: number): Answer | undefined {
  switch (q.type) {
    case "single": {
      const i = q.options.findIndex((o) => o.value === value);
      if (i < 0 || i === q.options.length - 1) return undefined;
      return q.options[Math.min(q.options.length - 1, i + by)]!.value;
    }
    case "scale":
      if (typeof value !== "number" || value >= q.max) return undefined;
      return Math.min(q.max, value + by);
    case "multi": {
      if (!Array.isArray(value)) return undefined;
      const more = q.options.map((o) => o.value).filter((v) => !value.includes(v));
      return more.length ? [...value, more[by % more.length]!] : undefined;
    }
    case "boolean":
      return value === false ? true : undefined;
    default:
      return undefined;
  }
}

describe("monotonicity", () => {
  prop([answersArb, fc.nat(), fc.integer({ min: 1, max: 4 })], { numRuns: 90 })(
    "a more mature answer to one question never lowers the overall or any dimension score",
    (answers, pick, by) => {
      const candidates = improvable
        .map((q) => {
          const raw = answers.answers[q.id];
          const value = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? raw.value : raw;
          const better = improve(q, value, by);
          return better === undefined ? undefined : { q, raw, better };
        })
        .filter((x) => x !== undefined);
      if (!candidates.length) return;
      const { q, raw, better } = candidates[pick % candidates.length]!;
      const next = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? { ...raw, value: better as never } : better;
      const before = score(answers);
      const after = score({ ...answers, answers: { ...answers.answers, [q.id]: next } });
      const cmp = (a: number | null, b: number | null, what: string) => {
        if (a === null) return;
        expect(b, what).not.toBeNull();
        expect(b!, `${what} after improving ${q.id}`).toBeGreaterThanOrEqual(a);
      };
      cmp(before.overall.score, after.overall.score, "overall");
      before.dimensions.forEach((d, i) => cmp(d.score, after.dimensions[i]!.score, d.id));
      const idx = (c: Scorecard) => c.stages.findIndex((s) => s.id === c.overall.stage.id);
      expect(idx(after)).toBeGreaterThanOrEqual(idx(before));
    },
  );

  it("there are questions to improve (the property above is not vacuous)", () => {
    expect(improvable.length).toBeGreaterThan(20);
  });
});

// Text that looks like YAML: keys, indentation, flow collections, anchors, tags, quotes and separators.
const yamlToken = fc.constantFrom(
  "kind: answers", "version: 1", "questionnaire: media-house", "answers:", "  ", "    ", "\t", "\n", "\r\n", "- ", ": ", "? ",
  "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!binary ", "!<tag:x> ", '"', "'", "---", "...", "# c", "|", ">-",
  "__proto__", "constructor", "data.clv", "unknown", "n/a", "~", "null", ".nan", "-.inf", "0x1F", "1e400", "<<: *a", "%YAML 1.2", "\u0000", "\uFEFF", "é",
);
const yamlish = fc.array(fc.oneof(yamlToken, fc.string({ maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join(""));

describe("the loader on arbitrary text", () => {
  prop([fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 200 }), yamlish)], RUNS)(
    "parseFile never throws; it returns located problems or a value",
    (text) => {
      for (const kind of ["answers", "rubric"] as const) {
        const r = parseFile(kind, "x.yaml", text);
        expect(Array.isArray(r.problems)).toBe(true);
        for (const p of r.problems) {
          expect(p.file).toBe("x.yaml");
          expect(typeof p.message).toBe("string");
          expect(p.message.length).toBeGreaterThan(0);
          if (p.line !== undefined) expect(p.line).toBeGreaterThanOrEqual(1);
        }
        if (!r.problems.some((p) => p.severity === "error")) expect(r.value).toBeDefined();
      }
    },
  );
});
