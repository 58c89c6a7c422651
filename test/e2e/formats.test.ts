// The report formats of `score`, checked the way their consumers read them: JSON against its
// schema, JUnit and the badge as XML, Markdown as GFM tables; plus thresholds, baselines,
// benchmarks and --output, all through main() of the build (npm test builds first).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { REPO_ROOT, type CliResult } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

const MIXED = "test/fixtures/mixed-regional-shop.yaml";
const MOST = "test/fixtures/most-mature.yaml";
const LEAST = "test/fixtures/least-mature.yaml";
const PARTIAL = "test/fixtures/partial-first-session.yaml";
const FIXTURE_DIR = "test/fixtures";
const ESC = "\u001b";

/** The hostile text: HTML, Markdown table and emphasis syntax, and an ANSI colour escape. */
const EVIL = `<script>alert(1)</script> | pipes | **bold** ${ESC}[31mred${ESC}[0m`;
const LONG_LINE = "W".repeat(5_000);

// The assertions read English reports: pin the language whatever the machine's locale.
const ENGLISH = { env: { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: "en_US.UTF-8" } };

/** One run of the CLI, in English. */
const runEnglish = (args: string[]): Promise<CliResult> => runMain(args, ENGLISH);

// Tests that only read the same command's output share one run.
const runs = new Map<string, Promise<CliResult>>();
function cli(args: string[]): Promise<CliResult> {
  const key = JSON.stringify(args);
  if (!runs.has(key)) runs.set(key, runEnglish(args));
  return runs.get(key)!;
}

interface Card {
  file?: string;
  respondent?: string;
  overall: { score: number | null; stage: { id: string; name: string } };
  target: { stage: { id: string } };
  stages: Array<{ id: string }>;
  dimensions: Array<{ id: string; title: string; score: number | null; stage: { id: string } }>;
  nextSteps: Array<{ title: string }>;
  benchmark?: {
    illustrative: boolean;
    overall: number | null;
    overallDistance: number | null;
    dimensions: Array<{ id: string; benchmark: number | null; distance: number | null }>;
  };
}

let tmp: string;
let validate: ValidateFunction;
let mixed: Card;
let hostile: string;
let hostileHeading: string;
let oddNames: string;

const fixtureText = (rel: string) => readFileSync(join(REPO_ROOT, rel), "utf8");
const yamlFilesIn = (dir: string) => readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort();
const round1 = (n: number) => Math.round(n * 10) / 10;
const stageIndex = (card: Card, id: string) => card.stages.findIndex((s) => s.id === id);

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "maturity-audit-formats-"));
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, "schemas", "scorecard.schema.json"), "utf8")) as object;
  expect((schema as { $schema?: string }).$schema).toMatch(/draft-07/);
  validate = new Ajv({ allErrors: true }).compile(schema);

  const r = await cli(["score", MIXED, "--format", "json"]);
  expect(r.code).toBe(0);
  mixed = JSON.parse(r.stdout) as Card;

  // The mixed fixture with hostile text in the respondent, the organisation and two notes.
  const doc = parseDocument(fixtureText(MIXED));
  doc.set("respondent", EVIL);
  doc.set("organisation", `${EVIL} Ltd`);
  doc.setIn(["answers", "channels.cut-traditional"], { value: true, note: `${EVIL} ${LONG_LINE}` });
  doc.setIn(["answers", "data.clv"], { value: "unknown", note: `first line\n| fake | table |\n|---|---|\n${EVIL}\n${LONG_LINE}` });
  hostile = join(tmp, "hostile.yaml");
  writeFileSync(hostile, doc.toString());

  const heading = parseDocument(fixtureText(MIXED));
  heading.set("organisation", "# Not a heading");
  hostileHeading = join(tmp, "heading.yaml");
  writeFileSync(hostileHeading, heading.toString());

  // File names that are markup in Markdown and XML.
  oddNames = join(tmp, "odd-names");
  mkdirSync(oddNames);
  copyFileSync(join(REPO_ROOT, MIXED), join(oddNames, "a|b **c**.yaml"));
  copyFileSync(join(REPO_ROOT, MOST), join(oddNames, `o'brien & <sons> "q".yaml`));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function expectValid(card: unknown) {
  const ok = validate(card);
  expect(validate.errors ?? [], "scorecard schema errors").toEqual([]);
  expect(ok).toBe(true);
}

