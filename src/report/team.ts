import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";
import { quantileSorted } from "d3-array";
import type { Scorecard } from "../engine/scorecard.js";
import { TEAM_NAMES_SHOWN, bySpread, type QuestionConsensus } from "../engine/merge.js";
import { escapeMarkdown as md } from "./escape.js";
import { stageShort } from "./common.js";
import { formatScore } from "./numbers.js";
import { displayWidth, stripControl, truncate, wrap } from "../text/terminal.js";
import { fill, messages, type Messages } from "../i18n/messages.js";

export interface TeamReport {
  team: Scorecard;
  respondents: Array<{ name: string; card: Scorecard }>;
  questions: QuestionConsensus[];
}

/** How the respondents' scores spread: n and the five-number summary. */
export interface ScoreSummary {
  n: number;
  lowest: number;
  lowerQuartile: number;
  median: number;
  upperQuartile: number;
  highest: number;
}

/** Quartiles interpolate between neighbouring scores, as spreadsheets' QUARTILE.INC does. */
export function summariseScores(scores: Array<number | null>): ScoreSummary | null {
  const known = scores.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (!known.length) return null;
  return {
    n: known.length,
    lowest: known[0]!,
    lowerQuartile: quantileSorted(known, 0.25)!,
    median: quantileSorted(known, 0.5)!,
    upperQuartile: quantileSorted(known, 0.75)!,
    highest: known.at(-1)!,
  };
}

export interface TeamRow {
  id: string;
  title: string;
  team: number | null;
  /** The stage by its short name, in the report's language. */
  stage: string;
  scores: Array<number | null>;
  summary: ScoreSummary | null;
  /** Highest minus lowest score, as the two are shown (rounded); null with fewer than two scores. */
  spread: number | null;
}

const rowOf = (id: string, title: string, team: number | null, stage: string, scores: Array<number | null>): TeamRow => {
  const summary = summariseScores(scores);
  return { id, title, team, stage, scores, summary, spread: summary && summary.n > 1 ? Math.round(summary.highest) - Math.round(summary.lowest) : null };
};

/** Per dimension: the team score, each respondent's, their summary, and the spread between the highest and the lowest. */
export function teamRows(r: TeamReport): TeamRow[] {
  return r.team.dimensions.map((d) =>
    rowOf(
      d.id,
      d.title,
      d.score,
      stageShort(r.team, d.stage.id),
      r.respondents.map((p) => p.card.dimensions.find((x) => x.id === d.id)?.score ?? null),
    ),
  );
}

/** The same for the overall score. */
export function teamOverallRow(r: TeamReport, label: string): TeamRow {
  return rowOf("overall", label, r.team.overall.score, stageShort(r.team, r.team.overall.stage.id), r.respondents.map((p) => p.card.overall.score));
}

/** The questions the team disagrees on most: the first things to discuss in the workshop. */
export function disagreements(r: TeamReport, n = 5): Array<QuestionConsensus & { text: string }> {
  const text = new Map(r.team.dimensions.flatMap((d) => d.questions).map((q) => [q.id, q.text]));
  return r.questions
    .filter((q) => q.agreement !== null && q.agreement < 1 && q.type !== "text")
    .sort(bySpread)
    .slice(0, n)
    .map((q) => ({ ...q, text: text.get(q.id) ?? q.id }));
}

/** The team view as data: who answered, the team's scorecard, each respondent's scores, and each question's consensus. */
export function teamJson(r: TeamReport) {
  return {
    respondents: r.respondents.map((p) => p.name),
    team: r.team,
    perRespondent: r.respondents.map((p) => ({ name: p.name, overall: p.card.overall, dimensions: p.card.dimensions.map((d) => ({ id: d.id, score: d.score, stage: d.stage })) })),
    questions: r.questions,
  };
}

