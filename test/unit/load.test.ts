import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError, type Problem } from "../../src/errors.js";
import { bundledQuestionnairePath, bundledRubricPath } from "../../src/load/bundled.js";
import {
  loadAnswersFile,
  loadQuestionnaire,
  loadRubricFile,
  parseFile,
  type Loaded,
} from "../../src/load/load.js";
import { MAX_FILE_BYTES } from "../../src/load/source.js";
import type { Answers } from "../../src/model/answers.js";
import { positionOf } from "../helpers/cli.js";
import { Audit } from "../../src/audit/pipeline.js";
import { mediaHouse } from "../helpers/bundled.js";

const { questionnaire, rubric } = mediaHouse();

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "maturity-audit-load-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** The problems a check rejects with, or fails the test when it does not reject with an InvalidInputError. */
async function problemsOfAsync(fn: () => Promise<unknown>): Promise<Problem[]> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidInputError);
    return (err as InvalidInputError).problems;
  }
  throw new Error("expected the check to reject the file");
}

/** The problems a loader throws, or fails the test when it does not throw an InvalidInputError. */
function problemsOf(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidInputError);
    return (err as InvalidInputError).problems;
  }
  throw new Error("expected the loader to reject the file");
}

const errorsIn = (text: string, kind: "answers" | "questionnaire" | "rubric" | "benchmark" = "answers") =>
  parseFile(kind, "x.yaml", text).problems.filter((p) => p.severity === "error");

const HEAD = "kind: answers\nversion: 1\nquestionnaire: media-house\n";

describe("YAML problems are located", () => {
  it("a syntax error names a line and column and keeps yaml's reason", () => {
    const text = `${HEAD}answers:\n  channels.online-presence: [website, social\n  channels.social-media: regular\n`;
    const [p, ...rest] = errorsIn(text);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: "x.yaml", severity: "error" });
    expect(p!.line).toBeGreaterThanOrEqual(5);
    expect(p!.line).toBeLessThanOrEqual(6);
    expect(p!.col).toBeGreaterThanOrEqual(1);
    expect(p!.message).toMatch(/flow sequence|\]/i);
  });

  it("tab indentation is reported at its line with a hint to use spaces", () => {
    const [p] = errorsIn(`${HEAD}answers:\n\tdata.clv: rough-idea\n`);
    expect(p).toMatchObject({ line: 5, col: 1 });
    expect(p!.message).toMatch(/tab/i);
    expect(p!.message).toMatch(/spaces/);
  });

  it("a duplicate key is an error at the second occurrence", () => {
    const text = `${HEAD}answers:\n  data.clv: rough-idea\n  data.analytics: 3\n  data.clv: calculated\n`;
    const [p] = errorsIn(text);
    expect(p).toMatchObject({ line: 7, col: 3 });
    expect(p!.message).toMatch(/duplicate key/i);
  });

  it("several documents in one file are refused at the separator", () => {
    const [p] = errorsIn(`${HEAD}---\n${HEAD}`);
    expect(p).toMatchObject({ line: 4 });
    expect(p!.message).toMatch(/several YAML documents/);
  });

  it("an alias bomb is refused quickly with a clear message", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    const text = `${HEAD}${levels.join("\n")}\n`;
    const started = performance.now();
    const errors = errorsIn(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/alias/i);
  });

  it.each([
    ["__proto__", `${HEAD}answers:\n  __proto__: { polluted: true }\n`, 5, 3],
    ["constructor", `${HEAD}answers:\n  data.clv:\n    constructor: 1\n`, 6, 5],
    ["__proto__ in a flow map", `${HEAD}answers: { __proto__: 1 }\n`, 4, 12],
  ])("the key %s is rejected with its position, and nothing is polluted", (_name, text, line, col) => {
    const [p, ...rest] = errorsIn(text);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ line, col });
    expect(p!.message).toMatch(/not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ["an empty file", ""],
    ["only a comment", "# nothing here yet\n"],
  ])("%s is reported as empty", (_name, text) => {
    const [p] = errorsIn(text);
    expect(p!.message).toMatch(/empty/);
    expect(p).toMatchObject({ line: 1, col: 1 });
  });

  it("a file that is not a mapping says a mapping with kind: is expected", () => {
    expect(errorsIn("- a\n- b\n")[0]!.message).toMatch(/mapping.*kind/);
  });
});

