// The HTML reports as a reader meets them, in-process: the summary for the management team, a Swedish page with
// no English word or stage id, the team's answers, and a comparison whose change is the difference of what it shows.
import { describe, expect, it } from "vitest";
import type { Scorecard } from "../../src/engine/scorecard.js";
import { executiveSummary } from "../../src/report/html.js";
import { runMain } from "../helpers/main.js";

const LEAST = "test/fixtures/least-mature.yaml";
const MIXED = "test/fixtures/mixed-regional-shop.yaml";
const MOST = "test/fixtures/most-mature.yaml";
const CAFE = "test/fixtures/small-cafe-online-only.yaml";

async function run(args: string[]): Promise<string> {
  const r = await runMain(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}
const cardOf = async (file: string, lang: string) => JSON.parse(await run(["score", file, "--format", "json", "--lang", lang])) as Scorecard;

/** The text a reader sees: no tags, no style, entities read; the collapsed explanation (the respondents' own notes) left out. */
const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, "")
    .replace(/<details>[\s\S]*?<\/details>/, "")
    .replace(/<title>[\s\S]*?<\/title>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");

describe("the summary for the management team", () => {
  it("says in five sentences at most, in Swedish, where the business stands, its best and weakest answer, what blocks it and the first step", async () => {
    const card = await cardOf(MIXED, "sv");
    const summary = executiveSummary(card);
    expect(summary.length).toBeGreaterThanOrEqual(4);
    expect(summary.length).toBeLessThanOrEqual(5);
    // One sentence each: nothing ends and a new sentence begins inside an item.
    for (const s of summary) expect(s).not.toMatch(/[.!?][”"»]?\s+\p{Lu}/u);
    const [where, best, worst, block, first] = summary as [string, string, string, string, string];
    expect(where).toContain(card.organisation!);
    expect(where).toContain(`”${card.overall.stage.name}”`);
    expect(where).toContain(`${Math.round(card.overall.score!)} av 100 poäng`);
    expect(where).toContain(`${Math.round(card.overall.gap)} poäng kvar till målet, Mediehus 2.0`);
    expect(best).toMatch(/^Det som fungerar bäst: /);
    expect(best).toContain(card.findings.strongest[0]!.display);
    expect(worst).toMatch(/^Det som drar ner poängen mest: /);
    expect(worst).toContain(card.findings.weakest[0]!.display);
    const gate = card.gates.find((g) => g.status === "blocking")!;
    expect(block).toContain(gate.reason.split(". ")[0]!.replace(/\.$/, ""));
    expect(block).toMatch(/^Mediehus \d\.0 går inte att nå så länge detta gäller: /);
    expect(first).toContain(card.nextSteps[0]!.title.replace(/\.$/, ""));
    expect(first).toContain(`${card.nextSteps.length} åtgärder`);
  });

  it("says the target is reached, with nothing to do, for a business at the top", async () => {
    const card = await cardOf(MOST, "en");
    const summary = executiveSummary(card);
    expect(summary[0]).toBe(`most stands at “${card.overall.stage.name}”, with 100 of 100 points: the target, Media house 2.0, is reached.`);
    expect(summary.length).toBeLessThanOrEqual(5);
  });
});

describe("a Swedish page", () => {
  // Words of the English report that have a Swedish one: none may show on a Swedish page.
  const ENGLISH = /\b(before|target|overall|dimension|roadmap|points|reached|effort|strongest|weakest|summary|answered by|rubric|team view|spread|discuss)\b/i;

  it("names every stage in Swedish, never by id, and has no English word of the report", async () => {
    const single = visible(await run(["score", MIXED, "--format", "html", "--lang", "sv"]));
    const team = visible(await run(["merge", LEAST, MIXED, MOST, CAFE, "--format", "html", "--lang", "sv"]));
    const compare = visible(await run(["compare", LEAST, MIXED, "--format", "html", "--lang", "sv"]));
    for (const page of [single, team, compare]) {
      expect(page).not.toContain("before-1.0");
      expect(page).not.toMatch(ENGLISH);
      expect(page).toContain("Före 1.0");
    }
    expect(single).toContain("Sammanfattning för ledningsgruppen");
    expect(single).toContain("Lindqvist Järn & Trädgård AB");
    expect(team).toContain("Var och ens poäng");
  });

  it("gives the organisation in the page's title and headline", async () => {
    const html = await run(["score", MIXED, "--format", "html", "--lang", "sv"]);
    expect(html).toMatch(/<title>Lindqvist Järn &amp; Trädgård AB: Före 1\.0: traditionell · 40\/100<\/title>/);
    expect(html).toMatch(/<h1>Lindqvist Järn &amp; Trädgård AB<\/h1>/);
  });
});

describe("the team page", () => {
  it("shows the team's answer to a multiple choice that everyone answered, never a dash", async () => {
    const files = [LEAST, MIXED, MOST, CAFE];
    const team = JSON.parse(await run(["merge", ...files, "--format", "json"])) as { team: Scorecard; questions: Array<{ id: string; type: string; answered: number; display?: string }> };
    const multi = team.questions.filter((q) => q.type === "multi" && q.answered === files.length);
    expect(multi.length).toBeGreaterThan(0);
    const html = await run(["merge", ...files, "--format", "html"]);
    const text = new Map(team.team.dimensions.flatMap((d) => d.questions).map((q) => [q.id, q.text]));
    for (const q of multi) {
      const row = new RegExp(`<td class="free">${text.get(q.id)!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}</td><td class="free">([^<]*)`).exec(html);
      expect(row, q.id).not.toBeNull();
      expect(row![1]).not.toBe("—");
      expect(row![1]).toBe(q.display);
    }
  });
});

describe("a comparison adds up", () => {
  const pairs = [
    [LEAST, MIXED],
    [MIXED, CAFE],
    [CAFE, MOST],
  ] as const;
  const change = (x: string) => (x === "±0" ? 0 : Number(x.replace("−", "-")));

  it("in text and Markdown, every change is the difference of the two scores shown beside it", async () => {
    let rows = 0;
    for (const [a, b] of pairs) {
      const text = await run(["compare", a, b]);
      const overall = /^Overall: (\d+) → (\d+) \(([+−-]?\d+|±0)\)/m.exec(text)!;
      expect(change(overall[3]!)).toBe(Number(overall[2]) - Number(overall[1]));
      const markdown = await run(["compare", a, b, "--format", "markdown"]);
      for (const m of markdown.matchAll(/^\| [^|]+ \| (\d+) \| (\d+) \| ([+−-]?\d+|±0) \|/gm)) {
        expect(change(m[3]!), m[0]).toBe(Number(m[2]) - Number(m[1]));
        rows++;
      }
    }
    expect(rows).toBe(pairs.length * 5);
  });
});
