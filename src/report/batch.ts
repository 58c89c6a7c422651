import { Chalk } from "chalk";
import type { Problem } from "../errors.js";
import type { Scorecard } from "../engine/scorecard.js";
import type { ThresholdCheck } from "../engine/thresholds.js";
import { fill, messages, wordsFor, type Messages } from "../i18n/messages.js";
import type { Wording } from "../i18n/phrase.js";
import { escapeMarkdown as md, escapeXml as x } from "./escape.js";
import { formatScore } from "./numbers.js";
import { outOf, shownScore } from "./common.js";
import { displayWidth, showName, stripControl, truncate, wrap } from "../text/terminal.js";
import { shortTitles, truncateStart } from "./short-titles.js";

export interface BatchItem {
  file: string;
  card: Scorecard;
  checks?: ThresholdCheck[];
  /** A --baseline folder was given, and none of its files matches this one. */
  noBaseline?: boolean;
}

/** A file of the batch that could not be scored, with why. */
export interface BrokenItem {
  file: string;
  problems: Problem[];
}

/** What a batch report is told before the first row: the files, its one language, and whether thresholds are checked. */
export interface BatchSetup {
  files: string[];
  /** The language of every word the report adds; the scorecards are scored in it too. */
  lang: string;
  /** Whether the command line set any threshold or baseline (a column of its own in Markdown). */
  thresholds?: boolean;
}

/**
 * A report over many files, written as it goes: the head once the first scorecard is known, a row per
 * file (a broken one in its place), then the foot. Memory stays flat however many files there are.
 */
export interface BatchRenderer {
  head(first: Scorecard): string;
  row(item: BatchItem): string;
  broken(item: BrokenItem): string;
  foot(count: number): string;
}

/** File names without the folder they all share, so the table shows what tells them apart. */
export function shortNames(files: string[]): Map<string, string> {
  const parts = files.map((f) => f.split(/[\\/]/));
  let common = 0;
  if (parts.length) while (parts.every((p) => p.length - 1 > common && p[common] === parts[0]![common])) common++;
  return new Map(files.map((f, i) => [f, parts[i]!.slice(common).join("/")]));
}

/** A stage's name up to its colon ("Media house 2.0"), for a narrow column; the whole name where there is none. */
export function shortStageName(name: string): string {
  const i = name.indexOf(":");
  return i > 0 ? name.slice(0, i) : name;
}

/** Why a file could not be scored, in one line: its errors at line:col, the first few. */
export function brokenReason(problems: Problem[], words: Wording, t: Messages, limit = 3): string {
  const errors = problems.filter((p) => p.severity === "error");
  const said = errors.slice(0, limit).map((p) => `${p.line !== undefined ? `${p.line}:${p.col ?? 1}: ` : ""}${p.phrase ? words(p.phrase) : p.message}`);
  if (errors.length > limit) said.push(fill(t.moreReasons, { n: errors.length - limit }));
  return said.join("; ") || words({ key: "invalidInput" });
}

const failedChecks = (checks: ThresholdCheck[] | undefined) => (checks ?? []).filter((k) => !k.passed);

/** Pads to n columns: a wide character takes two, so padding counts columns, not characters. */
const pad = (s: string, n: number, right = false) => {
  const t = truncate(s, n);
  const spaces = " ".repeat(Math.max(0, n - displayWidth(t)));
  return right ? spaces + t : t + spaces;
};

