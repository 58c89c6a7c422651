// What a user at a terminal or a CI script sees: most runs call main() of the build in this process; the
// ones that need a real process (the launcher, real pipes, a hang that must be killable) and one smoke
// run of each command spawn the built binary (npm test builds first).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { jsonSchemaFor, SCHEMA_KINDS } from "../../src/model/json-schema.js";
import { bundledQuestionnairePath, bundledRubricPath } from "../../src/load/bundled.js";
import { leastMature, mostMature, type AnswerMap } from "../helpers/answers.js";
import { positionOf, REPO_ROOT, runCli as spawnCli, runCliSync, type CliOptions, type CliResult } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";
import { mediaHouse } from "../helpers/bundled.js";

/** A spawn takes under a second on an idle machine; leave room for a busy CI runner. */
const SPAWN = { timeout: 60_000 };

const { questionnaire, rubric } = mediaHouse();
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };

const MIXED = "test/fixtures/mixed-regional-shop.yaml";
const PARTIAL = "test/fixtures/partial-first-session.yaml";
const CAFE = "test/fixtures/small-cafe-online-only.yaml";
const LEAST = "test/fixtures/least-mature.yaml";
const MOST = "test/fixtures/most-mature.yaml";
const ANSI = /\x1b\[/;

// In-process runs; tests that only read the output of the same command share one run.
const runs = new Map<string, Promise<CliResult>>();
function run(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  const key = JSON.stringify([args, opts]);
  if (!runs.has(key)) runs.set(key, runMain(args, opts));
  return runs.get(key)!;
}
const headlineScore = (out: string) => Number(/ · (\d+)\/100 · /.exec(out)?.[1]);
const fixture = (rel: string) => readFileSync(join(REPO_ROOT, rel), "utf8");
const where = (rel: string, needle: string) => {
  const { line, col } = positionOf(fixture(rel), needle);
  return `${rel}:${line}:${col}: `;
};

let tmp: string;
let template: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "maturity-audit-e2e-"));
  const r = runCliSync(["template"]);
  expect(r.code).toBe(0);
  template = r.stdout;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The template with the given answers filled in, as a user would by hand; comments stay. */
function fillTemplate(answers: AnswerMap): string {
  const doc = parseDocument(template);
  for (const [id, value] of Object.entries(answers)) {
    expect(doc.hasIn(["answers", id]), `template lists ${id}`).toBe(true);
    doc.setIn(["answers", id], value);
  }
  return doc.toString();
}

function tmpFile(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

function expectCleanFailure(r: { code: number | null; stdout: string; stderr: string }) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/^\s{4}at /m);
  expect(r.stderr).not.toMatch(/internal error/);
}

