import type { Comparison, Trend } from "../engine/compare.js";
import { escapeMarkdown as md } from "./escape.js";

import { fill, messages } from "../i18n/messages.js";
import { formatScore } from "./numbers.js";
import { stripControl as s, truncate, wrap } from "../text/terminal.js";
import { own } from "../engine/own.js";
import { shortNames } from "./batch.js";
import { shortTitles, truncateStart } from "./short-titles.js";

const signed = (d: number | null) => (d === null ? "—" : d > 0 ? `+${Math.round(d)}` : d < 0 ? `${Math.round(d)}` : "±0");

/** Scores and changes of a comparison: in the rubric's scale with its decimals where it has one, else whole points. */
function numbersOf(c: Comparison): { score: (x: number | null) => string; change: (x: number | null) => string } {
  const sc = c.scale;
  if (!sc) return { score: formatScore, change: signed };
  return {
    score: (x) => (x === null ? "—" : x.toFixed(sc.decimals)),
    change: (x) => (x === null ? "—" : x > 0 ? `+${x.toFixed(sc.decimals)}` : x < 0 ? x.toFixed(sc.decimals) : "±0"),
  };
}

/** The rows of the table: the groups, indented by level, then the dimensions. */
const rowsOf = (c: Comparison) => [...(c.groups ?? []).map((g) => ({ ...g, title: `${"  ".repeat(g.level)}${g.title}` })), ...c.dimensions];
const stageMove = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);

export function renderComparisonText(c: Comparison, width = 80, lang = "en"): string {
  const t = messages(lang);
  const out: string[] = [];
  const when = (x: Comparison["before"]) => (x.date ? `${s(x.label)} (${x.date})` : s(x.label));
  out.push(...wrap(fill(t.progressFromTo, { before: when(c.before), after: when(c.after) }), width));
  const n = numbersOf(c);
  out.push(...wrap(fill(t.overallMove, { before: n.score(c.overall.before), after: n.score(c.overall.after), delta: n.change(c.overall.delta), stage: stageMove(c.overall.stageBefore, c.overall.stageAfter) }), width), "");
  const nameW = Math.min(34, width - 40);
  out.push(`${t.colDimension.padEnd(nameW)} ${t.colBefore.padStart(6)} ${t.colAfter.padStart(6)} ${t.colChange.padStart(7)}  ${t.colStage}`);
  for (const d of rowsOf(c)) {
    out.push(`${truncate(s(d.title), nameW).padEnd(nameW)} ${n.score(d.before).padStart(6)} ${n.score(d.after).padStart(6)} ${n.change(d.delta).padStart(7)}  ${truncate(stageMove(d.stageBefore, d.stageAfter), width - nameW - 24)}`);
  }
  out.push("", c.answers.length ? fill(t.answersChanged, { n: c.answers.length }) : t.noAnswerChanged);
  for (const a of c.answers) {
    out.push(...wrap(`• ${s(a.text)}`, width, "").map((l, i) => (i ? "  " + l : l)).map((l) => truncate(l, width)));
    out.push(...wrap(`${s(a.before)} → ${s(a.after)} (${fill(t.pointsDelta, { delta: signed(a.pointsAfter !== null && a.pointsBefore !== null ? a.pointsAfter - a.pointsBefore : null) })})`, width, "  "));
  }
  if (c.stepsDone.length) out.push("", t.stepsDone, ...c.stepsDone.flatMap((x) => wrap(`✓ ${s(x.title)}`, width, "").map((l, i) => (i ? "  " + l : l))));
  if (c.stepsNew.length) out.push("", t.stepsNew, ...c.stepsNew.flatMap((x) => wrap(`+ ${s(x.title)}`, width, "").map((l, i) => (i ? "  " + l : l))));
  return out.join("\n") + "\n";
}

