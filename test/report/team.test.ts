// The team view in text and Markdown: one column per person for a small team, the spread of scores for a large one,
// always within the terminal's width and the same size whatever the number of respondents.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelTeamAnswers, mergeAnswers } from "../../src/engine/merge.js";
import { scoreAnswers } from "../../src/engine/score.js";
import type { Scorecard } from "../../src/engine/scorecard.js";
import type { Answers } from "../../src/model/answers.js";
import { renderTeamMarkdown, renderTeamText, summariseScores, type TeamReport } from "../../src/report/team.js";
import { answersFile, arbAnswers } from "../helpers/answers.js";
import { prop } from "../helpers/property.js";
import { mediaHouse } from "../helpers/bundled.js";

const { questionnaire, rubric } = mediaHouse();

// A handful of different answer sets; a large team repeats them, so that its size costs no scoring time.
const answerSets: Answers[] = fc.sample(arbAnswers(questionnaire, rubric), { numRuns: 7, seed: 20240601 });
const cardsIn = new Map<string, Scorecard[]>();
const cardsOf = (lang: string) => {
  if (!cardsIn.has(lang)) cardsIn.set(lang, answerSets.map((a) => scoreAnswers(questionnaire, rubric, a, { lang, asOf: "2026-01-01" })));
  return cardsIn.get(lang)!;
};

const NAMES = ["Anna", "Björn Åkesson", "Cia", "Dag Ødegård (CFO, Stavanger office)", "E", "Frida Lindqvist-Nordmann", "Gustav"];
const nameOf = (i: number) => (i < NAMES.length ? NAMES[i]! : `Respondent ${i + 1} of the regional sales team`);

function team(n: number, lang = "en", names = nameOf): TeamReport {
  const people = Array.from({ length: n }, (_, i) => ({ name: names(i), answers: answerSets[i % answerSets.length]! }));
  const view = mergeAnswers(questionnaire, people.map((p) => ({ respondent: p.name, answers: p.answers })), lang);
  const card = labelTeamAnswers(scoreAnswers(questionnaire, rubric, view.answers, { lang, asOf: "2026-01-01" }), view);
  const own = cardsOf(lang);
  return { team: card, respondents: people.map((p, i) => ({ name: p.name, card: own[i % own.length]! })), questions: view.questions };
}

/** A respondent's card with every dimension, and the overall score, set to one score. */
const scoring = (card: Scorecard, score: number): Scorecard => ({
  ...card,
  overall: { ...card.overall, score },
  dimensions: card.dimensions.map((d) => ({ ...d, score })),
});