function expectUsageError(r: CliResult) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/^\s{4}at /m);
  expect(r.stderr).not.toMatch(/internal error/);
}

// ---- Markdown tables, as GFM reads them ------------------------------------------------------

/** Cells of a table row: splits on pipes that no backslash escapes (GFM splits before inline parsing, code spans included). */
function cellsOf(row: string): string[] {
  const line = row.trim();
  const cells: string[] = [];
  let cur = "";
  let pipes = 0;
  let lastWasPipe = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "\\" && i + 1 < line.length) {
      cur += c + line[i + 1];
      i++;
      lastWasPipe = false;
    } else if (c === "|") {
      if (pipes > 0 || cur.trim() !== "") cells.push(cur);
      cur = "";
      pipes++;
      lastWasPipe = true;
    } else {
      cur += c;
      lastWasPipe = false;
    }
  }
  expect(line.startsWith("|"), `row starts with a pipe: ${row.slice(0, 120)}`).toBe(true);
  expect(lastWasPipe, `row ends with an unescaped pipe: ${row.slice(-120)}`).toBe(true);
  return cells;
}

interface MdTable {
  header: string[];
  rows: string[][];
  line: number;
}

const DELIMITER = /^\|(\s*:?-+:?\s*\|)+\s*$/;

/** Every table in a Markdown text; checks that each row has the header's cell count and a blank line ends it. */
function tablesOf(md: string): MdTable[] {
  const lines = md.split("\n");
  const tables: MdTable[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i]!.startsWith("|") || !DELIMITER.test(lines[i + 1]!)) continue;
    const header = cellsOf(lines[i]!);
    expect(cellsOf(lines[i + 1]!).length, `delimiter row of the table at line ${i + 1}`).toBe(header.length);
    const table: MdTable = { header, rows: [], line: i + 1 };
    let j = i + 2;
    for (; j < lines.length && lines[j] !== ""; j++) {
      // GFM continues a table with any following line: only rows may follow, and a blank line ends it.
      const cells = cellsOf(lines[j]!);
      expect(cells.length, `cells in line ${j + 1} (${lines[j]!.slice(0, 80)}…) vs the header at line ${i + 1}`).toBe(header.length);
      table.rows.push(cells);
    }
    tables.push(table);
    i = j;
  }
  return tables;
}

// ---- JUnit ------------------------------------------------------------------------------------

interface JTestcase {
  "@_classname": string;
  "@_name": string;
  failure?: { "@_message": string; "#text"?: string };
}
interface JSuite {
  "@_name": string;
  "@_tests": string;
  "@_failures": string;
  testcase: JTestcase[];
}
interface JUnit {
  testsuites: { "@_tests": string; "@_failures": string; testsuite: JSuite[] };
}

function parseJunit(xml: string): JUnit {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    htmlEntities: true,
    isArray: (name) => name === "testsuite" || name === "testcase" });
  const doc = parser.parse(xml) as JUnit;
  const suites = doc.testsuites.testsuite;
  // The counts in the attributes agree with the elements.
  for (const s of suites) {
    expect(Number(s["@_tests"])).toBe(s.testcase.length);
    expect(Number(s["@_failures"])).toBe(s.testcase.filter((c) => c.failure).length);
  }
  expect(Number(doc.testsuites["@_tests"])).toBe(suites.reduce((n, s) => n + s.testcase.length, 0));
  expect(Number(doc.testsuites["@_failures"])).toBe(suites.reduce((n, s) => n + s.testcase.filter((c) => c.failure).length, 0));
  return doc;
}

// ===============================================================================================