/** Plain columns, not a drawn table: a table library re-measures every row and grows slow with thousands. */
export function textBatch(setup: BatchSetup, options: { colorLevel?: 0 | 1 | 2 | 3; width?: number } = {}): BatchRenderer {
  const c = new Chalk({ level: options.colorLevel ?? 0 });
  const width = Math.max(60, Math.min(options.width ?? 80, 160));
  const names = shortNames(setup.files);
  const t = messages(setup.lang);
  const words = wordsFor(setup.lang);
  let dims: Scorecard["dimensions"] = [];
  let fileW = 12;
  let whoW = 10;
  let stageW = 10;
  // Four characters a column, told apart: fifteen dimensions of one family must not all read "Gove".
  let labels: string[] = [];
  return {
    head(first) {
      dims = first.dimensions;
      // Wide enough for the longest short name of the rubric's stages, and the ✗ of a failed threshold.
      stageW = Math.min(18, Math.max(t.colStage.length, ...first.stages.map((s) => shortStageName(stripControl(s.name)).length)) + 2);
      labels = shortTitles(dims, 4);
      const rest = width - (5 + 1) - (stageW + 1) - dims.length * 5 - 2;
      fileW = Math.max(10, Math.floor(rest * 0.55));
      whoW = Math.max(8, rest - fileW);
      const head = `${pad(t.colFile, fileW)} ${pad(t.colRespondentDate, whoW)} ${pad(t.colScore, 5, true)} ${pad(t.colStage, stageW)}${labels.map((l) => pad(l, 5, true)).join("")}`;
      return `${c.bold(head)}\n${"─".repeat(Math.min(width, head.length))}\n`;
    },
    row({ file, card, checks }) {
      const failed = failedChecks(checks).length > 0;
      const who = [card.respondent, card.date].filter(Boolean).map((v) => stripControl(v!)).join(", ");
      const stage = pad(shortStageName(stripControl(card.overall.stage.name)) + (failed ? " ✗" : ""), stageW);
      return `${pad(truncateStart(showName(names.get(file) ?? file), fileW), fileW)} ${pad(who, whoW)} ${pad(shownScore(card, card.overall), 5, true)} ${failed ? c.red(stage) : card.target.reached ? c.green(stage) : stage}${dims
        .map((d) => pad(scoreOfDimension(card, d.id), 5, true))
        .join("")}\n`;
    },
    broken({ file, problems }) {
      const reason = fill(t.batchNotScored, { reason: stripControl(brokenReason(problems, words, t, 1)) });
      return `${truncateStart(stripControl(names.get(file) ?? file), fileW).padEnd(fileW)} ${c.red(truncate(reason, Math.max(10, width - fileW - 1)))}\n`;
    },
    foot(count) {
      const legend = dims.map((d, i) => `${labels[i]} = ${stripControl(d.title)}`).join("; ");
      return wrap(`${fill(t.auditsCount, { n: count })} ${legend}.`, width).map((l) => c.dim(l)).join("\n") + "\n";
    },
  };
}

/** Markdown keeps each path whole: a CI summary has the width, and the path is what a reader clicks through to. */
export function markdownBatch(setup: BatchSetup): BatchRenderer {
  const t = messages(setup.lang);
  const words = wordsFor(setup.lang);
  let dims: Scorecard["dimensions"] = [];
  const checksCell = (item: BatchItem) => {
    const failed = failedChecks(item.checks);
    const said = failed.length ? `❌ ${failed.map((k) => words(k.phrase)).join("; ")}` : `✅ ${t.checksMet}`;
    return md(item.noBaseline ? `${said}; ${words({ key: "testNoBaseline" })}` : said);
  };
  return {
    head(first) {
      dims = first.dimensions;
      return [
        `## ${md(first.questionnaire.title)}`,
        "",
        `| ${t.colFile} | ${t.colRespondentDate} | ${t.overall} | ${t.colStage} | ${dims.map((d) => md(d.title)).join(" | ")} |${setup.thresholds ? ` ${t.colChecks} |` : ""}`,
        `|---|---|---:|---|${dims.map(() => "---:").join("|")}|${setup.thresholds ? "---|" : ""}`,
        "",
      ].join("\n");
    },
    row(item) {
      const { file, card } = item;
      const failed = failedChecks(item.checks).length > 0;
      const stage = `${md(card.overall.stage.name)}${card.overall.blockedBy.length ? " 🔒" : ""}${card.target.reached ? " ✅" : ""}${failed ? " ❌" : ""}`;
      return `| ${md(showName(file))} | ${md([card.respondent, card.date].filter(Boolean).join(", "))} | ${shownScore(card, card.overall)} | ${stage} | ${dims
        .map((d) => scoreOfDimension(card, d.id))
        .join(" | ")} |${setup.thresholds ? ` ${checksCell(item)} |` : ""}\n`;
    },
    broken({ file, problems }) {
      const reason = md(fill(t.batchNotScored, { reason: brokenReason(problems, words, t) }));
      return `| ${md(file)} | ❌ ${reason} | — | — | ${dims.map(() => "—").join(" | ")} |${setup.thresholds ? " — |" : ""}\n`;
    },
    foot(count) {
      return `\n_${md(fill(t.auditsCount, { n: count }))}_\n`;
    },
  };
}

/** A file that could not be scored, as a JSON row: its name and why, in the report's language and by position. */
function brokenJson(setup: BatchSetup, { file, problems }: BrokenItem): string {
  const words = wordsFor(setup.lang);
  const t = messages(setup.lang);
  const errors = problems.filter((p) => p.severity === "error");
  return JSON.stringify({
    file,
    error: {
      message: brokenReason(problems, words, t, Infinity),
      problems: errors.map((p) => ({ ...(p.line !== undefined ? { line: p.line, col: p.col ?? 1 } : {}), message: p.phrase ? words(p.phrase) : p.message })),
    },
  });
}

