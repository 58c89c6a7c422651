// In-process: a model of fifteen practices that shares its answers by alias and by answer set, graded
// 0 / 0.25 / 0.5 / 1, with a step per answer; validated, scored, compared and templated as a user would.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMain } from "../helpers/main.js";
import { FIXTURES } from "../helpers/cli.js";
import { allAt, gradedAnswers, gradedQuestionnaire, gradedRubric, sections } from "../fixtures/model/graded-model.js";

let dir: string;
const at = (name: string) => join(dir, name);
let model: string[];
// Two activities a practice keep the reports' runs short; the whole model (eight a practice) is validated once.
const PER = 2;

beforeAll(async () => {
  await runMain(["--version"]);
  dir = mkdtempSync(join(tmpdir(), "ma-model-"));
  writeFileSync(at("graded.yaml"), gradedQuestionnaire());
  writeFileSync(at("small.yaml"), gradedQuestionnaire(PER));
  writeFileSync(at("small-rubric.yaml"), gradedRubric(PER));
  model = ["--questionnaire", at("small.yaml"), "--rubric", at("small-rubric.yaml")];
  // The first activity of the first practice goes 0.25 -> 0.5 -> (unanswered); the rest of the model moves as a whole.
  const first = `${sections[0]!.id}.a1`;
  writeFileSync(at("acme-2026-q1.yaml"), gradedAnswers(allAt(0.25, PER), { respondent: "Acme", date: "2026-01-15" }));
  writeFileSync(at("acme-2026-q2.yaml"), gradedAnswers({ ...allAt("0.5", PER), [first]: 0.5 }, { respondent: "Acme", date: "2026-04-15" }));
  const { [first]: _dropped, ...rest } = allAt(1, PER);
  writeFileSync(at("acme-2026-q3.yaml"), gradedAnswers(rest, { respondent: "Acme", date: "2026-07-15" }));
  writeFileSync(at("wrong.yaml"), gradedAnswers({ [first]: 0.3 }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a graded model of fifteen practices", () => {
  it("checks answers against the model with 104 aliases and 15 answer-set references, naming a value that is no option with the options as written", async () => {
    // The answers are checked against the whole model, which loads only if its aliases and sets resolve.
    const r = await runMain(["validate", "--questionnaire", at("graded.yaml"), at("wrong.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${at("wrong.yaml")}:5:20: '0.3' is not an option of '${sections[0]!.id}.a1'; choose one of: 0, 0.25, 0.5, 1`);
  });

  it("a batch's fifteen columns read apart, each named in the legend", async () => {
    const r = await runMain(["score", ...model, at("acme-2026-q1.yaml"), at("acme-2026-q2.yaml")]);
    expect(r.code).toBe(0);
    const [head] = r.stdout.split("\n");
    expect(head).toMatch(/GGoa GRul GTra DRis DReq DArc BPip BRel BDep CRev CTes CAud OInc OEnv ORun$/);
    expect(r.stdout).toMatch(/GRul = Governance – Rules and\s+compliance/);
    // 0.25 everywhere is 25 points; the second file's "0.5" in quotes is the option 0.5 all the same.
    // Fifteen columns leave the file ten characters: the end of its name, which tells the files apart.
    expect(r.stdout).toMatch(/^…6-q1\.yaml Acme, 2… +25 Low +25 /m);
    expect(r.stdout).toMatch(/^…6-q2\.yaml Acme, 2… +50 Middle +50 /m);
  });

  it("a three-file trend names each file, not '…'", async () => {
    const r = await runMain(["compare", ...model, at("acme-2026-q1.yaml"), at("acme-2026-q2.yaml"), at("acme-2026-q3.yaml")]);
    expect(r.code).toBe(0);
    for (const [name, score] of [["acme-2026-q1.yaml", 25], ["acme-2026-q2.yaml", 50], ["acme-2026-q3.yaml", 100]] as const) {
      expect(r.stdout).toMatch(new RegExp(`^${name.replace(/\./g, "\\.")} +2026-\\d\\d-15 +${score} `, "m"));
    }
    expect(r.stdout).toMatch(/^Governance – Rules and compliance /m);
  });

  it("compare counts a step of one answer done only once its question got there", async () => {
    const r = await runMain(["compare", ...model, at("acme-2026-q1.yaml"), at("acme-2026-q2.yaml"), "--format", "json"]);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as { stepsDone: Array<{ id: string }>; stepsNew: Array<{ id: string }>; overall: { before: number; after: number } };
    expect([c.overall.before, c.overall.after]).toEqual([25, 50]);
    const ids = (steps: Array<{ id: string }>) => steps.map((s) => s.id).sort();
    expect(ids(c.stepsDone)).toEqual(sections.map((s) => `${s.id}.a1@0.25`).sort());
    expect(ids(c.stepsNew)).toEqual(sections.map((s) => `${s.id}.a1@0.5`).sort());
    // The first activity is not answered in the third audit: its step is not done, though no longer listed.
    const later = await runMain(["compare", ...model, at("acme-2026-q2.yaml"), at("acme-2026-q3.yaml"), "--format", "json"]);
    expect(ids((JSON.parse(later.stdout) as { stepsDone: Array<{ id: string }> }).stepsDone)).toEqual(sections.slice(1).map((s) => `${s.id}.a1@0.5`).sort());
  });
});

describe("template of a questionnaire with answer sets", () => {
  it("lists each question's options, overrides applied, and the filled-in file validates", async () => {
    const out = at("filled.yaml");
    const r = await runMain(["template", "--questionnaire", join(FIXTURES, "model", "graded.yaml"), "--output", out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain("  #   0.25: Some of it\n  #   0.5: For half the year\n  #   1: All of it\n  plan.budget:\n");
    writeFileSync(out, text.replace("plan.goals:", "plan.goals: 0.25").replace("plan.budget:", "plan.budget: 1").replace("build.review:", "build.review: sometimes").replace("build.ci:", "build.ci: yes"));
    const v = await runMain(["validate", "--questionnaire", join(FIXTURES, "model", "graded.yaml"), out]);
    expect(v.stderr).toBe("");
    expect(v.stdout).toContain(`✓ ${out}: answers to 'graded'`);
    expect(v.code).toBe(0);
  });
});
