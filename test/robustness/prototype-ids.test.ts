// Ids, option values and stages named like the members of every JavaScript object (toString, valueOf,
// hasOwnProperty), where no file is read: the question flow and the library's engine with plain objects, as a
// program builds them. An unanswered question named toString is unanswered, not answered with a function.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { interview } from "../../src/interview/interview.js";
import type { Answers } from "../../src/model/answers.js";
import { questionnaireSchema, type Questionnaire } from "../../src/model/questionnaire.js";
import type { Rubric } from "../../src/model/rubric.js";
import { scoreAnswers } from "../../src/engine/score.js";
import { REPO_ROOT } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";
import { ScriptedAsker, choose } from "../interview/scripted-asker.js";

const fixture = (name: string): unknown => parse(readFileSync(join(REPO_ROOT, "test/fixtures/bad/accepted", name), "utf8"));
const questionnaire: Questionnaire = questionnaireSchema.parse(fixture("prototype-names-questionnaire.yaml"));

/** The rubric as a plain object literal, the way a library user writes one: no null prototypes anywhere. */
const rubric: Rubric = {
  kind: "rubric",
  version: 1,
  id: "plain",
  title: "Plain objects",
  questionnaire: "prototype-names",
  unknown: "zero",
  stages: [
    { id: "toString", name: "First", min: 0 },
    { id: "valueOf", name: "Second", min: 50 },
  ],
  defaultTarget: "valueOf",
  dimensions: [
    {
      id: "toString",
      weight: 1,
      questions: {
        // No entry for the option 'valueOf': it scores 0, not Object.prototype.valueOf.
        toString: { weight: 1, points: { hasOwnProperty: 50, toString: 100 }, expects: { hasOwnProperty: 100 } },
        hasOwnProperty: { weight: 1 },
      },
    },
  ],
  gates: [],
  nextSteps: [],
};

const answersOf = (answers: Answers["answers"]): Answers => ({ kind: "answers", version: 1, questionnaire: "prototype-names", answers });

describe("ids named like Object.prototype members", () => {
  it("the interview starts at the first question and asks the one named toString", async () => {
    const asker = new ScriptedAsker([
      { kind: "select", match: /Do you keep a customer list\?/, answer: true },
      { kind: "select", match: /How do you plan\?/, answer: "valueOf" },
      { kind: "select", match: /How digital is management\?/, answer: 2 },
      { kind: "checkbox", match: /Which tools\?/, answer: ["propertyIsEnumerable"] },
      { kind: "input", match: /Anything else\?/, answer: "" },
      { kind: "select", match: /Review your answers/, answer: choose(/score them/) },
    ]);
    const result = await interview(questionnaire, asker, answersOf({}));
    asker.assertDone();
    expect(asker.asked[0]!.message.split("\n")[0]).toMatch(/ · 1\/5$/);
    expect(result.answers).toEqual({ hasOwnProperty: true, toString: "valueOf", valueOf: 2, isPrototypeOf: ["propertyIsEnumerable"] });
  });

  it("scores an option without points as 0 and a stage without an expectation as none, never NaN", () => {
    const card = scoreAnswers(questionnaire, rubric, answersOf({ toString: "valueOf", hasOwnProperty: false }));
    expect(card.overall.score).toBe(0);
    expect(card.overall.stage.id).toBe("toString");
    const rows = card.dimensions[0]!.questions.map((q) => [q.id, q.status, q.points]);
    expect(rows).toEqual([
      ["hasOwnProperty", "answered", 0],
      ["toString", "answered", 0],
      ["valueOf", "missing", null],
      ["isPrototypeOf", "missing", null],
      ["toLocaleString", "hidden", null],
    ]);
  });

  it("reads a question named valueOf that nobody answered as missing", () => {
    const card = scoreAnswers(questionnaire, rubric, answersOf({ toString: "toString" }));
    expect(card.overall.score).toBe(100);
    expect(card.coverage).toMatchObject({ answered: 1, missing: 1 });
  });

  it("merge --save writes a team file that validate and score read back", async () => {
    const dir = mkdtempSync(join(tmpdir(), "maturity-audit-proto-"));
    try {
      const OK = "test/fixtures/bad/accepted";
      const team = join(dir, "team.yaml");
      const custom = ["--questionnaire", `${OK}/prototype-names-questionnaire.yaml`, "--rubric", `${OK}/prototype-names-rubric.yaml`];
      const merged = await runMain(["merge", `${OK}/prototype-names-answers.yaml`, `${OK}/prototype-names-answers-2.yaml`, ...custom, "--save", team]);
      expect(merged.stderr).toBe("");
      expect(merged.code).toBe(0);
      expect(readFileSync(team, "utf8")).toMatch(/^  toString: hasOwnProperty$/m);
      const validated = await runMain(["validate", team, "--questionnaire", custom[1]!]);
      expect(validated.stderr).toBe("");
      expect(validated.code).toBe(0);
      const scored = await runMain(["score", team, ...custom, "--format", "json"]);
      expect(scored.code).toBe(0);
      expect(JSON.parse(scored.stdout).respondents).toEqual(["Ada", "Ben"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
