// The customer data practice model under examples/: its scores worked out by hand, and the commands on it in-process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { scorecardSchema } from "../../src/model/scorecard.js";
import { runMain } from "../helpers/main.js";

const DIR = "examples/customer-data";
const MODEL = ["--questionnaire", `${DIR}/questionnaire.yaml`, "--rubric", `${DIR}/rubric.yaml`];
const PARTIAL = `${DIR}/answers-partial.yaml`;
const COMPLETE = `${DIR}/answers-complete.yaml`;

interface Node {
  id: string;
  scaled: number | null;
  exact: string | null;
  stage: { id: string };
  groups: Node[];
}
interface Card {
  overall: { score: number; scaled: number; exact: string; stage: { id: string } };
  dimensions: Array<{ id: string; scaled: number; exact: string; stage: { id: string } }>;
  groups: Node[];
  coverage: { answered: number; missing: number; unknown: number; notApplicable: number };
  scale: { min: number; max: number; decimals: number };
}

// What the model says an activity is worth of its level; no answer, "don't know" and 'n/a' are worth nothing.
const worth: Record<string, number> = { "0": 0, "0.25": 0.25, "0.5": 0.5, "1": 1 };
const fraction = (s: string) => s.split("/").map(Number).reduce((a, b) => a / b);

