// Formats that carry a published model: YAML aliases, shared answer sets, numeric option values, short titles,
// list-shaped help in the template and steps per answer.
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/load/yaml.js";
import { parseFile } from "../../src/load/load.js";
import { formatProblem } from "../../src/errors.js";
import { rubricSchema } from "../../src/model/rubric.js";
import type { Questionnaire } from "../../src/model/questionnaire.js";
import { answersSchema } from "../../src/model/answers.js";
import { readSheet } from "../../src/engine/sheet.js";
import { scoreAnswers } from "../../src/engine/score.js";
import { compareScorecards } from "../../src/engine/compare.js";
import { shortTitles } from "../../src/report/short-titles.js";
import { renderTemplate } from "../../src/report/template.js";
import { checkRubric } from "../../src/load/check-rubric.js";
import { placeIssues } from "../../src/load/yaml.js";
import { serializeAnswers } from "../../src/commands/run.js";
import { gradedQuestionnaire, sections } from "../fixtures/model/graded-model.js";

const errorsOf = (kind: "questionnaire" | "answers" | "rubric", text: string) =>
  parseFile(kind, "m.yaml", text).problems.filter((p) => p.severity === "error").map((p) => formatProblem(p));

const HEAD = "kind: questionnaire\nversion: 1\nid: m\ntitle: M\n";

function questionnaire(text: string): Questionnaire {
  const r = parseFile("questionnaire", "m.yaml", text);
  expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
  return r.value!;
}