describe("reading files defensively", () => {
  it("a binary file (with a NUL byte) is refused as binary", () => {
    const file = write("binary.yaml", Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x00, 0x01, 0x02]));
    const [p] = problemsOf(() => loadAnswersFile(file));
    expect(p).toMatchObject({ file });
    expect(p!.message).toMatch(/binary/);
  });

  it("a directory is refused as a folder", () => {
    const sub = join(dir, "a-folder.yaml");
    mkdirSync(sub, { recursive: true });
    expect(problemsOf(() => loadAnswersFile(sub))[0]!.message).toMatch(/folder/);
  });

  it("a missing file says so and names it", () => {
    const file = join(dir, "does-not-exist.yaml");
    const [p] = problemsOf(() => loadAnswersFile(file));
    expect(p).toMatchObject({ file });
    expect(p!.message).toMatch(/no such file/);
  });

  it("a file over the size cap is refused without being parsed", () => {
    expect(MAX_FILE_BYTES).toBeLessThan(3 * 1024 * 1024);
    const big = HEAD + "respondent: " + '"' + "x".repeat(3 * 1024 * 1024) + '"\n';
    const file = write("big.yaml", big);
    const [p] = problemsOf(() => loadAnswersFile(file));
    expect(p!.message).toMatch(/MiB/);
    expect(p!.message).toMatch(/limited/);
  });

  it("invalid UTF-8 is refused", () => {
    const file = write("latin1.yaml", Buffer.concat([Buffer.from(HEAD + "respondent: "), Buffer.from([0xe5, 0x0a])]));
    expect(problemsOf(() => loadAnswersFile(file))[0]!.message).toMatch(/UTF-8/);
  });

  it("a BOM and CRLF line endings are accepted", () => {
    const text = "\uFEFF" + `${HEAD}answers:\n  data.clv: rough-idea\n  channels.online-presence: [website]\n`.replace(/\n/g, "\r\n");
    const file = write("windows.yaml", text);
    const loaded = loadAnswersFile(file);
    expect(loaded.value.answers).toEqual({ "data.clv": "rough-idea", "channels.online-presence": ["website"] });
    expect(loaded.value.kind).toBe("answers");
  });

  it("CRLF files still get the right line numbers", () => {
    const text = `${HEAD}respondent: 42\n`.replace(/\n/g, "\r\n");
    expect(errorsIn(text)[0]).toMatchObject({ line: 4, col: 13 });
  });
});

