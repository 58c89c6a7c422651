import { Chalk } from "chalk";
import type { Scorecard } from "../engine/scorecard.js";
import type { ThresholdCheck } from "../engine/thresholds.js";
import { fill, messages } from "../i18n/messages.js";
import { escapeMarkdown as md, escapeMarkdownCode as mdCode, escapeXml as x } from "./escape.js";
import { formatScore } from "./numbers.js";
import { stripControl, truncate, wrap } from "../text/terminal.js";

export interface BatchItem {
  file: string;
  card: Scorecard;
  checks?: ThresholdCheck[];
}

/**
 * A report over many files, written as it goes: the head once the first scorecard is known, a row per
 * file, then the foot. Memory stays flat however many files there are.
 */
export interface BatchRenderer {
  head(first: Scorecard): string;
  row(item: BatchItem): string;
  foot(count: number): string;
}

/** File names without the folder they all share, so the table shows what tells them apart. */
export function shortNames(files: string[]): Map<string, string> {
  const parts = files.map((f) => f.split(/[\\/]/));
  let common = 0;
  if (parts.length) while (parts.every((p) => p.length - 1 > common && p[common] === parts[0]![common])) common++;
  return new Map(files.map((f, i) => [f, parts[i]!.slice(common).join("/")]));
}

const pad = (s: string, n: number, right = false) => {
  const t = truncate(s, n);
  return right ? t.padStart(n) : t.padEnd(n);
};

/** Plain columns, not a drawn table: a table library re-measures every row and grows slow with thousands. */
export function textBatch(files: string[], options: { colorLevel?: 0 | 1 | 2 | 3; width?: number } = {}): BatchRenderer {
  const c = new Chalk({ level: options.colorLevel ?? 0 });
  const width = Math.max(60, Math.min(options.width ?? 80, 160));
  const names = shortNames(files);
  let dims: Scorecard["dimensions"] = [];
  let t = messages();
  let fileW = 12;
  let whoW = 10;
  const short = (title: string) => title.split(/[\s-]/)[0]!.slice(0, 4);
  return {
    head(first) {
      t = messages(first.lang);
      dims = first.dimensions;
      const rest = width - (5 + 1) - (10 + 1) - dims.length * 5 - 2;
      fileW = Math.max(10, Math.floor(rest * 0.55));
      whoW = Math.max(8, rest - fileW);
      const head = `${pad(t.colFile, fileW)} ${pad(t.colRespondentDate, whoW)} ${pad(t.colScore, 5, true)} ${pad(t.colStage, 10)}${dims.map((d) => pad(short(d.title), 5, true)).join("")}`;
      return `${c.bold(head)}\n${"─".repeat(Math.min(width, head.length))}\n`;
    },
    row({ file, card, checks }) {
      const failed = checks?.some((k) => !k.passed);
      const who = [card.respondent, card.date].filter(Boolean).map((v) => stripControl(v!)).join(", ");
      const stage = pad(card.overall.stage.id + (failed ? " ✗" : ""), 10);
      return `${pad(stripControl(names.get(file) ?? file), fileW)} ${pad(who, whoW)} ${pad(formatScore(card.overall.score), 5, true)} ${failed ? c.red(stage) : card.target.reached ? c.green(stage) : stage}${dims
        .map((d) => pad(formatScore(card.dimensions.find((y) => y.id === d.id)?.score ?? null), 5, true))
        .join("")}\n`;
    },
    foot(count) {
      const legend = dims.map((d) => `${short(d.title)} = ${stripControl(d.title)}`).join("; ");
      return wrap(`${fill(t.auditsCount, { n: count })} ${legend}.`, width).map((l) => c.dim(l)).join("\n") + "\n";
    },
  };
}