describe.concurrent("help and version", () => {
  it("--version prints the package version", SPAWN, async () => {
    const r = await spawnCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it("--help lists the commands and examples", SPAWN, async () => {
    const r = await spawnCli(["--help"]);
    expect(r.code).toBe(0);
    for (const cmd of ["score", "validate", "template", "list", "schema"]) expect(r.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, "m"));
    expect(r.stdout).toMatch(/Examples:/);
    expect(r.stdout).toMatch(/\$ maturity-audit score /);
    expect(r.stderr).toBe("");
  });

  it("score --help shows the command's options and an example", async () => {
    const r = await run(["score", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--format/);
    expect(r.stdout).toMatch(/--target/);
    expect(r.stdout).toMatch(/Example/);
  });

  it("an unknown command is a usage error (exit 2) with a pointer to --help", SPAWN, async () => {
    const r = await spawnCli(["scroe", "x.yaml"]);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(/--help/);
  });

  it("an unknown command is named in the message", async () => {
    const r = await run(["scroe", "x.yaml"]);
    expect(r.stderr).toMatch(/scroe/);
  });

  it("a missing argument is a usage error (exit 2)", async () => {
    const r = await run(["score"]);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(/missing required argument/);
  });

  it("an unknown option value is a usage error (exit 2)", async () => {
    const r = await run(["score", MIXED, "--format", "yaml"]);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(/yaml/);
  });

  it("an unknown --target names the stages", async () => {
    const r = await run(["score", MIXED, "--target", "4.0"]);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(/4\.0/);
    expect(r.stderr).toMatch(/before-1\.0, 1\.0, 2\.0, 3\.0/);
  });
});

describe.concurrent("template → fill in → score", () => {
  it("the template is a valid answers file listing every question, each empty", () => {
    const data = parse(template) as { kind: string; questionnaire: string; answers: Record<string, unknown> };
    expect(data.kind).toBe("answers");
    expect(data.questionnaire).toMatch(/^media-house(@\d+)?$/);
    const ids = questionnaire.sections.flatMap((s) => s.questions.map((q) => q.id));
    expect(Object.keys(data.answers)).toEqual(ids);
    expect(Object.values(data.answers).every((v) => v === null)).toBe(true);
  });

  it("unfilled, and filled by hand with the least and the most mature answers, the template validates", async () => {
    const files = [
      tmpFile("unfilled.yaml", template),
      tmpFile("least.yaml", fillTemplate(leastMature(questionnaire, rubric))),
      tmpFile("most.yaml", fillTemplate(mostMature(questionnaire, rubric))),
    ];
    const r = await run(["validate", ...files]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/unfilled\.yaml: answers to 'media-house': 0 answered/);
    expect(r.stdout.trim().split("\n")).toHaveLength(3);
  });

  it("filled with the least mature answers it scores 'before 1.0', with the most mature 3.0 and at least 90", async () => {
    const least = tmpFile("least-scored.yaml", fillTemplate(leastMature(questionnaire, rubric)));
    const most = tmpFile("most-scored.yaml", fillTemplate(mostMature(questionnaire, rubric)));
    const r = await run(["score", least, most, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [l, m] = JSON.parse(r.stdout) as Array<{ overall: { score: number; stage: { id: string; name: string } } }>;
    expect(l!.overall.stage).toMatchObject({ id: "before-1.0", name: expect.stringMatching(/^Before 1\.0/) });
    expect(l!.overall.score).toBeLessThan(30);
    expect(m!.overall.stage).toMatchObject({ id: "3.0", name: expect.stringMatching(/3\.0/) });
    expect(m!.overall.score).toBeGreaterThanOrEqual(90);
  });
});

describe.concurrent("score", () => {
  // --explain prints the whole text report and then the explanation, so one run serves both.
  const explained = () => run(["score", MIXED, "--explain"]);

  it("--format json is a scorecard with schemaVersion, stage, four dimensions and next steps; --target moves the target", SPAWN, async () => {
    const r = await spawnCli(["score", MIXED, "--format", "json", "--target", "3.0"]);
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout);
    expect(card.schemaVersion).toBe(1);
    // 1.0 on points, held before 1.0 by the gates: reach read off the seller's figures, stories that only aim to be seen.
    expect(card.overall.scoreStage.id).toBe("1.0");
    expect(card.overall.stage.id).toBe("before-1.0");
    expect(card.overall.score).toBeGreaterThan(30);
    expect(card.dimensions.map((d: { id: string }) => d.id)).toEqual(["channels", "data", "relationship", "organisation"]);
    expect(card.nextSteps.length).toBeGreaterThan(0);
    expect(card.nextSteps[0]).toHaveProperty("because");
    expect(card.coverage.unknown).toBe(1);
    expect(card.target).toMatchObject({ stage: { id: "3.0" }, score: 80, reached: false });
  });

  it("the text report has the headline, the dimensions, blockers, next steps and coverage", async () => {
    const r = await explained();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Lindqvist Järn & Trädgård AB — Before 1\.0: traditional \(confirmed\) · 40\/100 ·\s+target Media house 2\.0$/m);
    for (const t of ["Channel use", "Data-driven practice", "Customer-relationship ownership", "Communication and organisation"]) expect(r.stdout).toContain(t);
    expect(r.stdout).toMatch(/What blocks the next stage/);
    expect(r.stdout).toMatch(/The first three steps\n1\. /);
    expect(r.stdout).toMatch(/The steps in detail\n1\. /);
    expect(r.stdout).toMatch(/1 "don't know" \(counted as 0 points\)/);
    expect(r.stdout).toMatch(/estimate/);
    expect(r.stderr).toBe("");
  });

  it("--explain shows points, weight and contribution for every scored question", async () => {
    const r = await explained();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/How each score came about/);
    expect(r.stdout).toMatch(/Channel use: 56\/100/);
    const rows = r.stdout.split("\n").filter((l) => /^│ → /.test(l));
    expect(rows.length).toBe(35);
    // The note travels into the explanation.
    expect(r.stdout.replace(/[│\s]+/g, " ")).toMatch(/note: Dropped the weekly radio spot/);
    // channels.social-media: regular is worth 65 points at weight 1.
    const social = r.stdout.split("\n").find((l) => l.includes("How do you use social media for the"))!;
    expect(social).toMatch(/│\s+65 │\s+1 │/);
  });

  it("a partial file scores what is there and says what is missing", async () => {
    const r = await run(["score", PARTIAL]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Answered 9 of 34 scored questions; 1 "don't know"/);
    expect(r.stdout).toMatch(/24 not\s+answered/);
  });
});

describe.concurrent("bad input: exit 2, a located message on stderr, nothing on stdout", () => {
  const cases = [
    ["a malformed file", "test/fixtures/bad/malformed.yaml", null, /Flow sequence|\]/],
    ["a wrong type", "test/fixtures/bad/wrong-type.yaml", "[Anna", /respondent/],
    ["an unknown question id", "test/fixtures/bad/unknown-id.yaml", "channels.print-shares", /unknown question id/],
    ["an out-of-range value", "test/fixtures/bad/out-of-range.yaml", "140", /out of range/],
  ] as const;
  // One run scores all four (JSON, so that no report is printed for them); each is checked on its own.
  const allBad = () => run(["score", ...cases.map((c) => c[1]), "--format", "json"]);

  it.each(cases)("%s", async (_name, rel, needle, message) => {
    const r = await allBad();
    expectCleanFailure(r);
    const line = r.stderr.split("\n").find((l) => l.startsWith(`${rel}:`));
    expect(line, `a message for ${rel}`).toBeDefined();
    if (needle) expect(line!.startsWith(where(rel, needle))).toBe(true);
    else expect(line).toMatch(/^[^:]+:[56]:\d+: /);
    expect(line).toMatch(message);
  });

  it("one bad file alone: the same located message", async () => {
    const rel = "test/fixtures/bad/out-of-range.yaml";
    const r = await run(["score", rel]);
    expectCleanFailure(r);
    expect(r.stderr.trim()).toBe(`${where(rel, "140")}140 is out of range for 'channels.print-share' (0 to 100)`);
  });

  it("every problem of a file is reported in one run", async () => {
    const rel = "test/fixtures/bad/many-problems.yaml";
    const r = await run(["validate", rel]);
    expectCleanFailure(r);
    for (const needle of ["channels.print-shares", "daily", "7\n", "sales-per-channel", "unknown"]) expect(r.stderr).toContain(where(rel, needle));
    expect(r.stderr.trim().split("\n")).toHaveLength(5);
  });

  it("a missing file is named", async () => {
    const r = await run(["score", "test/fixtures/nope.yaml"]);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(/test\/fixtures\/nope\.yaml: no such file/);
  });

  it("--debug is the only way to see a stack trace", async () => {
    const r = await run(["score", "test/fixtures/bad/out-of-range.yaml", "--debug"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\s{4}at /m);
  });
});

describe.concurrent("validate", () => {
  it("the bundled questionnaire and rubric, and every good fixture, are valid", SPAWN, async () => {
    const r = await spawnCli(["validate", "questions/media-house.yaml", "scoring/media-house.yaml", MIXED, PARTIAL, CAFE, LEAST, MOST]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ questions\/media-house\.yaml: questionnaire 'media-house'/m);
    expect(r.stdout).toMatch(/^✓ scoring\/media-house\.yaml: rubric 'media-house'/m);
    expect(r.stdout).toMatch(/^✓ test\/fixtures\/mixed-regional-shop\.yaml: answers to 'media-house'/m);
    expect(r.stdout.trim().split("\n")).toHaveLength(7);
  });

  it("a rubric with a broken question id fails with the location of the id", async () => {
    const dir = join(tmp, "bad-rubric");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "rubric.yaml");
    const text = readFileSync(bundledRubricPath("media-house"), "utf8").replace("\n      data.clv:\n", "\n      data.cvl:\n");
    writeFileSync(file, text);
    const r = await run(["validate", file]);
    expectCleanFailure(r);
    const { line, col } = positionOf(text, "data.cvl:");
    expect(r.stderr).toContain(`${file}:${line}:${col}: unknown question 'data.cvl'`);
  });
});