describe.concurrent("--format json validates against schemas/scorecard.schema.json", () => {
  it("one file", async () => {
    const r = await cli(["score", MIXED, "--format", "json"]);
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout) as Card;
    expectValid(card);
    expect(card.dimensions).toHaveLength(4);
  });

  it("with --benchmark capital-leader", async () => {
    const r = await cli(["score", MIXED, "--format", "json", "--benchmark", "capital-leader"]);
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout) as Card;
    expectValid(card);
    expect(card.benchmark).toBeDefined();
  });

  it("a partial answers file (scores that are null)", async () => {
    const r = await cli(["score", PARTIAL, "--format", "json", "--benchmark", "regional-average"]);
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout) as Card;
    expectValid(card);
    expect(card.dimensions.some((d) => d.score === null)).toBe(true);
  });

  it("each element of a batch array (a folder)", async () => {
    const r = await cli(["score", FIXTURE_DIR, "--format", "json"]);
    expect(r.code).toBe(0);
    const cards = JSON.parse(r.stdout) as Card[];
    expect(Array.isArray(cards)).toBe(true);
    expect(cards).toHaveLength(yamlFilesIn(join(REPO_ROOT, FIXTURE_DIR)).length);
    for (const card of cards) {
      expectValid(card);
      expect(card.file).toMatch(/\.yaml$/);
    }
  });

  it("the hostile answers file", async () => {
    const r = await cli(["score", hostile, "--format", "json"]);
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout) as Card;
    expectValid(card);
    // JSON carries the data as given; escaping is the renderers' business.
    expect(card.respondent).toBe(EVIL);
  });
});

describe.concurrent("--format junit", () => {
  const thresholds = ["--fail-under", "50", "--require-stage", "2.0", "--min", "data=50"];

  it("is well-formed XML with a testcase per threshold, failing where expected", async () => {
    const r = await cli(["score", MIXED, "--format", "junit", ...thresholds]);
    expect(r.code).toBe(1);
    const doc = parseJunit(r.stdout);
    const suites = doc.testsuites.testsuite;
    expect(suites).toHaveLength(1);
    const cases = suites[0]!.testcase;
    for (const c of cases) expect(c["@_classname"]).toBe(MIXED);
    const data = mixed.dimensions.find((d) => d.id === "data")!;
    expect(cases.map((c) => c["@_name"])).toEqual(["overall score at least 50", "stage at least Media house 2.0: the direct relationship", `${data.title}: score at least 50`]);
    // 40 < 50, stage before 1.0 < 2.0, data 30 < 50: all three fail, each saying so with the number shown.
    for (const c of cases) expect(c.failure, c["@_name"]).toBeDefined();
    expect(cases[0]!.failure!["@_message"]).toBe(`overall score ${Math.round(mixed.overall.score!)} is below --fail-under 50`);
    expect(cases[1]!.failure!["@_message"]).toBe(`the stage reached, ${mixed.overall.stage.name}, is below the required Media house 2.0: the direct relationship`);
  });

  it("thresholds that are met are testcases without a failure", async () => {
    const r = await cli(["score", MIXED, "--format", "junit", "--fail-under", "30", "--require-stage", "before-1.0", "--min", "channels=50"]);
    expect(r.code).toBe(0);
    const cases = parseJunit(r.stdout).testsuites.testsuite[0]!.testcase;
    expect(cases).toHaveLength(3);
    for (const c of cases) expect(c.failure, c["@_name"]).toBeUndefined();
  });

  it("with no threshold, one passing case per file: nothing red on a green job", async () => {
    const r = await cli(["score", FIXTURE_DIR, "--format", "junit"]);
    expect(r.code).toBe(0);
    const doc = parseJunit(r.stdout);
    expect(doc.testsuites["@_failures"]).toBe("0");
    for (const s of doc.testsuites.testsuite) expect(s.testcase.map((c) => c["@_name"])).toEqual([expect.stringMatching(/^scored: .+, \d+\/100$/)]);
  });

  it("several files give one testsuite per file", async () => {
    const files = yamlFilesIn(join(REPO_ROOT, FIXTURE_DIR));
    const r = await cli(["score", FIXTURE_DIR, "--format", "junit", ...thresholds]);
    expect(r.code).toBe(1);
    const suites = parseJunit(r.stdout).testsuites.testsuite;
    expect(suites).toHaveLength(files.length);
    suites.forEach((s, i) => {
      const file = `${FIXTURE_DIR}/${files[i]}`;
      expect(s["@_name"]).toContain(file);
      expect(s.testcase).toHaveLength(3);
      for (const c of s.testcase) expect(c["@_classname"]).toBe(file);
    });
    // most-mature passes everything; least-mature fails everything.
    const most = suites.find((s) => s["@_name"].includes("most-mature"))!;
    const least = suites.find((s) => s["@_name"].includes("least-mature"))!;
    expect(most.testcase.filter((c) => c.failure)).toHaveLength(0);
    expect(least.testcase.filter((c) => c.failure)).toHaveLength(3);
  });

  it("file names with XML markup are escaped", async () => {
    const r = await cli(["score", oddNames, "--format", "junit"]);
    expect(r.code).toBe(0);
    const suites = parseJunit(r.stdout).testsuites.testsuite;
    expect(suites.map((s) => s.testcase[0]!["@_classname"]).sort()).toEqual(readdirSync(oddNames).sort().map((f) => join(oddNames, f)));
  });
});

