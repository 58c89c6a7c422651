// The files under examples/ and the second bundled rubric, run through main() of the build (dist/ must be built).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { BIN, cliEnv, positionOf, REPO_ROOT, type CliOptions, type CliResult } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

const MIXED = "test/fixtures/mixed-regional-shop.yaml";
const ACME = "examples/rubrics/acme-consulting.yaml";
const QUICK = "examples/rubrics/quick-check.mjs";
const SHOP = "examples/shop-checklist";
const SHOP_Q = `${SHOP}/questionnaire.yaml`;
const SHOP_R = `${SHOP}/rubric.yaml`;
const SHOP_A = `${SHOP}/answers.yaml`;
const PLUGINS = "test/fixtures/plugins";
/** A line of a stack trace, which must never reach a user without --debug. */
const STACK = /^ {4}at /m;

// Tests that only read the same command's output share one run.
const runs = new Map<string, Promise<CliResult>>();
function run(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  const key = JSON.stringify([args, opts]);
  if (!runs.has(key)) runs.set(key, runMain(args, opts));
  return runs.get(key)!;
}

interface ScorecardJson {
  rubric: { id: string };
  overall: { score: number | null; stage: { id: string } };
  dimensions: Array<{ id: string; score: number | null }>;
  gates: Array<{ id: string; status: string }>;
  nextSteps: Array<{ id: string; stage: { id: string }; because: Array<{ question: string }> }>;
}

async function scorecard(args: string[]): Promise<ScorecardJson> {
  const r = await run(["score", ...args, "--format", "json"]);
  expect(r.stderr.replace(/^Running rubric code from .*\n/m, "")).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ScorecardJson;
}

const NEVER_RESOLVES = ["score", MIXED, "--rubric", "test/fixtures/bad/plugins/never-resolves.mjs", "--plugin-timeout", "2"];

let tmp: string;
/**
 * Runs the built CLI and times it from its note that it runs the plugin's code to its exit: the wait for the
 * plugin, not Node's start-up, which on a busy machine can take as long as the slack the bound allows.
 */
function timePluginRun(args: string[]): Promise<{ r: CliResult; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: cliEnv({}), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let noted: number | undefined;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      if (noted === undefined && /running rubric code/i.test(stderr)) noted = Date.now();
    });
    const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", (err) => (clearTimeout(killer), reject(err)));
    child.on("close", (code) => {
      clearTimeout(killer);
      resolve({ r: { code, stdout, stderr }, ms: noted === undefined ? Infinity : Date.now() - noted });
    });
  });
}

/** The run with a plugin that never answers, and how long it waited: it waits out the plugin's time limit. */
let neverResolves: Promise<{ r: CliResult; ms: number }>;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "maturity-audit-examples-"));
  // Started first, so that its wait runs beside the other tests instead of after them; as a process of its own,
  // so that its clock is not held up by the tests running in this one.
  neverResolves = timePluginRun(NEVER_RESOLVES);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tmpFile(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

/** `file:line:col: ` of the first `needle` in `text`, moved `shift` columns along it. */
function where(file: string, text: string, needle: string, shift = 0): string {
  const { line, col } = positionOf(text, needle);
  return `${file}:${line}:${col + shift}: `;
}

/** Replaces exactly one occurrence, so that a changed example cannot make a test silently pointless. */
function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `'${from}' occurs once`).toBe(1);
  return text.replace(from, to);
}

describe("acme-consulting: a consultancy's YAML rubric", () => {
  it("validates against the bundled questionnaire with no warnings", async () => {
    const r = await run(["validate", ACME]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`✓ ${ACME}: rubric 'acme-consulting' for 'media-house'`);
  });

  it("scores the mixed fixture, differently from the default rubric", async () => {
    const acme = await scorecard([MIXED, "--rubric", ACME]);
    const def = await scorecard([MIXED]);
    expect(acme.rubric.id).toBe("acme-consulting");
    expect(def.rubric.id).toBe("media-house");
    expect(acme.overall.score).not.toBeNull();
    expect(acme.overall.score).not.toBe(def.overall.score);
    expect(acme.nextSteps.map((s) => s.id).every((id) => id.startsWith("acme-"))).toBe(true);
  });
});