export function renderComparisonMarkdown(c: Comparison, lang = "en"): string {
  const t = messages(lang);
  const when = (x: Comparison["before"]) => `${md(x.label)}${x.date ? ` (${x.date})` : ""}`;
  const n = numbersOf(c);
  const out = [
    `## ${fill(t.progressFromTo, { before: when(c.before), after: when(c.after) })}`,
    "",
    `| ${t.colDimension} | ${t.colBefore} | ${t.colAfter} | ${t.colChange} | ${t.colStage} |`,
    "|---|---:|---:|---:|---|",
    `| **${t.overall}** | ${n.score(c.overall.before)} | ${n.score(c.overall.after)} | ${n.change(c.overall.delta)} | ${md(stageMove(c.overall.stageBefore, c.overall.stageAfter))} |`,
    ...rowsOf(c).map((d) => `| ${md(d.title)} | ${n.score(d.before)} | ${n.score(d.after)} | ${n.change(d.delta)} | ${md(stageMove(d.stageBefore, d.stageAfter))} |`),
    "",
  ];
  if (c.answers.length) {
    out.push(`<details><summary>${md(fill(t.answersChanged, { n: c.answers.length }))}</summary>`, "", `| ${t.colQuestion} | ${t.colBefore} | ${t.colAfter} |`, "|---|---|---|");
    for (const a of c.answers) out.push(`| ${md(a.text)} | ${md(a.before)} | ${md(a.after)} |`);
    out.push("", "</details>", "");
  }
  if (c.stepsDone.length) out.push(`**${t.stepsDone}:** ` + c.stepsDone.map((x) => md(x.title)).join("; "), "");
  if (c.stepsNew.length) out.push(`**${t.stepsNew}:** ` + c.stepsNew.map((x) => md(x.title)).join("; "), "");
  return out.join("\n");
}

const SPARKS = "▁▂▃▄▅▆▇█";

export function sparkline(values: Array<number | null>): string {
  return values.map((v) => (v === null ? " " : SPARKS[Math.min(7, Math.floor((Math.max(0, Math.min(100, v)) / 100) * 8))]!)).join("");
}

export function renderTrendText(t: Trend, width = 80, lang = "en"): string {
  const w = messages(lang);
  const out: string[] = [fill(w.trendOver, { n: t.rows.length }), ""];
  // The row is the label, then date, score and stage (28 columns); the label gets the rest, and the files lose the folder they share.
  const labelW = Math.max(12, Math.min(40, width - 30));
  const names = shortNames(t.rows.map((r) => r.label));
  out.push(`${w.colAudit.padEnd(labelW)} ${w.colDate.padEnd(10)} ${w.colScore.padStart(5)} ${w.colStage.padEnd(10)}`);
  for (const r of t.rows) out.push(`${truncateStart(s(names.get(r.label) ?? r.label), labelW).padEnd(labelW)} ${(r.date ?? "—").padEnd(10)} ${formatScore(r.overall).padStart(5)} ${truncate(r.stage, 10).padEnd(10)}`);
  out.push("", w.perDimension);
  const nameW = Math.max(8, Math.min(34, width - t.rows.length - 20));
  const titles = shortTitles(t.dimensions, nameW, true);
  out.push(`${w.overall.padEnd(nameW)} ${sparkline(t.rows.map((r) => r.overall))}  ${formatScore(t.rows[0]?.overall ?? null)} → ${formatScore(t.rows.at(-1)?.overall ?? null)}`);
  t.dimensions.forEach((d, i) => {
    const values = t.rows.map((r) => own(r.scores, d.id) ?? null);
    out.push(`${titles[i]!.padEnd(nameW)} ${sparkline(values)}  ${formatScore(values[0] ?? null)} → ${formatScore(values.at(-1) ?? null)}`);
  });
  return out.map((l) => truncate(l, width)).join("\n") + "\n";
}

export function renderTrendMarkdown(t: Trend, lang = "en"): string {
  const w = messages(lang);
  return [
    `## ${fill(w.trendOver, { n: t.rows.length })}`,
    "",
    `| ${w.colAudit} | ${w.colDate} | ${w.overall} | ${w.colStage} | ${t.dimensions.map((d) => md(d.title)).join(" | ")} |`,
    `|---|---|---:|---|${t.dimensions.map(() => "---:").join("|")}|`,
    ...t.rows.map((r) => `| ${md(r.label)} | ${r.date ?? "—"} | ${formatScore(r.overall)} | ${md(r.stage)} | ${t.dimensions.map((d) => formatScore(own(r.scores, d.id) ?? null)).join(" | ")} |`),
    "",
  ].join("\n");
}