describe.concurrent("--format markdown", () => {
  it("tables are well formed, the report is small, has the stage, next steps and <details>", async () => {
    const r = await cli(["score", MIXED, "--format", "markdown"]);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    const tables = tablesOf(md);
    // The dimension table, then one explanation table per dimension.
    expect(tables).toHaveLength(1 + mixed.dimensions.length);
    expect(tables[0]!.rows).toHaveLength(mixed.dimensions.length + 1);
    expect(md).toContain(mixed.overall.stage.name);
    // The stage by its short name in the table, never its id.
    expect(md).toMatch(/^\| \*\*Overall\*\* \| 40 \| Before 1\.0 🔒 \| 15 \|$/m);
    expect(md).not.toContain("before-1.0");
    // Every step of the roadmap, phased, not only the first five.
    expect(md).toMatch(/^### Roadmap to Media house 2\.0$/m);
    expect(mixed.nextSteps.length).toBeGreaterThan(5);
    for (const step of mixed.nextSteps) expect(md).toContain(`**${step.title}**`);
    expect(md).toContain("<details>");
    expect(md).toContain("</details>");
    expect(md).not.toContain(ESC);
  });

  it("with a benchmark, its table is well formed too", async () => {
    const r = await cli(["score", MIXED, "--format", "markdown", "--benchmark", "regional-average"]);
    expect(r.code).toBe(0);
    const tables = tablesOf(r.stdout);
    expect(tables).toHaveLength(2 + mixed.dimensions.length);
    expect(tables[1]!.header.map((h) => h.trim())).toEqual(["", "This audit", "Benchmark", "Distance"]);
    expect(tables[1]!.rows).toHaveLength(1 + mixed.dimensions.length);
  });

  it("a folder gives one table with a row per file", async () => {
    const files = yamlFilesIn(join(REPO_ROOT, FIXTURE_DIR));
    const r = await cli(["score", FIXTURE_DIR, "--format", "markdown"]);
    expect(r.code).toBe(0);
    const tables = tablesOf(r.stdout);
    expect(tables).toHaveLength(1);
    const header = tables[0]!.header.map((h) => h.trim());
    expect(header[0]).toBe("File");
    expect(header).toContain("Stage");
    expect(header.slice(-mixed.dimensions.length)).toEqual(mixed.dimensions.map((d) => d.title));
    expect(tables[0]!.rows).toHaveLength(files.length);
    tables[0]!.rows.forEach((row, i) => expect(row[0]!.trim()).toBe(`${FIXTURE_DIR}/${files[i]}`.replace(/_/g, "\\_")));
    const mixedRow = tables[0]!.rows.find((row) => row[0]!.includes("mixed-regional-shop"))!;
    expect(mixedRow.join("|")).toContain(mixed.respondent!);
    expect(mixedRow.slice(-mixed.dimensions.length).map((c) => c.trim())).toEqual(mixed.dimensions.map((d) => String(Math.round(d.score!))));
  });

  it("file names with pipes and emphasis keep the batch table well formed", async () => {
    const r = await cli(["score", oddNames, "--format", "markdown"]);
    expect(r.code).toBe(0);
    const tables = tablesOf(r.stdout);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows).toHaveLength(2);
    expect(r.stdout).toContain("a\\|b \\*\\*c\\*\\*.yaml");
    expect(r.stdout).not.toContain("<sons>");
  });
});