/** Markdown keeps each path whole: a CI summary has the width, and the path is what a reader clicks through to. */
export function markdownBatch(): BatchRenderer {
  let dims: Scorecard["dimensions"] = [];
  let t = messages();
  return {
    head(first) {
      t = messages(first.lang);
      dims = first.dimensions;
      return [
        `## ${md(first.questionnaire.title)}`,
        "",
        `| ${t.colFile} | ${t.colRespondentDate} | ${t.overall} | ${t.colStage} | ${dims.map((d) => md(d.title)).join(" | ")} |`,
        `|---|---|---:|---|${dims.map(() => "---:").join("|")}|`,
        "",
      ].join("\n");
    },
    row({ file, card, checks }) {
      const failed = checks?.some((k) => !k.passed);
      const stage = `\`${mdCode(card.overall.stage.id)}\`${card.overall.blockedBy.length ? " 🔒" : ""}${card.target.reached ? " ✅" : ""}${failed ? " ❌" : ""}`;
      return `| ${md(file)} | ${md([card.respondent, card.date].filter(Boolean).join(", "))} | ${formatScore(card.overall.score)} | ${stage} | ${dims
        .map((d) => formatScore(card.dimensions.find((y) => y.id === d.id)?.score ?? null))
        .join(" | ")} |\n`;
    },
    foot(count) {
      return `\n_${md(fill(t.auditsCount, { n: count }))}_\n`;
    },
  };
}

export function jsonBatch(): BatchRenderer {
  let n = 0;
  return {
    head: () => "[\n",
    // One compact scorecard per line: pretty-printing thousands of them cost more than scoring them.
    row: ({ file, card }) => `${n++ ? ",\n" : ""}${JSON.stringify({ file, ...card })}`,
    foot: (count) => (count ? "\n]\n" : "]\n"),
  };
}

/** One compact scorecard per line, for large batches: a reader can stream it and memory stays flat. */
export function ndjsonBatch(): BatchRenderer {
  return {
    head: () => "",
    row: ({ file, card }) => JSON.stringify({ file, ...card }) + "\n",
    foot: () => "",
  };
}

/** JUnit XML: a suite per scorecard, a case per dimension target and per threshold, so dashboards show what failed. */
export function junitBatch(): BatchRenderer {
  // The root element carries the totals, so the suites wait for the end; they are a few lines each.
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  return {
    head: () => "",
    row: ({ file, card, checks = [] }) => {
      const s = junitSuite(file, card, checks);
      tests += s.tests;
      failures += s.failures;
      suites.push(s.xml);
      return "";
    },
    foot: () => `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="maturity-audit" tests="${tests}" failures="${failures}">\n${suites.join("")}</testsuites>\n`,
  };
}

export function junitSuite(file: string, card: Scorecard, checks: ThresholdCheck[]): { xml: string; tests: number; failures: number } {
  const cases: Array<{ name: string; failure?: string }> = card.dimensions.map((d) => {
    const ok = d.reached;
    return {
      name: `${d.title} reaches ${card.target.stage.id}`,
      ...(ok
        ? {}
        : { failure: `${d.title}: stage ${d.stage.id}, score ${formatScore(d.score)}, ${Math.round(d.gap)} points short of ${card.target.stage.id}${d.blockedBy.length ? `; held back by ${d.blockedBy.join(", ")}` : ""}` }),
    };
  });
  for (const k of checks) cases.push({ name: `threshold: ${k.name}`, ...(k.passed ? {} : { failure: k.message }) });
  const failures = cases.filter((k) => k.failure).length;
  const body = cases
    .map((k) =>
      k.failure
        ? `    <testcase classname="${x(file)}" name="${x(k.name)}">\n      <failure message="${x(k.failure)}">${x(k.failure)}</failure>\n    </testcase>`
        : `    <testcase classname="${x(file)}" name="${x(k.name)}"/>`,
    )
    .join("\n");
  const name = `${file}: ${card.overall.stage.name} (${formatScore(card.overall.score)}/100)`;
  return { xml: `  <testsuite name="${x(name)}" tests="${cases.length}" failures="${failures}" errors="0">\n${body}\n  </testsuite>\n`, tests: cases.length, failures };
}

/** Renders a whole batch at once, for callers that already hold every scorecard. */
export function renderBatch(renderer: BatchRenderer, items: BatchItem[]): string {
  if (!items.length) return "";
  return renderer.head(items[0]!.card) + items.map((i) => renderer.row(i)).join("") + renderer.foot(items.length);
}
