// A batch as a CI job runs it, in-process: a folder of audits in several languages with broken files among them,
// the runner's C locale, thresholds and a folder of per-file baselines; Markdown for the step summary, JUnit for
// the test dashboard (parsed as XML), JSON rows for scripts. Then quoted globs, and the spinner of a long batch.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { REPO_ROOT } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

/** What a GitHub runner has: LANG=C.UTF-8, no other locale, CI set. */
const RUNNER = { LANG: "C.UTF-8", LC_ALL: undefined, LC_MESSAGES: undefined, CI: "true" };

let dir: string;
const fixture = (name: string) => readFileSync(join(REPO_ROOT, "test", "fixtures", name), "utf8");

/** A fixture with its top-level fields changed (lang, organisation) and answers replaced. */
function variant(name: string, fields: Record<string, string>, answers: Record<string, unknown> = {}): string {
  const doc = parseDocument(fixture(name));
  for (const [k, v] of Object.entries(fields)) doc.set(k, v);
  for (const [k, v] of Object.entries(answers)) doc.setIn(["answers", k], v);
  return doc.toString();
}

/** Every text of the bundled questionnaire and rubric in Swedish, Norwegian and Danish that English does not share. */
function otherLanguageTexts(): string[] {
  const texts: string[] = [];
  const q = parse(readFileSync(join(REPO_ROOT, "questions", "media-house.yaml"), "utf8")) as { sections: Array<{ title: Record<string, string> }> };
  const r = parse(readFileSync(join(REPO_ROOT, "scoring", "media-house.yaml"), "utf8")) as { stages: Array<{ name: Record<string, string> }> };
  for (const t of [...q.sections.map((s) => s.title), ...r.stages.map((s) => s.name)]) for (const l of ["sv", "nb", "da"]) if (t[l] !== t.en) texts.push(t[l]!);
  return texts;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ma-ci-batch-"));
  mkdirSync(join(dir, "audits"));
  mkdirSync(join(dir, "base"));
  const w = (rel: string, text: string) => writeFileSync(join(dir, rel), text);
  // Three languages among the files; two broken files, one that YAML cannot read and one with an answer out of range.
  w("audits/0-broken.yaml", "kind: answers\nversion: 1\nquestionnaire: media-house\nanswers: [\n");
  w("audits/a-lindqvist.yaml", variant("mixed-regional-shop.yaml", { lang: "sv" }));
  w("audits/b-kringlen.yaml", variant("small-cafe-online-only.yaml", { lang: "da" }));
  w("audits/c-most.yaml", variant("most-mature.yaml", { lang: "nb" }));
  w("audits/d-range.yaml", variant("mixed-regional-shop.yaml", { lang: "sv" }, { "data.analytics": 9 }));
  // Baselines: one by file name (the business was fully mature, so every score fell); one by organisation under
  // another name (the business was at zero, so nothing fell); c-most has none.
  w("base/a-lindqvist.yaml", fixture("most-mature.yaml"));
  w("base/kringlen-2025.yaml", variant("least-mature.yaml", { organisation: "Café Kringlen" }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JCase {
  "@_name": string;
  failure?: { "@_message": string };
  error?: { "@_message": string };
  skipped?: { "@_message": string };
}
interface JSuite {
  "@_name": string;
  "@_tests": string;
  "@_failures": string;
  "@_errors": string;
  testcase: JCase[];
}

/** Parses JUnit XML and checks that the counts it states agree with its elements. */
function parseJunit(xml: string): { suites: JSuite[]; root: Record<string, string> } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", htmlEntities: true, isArray: (n) => n === "testsuite" || n === "testcase" }).parse(xml) as {
    testsuites: Record<string, string> & { testsuite: JSuite[] };
  };
  const suites = doc.testsuites.testsuite;
  for (const s of suites) {
    expect(Number(s["@_tests"])).toBe(s.testcase.length);
    expect(Number(s["@_failures"])).toBe(s.testcase.filter((c) => c.failure).length);
    expect(Number(s["@_errors"])).toBe(s.testcase.filter((c) => c.error).length);
  }
  const all = suites.flatMap((s) => s.testcase);
  expect(Number(doc.testsuites["@_tests"])).toBe(all.length);
  expect(Number(doc.testsuites["@_failures"])).toBe(all.filter((c) => c.failure).length);
  expect(Number(doc.testsuites["@_errors"])).toBe(all.filter((c) => c.error).length);
  return { suites, root: doc.testsuites };
}

const suiteOf = (suites: JSuite[], file: string) => suites.find((s) => s["@_name"].startsWith(`audits/${file}`))!;

describe("a CI run over a folder: C locale, files in three languages, two broken", () => {
  const args = ["score", "audits/", "--baseline", "base/", "--fail-under", "35"];

  it("Markdown for the step summary: one language, stage names, a row with its message for each broken file, the regressions", async () => {
    const r = await runMain([...args, "--format", "markdown"], { cwd: dir, env: RUNNER });
    // The broken files end the job with 2 and are named on stderr at line:col, as without a report.
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^audits\/0-broken\.yaml:5:1: /m);
    expect(r.stderr).toMatch(/^audits\/d-range\.yaml:\d+:\d+: 9 is out of range for 'data\.analytics'/m);
    const md = r.stdout;
    expect(md).toContain("| File | Respondent, date | Overall | Stage | Channel use | Data-driven practice | Customer-relationship ownership | Communication and organisation | Thresholds |");
    for (const text of otherLanguageTexts()) expect(md, text).not.toContain(text);
    expect(md).not.toMatch(/before-1\.0|`1\.0`|`3\.0`/);
    const rows = md.split("\n").filter((l) => l.startsWith("| audits/"));
    expect(rows.map((l) => l.split(" | ")[0])).toEqual(["| audits/0-broken.yaml", "| audits/a-lindqvist.yaml", "| audits/b-kringlen.yaml", "| audits/c-most.yaml", "| audits/d-range.yaml"]);
    const [broken, lindqvist, kringlen, most, range] = rows as [string, string, string, string, string];
    expect(broken).toMatch(/❌ not scored: 5:1: /);
    expect(range).toMatch(/❌ not scored: \d+:\d+: 9 is out of range for 'data\.analytics'/);
    expect(lindqvist).toContain("Before 1.0: traditional");
    // Compared with its own baseline by name: everything fell from 100.
    expect(lindqvist).toContain("❌ overall score fell from 100 to 40 (-60, tolerance 0); Channel use fell from 100 to 56");
    // By organisation: from 0, so nothing fell; only its own score is under 35.
    expect(kringlen).toMatch(/❌ overall score 32 is below --fail-under 35 \|$/);
    expect(most).toContain("Media house 3.0: the retention universe");
    expect(most).toContain("✅ all met; no baseline to compare with");
  });

  it("JUnit: a case per threshold per file, failures only where one failed, each broken file an error, one language", async () => {
    const r = await runMain([...args, "--format", "junit", "--output", "junit.xml"], { cwd: dir, env: RUNNER });
    expect(r.code).toBe(2);
    const xml = readFileSync(join(dir, "junit.xml"), "utf8");
    const { suites } = parseJunit(xml);
    expect(suites).toHaveLength(5);
    for (const text of otherLanguageTexts()) expect(xml, text).not.toContain(text);
    expect(xml).not.toContain("before-1.0");

    for (const f of ["0-broken", "d-range"]) {
      const s = suiteOf(suites, f);
      expect(s.testcase).toHaveLength(1);
      expect(s.testcase[0]!.error!["@_message"]).toMatch(/^\d+:\d+: /);
      expect(s.testcase[0]!.failure).toBeUndefined();
    }
    expect(suiteOf(suites, "d-range").testcase[0]!.error!["@_message"]).toContain("9 is out of range for 'data.analytics'");

    const failing = (s: JSuite) => s.testcase.filter((c) => c.failure).map((c) => c["@_name"]);
    const passing = (s: JSuite) => s.testcase.filter((c) => !c.failure && !c.skipped).map((c) => c["@_name"]);
    const lindqvist = suiteOf(suites, "a-lindqvist");
    expect(lindqvist["@_name"]).toBe("audits/a-lindqvist.yaml: Before 1.0: traditional (40/100)");
    expect(passing(lindqvist)).toEqual(["overall score at least 35"]);
    expect(failing(lindqvist)).toEqual([
      "overall score no lower than the baseline (tolerance 0)",
      "Channel use: no lower than the baseline (tolerance 0)",
      "Data-driven practice: no lower than the baseline (tolerance 0)",
      "Customer-relationship ownership: no lower than the baseline (tolerance 0)",
      "Communication and organisation: no lower than the baseline (tolerance 0)",
    ]);
    expect(lindqvist.testcase[1]!.failure!["@_message"]).toBe("overall score fell from 100 to 40 (-60, tolerance 0)");
    const kringlen = suiteOf(suites, "b-kringlen");
    expect(failing(kringlen)).toEqual(["overall score at least 35"]);
    expect(kringlen.testcase[0]!.failure!["@_message"]).toBe("overall score 32 is below --fail-under 35");
    expect(passing(kringlen)).toHaveLength(5);
    const most = suiteOf(suites, "c-most");
    expect(failing(most)).toEqual([]);
    expect(passing(most)).toEqual(["overall score at least 35"]);
    expect(most.testcase.find((c) => c.skipped)!.skipped!["@_message"]).toBe("no baseline to compare with");
  });

  it("JUnit with no threshold shows nothing red: one passing case per scored file, errors for the broken ones", async () => {
    const r = await runMain(["score", "audits/", "--format", "junit"], { cwd: dir, env: RUNNER });
    expect(r.code).toBe(2);
    const { suites, root } = parseJunit(r.stdout);
    expect(root["@_failures"]).toBe("0");
    expect(root["@_errors"]).toBe("2");
    expect(suiteOf(suites, "a-lindqvist").testcase.map((c) => [c["@_name"], !!c.failure])).toEqual([["scored: Before 1.0: traditional, 40/100", false]]);
    expect(suiteOf(suites, "c-most").testcase).toHaveLength(1);
  });

  it("--lang sv makes the whole report Swedish, the Danish and Norwegian files too", async () => {
    const r = await runMain([...args, "--format", "markdown", "--lang", "sv"], { cwd: dir, env: RUNNER });
    expect(r.stdout).toContain("| Fil | Svarande, datum | Totalt | Steg | Kanalanvändning |");
    expect(r.stdout).toContain("Före 1.0: traditionell");
    expect(r.stdout).toContain("Mediehus 3.0: det egna kunduniversumet");
    expect(r.stdout).not.toMatch(/Før 1\.0|Kanalbrug|Kanalbruk|Before 1\.0/);
    expect(r.stdout).toContain("totalpoäng: 32, lägre än --fail-under 35");
  });

  it("JSON and NDJSON carry a broken file as a row with its message, in place", async () => {
    const [json, ndjson] = await Promise.all(["json", "ndjson"].map((f) => runMain(["score", "audits/", "--format", f], { cwd: dir, env: RUNNER })));
    const rows = JSON.parse(json!.stdout) as Array<{ file: string; error?: { message: string; problems: Array<{ line?: number; message: string }> }; lang?: string }>;
    expect(ndjson!.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as unknown)).toEqual(rows);
    expect(rows.map((x) => x.file)).toEqual(["0-broken", "a-lindqvist", "b-kringlen", "c-most", "d-range"].map((f) => `audits/${f}.yaml`));
    expect(rows[0]!.error!.problems[0]!.line).toBe(5);
    expect(rows[4]!.error!.message).toMatch(/^\d+:\d+: 9 is out of range for 'data\.analytics'/);
    // The scorecards are in the report's one language.
    expect(rows.filter((x) => !x.error).map((x) => x.lang)).toEqual(["en", "en", "en"]);
  });

  it("the text table names stages, not ids", async () => {
    const r = await runMain(["score", "audits/"], { cwd: dir, env: RUNNER });
    expect(r.stdout).toMatch(/^a-lindqvist\.yaml .* Before 1\.0 /m);
    expect(r.stdout).toMatch(/^c-most\.yaml .* Media house 3\.0 /m);
    expect(r.stdout).toMatch(/^0-broken\.yaml +not scored: 5:1: /m);
    expect(r.stdout).not.toContain("before-1.0");
  });
});