describe("quick-check.mjs: a JavaScript rubric plugin", () => {
  it("scores the mixed fixture and says on stderr that it runs the module's code", async () => {
    const r = await run(["score", MIXED, "--rubric", QUICK]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/runn?ing rubric code from .*quick-check\.mjs/i);
    expect(r.stdout).toMatch(/ · \d+\/100 ·\s+target Media house 2\.0/);
    expect(r.stdout).toContain("Quick check");
  });

  it("returns a complete evaluation: every dimension, gates and next steps", async () => {
    const card = await scorecard([MIXED, "--rubric", QUICK]);
    expect(card.rubric.id).toBe("quick-check");
    expect(card.dimensions.map((d) => d.id)).toEqual(["channels", "data", "relationship", "organisation"]);
    for (const d of card.dimensions) expect(d.score).toBeGreaterThanOrEqual(0);
    expect(card.gates.map((g) => [g.id, g.status])).toEqual([
      ["no-measurement", "passed"],
      ["no-customer-list", "passed"],
    ]);
    expect(card.nextSteps.length).toBeGreaterThan(0);
    for (const s of card.nextSteps) expect(s.because.length).toBeGreaterThan(0);
  });

  it("scores the least and the most mature answers as 0 and 100", async () => {
    expect((await scorecard(["test/fixtures/least-mature.yaml", "--rubric", QUICK])).overall.score).toBe(0);
    expect((await scorecard(["test/fixtures/most-mature.yaml", "--rubric", QUICK])).overall.score).toBe(100);
  });
});

describe("misbehaving plugins end with exit 2, a message naming them, and no stack trace", () => {
  const expectPluginFailure = (r: CliResult, name: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(name);
    expect(r.stderr).not.toMatch(STACK);
  };

  it("a plugin whose evaluate throws", async () => {
    const r = await run(["score", MIXED, "--rubric", `${PLUGINS}/throws.mjs`]);
    expectPluginFailure(r, /'throws'|throws\.mjs/);
    expect(r.stderr).toContain("the scoring table is missing");
  });

  it("a plugin whose evaluation has a score of 150", async () => {
    const r = await run(["score", MIXED, "--rubric", `${PLUGINS}/invalid-score.mjs`]);
    expectPluginFailure(r, /'invalid-score'|invalid-score\.mjs/);
    expect(r.stderr).toMatch(/invalid evaluation/);
    expect(r.stderr).toMatch(/score/);
  });

  it("a module that exports nothing useful", async () => {
    const r = await run(["score", MIXED, "--rubric", `${PLUGINS}/nothing-useful.mjs`]);
    expectPluginFailure(r, /nothing-useful\.mjs/);
    expect(r.stderr).toMatch(/does not export a rubric/);
  });

  it("a plugin module that does not exist", async () => {
    const r = await run(["score", MIXED, "--rubric", `${PLUGINS}/no-such-plugin.mjs`]);
    expectPluginFailure(r, /no-such-plugin\.mjs/);
  });

  it("a plugin whose evaluate never resolves is given up on at its --plugin-timeout (2 s here)", async () => {
    const { r, ms } = await neverResolves;
    expect(ms).toBeGreaterThanOrEqual(1_900);
    expect(ms).toBeLessThan(5_000);
    expectPluginFailure(r, /'never-resolves'|never-resolves\.mjs/);
  });
});