describe("schema problems are located", () => {
  it("a wrong type points at the value", () => {
    const [p, ...rest] = errorsIn(`${HEAD}respondent: [Anna, Per]\n`);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ line: 4, col: 13 });
    expect(p!.message).toBe("respondent: expected text, got a list");
  });

  it("a missing field, a number out of range and an empty text say so in plain words", () => {
    const missing = errorsIn("kind: answers\nversion: 1\nanswers: {}\n");
    expect(missing.map((p) => p.message)).toContain("questionnaire: missing; expected text");
    const bench = errorsIn("kind: benchmark\nversion: 1\nid: b\ntitle: ''\nquestionnaire: media-house\nscores: { data: 120 }\n", "benchmark");
    expect(bench.map((p) => p.message)).toEqual(expect.arrayContaining(["title: must not be empty", "scores.data: must be at most 100"]));
  });

  it("an unknown key points at the key and names it", () => {
    const [p] = errorsIn(`${HEAD}respondant: Anna\n`);
    expect(p).toMatchObject({ line: 4, col: 1 });
    expect(p!.message).toMatch(/unknown key 'respondant'/);
  });

  it("a missing kind says which kind is expected", () => {
    const [p] = errorsIn("# acme's audit\nversion: 1\nquestionnaire: media-house\n");
    expect(p!.message).toMatch(/no 'kind:'/);
    expect(p!.message).toMatch(/kind: answers/);
    expect(p!.line).toBeLessThanOrEqual(2);
  });

  it("an answers file with an empty answers: section is a valid partial file", () => {
    expect(errorsIn(`${HEAD}answers:\n`)).toEqual([]);
  });

  it("the wrong-kind message reads well ('an answers file')", () => {
    expect(errorsIn("kind: rubric\nversion: 1\n")[0]!.message).toMatch(/an answers file/);
  });

  it("a file of another kind is named as such, at its kind: line", () => {
    const [p] = errorsIn("# a rubric\nkind: rubric\nversion: 1\n");
    expect(p).toMatchObject({ line: 2, col: 7 });
    expect(p!.message).toMatch(/'rubric' file/);
  });

  it("a wrong question type in a questionnaire is located in the nested list", () => {
    const text = [
      "kind: questionnaire",
      "version: 1",
      "id: tiny",
      "title: Tiny",
      "sections:",
      "  - id: s",
      "    title: S",
      "    questions:",
      "      - id: s.q",
      "        type: slider",
      "        text: How?",
      "",
    ].join("\n");
    const errors = errorsIn(text, "questionnaire");
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors[0]!.line).toBe(10);
  });

  it("every schema problem of a file is reported in one go", () => {
    const errors = errorsIn(`${HEAD}respondent: 5\ndate: yesterday\nfoo: 1\n`);
    expect(errors.map((p) => p.line)).toEqual([4, 5, 6]);
  });
});