/** The team view as a page: the team's report with a polygon and a column per respondent, the spread, and the questions to discuss first. */
export async function renderTeamHtml(r: TeamReport): Promise<string> {
  const { renderHtml } = await import("./html.js");
  const t = messages(r.team.lang);
  const rows = [...teamRows(r), teamOverallRow(r, t.overall)];
  const spread = (row: TeamRow) => (row.spread === null ? "—" : String(row.spread));
  const each = showsEachPerson(r);
  const table = each
    ? {
        heading: t.teamScoresHeading,
        intro: fill(t.respondentsList, { n: r.respondents.length, names: r.respondents.map((p) => p.name).join(", ") }),
        head: [t.colDimension, t.colTeam, ...r.respondents.map((p) => p.name), t.colSpread],
        rows: rows.map((row) => [row.title, formatScore(row.team), ...row.scores.map(formatScore), spread(row)]),
        strong: [rows.length - 1],
        notes: [t.teamRule],
      }
    : {
        heading: t.teamSpreadHeading,
        intro: fill(t.respondentsCount, { n: r.respondents.length }),
        head: [t.colDimension, t.colTeam, t.colN, t.colLowest, t.colQ1, t.colMedian, t.colQ3, t.colHighest, t.colSpread],
        rows: rows.map((row) => [row.title, formatScore(row.team), ...summaryCells(row.summary), spread(row)]),
        strong: [rows.length - 1],
        notes: [t.quartileNote, t.teamRule],
      };
  return renderHtml(r.team, {
    // A polygon per person while they can be told apart; a large team is its table's spread.
    ...(each ? { series: r.respondents.map((p) => ({ label: p.name, scores: Object.fromEntries(p.card.dimensions.map((d) => [d.id, d.score])) })) } : {}),
    disagreements: disagreements(r).map((q) => ({ ...q, distribution: each ? q.distribution : q.distribution.slice(0, ANSWERS_SHOWN).map((d) => ({ ...d, respondents: [] })) })),
    table,
  });
}

/** Whether a team is shown person by person; a larger one is shown as a distribution of scores. */
export const showsEachPerson = (r: TeamReport) => r.respondents.length <= TEAM_NAMES_SHOWN;

/** For a large team, the answers listed under a question; the rest are counted in one line. */
const ANSWERS_SHOWN = 5;

/** Text from an answers file, safe for a terminal and on one line: a tab or line break would upset the columns. */
const s = (x: string) => stripControl(x).replace(/\s+/g, " ").trim();

const pct = (a: number | null) => (a === null ? "—" : `${Math.round(a * 100)} %`);
const summaryCells = (x: ScoreSummary | null, f: Numbers = numbersFor()) =>
  x ? [String(x.n), ...[x.lowest, x.lowerQuartile, x.median, x.upperQuartile, x.highest].map(f.score)] : ["0", "—", "—", "—", "—", "—"];

/** How the team view writes its 0-100 scores: in the rubric's scale where it has one, with the columns that takes. */
interface Numbers {
  score: (x: number | null) => string;
  spread: (row: TeamRow) => string;
  /** The narrowest column a score fits in. */
  width: number;
  outOf: string;
}
function numbersFor(card?: Scorecard): Numbers {
  const sc = card?.scale;
  if (!sc) return { score: formatScore, spread: (row) => (row.spread === null ? "—" : String(row.spread)), width: 3, outOf: "/100" };
  const range = sc.max - sc.min;
  return {
    score: (x) => (x === null ? "—" : (sc.min + (x * range) / 100).toFixed(sc.decimals)),
    spread: (row) => (row.spread === null || !row.summary ? "—" : (((row.summary.highest - row.summary.lowest) * range) / 100).toFixed(sc.decimals)),
    width: Math.max(3, String(Math.trunc(sc.max)).length + (sc.decimals ? sc.decimals + 1 : 0)),
    outOf: `/${sc.max}`,
  };
}

/** Borderless, so that the columns of a person or a quartile cost their content and one space. */
const plain = { top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "", left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: " " };

interface Layout {
  head: string[];
  widths: number[];
  cells: (row: TeamRow) => string[];
  /** The lines about the respondents, above the table. */
  intro: string[];
  /** Lines under the table before the scoring rule. */
  notes: string[];
}

/** Columns of one person each, if they fit; names that do not fit give way to numbers, listed in the intro. */
function personLayout(r: TeamReport, t: Messages, width: number, titleW: number): Layout | null {
  const names = r.respondents.map((p) => s(p.name));
  const f = numbersFor(r.team);
  const fixed = [Math.max(f.width, t.colTeam.length), Math.max(f.width, t.colSpread.length)] as const;
  const room = (each: number) => width - fixed[0] - fixed[1] - names.length * each - (names.length + 2);
  const longest = Math.min(10, Math.max(f.width, ...names.map((n) => displayWidth(n))));
  // Names as they are, or cut to no fewer than five characters while they still tell people apart.
  const byName = (title: number) => {
    for (let each = longest; each >= Math.min(longest, 5); each--) {
      const labels = names.map((n) => truncate(n, each));
      if (room(each) >= title && new Set(labels).size === labels.length) return { each, labels, intro: names.join(", ") };
    }
    return null;
  };
  const byNumber = () => {
    const each = Math.max(f.width, String(names.length).length);
    return { each, labels: names.map((_, i) => String(i + 1)), intro: names.map((n, i) => `${i + 1} ${n}`).join(", ") };
  };
  // The dimension's title keeps room for 20 characters first, then for 12.
  const chosen = byName(Math.min(titleW, 20)) ?? byName(Math.min(titleW, 12)) ?? byNumber();
  const { each, labels } = chosen;
  if (room(each) < Math.min(titleW, 12)) return null;
  const intro = [fill(t.respondentsList, { n: names.length, names: chosen.intro })];
  return {
    head: [t.colDimension, t.colTeam, ...labels, t.colSpread],
    widths: [Math.min(titleW, room(each)), fixed[0], ...labels.map(() => each), fixed[1]],
    cells: (row) => [f.score(row.team), ...row.scores.map(f.score), f.spread(row)],
    intro,
    notes: [],
  };
}