const plain = (out: string) => out.replace(/\x1b\[[0-9;]*m/g, "");
const widest = (out: string) => Math.max(...plain(out).split("\n").map((l) => [...l].length));
const tableHead = (out: string) => plain(out).split("\n").find((l) => l.startsWith("Dimension"))!;

describe("a small team: one column per person", () => {
  const r = team(3);
  const text = renderTeamText(r, { width: 80 });
  const markdown = renderTeamMarkdown(r);

  it("heads the text table with each respondent and shows each one's score", () => {
    const head = tableHead(text);
    for (const name of ["Anna", "Björn", "Cia"]) expect(head).toContain(name);
    expect(head).not.toMatch(/Median|Q1/);
    const overall = plain(text).split("\n").find((l) => l.startsWith("Overall"))!;
    for (const p of r.respondents) expect(overall).toMatch(new RegExp(`\\b${Math.round(p.card.overall.score!)}\\b`));
  });

  it("gives the Markdown table a column per respondent, with full names", () => {
    const head = markdown.split("\n").find((l) => l.startsWith("| Dimension"))!;
    expect(head).toBe("| Dimension | Team | Anna | Björn Åkesson | Cia | Spread |");
    expect(markdown).not.toMatch(/--format json/);
  });

  it("numbers the columns when names cannot be told apart in the room there is, and says who is who", () => {
    const twelve = team(12, "en", (i) => `Respondent from the Gothenburg office ${i + 1}`);
    const out = renderTeamText(twelve, { width: 80 });
    expect(widest(out)).toBeLessThanOrEqual(80);
    expect(tableHead(out)).toMatch(/Team\s+1\s+2\s+3 .* 12\s+Spread$/);
    expect(plain(out).replace(/\s+/g, " ")).toContain("1 Respondent from the Gothenburg office 1, 2 Respondent");
  });
});

describe("a large team: the distribution of scores", () => {
  it("from 13 respondents on, shows n, lowest, quartiles, median, highest and spread instead of people", () => {
    const out = renderTeamText(team(13), { width: 80 });
    expect(tableHead(out).split(/\s+/)).toEqual(["Dimension", "Team", "n", "Lowest", "Q1", "Median", "Q3", "Highest", "Spread"]);
    expect(tableHead(out)).not.toMatch(/Anna/);
    expect(plain(out)).toMatch(/^13 respondents\.\nEach respondent's scores are in --format json\.$/m);
    expect(widest(out)).toBeLessThanOrEqual(80);
    const md = renderTeamMarkdown(team(13));
    expect(md).toContain("| Dimension | Team | n | Lowest | Q1 | Median | Q3 | Highest | Spread |");
    expect(md).toContain("--format json");
  });

  it("puts the known quartiles of a known set of scores in the table", () => {
    // Fourteen scores, shuffled: positions 3.25, 6.5 and 9.75 of the sorted list fall between scores.
    const scores = [60, 2, 96, 12, 44, 100, 8, 28, 84, 4, 36, 72, 20, 52];
    const base = team(14);
    const r = { ...base, respondents: base.respondents.map((p, i) => ({ ...p, card: scoring(p.card, scores[i]!) })) };
    expect(summariseScores(scores)).toEqual({ n: 14, lowest: 2, lowerQuartile: 14, median: 40, upperQuartile: 69, highest: 100 });
    const text = renderTeamText(r, { width: 80 });
    const overall = plain(text).split("\n").find((l) => l.startsWith("Overall"))!;
    expect(overall.split(/\s+/).slice(2)).toEqual(["14", "2", "14", "40", "69", "100", "98"]);
    const md = renderTeamMarkdown(r).split("\n").find((l) => l.startsWith("| **Overall**"))!;
    expect(md).toMatch(/\| 14 \| 2 \| 14 \| 40 \| 69 \| 100 \| 98 \|$/);
  });

  it("counts in n only the respondents with a score in the dimension", () => {
    expect(summariseScores([null, 50, null, 70])).toMatchObject({ n: 2, lowest: 50, median: 60, highest: 70 });
    expect(summariseScores([null, null])).toBeNull();
  });

  prop([fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 60 })])(
    "keeps lowest ≤ lower quartile ≤ median ≤ upper quartile ≤ highest, and the median halves the scores",
    (scores) => {
      const x = summariseScores(scores)!;
      expect([x.lowest, x.lowerQuartile, x.median, x.upperQuartile, x.highest]).toEqual([...[x.lowest, x.lowerQuartile, x.median, x.upperQuartile, x.highest]].sort((a, b) => a - b));
      expect(scores.filter((v) => v < x.median).length).toBeLessThanOrEqual(scores.length / 2);
      expect(scores.filter((v) => v > x.median).length).toBeLessThanOrEqual(scores.length / 2);
    },
  );

  const big = team(2_000);
  const bigger = team(10_000);

  it("with 2,000 respondents every line fits 80 columns, in every language and with colour", () => {
    for (const lang of ["en", "sv", "nb", "da"]) {
      const r = lang === "en" ? big : team(2_000, lang);
      for (const colorLevel of [0, 1] as const) expect(widest(renderTeamText(r, { width: 80, colorLevel }))).toBeLessThanOrEqual(80);
    }
    expect(widest(renderTeamText(big, { width: 60 }))).toBeLessThanOrEqual(60);
  });

  it("gives as many lines, no wider, for 10,000 respondents as for 2,000", () => {
    const lines = (out: string) => out.split("\n").length;
    const [t2k, t10k] = [big, bigger].map((r) => renderTeamText(r, { width: 80 }));
    expect(lines(t10k)).toBe(lines(t2k));
    expect(widest(t10k)).toBe(widest(t2k));
    // Only the counts grow a digit or so.
    expect(t10k.length).toBeLessThan(t2k.length + 200);
    const [m2k, m10k] = [big, bigger].map((r) => renderTeamMarkdown(r));
    expect(lines(m10k)).toBe(lines(m2k));
    expect(m10k.length).toBeLessThan(m2k.length + 200);
    expect(plain(t10k)).toMatch(/^10000 respondents\./m);
    expect(plain(t10k)).not.toContain("Respondent 9999");
  });

  it("lists the most common answers to a disputed question with their share, and counts the rest", () => {
    const out = plain(renderTeamText(bigger, { width: 80 }));
    const discuss = out.slice(out.indexOf("Discuss first"));
    expect(discuss).toMatch(/^\s+\d+ × .+ \(\d+ %\)$/m);
    expect(discuss).not.toMatch(/Respondent \d+/);
  });
});

describe("any team fits the width it is given", () => {
  const arbName = fc.oneof(
    fc.string({ minLength: 0, maxLength: 12 }),
    fc.string({ minLength: 30, maxLength: 300 }),
    fc.constantFrom("Åsa Öberg", "Ørjan Ås\tDahl", "line\nbreak", "|pipe|", "\x1b[31mred\x1b[0m"),
  );
  prop([fc.array(arbName, { minLength: 2, maxLength: 30 }), fc.integer({ min: 60, max: 160 }), fc.constantFrom("en", "sv", "nb", "da")], { numRuns: 40 })(
    "for any number of respondents, names and width",
    (names, width, lang) => {
      const r = team(names.length, lang, (i) => names[i]!);
      expect(widest(renderTeamText(r, { width }))).toBeLessThanOrEqual(width);
    },
  );
});