describe("quoted globs", () => {
  it("expand as the folder does, sorted; ** goes down the folders; an absolute pattern gives absolute paths", async () => {
    mkdirSync(join(dir, "deep", "b", "c"), { recursive: true });
    mkdirSync(join(dir, "deep", "a"), { recursive: true });
    writeFileSync(join(dir, "deep", "b", "c", "z.yaml"), fixture("least-mature.yaml"));
    writeFileSync(join(dir, "deep", "a", "y.yaml"), fixture("most-mature.yaml"));
    writeFileSync(join(dir, "deep", "x.yaml"), fixture("least-mature.yaml"));
    const files = (stdout: string) => stdout.trimEnd().split("\n").map((l) => (JSON.parse(l) as { file: string }).file);
    const [glob, deep, absolute] = await Promise.all([
      runMain(["score", "audits/[a-c]*.yaml", "--format", "ndjson"], { cwd: dir }),
      runMain(["score", "deep/**/*.yaml", "--format", "ndjson"], { cwd: dir }),
      runMain(["score", join(dir, "deep", "*", "*.yaml"), "--format", "ndjson"], { cwd: dir }),
    ]);
    expect(glob.code).toBe(0);
    expect(files(glob.stdout)).toEqual(["audits/a-lindqvist.yaml", "audits/b-kringlen.yaml", "audits/c-most.yaml"]);
    expect(files(deep.stdout)).toEqual(["deep/a/y.yaml", "deep/b/c/z.yaml", "deep/x.yaml"]);
    expect(files(absolute.stdout)).toEqual([join(dir, "deep", "a", "y.yaml")]);
  });

  it("a pattern that matches nothing is exit 2 naming it; a file whose name looks like a pattern is that file", async () => {
    writeFileSync(join(dir, "odd[1].yaml"), fixture("most-mature.yaml"));
    const [none, odd] = await Promise.all([runMain(["score", "nowhere/**/*.yaml"], { cwd: dir }), runMain(["score", "odd[1].yaml", "--format", "json"], { cwd: dir })]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr).toBe("maturity-audit: no file matches nowhere/**/*.yaml\n");
    expect(odd.code).toBe(0);
    expect((JSON.parse(odd.stdout) as { overall: { score: number } }).overall.score).toBe(100);
  });

  it("--baseline takes a glob as it takes a folder", async () => {
    const r = await runMain(["score", "audits/[ab]*.yaml", "--baseline", "base/*.yaml", "--format", "junit"], { cwd: dir, env: RUNNER });
    expect(r.code).toBe(1);
    const { suites } = parseJunit(r.stdout);
    // a-lindqvist by name, every score fell; b-kringlen by organisation, none did.
    expect(suites.map((s) => s.testcase.filter((c) => c.failure).length)).toEqual([5, 0]);
    expect(suites.map((s) => s.testcase.length)).toEqual([5, 5]);
  });
});