export function jsonBatch(setup: BatchSetup): BatchRenderer {
  let n = 0;
  const sep = () => (n++ ? ",\n" : "");
  return {
    head: () => "[\n",
    // One compact scorecard per line: pretty-printing thousands of them cost more than scoring them.
    row: ({ file, card }) => `${sep()}${JSON.stringify({ file, ...card })}`,
    broken: (item) => `${sep()}${brokenJson(setup, item)}`,
    foot: () => (n ? "\n]\n" : "]\n"),
  };
}

/** One compact scorecard per line, for large batches: a reader can stream it and memory stays flat. */
export function ndjsonBatch(setup: BatchSetup): BatchRenderer {
  return {
    head: () => "",
    row: ({ file, card }) => JSON.stringify({ file, ...card }) + "\n",
    broken: (item) => brokenJson(setup, item) + "\n",
    foot: () => "",
  };
}

interface JunitCase {
  name: string;
  failure?: string;
  error?: string;
  skipped?: string;
}

/**
 * JUnit XML: a suite per file and a case per threshold checked, failing only where a threshold failed. With no
 * threshold a scored file is one passing case, so a dashboard shows red only where the job fails; a file that
 * could not be scored is an error case.
 */
export function junitBatch(setup: BatchSetup): BatchRenderer {
  // The root element carries the totals, so the suites wait for the end; they are a few lines each.
  const suites: string[] = [];
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const add = (s: JunitSuite) => {
    for (const k of ["tests", "failures", "errors", "skipped"] as const) totals[k] += s[k];
    suites.push(s.xml);
    return "";
  };
  return {
    head: () => "",
    row: (item) => add(junitSuite(item, setup.lang)),
    broken: (item) => add(junitBrokenSuite(item, setup.lang)),
    foot: () =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="maturity-audit" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}">\n${suites.join("")}</testsuites>\n`,
  };
}

export interface JunitSuite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export function junitSuite({ file, card, checks = [], noBaseline }: BatchItem, lang: string): JunitSuite {
  const words = wordsFor(lang);
  const cases: JunitCase[] = checks.map((k) => ({ name: words(k.test), ...(k.passed ? {} : { failure: words(k.phrase) }) }));
  if (noBaseline) cases.push({ name: words({ key: "testBaseline" }), skipped: words({ key: "testNoBaseline" }) });
  if (!cases.length) cases.push({ name: words(card.scale ? { key: "testScoredScaled", params: { stage: card.overall.stage.name, score: shownScore(card, card.overall), max: card.scale.max } } : { key: "testScored", params: { stage: card.overall.stage.name, score: formatScore(card.overall.score) } }) });
  return suiteXml(`${file}: ${card.overall.stage.name} (${shownScore(card, card.overall)}${outOf(card)})`, file, cases);
}

export function junitBrokenSuite({ file, problems }: BrokenItem, lang: string): JunitSuite {
  const words = wordsFor(lang);
  return suiteXml(file, file, [{ name: words({ key: "testReadable" }), error: brokenReason(problems, words, messages(lang), Infinity) }]);
}

function suiteXml(name: string, file: string, cases: JunitCase[]): JunitSuite {
  const count = (k: keyof JunitCase) => cases.filter((c) => c[k] !== undefined).length;
  const body = cases
    .map((k) => {
      const open = `    <testcase classname="${x(file)}" name="${x(k.name)}"`;
      if (k.failure !== undefined) return `${open}>\n      <failure message="${x(k.failure)}">${x(k.failure)}</failure>\n    </testcase>`;
      if (k.error !== undefined) return `${open}>\n      <error message="${x(k.error)}">${x(k.error)}</error>\n    </testcase>`;
      if (k.skipped !== undefined) return `${open}>\n      <skipped message="${x(k.skipped)}"/>\n    </testcase>`;
      return `${open}/>`;
    })
    .join("\n");
  const s = { tests: cases.length, failures: count("failure"), errors: count("error"), skipped: count("skipped") };
  return { ...s, xml: `  <testsuite name="${x(name)}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="${s.skipped}">\n${body}\n  </testsuite>\n` };
}

/** A dimension's score in a row, in the rubric's scale where it has one; a dimension the card lacks is a dash. */
function scoreOfDimension(card: Scorecard, id: string): string {
  const d = card.dimensions.find((y) => y.id === id);
  return d ? shownScore(card, d) : formatScore(null);
}

/** Renders a whole batch at once, for callers that already hold every scorecard. */
export function renderBatch(renderer: BatchRenderer, items: BatchItem[]): string {
  if (!items.length) return "";
  return renderer.head(items[0]!.card) + items.map((i) => renderer.row(i)).join("") + renderer.foot(items.length);
}