function summaryLayout(r: TeamReport, t: Messages, width: number, titleW: number): Layout {
  const head = [t.colTeam, t.colN, t.colLowest, t.colQ1, t.colMedian, t.colQ3, t.colHighest, t.colSpread];
  const f = numbersFor(r.team);
  const widths = head.map((h) => Math.max(f.width, h.length));
  widths[1] = Math.max(widths[1]!, String(r.respondents.length).length);
  const rest = widths.reduce((a, b) => a + b, 0) + widths.length;
  return {
    head: [t.colDimension, ...head],
    widths: [Math.max(6, Math.min(titleW, width - rest)), ...widths],
    cells: (row) => [f.score(row.team), ...summaryCells(row.summary, f), f.spread(row)],
    intro: [`${fill(t.respondentsCount, { n: r.respondents.length })}.`, t.teamScoresInJson],
    notes: [t.quartileNote],
  };
}

// A percentage stays on one line: its space is held by a private-use character while the text is wrapped.
const HELD = "\uE000";
const fold = (text: string, width: number, indent = "") => wrap(text.replace(/(\d) %/g, `$1${HELD}%`), width, indent).map((l) => l.replaceAll(HELD, " "));

/** Lines of a numbered item: the continuation lines indented under the text, all within the width. */
const hang = (text: string, width: number, indent: string) => fold(text, width, indent).map((l, i) => (i ? l : l.slice(indent.length)));

export function renderTeamText(r: TeamReport, options: { colorLevel?: 0 | 1 | 2 | 3; width?: number } = {}): string {
  const c = new Chalk({ level: options.colorLevel ?? 0 });
  const width = Math.max(60, Math.min(options.width ?? 80, 160));
  const t = messages(r.team.lang);
  const out: string[] = [];
  out.push(...wrap(`${t.teamView} · ${s(r.team.overall.stage.name)} · ${numbersFor(r.team).score(r.team.overall.score)}${numbersFor(r.team).outOf} · ${t.target} ${s(stageShort(r.team, r.team.target.stage.id))}`, width).map((l) => c.bold(l)));

  const rows = [...teamRows(r), teamOverallRow(r, t.overall)];
  const titleW = Math.max(t.colDimension.length, ...rows.map((row) => displayWidth(s(row.title))));
  const layout = (showsEachPerson(r) && personLayout(r, t, width, titleW)) || summaryLayout(r, t, width, titleW);
  for (const line of layout.intro) out.push(...wrap(line, width).map((l) => c.dim(l)));
  out.push("");
  out.push(...renderTable(c, layout, rows));
  for (const note of layout.notes) out.push(...wrap(note, width).map((l) => c.dim(l)));
  out.push(...wrap(t.teamRule, width).map((l) => c.dim(l)));

  const top = disagreements(r);
  out.push("", c.bold(t.discussFirst));
  if (!top.length) out.push(`  ${t.teamAgrees}`);
  top.forEach((q, i) => {
    out.push(...hang(`${i + 1}. ${s(q.text)} (${fill(t.agreement, { pct: pct(q.agreement) })})`, width, "   "));
    for (const line of answerLines(r, q, t, s)) out.push(...fold(line, width, "     ").map((l) => c.dim(l)));
  });

  const steps = r.team.nextSteps.slice(0, 3);
  if (steps.length) {
    out.push("", c.bold(t.teamSteps));
    steps.forEach((st, i) => out.push(...hang(`${i + 1}. ${s(st.title)} (→ ${s(stageShort(r.team, st.stage.id))})`, width, "   ")));
  }
  return out.join("\n") + "\n";
}