describe("the CI examples in the README", () => {
  /** The `npx maturity-audit score ...` lines of the README's GitHub Actions and GitLab CI examples, as argument lists. */
  function readmeCommands(): Array<{ args: string[]; appendsTo?: string }> {
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const ci = readme.slice(readme.indexOf("GitHub Actions:"), readme.indexOf("### Workshops"));
    return [...ci.matchAll(/^\s*(?:- run: |- )npx maturity-audit (score .+)$/gm)].map((m) => {
      const words = [...m[1]!.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((w) => w[1] ?? w[2] ?? w[3]!);
      const stop = words.findIndex((w) => w === ">>" || w === "||");
      return { args: stop < 0 ? words : words.slice(0, stop), ...(words[stop] === ">>" ? { appendsTo: words[stop + 1] } : {}) };
    });
  }

  it("run as written: the step summary is a Markdown table appended, the JUnit file is written, the gate fails below the stage", async () => {
    const ci = join(dir, "ci");
    mkdirSync(join(ci, "audits"), { recursive: true });
    mkdirSync(join(ci, "baseline"));
    writeFileSync(join(ci, "audits", "acme.yaml"), fixture("most-mature.yaml"));
    writeFileSync(join(ci, "audits", "lindqvist.yaml"), fixture("mixed-regional-shop.yaml"));
    writeFileSync(join(ci, "baseline", "acme.yaml"), fixture("mixed-regional-shop.yaml"));
    const commands = readmeCommands();
    expect(commands).toHaveLength(4);
    for (const { args, appendsTo } of commands) {
      const r = await runMain(args, { cwd: ci, env: RUNNER });
      const junit = args.includes("junit");
      // Only the gate's --require-stage 2.0 fails: lindqvist is before 1.0; acme improved on its baseline.
      expect(r.code, args.join(" ")).toBe(junit ? 1 : 0);
      if (appendsTo) expect(appendsTo).toBe("$GITHUB_STEP_SUMMARY");
      const md = appendsTo ? r.stdout : junit ? "" : readFileSync(join(ci, args[args.indexOf("--output") + 1]!), "utf8");
      if (!junit) expect(md.split("\n").filter((l) => /^\| audits\/(acme|lindqvist)\.yaml \|/.test(l))).toHaveLength(2);
      if (junit) {
        const { suites, root } = parseJunit(readFileSync(join(ci, "junit.xml"), "utf8"));
        expect(suites).toHaveLength(2);
        expect(root["@_failures"]).toBe("1");
      }
    }
  });
});

describe("progress on stderr", () => {
  it("a batch that takes over a second shows a count on a terminal, and nothing in CI, with --quiet or into a pipe", async () => {
    // A rubric module that takes a while per file: the batch lasts over a second however fast the machine is.
    const plugin = join(dir, "slow-rubric.mjs");
    const base = pathToFileURL(join(REPO_ROOT, "examples", "rubrics", "quick-check.mjs")).href;
    writeFileSync(plugin, `import base from ${JSON.stringify(base)};\nexport default { ...base, id: "slow-check", async evaluate(input) { await new Promise((r) => setTimeout(r, 300)); return base.evaluate(input); } };\n`);
    const args = ["score", "audits/[a-c]*.yaml", "c-copy.yaml", "--rubric", plugin, "--format", "junit", "--output", "out.xml"];
    writeFileSync(join(dir, "c-copy.yaml"), fixture("most-mature.yaml"));
    const env = { CI: undefined };
    const [tty, ci, quiet, pipe] = await Promise.all([
      runMain(args, { cwd: dir, env, stderrIsTTY: true }),
      runMain(args, { cwd: dir, env: { CI: "true" }, stderrIsTTY: true }),
      runMain(["--quiet", ...args], { cwd: dir, env, stderrIsTTY: true }),
      runMain(args, { cwd: dir, env }),
    ]);
    for (const r of [tty, ci, quiet, pipe]) expect(r.code, r.stderr).toBe(0);
    expect(tty.ms).toBeGreaterThan(1000);
    expect(tty.stderr).toMatch(/Scoring [1-4] of 4 files/);
    // Drawn in place and cleared at the end, with no colour (NO_COLOR is set).
    const last = tty.stderr.lastIndexOf("of 4 files");
    expect(tty.stderr.slice(last)).toMatch(/\u001b\[1G\u001b\[0K/);
    expect(tty.stderr).not.toContain("\u001b[36m");
    for (const r of [ci, quiet, pipe]) {
      expect(r.stderr).not.toContain("of 4 files");
      expect(r.stderr).not.toContain("\u001b[");
    }
  });
});