describe("shop-checklist: a questionnaire and rubric of another domain", () => {
  it("template prints an answers file that, filled in, validates", async () => {
    const t = await run(["template", "--questionnaire", SHOP_Q]);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^questionnaire: shop-checklist@1$/m);
    const doc = parseDocument(t.stdout);
    const filled: Record<string, unknown> = {
      "store.checkout-steps": 2,
      "store.payment-methods": ["card", "wallet"],
      "store.mobile-checkout": 4,
      "store.delivery": "choice-and-tracking",
      "customers.newsletter": true,
      "customers.newsletter-frequency": "monthly",
      "customers.repeat-share": "unknown",
      "customers.reviews": "asked-after-order",
      "operations.conversion-known": true,
      "operations.returns": "self-service",
      "operations.notes": "Filled in by a test.",
    };
    for (const [id, value] of Object.entries(filled)) {
      expect(doc.hasIn(["answers", id]), `template lists ${id}`).toBe(true);
      doc.setIn(["answers", id], value);
    }
    const file = tmpFile("shop-filled.yaml", doc.toString());
    const v = await run(["validate", file, "--questionnaire", SHOP_Q, "--rubric", SHOP_R]);
    expect(v.stderr).toBe("");
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(`✓ ${file}: answers to 'shop-checklist': 11 answered`);
    const s = await run(["score", file, "--questionnaire", SHOP_Q, "--rubric", SHOP_R, "--format", "json"]);
    expect(s.code).toBe(0);
    expect((JSON.parse(s.stdout) as ScorecardJson).overall.stage.id).toBe("solid");
  });

  it("validate checks the questionnaire, the rubric and the answers together", async () => {
    const r = await run(["validate", SHOP_Q, SHOP_R, SHOP_A, "--questionnaire", SHOP_Q, "--rubric", SHOP_R]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`✓ ${SHOP_Q}: questionnaire 'shop-checklist' revision 1: 3 sections, 11 questions`);
    expect(r.stdout).toContain(`✓ ${SHOP_R}: rubric 'shop-checklist' for 'shop-checklist': 3 stages`);
    expect(r.stdout).toContain(`✓ ${SHOP_A}: answers to 'shop-checklist'`);
  });

  it("validate needs no --rubric to check answers to a custom questionnaire", async () => {
    const r = await run(["validate", SHOP_Q, SHOP_R, SHOP_A, "--questionnaire", SHOP_Q]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("score prints the gap report in the checklist's own stages", async () => {
    const r = await run(["score", SHOP_A, "--questionnaire", SHOP_Q, "--rubric", SHOP_R]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // One answer is left open, and it could move the score into the next band: the stage says it is unconfirmed, and why.
    expect(r.stdout).toMatch(/^Garnhörnan — Starter: the shop is open \(unconfirmed\) · \d+\/100 · target Solid$/m);
    expect(r.stdout.replace(/\s+/g, " ")).toMatch(/Not confirmed: between Starter and Solid until these are answered: "Roughly what share of last year/);
    expect(r.stdout).toContain("Garnhörnan");
    const card = await scorecard([SHOP_A, "--questionnaire", SHOP_Q, "--rubric", SHOP_R]);
    expect(card.rubric.id).toBe("shop-checklist");
    expect(card.dimensions.map((d) => d.id)).toEqual(["store", "customers", "operations"]);
    expect(card.nextSteps.length).toBeGreaterThan(0);
  });

  it("the answers use a 'when' question and a \"don't know\"", () => {
    const q = readFileSync(join(REPO_ROOT, SHOP_Q), "utf8");
    expect(q).toMatch(/^\s+when: /m);
    expect(q).toMatch(/^\s+allowUnknown: true$/m);
    expect(readFileSync(join(REPO_ROOT, SHOP_A), "utf8")).toMatch(/value: unknown/);
  });
});

describe("bundled rubrics", () => {
  it("list shows the bundled rubrics, the quick audit's too", async () => {
    const text = await run(["list"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ {2}media-house\s/m);
    expect(text.stdout).toMatch(/^ {2}relationship-first\s/m);
    const json = await run(["list", "--format", "json"]);
    expect(json.code).toBe(0);
    const ids = (JSON.parse(json.stdout) as { rubrics: Array<{ id: string; questionnaire: string }> }).rubrics.map((r) => [r.id, r.questionnaire]);
    expect(ids).toEqual([
      ["media-house", "media-house"],
      ["relationship-first", "media-house"],
      ["media-house-quick", "media-house-quick"],
    ]);
  });

  it("relationship-first validates with no warnings", async () => {
    const r = await run(["validate", "scoring/relationship-first.yaml"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("rubric 'relationship-first' for 'media-house'");
  });

  it("relationship-first and media-house give different overall scores on the same answers", async () => {
    const rel = await scorecard([MIXED, "--rubric", "relationship-first"]);
    const def = await scorecard([MIXED, "--rubric", "media-house"]);
    expect(rel.rubric.id).toBe("relationship-first");
    expect(def.rubric.id).toBe("media-house");
    expect(Math.abs((rel.overall.score ?? 0) - (def.overall.score ?? 0))).toBeGreaterThanOrEqual(5);
    // The mixed shop reads the seller's reach figures, counts likes on its stories, keeps its customers
    // in a spreadsheet and wins them back with ads: the model's gates and the stricter one on a customer system hold.
    expect(rel.gates.filter((g) => g.status === "blocking").map((g) => g.id)).toEqual(["reach-not-measured", "pr-without-sales-goals", "no-customer-system", "paying-to-win-back"]);
  });

  it("relationship-first speaks Swedish, Norwegian and Danish", async () => {
    const headline = async (lang: string) => (await run(["score", MIXED, "--rubric", "relationship-first", "--lang", lang])).stdout.split("\n")[0];
    // The media-house stages, in each language: relationship-first weighs differently but keeps the model's names.
    expect(await headline("sv")).toMatch(/^Lindqvist Järn & Trädgård AB — Före 1\.0: traditionell \(/);
    expect(await headline("nb")).toMatch(/^Lindqvist Järn & Trädgård AB — Før 1\.0: tradisjonell \(/);
    expect(await headline("da")).toMatch(/^Lindqvist Järn & Trädgård AB — Før 1\.0: traditionel \(/);
  });
});

describe("a broken copy of a rubric", () => {
  // Three mistakes in one copy of the acme rubric: an unknown question id, a stage band below the one
  // before it, and a gate that blocks a stage the rubric does not have.
  const original = readFileSync(join(REPO_ROOT, ACME), "utf8");
  let text = replaceOnce(original, "      channels.social-media:\n", "      channels.social-medias:\n");
  text = replaceOnce(text, "    min: 50\n", "    min: 20\n");
  text = replaceOnce(text, '    blocks: "2.0"\n', '    blocks: "2.5"\n');
  const unknownQuestion = (file: string) => where(file, text, "channels.social-medias:");
  const unorderedBand = (file: string) => where(file, text, "min: 20", "min: ".length);
  const unknownStage = (file: string) => where(file, text, '"2.5"');

  it("validate reports the band and the gate at file:line:col, both at once, exit 2", async () => {
    const file = tmpFile("broken-rubric.yaml", text);
    const r = await run(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${unorderedBand(file)}stages must be ordered by rising 'min'`);
    expect(r.stderr).toContain(`${unknownStage(file)}'2.5' is not a stage`);
    expect(r.stderr).not.toMatch(STACK);
  });

  it("validate reports an unknown question id at its key", async () => {
    const only = replaceOnce(original, "      channels.social-media:\n", "      channels.social-medias:\n");
    const file = tmpFile("broken-question.yaml", only);
    const r = await run(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${where(file, only, "channels.social-medias:")}unknown question 'channels.social-medias'`);
  });

  it("validate reports all three problems in one run", async () => {
    const file = tmpFile("broken-all.yaml", text);
    const r = await run(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${unknownQuestion(file)}unknown question 'channels.social-medias'`);
    expect(r.stderr).toContain(unorderedBand(file));
    expect(r.stderr).toContain(unknownStage(file));
  });

  it("score with the broken rubric writes nothing and exits 2 with located problems", async () => {
    const file = tmpFile("broken-for-score.yaml", text);
    const r = await run(["score", MIXED, "--rubric", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(unorderedBand(file));
    expect(r.stderr).toContain(unknownStage(file));
    expect(r.stderr).not.toMatch(STACK);
  });
});