describe("answers checked against the bundled questionnaire", () => {
  const file = "answers.yaml";
  // The pipeline every command uses, with the bundled questionnaire and rubric given as files.
  const audit = new Audit({ questionnaire: bundledQuestionnairePath("media-house"), rubric: bundledRubricPath("media-house"), today: "2026-01-01" });
  const warningsOf = async (loaded: Loaded<Answers>) => (await audit.check(loaded)).warnings;
  function fit(body: string): Promise<Problem[]> {
    const text = `${HEAD}answers:\n${body}`;
    const parsed = parseFile("answers", file, text);
    expect(parsed.problems).toEqual([]);
    const loaded: Loaded<Answers> = { value: parsed.value!, source: parsed.source!, warnings: [] };
    return problemsOfAsync(() => audit.check(loaded));
  }
  const at = (body: string, needle: string) => positionOf(`${HEAD}answers:\n${body}`, needle);

  it("an unknown question id is reported at the key", async () => {
    const body = "  channels.social-media: regular\n  channels.print-shares: 20\n";
    const [p, ...rest] = await fit(body);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file, ...at(body, "channels.print-shares") });
    expect(p!.message).toMatch(/unknown question id 'channels.print-shares'/);
  });

  it("a value that is not an option lists the options, at the value", async () => {
    const body = "  channels.social-media: daily\n";
    const [p] = await fit(body);
    expect(p).toMatchObject(at(body, "daily"));
    expect(p!.message).toMatch(/'daily' is not an option/);
    expect(p!.message).toMatch(/not-used, occasional, regular, conversation/);
  });

  it("an out-of-range number gives the range", async () => {
    const body = "  channels.print-share: 140\n";
    const [p] = await fit(body);
    expect(p).toMatchObject(at(body, "140"));
    expect(p!.message).toMatch(/out of range/);
    expect(p!.message).toMatch(/0 to 100/);
  });

  it("an out-of-range scale inside { value, note } points at the value", async () => {
    const body = "  data.analytics:\n    note: we look every day\n    value: 9\n";
    const [p] = await fit(body);
    expect(p).toMatchObject(at(body, "9\n"));
    expect(p!.message).toMatch(/1 to 5/);
  });

  it("a multi answer that is not a list asks for a list", async () => {
    const body = "  data.kpis: repeat-rate\n";
    const [p] = await fit(body);
    expect(p).toMatchObject(at(body, "repeat-rate"));
    expect(p!.message).toMatch(/list/);
  });

  it('"unknown" where the question does not allow it', async () => {
    const body = "  relationship.dialogue: unknown\n";
    const [p] = await fit(body);
    expect(p).toMatchObject(at(body, "unknown"));
    expect(p!.message).toMatch(/does not allow/);
  });

  it('"n/a" where the rubric does not allow it', async () => {
    const body = "  data.benchmarking: n/a\n";
    const [p] = await fit(body);
    expect(p).toMatchObject(at(body, "n/a"));
    expect(p!.message).toMatch(/n\/a/);
  });

  it("free text may say n/a or unknown", async () => {
    for (const text of ["n/a", "unknown"]) {
      const parsed = parseFile("answers", file, `${HEAD}answers:\n  organisation.notes: ${text}\n`);
      expect(await warningsOf({ value: parsed.value!, source: parsed.source!, warnings: [] })).toEqual([]);
    }
  });

  it("answers for another questionnaire or revision are refused at questionnaire:", async () => {
    const other = parseFile("answers", file, "kind: answers\nversion: 1\nquestionnaire: media-house@7\n");
    const [p] = await problemsOfAsync(() => audit.check({ value: other.value!, source: other.source!, warnings: [] }));
    expect(p).toMatchObject({ line: 3, col: 16 });
    expect(p!.message).toMatch(/revision 7/);
  });

  it("all problems of a file are reported at once, each at its own line", async () => {
    const body = [
      "  channels.print-shares: 20",
      "  channels.social-media: daily",
      "  data.analytics: 7",
      "  data.kpis: sales-per-channel",
      "  relationship.dialogue: unknown",
      "  data.clv: rough-idea",
      "",
    ].join("\n");
    const problems = await fit(body);
    expect(problems.map((p) => p.line)).toEqual([5, 6, 7, 8, 9]);
    expect(problems.every((p) => p.severity === "error" && p.file === file)).toBe(true);
  });

  it("valid values of every type, notes, unknown and n/a pass", async () => {
    const body = [
      "  channels.print-share: { value: 35, note: local paper and flyers }",
      "  channels.online-presence: [website, social]",
      "  channels.social-media: regular",
      "  channels.platform-dependence: unknown",
      "  channels.cut-traditional: n/a",
      "  data.benchmarking: false",
      "  organisation.notes: \"two shops\"",
      "  data.kpis:",
      "",
    ].join("\n");
    const parsed = parseFile("answers", file, `${HEAD}answers:\n${body}`);
    expect(parsed.problems).toEqual([]);
    expect(await warningsOf({ value: parsed.value!, source: parsed.source!, warnings: [] })).toEqual([]);
  });
});

describe("the bundled files", () => {
  it("load without errors or warnings", () => {
    expect(loadQuestionnaire(bundledQuestionnairePath("media-house")).warnings).toEqual([]);
    expect(loadRubricFile(bundledRubricPath("media-house")).warnings).toEqual([]);
  });

  it("list choice options from least to most mature: the rubric's points never fall", () => {
    for (const q of questionnaire.sections.flatMap((s) => s.questions)) {
      if (q.type !== "single") continue;
      const rule = rubric.dimensions.flatMap((d) => Object.entries(d.questions)).find(([id]) => id === q.id)?.[1];
      if (!rule?.points) continue;
      const seq = q.options.map((o) => rule.points![o.value]!);
      expect(seq, q.id).toEqual([...seq].sort((a, b) => a - b));
    }
  });
});