describe.concurrent("--format badge", () => {
  it("is a valid SVG with the stage and the score", async () => {
    const r = await cli(["score", MIXED, "--format", "badge"]);
    expect(r.code).toBe(0);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" }).parse(r.stdout) as { svg: Record<string, unknown> };
    expect(doc.svg["@_xmlns"]).toBe("http://www.w3.org/2000/svg");
    expect(Number(doc.svg["@_width"])).toBeGreaterThan(0);
    expect(Number(doc.svg["@_height"])).toBe(20);
    expect(r.stdout).toContain(`${mixed.overall.stage.id} · ${Math.round(mixed.overall.score!)}/100`);
  });

  it("each stage of the fixtures gives a valid badge", async () => {
    const runs = await Promise.all([LEAST, MOST, PARTIAL].map(async (f) => [f, await cli(["score", f, "--format", "badge"])] as const));
    for (const [f, r] of runs) {
      expect(r.code, f).toBe(0);
      expect(XMLValidator.validate(r.stdout), f).toBe(true);
      expect(r.stdout).toMatch(/\d+\/100/);
    }
  });
});

describe.concurrent("hostile text in the answers file", () => {
  it("HTML has no <script>, only escaped &lt;script", async () => {
    const r = await cli(["score", hostile, "--format", "html", "--explain"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/<script/i);
    expect(r.stdout).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).toContain(LONG_LINE);
  });

  it("Markdown escapes the pipes and its tables stay well formed", async () => {
    const r = await cli(["score", hostile, "--format", "markdown", "--explain"]);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(md).toContain("\\| pipes \\|");
    expect(md).toContain("\\*\\*bold\\*\\*");
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toContain(ESC);
    // The note's fake table stays inside its cell: no extra table, no line of its own.
    const tables = tablesOf(md);
    expect(tables).toHaveLength(1 + mixed.dimensions.length);
    expect(md).not.toMatch(/^\| fake/m);
    expect(md).toContain(LONG_LINE);
  });

  it("Markdown batch tables stay well formed", async () => {
    const r = await cli(["score", hostile, MIXED, "--format", "markdown"]);
    expect(r.code).toBe(0);
    const tables = tablesOf(r.stdout);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows).toHaveLength(2);
    expect(r.stdout).not.toMatch(/<script/i);
  });

  it("Markdown does not turn a respondent's or organisation's '#' into a heading", async () => {
    const r = await cli(["score", hostileHeading, "--format", "markdown"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Not a heading");
    expect(r.stdout).not.toMatch(/^#{1,6} Not a heading/m);
  });

  it("text output has no ESC characters and fits 80 columns", async () => {
    const r = await cli(["score", hostile, "--explain"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).toContain("<script>alert(1)</script>");
    for (const line of r.stdout.split("\n")) expect([...line].length, line.slice(0, 60)).toBeLessThanOrEqual(80);
  });

  it("text batch output has no ESC characters", async () => {
    const r = await cli(["score", hostile, MIXED]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(ESC);
  });

  it("JUnit still parses", async () => {
    const r = await cli(["score", hostile, "--format", "junit", "--fail-under", "50"]);
    expect(r.code).toBe(1);
    const suites = parseJunit(r.stdout).testsuites.testsuite;
    expect(suites).toHaveLength(1);
    expect(r.stdout).not.toContain(ESC);
  });

  it("the badge still parses", async () => {
    const r = await cli(["score", hostile, "--format", "badge"]);
    expect(r.code).toBe(0);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
  });
});

describe.concurrent("thresholds", () => {
  it("--fail-under 30 on the mixed fixture exits 0", async () => {
    const r = await cli(["score", MIXED, "--fail-under", "30"]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/threshold/);
  });

  it("--fail-under 50 exits 1, names the score on stderr and still prints the report", async () => {
    const r = await cli(["score", MIXED, "--fail-under", "50"]);
    expect(r.code).toBe(1);
    // The score as the report shows it, which is the number the threshold compares.
    const score = String(Math.round(mixed.overall.score!));
    const lines = r.stderr.split("\n").filter((l) => /threshold not met/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(score);
    expect(lines[0]).toContain("50");
    expect(r.stdout).toContain(`${Math.round(mixed.overall.score!)}/100`);
    expect(r.stdout).toMatch(/The first three steps/);
  });

  it("--require-stage 3.0 exits 1", async () => {
    const r = await cli(["score", MIXED, "--require-stage", "3.0"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/3\.0/);
    expect(r.stdout).not.toBe("");
  });

  it("--require-stage 9.9 exits 2: not a stage", async () => {
    const r = await cli(["score", MIXED, "--require-stage", "9.9"]);
    expectUsageError(r);
    expect(r.stderr).toMatch(/9\.9/);
    expect(r.stderr).toMatch(/not a stage/);
  });

  it("--min data=50 exits 1 naming the dimension", async () => {
    const r = await cli(["score", MIXED, "--min", "data=50"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(mixed.dimensions.find((d) => d.id === "data")!.title);
    expect(r.stdout).not.toBe("");
  });

  it("--min nope=5 exits 2", async () => {
    const r = await cli(["score", MIXED, "--min", "nope=5"]);
    expectUsageError(r);
    expect(r.stderr).toMatch(/nope/);
  });

  it("--fail-under abc exits 2", async () => {
    const r = await cli(["score", MIXED, "--fail-under", "abc"]);
    expectUsageError(r);
    expect(r.stderr).toMatch(/abc/);
  });
});

describe.concurrent("--baseline", () => {
  let dir: string;
  const scorecardJson = async (answers: string, name: string) => {
    const r = await cli(["score", answers, "--format", "json"]);
    expect(r.code).toBe(0);
    const file = join(dir, name);
    writeFileSync(file, r.stdout);
    return file;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmp, "baseline-"));
  });

  const regressed = () => mixed.dimensions.filter((d) => (d.score ?? 0) < 100);
  function expectRegression(r: CliResult) {
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/overall score fell from 100/);
    expect(regressed().length).toBeGreaterThan(0);
    for (const d of regressed()) expect(r.stderr).toContain(`${d.title} fell from 100`);
    expect(r.stdout).not.toBe("");
  }

  it("the same file as baseline exits 0", async () => {
    const r = await cli(["score", MIXED, "--baseline", MIXED]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/threshold/);
  });

  it("a better baseline exits 1 naming the dimensions that regressed", async () => {
    expectRegression(await cli(["score", MIXED, "--baseline", MOST]));
  });

  it("a worse baseline exits 0", async () => {
    const r = await cli(["score", MIXED, "--baseline", LEAST]);
    expect(r.code).toBe(0);
  });

  it("--tolerance 100 lets any drop pass", async () => {
    const r = await cli(["score", MIXED, "--baseline", MOST, "--tolerance", "100"]);
    expect(r.code).toBe(0);
  });

  it("a scorecard JSON from --format json works the same way", async () => {
    const [same, better] = await Promise.all([scorecardJson(MIXED, "mixed.json"), scorecardJson(MOST, "most.json")]);
    const [a, b, c] = await Promise.all([
      runEnglish(["score", MIXED, "--baseline", same]),
      runEnglish(["score", MIXED, "--baseline", better]),
      runEnglish(["score", MIXED, "--baseline", better, "--tolerance", "100"]),
    ]);
    expect(a.code).toBe(0);
    expectRegression(b);
    expect(c.code).toBe(0);
  });

  it("the JSON and the answers baseline give the same verdicts in JUnit", async () => {
    const better = await scorecardJson(MOST, "most-2.json");
    const [ra, rb] = await Promise.all([
      runEnglish(["score", MIXED, "--format", "junit", "--baseline", MOST]),
      runEnglish(["score", MIXED, "--format", "junit", "--baseline", better]),
    ]);
    const a = parseJunit(ra.stdout);
    const b = parseJunit(rb.stdout);
    const verdicts = (j: JUnit) => j.testsuites.testsuite[0]!.testcase.map((c) => [c["@_name"], !!c.failure]);
    expect(verdicts(b)).toEqual(verdicts(a));
    expect(verdicts(a).filter(([name]) => String(name).includes("baseline"))).toHaveLength(1 + mixed.dimensions.length);
  });
});

describe.concurrent("--benchmark", () => {
  it("capital-leader: text says points behind the benchmark, and that the profile is illustrative", async () => {
    const r = await cli(["score", MIXED, "--benchmark", "capital-leader"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/points behind the benchmark/);
    expect(r.stdout).toMatch(/illustrative/);
  });

  it("regional-average --format json has benchmark.dimensions with distances", async () => {
    const r = await cli(["score", MIXED, "--benchmark", "regional-average", "--format", "json"]);
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout) as Card;
    expectValid(card);
    const b = card.benchmark!;
    expect(b.illustrative).toBe(true);
    expect(b.dimensions.map((d) => d.id)).toEqual(card.dimensions.map((d) => d.id));
    for (const d of b.dimensions) {
      const score = card.dimensions.find((x) => x.id === d.id)!.score!;
      expect(typeof d.benchmark).toBe("number");
      expect(d.distance).toBe(round1(score - d.benchmark!));
    }
    expect(b.overallDistance).toBe(round1(card.overall.score! - b.overall!));
  });

  it("an unknown benchmark exits 2", async () => {
    const r = await cli(["score", MIXED, "--benchmark", "nope"]);
    expectUsageError(r);
    expect(r.stderr).toMatch(/nope/);
  });
});

describe("--output", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmp, "output-"));
  });

  it("writes the file atomically, leaves no temporary file and prints nothing on stdout", async () => {
    // A folder of its own: the other tests here write beside it, in any order.
    const own = mkdtempSync(join(dir, "json-"));
    const out = join(own, "report.json");
    writeFileSync(out, "old content");
    const r = await runEnglish(["score", MIXED, "--format", "json", "--output", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(readdirSync(own)).toEqual(["report.json"]);
    expectValid(JSON.parse(readFileSync(out, "utf8")));
  });

  it("still writes the report when a threshold fails (exit 1)", async () => {
    const out = join(dir, "junit.xml");
    const r = await runEnglish(["score", MIXED, "--format", "junit", "--fail-under", "50", "--output", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    parseJunit(readFileSync(out, "utf8"));
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("into a missing folder exits 2 and leaves nothing behind", async () => {
    const out = join(dir, "no-such-folder", "report.md");
    const r = await runEnglish(["score", MIXED, "--format", "markdown", "--output", out]);
    expectUsageError(r);
    expect(existsSync(join(dir, "no-such-folder"))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("--format html with two files exits 2 and writes nothing", async () => {
    const out = join(dir, "two.html");
    const r = await runEnglish(["score", MIXED, MOST, "--format", "html", "--output", out]);
    expectUsageError(r);
    expect(r.stderr).toMatch(/html/);
    expect(existsSync(out)).toBe(false);
    expectUsageError(await cli(["score", MIXED, MOST, "--format", "html"]));
  });
});