describe("YAML aliases: a limit on what they expand to", () => {
  it("a thousand references to one small anchor load", () => {
    const r = parseYaml("many.yaml", `set: &four [{ value: 0, label: a }, { value: 1, label: b }]\nqs: [${Array(1000).fill("*four").join(", ")}]\n`);
    expect(r.problems).toEqual([]);
    expect((r.data as { qs: unknown[][] }).qs[999]).toHaveLength(2);
  });

  it("a billion laughs is refused quickly, at the alias that overflows, naming the file", () => {
    const levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let i = 1; i < 9; i++) levels.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]`);
    const started = performance.now();
    const { problems } = parseYaml("bomb.yaml", levels.join("\n") + "\n");
    expect(performance.now() - started).toBeLessThan(500);
    expect(problems).toHaveLength(1);
    const text = formatProblem(problems[0]!);
    expect(text).toMatch(/^bomb\.yaml:7:\d+: too many aliases: they would expand to more than a million values/);
  });

  it("an alias inside its own anchor is refused rather than walked for ever", () => {
    const { problems } = parseYaml("loop.yaml", "a: &a [1, *a]\n");
    expect(problems.map((p) => formatProblem(p))).toEqual([expect.stringMatching(/^loop\.yaml:1:11: too many aliases.*into themselves/)]);
  });
});

describe("shared answer sets", () => {
  const SETS = `${HEAD}answerSets:\n  grade:\n    - { value: 0, label: None }\n    - { value: 0.5, label: Half, help: Some teams }\n    - { value: 1, label: All }\n`;

  it("a question naming a set gets its options, and overrides reword only that question's", () => {
    const q = questionnaire(
      `${SETS}sections:\n  - id: s\n    title: S\n    questions:\n      - { id: s.a, type: single, text: A, answerSet: grade }\n      - id: s.b\n        type: multi\n        text: B\n        answerSet: grade\n        overrides:\n          - { value: 0.5, label: "Half the sites" }\n`,
    );
    const [a, b] = q.sections[0]!.questions;
    expect(a).toEqual({ id: "s.a", type: "single", text: "A", options: [{ value: 0, label: "None" }, { value: 0.5, label: "Half", help: "Some teams" }, { value: 1, label: "All" }] });
    expect(b).toMatchObject({ type: "multi", options: [{ value: 0, label: "None" }, { value: 0.5, label: "Half the sites", help: "Some teams" }, { value: 1, label: "All" }] });
    expect(a).not.toHaveProperty("answerSet");
    expect(q).not.toHaveProperty("answerSets");
  });

  it.each([
    ["an unknown set, with the sets there are", "      - { id: s.a, type: single, text: A, answerSet: grades }\n", /^m\.yaml:14:54: no answer set 'grades' under answerSets; the sets are: grade$/],
    ["options and a set together", "      - { id: s.a, type: single, text: A, answerSet: grade, options: [{ value: x, label: X }, { value: y, label: Y }] }\n", /^m\.yaml:14:61: options and answerSet 'grade' together/],
    ["an override of no option of the set", "      - { id: s.a, type: single, text: A, answerSet: grade, overrides: [{ value: 0.25, label: Quarter }] }\n", /^m\.yaml:14:82: '0\.25' is not an option of the answer set 'grade' \(options: 0, 0\.5, 1\)$/],
    ["overrides with no set", "      - { id: s.a, type: single, text: A, options: [{ value: x, label: X }, { value: y, label: Y }], overrides: [{ value: x, label: Z }] }\n", /^m\.yaml:14:102: overrides reword an answer set's options/],
    ["a choice with neither options nor a set", "      - { id: s.a, type: single, text: A }\n", /^m\.yaml:14:9: 's\.a' has no options/],
  ])("%s is an error at its line and column", (_name, question, expected) => {
    expect(errorsOf("questionnaire", `${SETS}sections:\n  - id: s\n    title: S\n    questions:\n${question}`)).toEqual([expect.stringMatching(expected)]);
  });

  it("a set with two options of one value is an error in the set, and an unused set a warning", () => {
    const text = `${HEAD}answerSets:\n  twice: [{ value: 1, label: A }, { value: "1", label: B }]\n  spare: [{ value: x, label: X }]\nsections:\n  - { id: s, title: S, questions: [{ id: s.a, type: multi, text: A, answerSet: twice }] }\n`;
    const problems = parseFile("questionnaire", "m.yaml", text).problems.map((p) => formatProblem(p));
    expect(problems).toEqual([expect.stringMatching(/^m\.yaml:6:44: duplicate option value '1'$/), expect.stringMatching(/^m\.yaml:7:3: warning: no question uses the answer set 'spare'$/)]);
  });

  it("the 15-section model with 104 aliases and 15 answer-set references loads", () => {
    const q = questionnaire(gradedQuestionnaire());
    expect(q.sections.map((s) => s.title)).toEqual(sections.map((s) => s.title));
    expect(q.sections.flatMap((s) => s.questions).every((x) => x.type === "single" && x.options.map((o) => o.value).join() === "0,0.25,0.5,1")).toBe(true);
  });
});

describe("numeric option values", () => {
  const q = questionnaire(
    `${HEAD}sections:\n  - id: s\n    title: S\n    questions:\n      - { id: s.n, type: single, text: N, options: [{ value: 0, label: No }, { value: 0.25, label: Q }, { value: 0.5, label: H }, { value: 1, label: All }] }\n      - { id: s.t, type: single, text: T, options: [{ value: "1", label: One }, { value: "2", label: Two }] }\n      - { id: s.m, type: multi, text: M, options: [{ value: 0.5, label: H }, { value: 1, label: All }] }\n`,
  );
  const sheetOf = (answers: Record<string, unknown>) => {
    const a = answersSchema.parse({ kind: "answers", version: 1, questionnaire: "m", answers });
    return readSheet(q, a);
  };

  it("an answer is kept as the questionnaire writes the option: 0.25 and '0.25' are the number, 1 for '1' the text", () => {
    const { input, issues } = sheetOf({ "s.n": "0.25", "s.t": 1, "s.m": ["1", 0.5] });
    expect(issues).toEqual([]);
    expect(input.sheet.get("s.n")!.value).toBe(0.25);
    expect(input.sheet.get("s.t")!.value).toBe("1");
    expect(input.sheet.get("s.m")!.value).toEqual([1, 0.5]);
  });

  it("a value that is no option is refused, listing the options as written", () => {
    const errors = errorsOf("answers", "kind: answers\nversion: 1\nquestionnaire: m\nanswers:\n  s.n: 0.3\n");
    expect(errors).toEqual([]);
    const { issues } = sheetOf({ "s.n": 0.3, "s.m": [0.5, "0.5"] });
    expect(issues.map((i) => i.message)).toEqual(["'0.3' is not an option of 's.n'; choose one of: 0, 0.25, 0.5, 1", expect.stringMatching(/twice/)]);
  });

  it("an answers file as run saves it keeps 0.25 a number and '1' a text", () => {
    const saved = serializeAnswers(answersSchema.parse({ kind: "answers", version: 1, questionnaire: "m", answers: { "s.n": 0.25, "s.t": "1", "s.m": [0.5, 1] } }));
    expect(saved).toContain("  s.n: 0.25\n  s.t: \"1\"\n  s.m:\n    - 0.5\n    - 1\n");
    const { issues, input } = sheetOf(parseFile("answers", "saved.yaml", saved).value!.answers);
    expect(issues).toEqual([]);
    expect([input.sheet.get("s.n")!.value, input.sheet.get("s.t")!.value]).toEqual([0.25, "1"]);
  });

  it("a rubric scores 0.25 by its points and validates their keys against the options", () => {
    const rubric = rubricSchema.parse({
      kind: "rubric", version: 1, id: "m", title: "M", questionnaire: "m", defaultTarget: "b",
      stages: [{ id: "a", name: "A", min: 0 }, { id: "b", name: "B", min: 50 }],
      dimensions: [{ id: "s", questions: { "s.n": { points: { 0: 0, 0.25: 25, 0.5: 50, 1: 100 } } } }],
    });
    const card = scoreAnswers(q, rubric, answersSchema.parse({ kind: "answers", version: 1, questionnaire: "m", answers: { "s.n": 0.25 } }));
    expect(card.dimensions[0]!.questions[0]).toMatchObject({ value: 0.25, points: 25, display: "Q" });
  });
});

describe("short titles", () => {
  const titles = sections.map((s) => ({ title: s.title }));

  it("fifteen dimensions in five families get fifteen different four-letter labels", () => {
    const labels = shortTitles(titles, 4);
    expect(new Set(labels).size).toBe(15);
    expect(labels.slice(0, 4)).toEqual(["GGoa", "GRul", "GTra", "DRis"]);
    expect(labels.every((l) => l.length <= 4)).toBe(true);
  });

  it("an author's short title wins; titles that read alike in every way are numbered", () => {
    expect(shortTitles([{ title: "Governance – Training", short: "Train" }, { title: "Governance – Goals" }], 5)).toEqual(["Train", "Gover"]);
    expect(shortTitles([{ title: "Data" }, { title: "Data" }], 4)).toEqual(["Dat1", "Dat2"]);
    expect(shortTitles([{ title: "Channel use", short: "Ch" }], 20, true)).toEqual(["Channel use"]);
  });
});

describe("template", () => {
  it("keeps list-shaped help an item a line, and prose help on one line", () => {
    const q = questionnaire(
      `${HEAD}sections:\n  - id: s\n    title: S\n    questions:\n      - id: s.a\n        type: boolean\n        text: A\n        help: |\n          Counts when:\n          - the plan is written\n            and signed\n          - it is reviewed\n      - { id: s.b, type: boolean, text: B, help: "Just\\n  prose" }\n`,
    );
    const text = renderTemplate(q, "en", "2026-12-01");
    expect(text).toContain("  #   Counts when:\n  #   - the plan is written and signed\n  #   - it is reviewed\n");
    expect(text).toContain("  #   (Just prose)\n");
  });
});

describe("steps per answer", () => {
  const q = questionnaire(
    `${HEAD}answerSets:\n  g: [{ value: 0, label: None }, { value: 0.5, label: Half }, { value: 1, label: All }]\nsections:\n  - id: s\n    title: S\n    questions:\n      - { id: s.a, type: single, text: A, answerSet: g }\n      - { id: s.b, type: single, text: B, answerSet: g }\n`,
  );
  const rubric = rubricSchema.parse({
    kind: "rubric", version: 1, id: "m", title: "M", questionnaire: "m", defaultTarget: "mid",
    stages: [{ id: "low", name: "Low", min: 0 }, { id: "mid", name: "Mid", min: 40 }, { id: "top", name: "Top", min: 90 }],
    dimensions: [{ id: "s", questions: {
      "s.a": { points: { 0: 0, 0.5: 50, 1: 100 }, expects: { mid: 50 }, steps: { 0.5: { title: "Finish A", effort: 1 } } },
      "s.b": { points: { 0: 0, 0.5: 50, 1: 100 }, expects: { mid: 50 } },
    } }],
  });
  const answers = (a: Record<string, unknown>, date: string) => answersSchema.parse({ kind: "answers", version: 1, questionnaire: "m", date, answers: a });

  it("an answer that meets every expectation still gets its step to the next answer up", () => {
    const card = scoreAnswers(q, rubric, answers({ "s.a": 0.5, "s.b": 1 }, "2026-01-01"));
    expect(card.overall.stage.id).toBe("mid");
    expect(card.nextSteps).toEqual([expect.objectContaining({ id: "s.a@0.5", title: "Finish A", effort: 1, reaches: { question: "s.a", value: 1, points: 100 }, phase: { id: "top", name: "Top" } })]);
  });

  it("a step for the highest answer, which has no next one, is refused at its key", () => {
    const text = `kind: rubric\nversion: 1\nid: m\ntitle: M\nquestionnaire: m\ndefaultTarget: mid\nstages: [{ id: low, name: Low, min: 0 }, { id: mid, name: Mid, min: 40 }]\ndimensions:\n  - id: s\n    questions:\n      s.a:\n        steps: { 1: { title: Beyond all }, 0.5: { title: Finish } }\n`;
    const r = parseFile("rubric", "r.yaml", text);
    const problems = placeIssues(r.source!, checkRubric(r.value!, q)).map((p) => formatProblem(p));
    expect(problems).toEqual([expect.stringMatching(/^r\.yaml:12:18: '1' is the highest answer of 's\.a': there is no next answer for a step to reach$/)]);
  });

  it("compare counts the step done only when its question reached the answer", () => {
    const before = scoreAnswers(q, rubric, answers({ "s.a": 0.5, "s.b": 1 }, "2026-01-01"));
    const unanswered = scoreAnswers(q, rubric, answers({ "s.b": 1 }, "2026-02-01"));
    const reached = scoreAnswers(q, rubric, answers({ "s.a": 1, "s.b": 1 }, "2026-03-01"));
    expect(compareScorecards(before, unanswered).stepsDone).toEqual([]);
    expect(compareScorecards(before, reached).stepsDone).toEqual([{ id: "s.a@0.5", title: "Finish A" }]);
  });
});