describe.concurrent("several files", () => {
  const bad = "test/fixtures/bad/out-of-range.yaml";

  it("two good files and a bad one: both reports, the bad file a row in its place saying why, named on stderr, exit 2", async () => {
    const r = await run(["score", MIXED, bad, PARTIAL, "--format", "json"]);
    expect(r.code).toBe(2);
    const rows = JSON.parse(r.stdout) as Array<{ file: string; error?: { message: string } }>;
    expect(rows.map((c) => c.file)).toEqual([MIXED, bad, PARTIAL]);
    expect(rows.map((c) => !!c.error)).toEqual([false, true, false]);
    expect(rows[1]!.error!.message).toMatch(/^\d+:\d+: 140 is out of range/);
    expect(r.stderr).toContain(where(bad, "140"));
  });

  it("the same as text, even with FORCE_COLOR=1 and --no-color: no escapes on stdout or stderr", async () => {
    const r = await run(["score", MIXED, bad, PARTIAL, "--no-color"], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(r.code).toBe(2);
    // Names too long for the column keep their end, where files of one batch differ.
    expect(r.stdout).toMatch(/^…egional-shop\.yaml /m);
    expect(r.stdout).toMatch(/^…irst-session\.yaml /m);
    expect(r.stdout).toMatch(/^…out-of-range\.yaml not scored: \d+:\d+: 140 is out of range/m);
    expect(r.stderr).toContain(where(bad, "140"));
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stderr).not.toMatch(ANSI);
  });

  it("a folder is expanded to the YAML files in it, scored as an array with each file", async () => {
    const dir = join(tmp, "audits");
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(REPO_ROOT, MIXED), join(dir, "a.yaml"));
    copyFileSync(join(REPO_ROOT, PARTIAL), join(dir, "b.yaml"));
    copyFileSync(join(REPO_ROOT, CAFE), join(dir, "c.yml"));
    writeFileSync(join(dir, "notes.txt"), "not an audit");
    const r = await run(["score", dir, "--format", "json"]);
    expect(r.code).toBe(0);
    const cards = JSON.parse(r.stdout) as Array<{ file: string; schemaVersion: number; coverage: object; overall: { blockedBy: string[] } }>;
    expect(cards.map((c) => c.file)).toEqual(["a.yaml", "b.yaml", "c.yml"].map((f) => join(dir, f)));
    expect(cards.every((c) => c.schemaVersion === 1)).toBe(true);
    // The café: cut-traditional is n/a; message content is not asked.
    expect(cards[2]!.coverage).toMatchObject({ notApplicable: 1, hidden: 1 });
    expect(cards[2]!.overall.blockedBy).toContain("reach-not-measured");
  });

  it("a file for an unknown questionnaire is reported and the others still score", async () => {
    const other = tmpFile("other-questionnaire.yaml", "kind: answers\nversion: 1\nquestionnaire: retail-basics\nanswers: {}\n");
    const r = await run(["score", MIXED, other, "--format", "json"]);
    expect(r.stderr).toContain(other);
    expect(r.code).toBe(2);
    // The file that cannot be scored is a row of its own, saying why.
    const rows = JSON.parse(r.stdout) as Array<{ file: string; schemaVersion?: number; error?: { message: string } }>;
    expect(rows.map((c) => [c.file, c.schemaVersion, c.error?.message])).toEqual([
      [MIXED, 1, undefined],
      [other, undefined, expect.stringContaining("retail-basics")],
    ]);
  });

  // Once hung for ever: the batch table of no files looped in shortNames([]).
  it("several bad files and no good one: exit 2 with every problem, and no hang", SPAWN, async () => {
    const r = await spawnCli(["score", bad, "test/fixtures/bad/unknown-id.yaml"], { timeoutMs: 20_000 });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(where(bad, "140"));
    expect(r.stderr).toContain(where("test/fixtures/bad/unknown-id.yaml", "channels.print-shares"));
  });
});