function renderTable(c: ChalkInstance, layout: Layout, rows: TeamRow[]): string[] {
  const table = new Table({
    head: layout.head.map((h, i) => truncate(s(h), layout.widths[i]!)),
    colWidths: layout.widths,
    colAligns: layout.widths.map((_, i) => (i ? "right" : "left")),
    chars: plain,
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0 },
  });
  table.push(layout.widths.map((w) => c.dim("─".repeat(w))));
  rows.forEach((row, i) => {
    const [team, ...rest] = layout.cells(row);
    const spread = rest.pop()!;
    const title = truncate(s(row.title), layout.widths[0]!);
    // The last row is the overall score: bold, and its spread never in alarm red.
    const last = i === rows.length - 1;
    table.push([last ? c.bold(title) : title, c.bold(team!), ...rest, !last && row.spread !== null && row.spread >= 25 ? c.red(spread) : spread]);
  });
  // cli-table3 pads every line to the full width; the trailing blanks are noise in a terminal or a file.
  return table.toString().split("\n").map((l) => l.trimEnd());
}

/** The answers given to a question: with names in a small team; most common first and counted in a large one. */
function answerLines(r: TeamReport, q: QuestionConsensus, words: Messages, clean: (x: string) => string): string[] {
  if (showsEachPerson(r)) return q.distribution.map((d) => `${d.count} × ${clean(d.display)}: ${d.respondents.map(clean).join(", ")}`);
  // A single answer left over is shown rather than counted.
  const shown = q.distribution.length > ANSWERS_SHOWN + 1 ? ANSWERS_SHOWN : q.distribution.length;
  const lines = q.distribution.slice(0, shown).map((d) => `${d.count} × ${clean(d.display)} (${pct(d.count / (q.answered || 1))})`);
  if (shown < q.distribution.length) lines.push(fill(words.otherAnswers, { n: q.distribution.length - shown }));
  return lines;
}

export function renderTeamMarkdown(r: TeamReport): string {
  const t = messages(r.team.lang);
  const rows = teamRows(r);
  const overall = teamOverallRow(r, t.overall);
  const each = showsEachPerson(r);
  const f = numbersFor(r.team);
  const out = [`## ${t.teamView}: ${md(r.team.overall.stage.name)}: ${f.score(r.team.overall.score)}${f.outOf} (${t.target} ${md(stageShort(r.team, r.team.target.stage.id))})`, ""];
  if (each) {
    out.push(
      md(fill(t.respondentsList, { n: r.respondents.length, names: r.respondents.map((p) => p.name).join(", ") })),
      "",
      `| ${t.colDimension} | ${t.colTeam} | ${r.respondents.map((p) => md(p.name)).join(" | ")} | ${t.colSpread} |`,
      `|---|---:|${r.respondents.map(() => "---:").join("|")}|---:|`,
      ...rows.map((row) => `| ${md(row.title)} | **${f.score(row.team)}** | ${row.scores.map(f.score).join(" | ")} | ${f.spread(row)} |`),
      `| **${t.overall}** | **${f.score(overall.team)}** | ${overall.scores.map(f.score).join(" | ")} | ${f.spread(overall)} |`,
    );
  } else {
    const head = [t.colDimension, t.colTeam, t.colN, t.colLowest, t.colQ1, t.colMedian, t.colQ3, t.colHighest, t.colSpread];
    out.push(
      md(`${fill(t.respondentsCount, { n: r.respondents.length })}. ${t.teamScoresInJson}`),
      "",
      `| ${head.map(md).join(" | ")} |`,
      `|---|${head.slice(1).map(() => "---:").join("|")}|`,
      ...rows.map((row) => `| ${md(row.title)} | **${f.score(row.team)}** | ${summaryCells(row.summary, f).join(" | ")} | ${f.spread(row)} |`),
      `| **${t.overall}** | **${f.score(overall.team)}** | ${summaryCells(overall.summary, f).join(" | ")} | ${f.spread(overall)} |`,
      "",
      md(t.quartileNote),
    );
  }
  out.push("", `### ${t.discussFirst}`, "");
  const top = disagreements(r);
  if (!top.length) out.push(t.teamAgrees);
  top.forEach((q, i) => {
    out.push(`${i + 1}. **${md(q.text)}** (${fill(t.agreement, { pct: pct(q.agreement) })})`);
    for (const line of answerLines(r, q, t, md)) out.push(`   - ${line}`);
  });
  return out.join("\n") + "\n";
}