async function scored(file: string): Promise<Card> {
  const r = await runMain(["score", file, ...MODEL, "--format", "json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  // The tree and the scaled fields are part of the published scorecard schema.
  expect(scorecardSchema.safeParse(JSON.parse(r.stdout)).error).toBeUndefined();
  return JSON.parse(r.stdout) as Card;
}

/** The model's formula, by hand: a stream adds its three levels (0-3), a practice is the weighted mean of its streams, an area of its practices, the overall score of the areas. */
function byHand(file: string) {
  const answers = (parse(readFileSync(file, "utf8")) as { answers: Record<string, string> }).answers;
  const stream = (id: string) => [1, 2, 3].reduce((sum, level) => sum + (worth[answers[`${id}.l${level}`] ?? ""] ?? 0), 0);
  const mean = (...parts: Array<[number, number]>) => parts.reduce((s, [w, x]) => s + w * x, 0) / parts.reduce((s, [w]) => s + w, 0);
  const streams = Object.fromEntries(["consent-capture", "consent-records", "owned-contact", "sign-up", "kpis", "testing", "segments", "lifecycle"].map((id) => [id, stream(id)]));
  const consent = mean([1, streams["consent-capture"]!], [1, streams["consent-records"]!]);
  const firstParty = mean([1, streams["owned-contact"]!], [1, streams["sign-up"]!]);
  const measurement = mean([1, streams.kpis!], [1, streams.testing!]);
  const personalisation = mean([1, streams.segments!], [1, streams.lifecycle!]);
  const collect = mean([1, consent], [1, firstParty]);
  const use = mean([2, measurement], [1, personalisation]);
  return { streams, consent, firstParty, measurement, personalisation, collect, use, overall: mean([1, collect], [1, use]) };
}

const find = (nodes: Node[], id: string): Node | undefined => nodes.map((n) => (n.id === id ? n : find(n.groups, id))).find(Boolean);

describe("the customer data practice example", () => {
  it("scores the partial file as its formula says, answered area and unanswered area alike", async () => {
    const card = await scored(PARTIAL);
    const hand = byHand(PARTIAL);
    // Consent: capture 1 + 0.5 + 0 = 1.5, records 1 + 0 + 0 ("don't know") = 1, so (1.5 + 1) / 2 = 1.25.
    expect(hand.consent).toBe(1.25);
    // First-party: contact 1 + 1 + 0.25 = 2.25, sign-up 0.5 + two unanswered = 0.5, so 1.375; collect (1.25 + 1.375) / 2 = 1.3125.
    expect(hand.collect).toBe(1.3125);
    // Nothing of the using area is answered: every stream is 0, the overall score half of collect's: 0.65625.
    expect(hand.use).toBe(0);
    expect(hand.overall).toBe(0.65625);
    for (const d of card.dimensions) expect(fraction(d.exact), d.id).toBeCloseTo(hand.streams[d.id]!, 12);
    for (const [id, value] of Object.entries({ consent: hand.consent, "first-party": hand.firstParty, collect: hand.collect, use: hand.use })) {
      expect(fraction(find(card.groups, id)!.exact!), id).toBeCloseTo(value, 12);
    }
    expect(card.overall).toMatchObject({ exact: "21/32", scaled: 0.66, score: 21.9, stage: { id: "initial" } });
    // Exactly 1 of 3 is "practised", whose band starts at 1.
    expect(card.dimensions.find((d) => d.id === "consent-records")).toMatchObject({ exact: "1", scaled: 1, stage: { id: "practised" } });
    expect(card.coverage).toMatchObject({ answered: 9, unknown: 1, missing: 14 });
  });

  it("scores the complete file as its formula says, 'n/a' and \"don't know\" as nothing", async () => {
    const card = await scored(COMPLETE);
    const hand = byHand(COMPLETE);
    // Collect: consent (2.5 + 1.75) / 2 = 2.125, first-party (2 + 0.75) / 2 = 1.375, so 1.75.
    expect(hand.collect).toBe(1.75);
    // Use: measurement (3 + 0.75) / 2 = 1.875 weighs twice, relevance (1.5 + 1.25) / 2 = 1.375: (3.75 + 1.375) / 3.
    expect(hand.use).toBeCloseTo(5.125 / 3, 12);
    expect(hand.overall).toBeCloseTo((1.75 + 5.125 / 3) / 2, 12);
    expect(fraction(card.overall.exact)).toBeCloseTo(hand.overall, 12);
    for (const id of ["collect", "use", "consent", "first-party", "measurement", "personalisation"]) {
      const key = id === "first-party" ? "firstParty" : (id as "collect");
      expect(fraction(find(card.groups, id)!.exact!), id).toBeCloseTo(hand[key], 12);
    }
    expect(card.overall).toMatchObject({ scaled: 1.73, stage: { id: "practised" } });
    expect(card.coverage).toMatchObject({ answered: 22, unknown: 1, notApplicable: 1, missing: 0 });
  });

  it("the text report shows the top level, and every level with --depth 3", async () => {
    // Limits in the scale, met: 1.73 overall, consent records exactly at 1.75.
    const top = await runMain(["score", COMPLETE, ...MODEL, "--fail-under", "1.72", "--min", "consent-records=1.75", "--min", "collect=1.75"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("· 1.73/3");
    expect(top.stdout).toMatch(/│ Collecting data +│ +1\.75 │/);
    expect(top.stdout).not.toContain("Consent and trust");
    expect(top.stdout).toContain("1 of 3 levels shown; --depth 2 shows the next.");
    const all = await runMain(["score", COMPLETE, ...MODEL, "--depth", "3"]);
    expect(all.stdout).toMatch(/│ {3}Consent and trust +│ +2\.13 │ Managed/);
    expect(all.stdout).toMatch(/│ {5}Keeping consent records +│ +1\.75 │/);
    expect(all.stdout).not.toContain("levels shown");
  });

  it("Markdown groups the table and HTML draws a radar per level", async () => {
    const md = await runMain(["score", PARTIAL, ...MODEL, "--format", "markdown"]);
    expect(md.stdout).toContain("| **Collecting data** | 1.31 | Practised | 0.69 |");
    expect(md.stdout).toContain("| &emsp;&emsp;Keeping consent records | 1.00 | Practised | 1.00 |");
    expect(md.stdout).toContain("14 not answered (counted as 0 points)");
    const html = await runMain(["score", PARTIAL, ...MODEL, "--format", "html"]);
    expect(html.stdout.match(/<figure class="level"/g)).toHaveLength(3);
    expect(html.stdout).toMatch(/<tspan [^>]*>Collect<\/tspan>/);
  });

  it("--fail-under is compared with the exact score, not the rounded one", async () => {
    // 21/32 rounds to 0.66 but is below it: the message shows the digits that tell them apart.
    const fail = await runMain(["score", PARTIAL, ...MODEL, "--fail-under", "0.66"]);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toContain("overall score 0.656 is below --fail-under 0.66");
  });

  it("validates, and compare and merge work on it with the same two flags", async () => {
    const v = await runMain(["validate", `${DIR}/questionnaire.yaml`, `${DIR}/rubric.yaml`, PARTIAL, COMPLETE, ...MODEL]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain("rubric 'customer-data'");
    const c = await runMain(["compare", PARTIAL, COMPLETE, ...MODEL, "--format", "json"]);
    expect(c.code).toBe(0);
    const comparison = JSON.parse(c.stdout);
    // 1.7292 - 0.65625 = 1.0729: the change is taken between exact scores, in the scale.
    expect(comparison.overall).toMatchObject({ before: 0.66, after: 1.73, delta: 1.07, stageBefore: "initial", stageAfter: "practised" });
    expect(comparison.groups.find((g: { id: string }) => g.id === "consent")).toMatchObject({ level: 1, before: 1.25, after: 2.13, delta: 0.88, stageAfter: "managed" });
    const m = await runMain(["merge", PARTIAL, COMPLETE, ...MODEL]);
    expect(m.code).toBe(0);
    // Each respondent's overall score as worked out above, and the spread between them, in the scale.
    expect(m.stdout).toMatch(/\/3 · target Managed/);
    expect(m.stdout).toMatch(/Overall +\d\.\d\d +0\.66 +1\.73 +1\.07/);
  });
});

describe("validate on a broken grouped rubric", () => {
  const dir = mkdtempSync(join(tmpdir(), "customer-data-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("names each problem at file:line:col", async () => {
    const source = readFileSync(`${DIR}/rubric.yaml`, "utf8")
      .replace("scale: { min: 0, max: 3, decimals: 2 }", "scale: { min: 0, max: 3, decimals: 2 }\nnotApplicable: forbidden")
      .replace("notApplicable: zero\n", "")
      .replace("    min: 2.5\n", "    min: 3.5\n")
      .replace("dimensions: [kpis, testing]", "dimensions: [kpis, testing, kpi]")
      .replace("dimensions: [segments, lifecycle]", "dimensions: [segments, lifecycle, sign-up]")
      .replace("kpis.l1: { points: *levels }", "kpis.l1: { points: *levels, notApplicable: true }");
    const file = join(dir, "rubric.yaml");
    writeFileSync(file, source);
    const lineOf = (needle: string) => source.split("\n").findIndex((l) => l.includes(needle)) + 1;
    const r = await runMain(["validate", file, "--questionnaire", `${DIR}/questionnaire.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:${lineOf("min: 3.5")}:10: a stage's 'min' (3.5) must lie between 0 and 3`);
    expect(r.stderr).toMatch(new RegExp(`${file}:${lineOf("[kpis, testing, kpi]")}:\\d+: 'kpi' is not a dimension of this rubric`));
    expect(r.stderr).toMatch(new RegExp(`${file}:${lineOf("[segments, lifecycle, sign-up]")}:\\d+: the dimension 'sign-up' is already in the group 'first-party'`));
    expect(r.stderr).toMatch(new RegExp(`${file}:${lineOf("notApplicable: true")}:\\d+: 'kpis.l1' accepts 'n/a', but the rubric says notApplicable: forbidden`));
  });
});