describe.concurrent("--output", () => {
  it("writes the report to the file and nothing to stdout", async () => {
    const dir = join(tmp, "output");
    mkdirSync(dir, { recursive: true });
    const out = join(dir, "report.txt");
    const r = await run(["score", MIXED, "--output", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toMatch(/^Lindqvist Järn & Trädgård AB — Before 1\.0: traditional \(confirmed\) · 40\/100/);
    expect(readdirSync(dir)).toEqual(["report.txt"]);
  });

  it("refuses to overwrite an input", async () => {
    const input = join(tmp, "input.yaml");
    copyFileSync(join(REPO_ROOT, MIXED), input);
    const r = await run(["score", input, "--output", input]);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(/input/);
    expect(readFileSync(input, "utf8")).toBe(fixture(MIXED));
  });

  it("refuses to overwrite an input found in a folder", async () => {
    const dir = join(tmp, "overwrite-folder");
    mkdirSync(dir, { recursive: true });
    const input = join(dir, "a.yaml");
    copyFileSync(join(REPO_ROOT, MIXED), input);
    const r = await run(["score", dir, "--output", input]);
    expect(readFileSync(input, "utf8")).toBe(fixture(MIXED));
    expect(r.code).toBe(2);
  });
});

describe.concurrent("colour and width", () => {
  const tooLong = (out: string) => out.split("\n").filter((l) => [...l].length > 80);

  it("NO_COLOR=1 gives no ANSI escapes, and every line fits 80 columns, --explain included", async () => {
    const r = await run(["score", MIXED, "--explain"]); // runCli sets NO_COLOR=1
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    expect(tooLong(r.stdout)).toEqual([]);
  });

  it("a non-TTY without NO_COLOR gives no ANSI escapes", SPAWN, async () => {
    const r = await spawnCli(["score", MIXED], { env: { NO_COLOR: undefined } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    expect(tooLong(r.stdout)).toEqual([]);
  });

  it("FORCE_COLOR=1 colours the report (so the checks above can fail), and it still fits 80 columns", async () => {
    const r = await run(["score", LEAST], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(r.stdout).toMatch(ANSI);
    expect(tooLong(r.stdout.replace(/\x1b\[[0-9;]*m/g, ""))).toEqual([]);
  });

  it("every line fits 80 columns when a gate is unverified", async () => {
    const r = await run(["score", PARTIAL]);
    expect(tooLong(r.stdout)).toEqual([]);
  });

  it("every line fits 80 columns when there is nothing left to do", async () => {
    const r = await run(["score", MOST]);
    expect(r.code).toBe(0);
    expect(tooLong(r.stdout)).toEqual([]);
  });
});

describe.concurrent("schema and list", () => {
  it("schema rubric prints a draft-07 JSON Schema", SPAWN, async () => {
    const r = await spawnCli(["schema", "rubric"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.properties.kind).toBeDefined();
    expect(schema.properties.stages).toBeDefined();
  });

  it("schema of an unknown kind is a usage error naming the kinds", async () => {
    const r = await run(["schema", "report"]);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(/questionnaire, answers, rubric/);
  });

  it("list names the bundled questionnaire and rubric", SPAWN, async () => {
    const r = await spawnCli(["list"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Questionnaires[\s\S]*media-house\s+Digital maturity audit/);
    expect(r.stdout).toMatch(/Rubrics[\s\S]*media-house\s+Media house stages/);
    const json = JSON.parse((await run(["list", "--format", "json"])).stdout);
    expect(json.questionnaires.find((q: { id: string }) => q.id === "media-house")).toMatchObject({ questions: 39, sections: 5 });
    expect(json.rubrics.find((r: { id: string }) => r.id === "media-house")).toMatchObject({ questionnaire: "media-house" });
  });

  it.each(SCHEMA_KINDS)("the shipped schemas/%s.schema.json equals the schema of the zod model", (kind) => {
    const shipped = JSON.parse(readFileSync(join(REPO_ROOT, "schemas", `${kind}.schema.json`), "utf8"));
    expect(shipped).toEqual(jsonSchemaFor(kind));
  });

  it("the bundled files point their editors at the shipped schemas", () => {
    expect(readFileSync(bundledQuestionnairePath("media-house"), "utf8")).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/questionnaire\.schema\.json/);
    expect(readFileSync(bundledRubricPath("media-house"), "utf8")).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/rubric\.schema\.json/);
  });
});

// The bundle loads each command's module on demand: one run of each through the built binary.
describe.concurrent("compare and merge", () => {
  it("compare shows the progress from one audit to the next, dimension by dimension", SPAWN, async () => {
    const r = await spawnCli(["compare", LEAST, MIXED]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Overall: 0 → 40 \(\+40\), stage Before 1\.0$/m);
    // Two stage names too long for one line at 80 columns: the second goes under the first.
    expect(r.stdout).toMatch(/^Channel use\s+0\s+56\s+\+56\s+Before 1\.0 →\n {55}Media house 2\.0$/m);
  });

  it("merge gives the team view of several respondents and where they disagree", SPAWN, async () => {
    const r = await spawnCli(["merge", LEAST, MIXED, MOST]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Team view · Before 1\.0: traditional · 40\/100 · target Media house 2\.0$/m);
    expect(r.stdout).toMatch(/^3 respondents: /m);
    expect(r.stdout).toMatch(/^Discuss first/m);
  });
});
