import type { Change, Comparison, Trend } from "../engine/compare.js";
import { shortStageName } from "./common.js";
import { textWidth } from "./radar.js";
import { escapeHtml as h, escapeMarkdown as md } from "./escape.js";

import { fill, messages } from "../i18n/messages.js";
import { formatScore } from "./numbers.js";
import { stripControl as s, truncate, wrap } from "../text/terminal.js";
import { own } from "../model/own.js";
import { shortNames } from "./batch.js";
import { shortTitles, truncateStart } from "./short-titles.js";

const signed = (d: number | null) => (d === null ? "—" : d > 0 ? `+${Math.round(d)}` : d < 0 ? `${Math.round(d)}` : "±0");
/** The change between the two scores as they are shown, rounded, so that 38 → 44 reads +6 however the decimals fell. */
export const shownChange = (c: Change) => (c.before === null || c.after === null ? null : Math.round(c.after) - Math.round(c.before));
const changed = (c: Change) => signed(shownChange(c));
/** A stage by its short name in the report's language; an id the rubric does not know stays as it is. */
const stageNamer = (stages: Array<{ id: string; name: string }>) => {
  const names = new Map(stages.map((x) => [x.id, shortStageName(x.name)]));
  return (id: string) => names.get(id) ?? id;
};
const moveOf = (stages: Array<{ id: string; name: string }>) => {
  const name = stageNamer(stages);
  return (a: string, b: string) => (a === b ? name(a) : `${name(a)} → ${name(b)}`);
};

/** Scores and changes of a comparison: in the rubric's scale with its decimals where it has one, else whole points. */
function numbersOf(c: Comparison): { score: (x: number | null) => string; change: (x: Change) => string } {
  const sc = c.scale;
  if (!sc) return { score: formatScore, change: changed };
  return {
    score: (x) => (x === null ? "—" : x.toFixed(sc.decimals)),
    change: ({ delta: x }) => (x === null ? "—" : x > 0 ? `+${x.toFixed(sc.decimals)}` : x < 0 ? x.toFixed(sc.decimals) : "±0"),
  };
}

/** The rows of the table: the groups, indented by level, then the dimensions. */
const rowsOf = (c: Comparison) => [...(c.groups ?? []).map((g) => ({ ...g, title: `${"  ".repeat(g.level)}${g.title}` })), ...c.dimensions];

export function renderComparisonText(c: Comparison, width = 80, lang = "en"): string {
  const t = messages(lang);
  const stageMove = moveOf(c.stages);
  const stageName = stageNamer(c.stages);
  const out: string[] = [];
  const when = (x: Comparison["before"]) => (x.date ? `${s(x.label)} (${x.date})` : s(x.label));
  out.push(...wrap(fill(t.progressFromTo, { before: when(c.before), after: when(c.after) }), width));
  const n = numbersOf(c);
  out.push(...wrap(fill(t.overallMove, { before: n.score(c.overall.before), after: n.score(c.overall.after), delta: n.change(c.overall), stage: stageMove(c.overall.stageBefore, c.overall.stageAfter) }), width), "");
  const rows = rowsOf(c);
  // No wider than the longest title: the stage column, with two stage names, takes the rest.
  const nameW = Math.min(34, width - 40, Math.max(t.colDimension.length, t.overall.length, ...rows.map((d) => s(d.title).length)));
  out.push(`${t.colDimension.padEnd(nameW)} ${t.colBefore.padStart(6)} ${t.colAfter.padStart(6)} ${t.colChange.padStart(7)}  ${t.colStage}`);
  for (const d of rows) {
    // A move between two long stage names goes on to a second line under its column rather than being cut.
    const room = width - nameW - 24;
    const move = stageMove(d.stageBefore, d.stageAfter);
    const [first = "", ...more] = (move.length <= room || d.stageBefore === d.stageAfter ? [move] : [`${stageName(d.stageBefore)} →`, stageName(d.stageAfter)]).map((l) => truncate(l, room));
    out.push(`${truncate(s(d.title), nameW).padEnd(nameW)} ${n.score(d.before).padStart(6)} ${n.score(d.after).padStart(6)} ${n.change(d).padStart(7)}  ${first}`);
    for (const line of more) out.push(`${" ".repeat(width - room)}${line}`);
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
  const stageMove = moveOf(c.stages);
  const when = (x: Comparison["before"]) => `${md(x.label)}${x.date ? ` (${x.date})` : ""}`;
  const n = numbersOf(c);
  const out = [
    `## ${fill(t.progressFromTo, { before: when(c.before), after: when(c.after) })}`,
    "",
    `| ${t.colDimension} | ${t.colBefore} | ${t.colAfter} | ${t.colChange} | ${t.colStage} |`,
    "|---|---:|---:|---:|---|",
    `| **${t.overall}** | ${n.score(c.overall.before)} | ${n.score(c.overall.after)} | ${n.change(c.overall)} | ${md(stageMove(c.overall.stageBefore, c.overall.stageAfter))} |`,
    ...rowsOf(c).map((d) => `| ${md(d.title)} | ${n.score(d.before)} | ${n.score(d.after)} | ${n.change(d)} | ${md(stageMove(d.stageBefore, d.stageAfter))} |`),
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
  const stage = stageNamer(t.stages);
  const out: string[] = [fill(w.trendOver, { n: t.rows.length }), ""];
  // The row is the label, then date, score and stage (28 columns); the label gets the rest, and the files lose the folder they share.
  const labelW = Math.max(12, Math.min(40, width - 30));
  const names = shortNames(t.rows.map((r) => r.label));
  out.push(`${w.colAudit.padEnd(labelW)} ${w.colDate.padEnd(10)} ${w.colScore.padStart(5)} ${w.colStage.padEnd(14)}`);
  for (const r of t.rows) out.push(`${truncateStart(s(names.get(r.label) ?? r.label), labelW).padEnd(labelW)} ${(r.date ?? "—").padEnd(10)} ${formatScore(r.overall).padStart(5)} ${truncate(stage(r.stage), 14).padEnd(14)}`);
  out.push("", w.perDimension);
  const nameW = Math.max(8, Math.min(34, width - t.rows.length - 20));
  const titles = shortTitles(t.dimensions, nameW, true);
  out.push(`${w.overall.padEnd(nameW)} ${sparkline(t.rows.map((r) => r.overall))}  ${formatScore(t.rows[0]?.overall ?? null)} → ${formatScore(t.rows.at(-1)?.overall ?? null)}`);
  t.dimensions.forEach((d, i) => {
    const values = t.rows.map((r) => own(r.scores, d.id) ?? null);
    out.push(`${titles[i]!.padEnd(nameW)} ${sparkline(values)}  ${formatScore(values[0] ?? null)} → ${formatScore(values.at(-1) ?? null)}`);
  });
  return out.map((l) => truncate(l, width).trimEnd()).join("\n") + "\n";
}

export function renderTrendMarkdown(t: Trend, lang = "en"): string {
  const w = messages(lang);
  const stage = stageNamer(t.stages);
  return [
    `## ${fill(w.trendOver, { n: t.rows.length })}`,
    "",
    `| ${w.colAudit} | ${w.colDate} | ${w.overall} | ${w.colStage} | ${t.dimensions.map((d) => md(d.title)).join(" | ")} |`,
    `|---|---|---:|---|${t.dimensions.map(() => "---:").join("|")}|`,
    ...t.rows.map((r) => `| ${md(r.label)} | ${r.date ?? "—"} | ${formatScore(r.overall)} | ${md(stage(r.stage))} | ${t.dimensions.map((d) => formatScore(own(r.scores, d.id) ?? null)).join(" | ")} |`),
    "",
  ].join("\n");
}

/** Two audits on one page: the headline move, both shapes on one radar, the table, the answers and steps that changed. */
export async function renderComparisonHtml(c: Comparison, lang = "en"): Promise<string> {
  const { htmlPage, icon, keepTogether, legendKey } = await import("./html.js");
  const { renderRadar } = await import("./radar.js");
  const t = messages(lang);
  const stageMove = moveOf(c.stages.map((x) => ({ ...x, name: keepTogether(shortStageName(x.name)) })));
  const when = (x: Comparison["before"]) => (x.date ? `${x.label} (${x.date})` : x.label);
  const heading = fill(t.progressFromTo, { before: when(c.before), after: when(c.after) });
  const overall = fill(t.overallMove, { before: formatScore(c.overall.before), after: formatScore(c.overall.after), delta: changed(c.overall), stage: stageMove(c.overall.stageBefore, c.overall.stageAfter) });
  const series = [
    { label: `${t.colBefore}: ${when(c.before)}`, values: c.dimensions.map((d) => d.before), colour: "#757575", dash: "6 4" },
    { label: `${t.colAfter}: ${when(c.after)}`, values: c.dimensions.map((d) => d.after), colour: "#1565c0", fill: true },
  ];
  const row = (title: string, d: Change, stage: string, strong = false) =>
    `<tr${strong ? ' class="strong"' : ""}><td>${h(title)}</td><td class="num">${formatScore(d.before)}</td><td class="num">${formatScore(d.after)}</td><td class="num">${h(changed(d))}</td><td class="stage">${h(stage)}</td></tr>`;
  const table = `<table class="changes"><thead><tr><th>${h(t.colDimension)}</th><th class="num">${h(t.colBefore)}</th><th class="num">${h(t.colAfter)}</th><th class="num">${h(t.colChange)}</th><th>${h(t.colStage)}</th></tr></thead><tbody>
${c.dimensions.map((d) => row(d.title, d, stageMove(d.stageBefore, d.stageAfter))).join("\n")}
${row(t.overall, c.overall, stageMove(c.overall.stageBefore, c.overall.stageAfter), true)}
</tbody></table>`;
  const answers = c.answers.length
    ? `<h2>${h(fill(t.answersChanged, { n: c.answers.length }))}</h2><table class="answers"><thead><tr><th>${h(t.colQuestion)}</th><th>${h(t.colBefore)}</th><th>${h(t.colAfter)}</th><th class="num">${h(t.colPoints)}</th></tr></thead><tbody>${c.answers
        .map((a) => {
          const delta = a.pointsAfter !== null && a.pointsBefore !== null ? Math.round(a.pointsAfter) - Math.round(a.pointsBefore) : null;
          return `<tr><td class="free">${h(a.text)}</td><td class="free">${h(a.before)}</td><td class="free">${h(a.after)}</td><td class="num">${h(signed(delta))}</td></tr>`;
        })
        .join("")}</tbody></table>`
    : `<p>${h(t.noAnswerChanged)}</p>`;
  const steps = (title: string, list: Comparison["stepsDone"], mark: string) => (list.length ? `<h3>${h(title)}</h3><ul class="gates">${list.map((x) => `<li>${mark} ${h(x.title)}</li>`).join("")}</ul>` : "");
  const body = `<header class="title-page">
<p class="kicker">${h(t.colChange)}</p>
<h1>${h(c.organisation ?? heading)}</h1>
${c.organisation ? `<p class="result">${h(heading)}</p>` : ""}
<p class="result">${h(overall)}</p>
</header>
<section class="sheet overview">
<h2>${h(heading)}</h2>
<div class="top">
<div>${table}</div>
<figure>
${renderRadar(c.dimensions.map((d) => d.title), series, fill(t.radarLabel, { n: c.dimensions.length }))}
<figcaption class="legend">${series.map((s) => `<span>${legendKey(s.colour, s.dash, s.fill)}${h(s.label)}</span>`).join("")}</figcaption>
</figure>
</div>
</section>
<section class="sheet answers">
${answers}
${steps(t.stepsDone, c.stepsDone, icon("check"))}
${steps(t.stepsNew, c.stepsNew, icon("plus"))}
</section>`;
  return htmlPage(lang, c.organisation ? `${c.organisation}: ${heading}` : heading, body);
}

/** Several audits on one page: a line per dimension and the overall score from the oldest to the newest, and the table. */
export async function renderTrendHtml(tr: Trend, lang = "en"): Promise<string> {
  const { htmlPage, keepTogether, legendKey, PALETTE, DASHES } = await import("./html.js");
  const w = messages(lang);
  const stage = (id: string) => keepTogether(stageNamer(tr.stages)(id));
  const heading = fill(w.trendOver, { n: tr.rows.length });
  const lines = [
    { label: w.overall, values: tr.rows.map((r) => r.overall), colour: "#1565c0", width: 3.5 },
    ...tr.dimensions.map((d, i) => ({ label: d.title, values: tr.rows.map((r) => r.scores[d.id] ?? null), colour: PALETTE[i % PALETTE.length]!, dash: DASHES[i % DASHES.length]!, width: 2 })),
  ];
  const table = `<table class="trend wide"><thead><tr><th>${h(w.colAudit)}</th><th>${h(w.colDate)}</th><th class="num">${h(w.overall)}</th><th>${h(w.colStage)}</th>${tr.dimensions.map((d) => `<th class="num free">${h(d.title)}</th>`).join("")}</tr></thead><tbody>
${tr.rows.map((r) => `<tr><td class="free">${h(r.label)}</td><td>${h(r.date ?? "—")}</td><td class="num">${formatScore(r.overall)}</td><td class="stage">${h(stage(r.stage))}</td>${tr.dimensions.map((d) => `<td class="num">${formatScore(r.scores[d.id] ?? null)}</td>`).join("")}</tr>`).join("\n")}
</tbody></table>`;
  const body = `<header class="title-page">
<p class="kicker">${h(heading)}</p>
<h1>${h(tr.organisation ?? heading)}</h1>
<p class="result">${h(`${tr.rows[0]?.date ?? tr.rows[0]?.label ?? ""} → ${tr.rows.at(-1)?.date ?? tr.rows.at(-1)?.label ?? ""}`)}</p>
</header>
<section class="sheet overview">
<h2>${h(heading)}</h2>
<figure>
${trendChart(tr.rows.map((r) => r.date ?? r.label), lines, w.trendChartLabel)}
<figcaption class="legend">${lines.map((l) => `<span>${legendKey(l.colour, "dash" in l ? l.dash : undefined, l.width > 3)}${h(l.label)}</span>`).join("")}</figcaption>
</figure>
${table}
</section>`;
  return htmlPage(lang, tr.organisation ? `${tr.organisation}: ${heading}` : heading, body);
}

/** A line chart of 0-100 scores, one point per audit; the viewBox holds every label. */
function trendChart(columns: string[], lines: Array<{ label: string; values: Array<number | null>; colour: string; dash?: string; width: number }>, aria: string): string {
  const W = 760;
  const H = 300;
  const left = 34;
  // Room for half of the widest label at either end, so that the first and the last stay inside.
  const edge = 20 + Math.max(0, ...columns.map((c) => textWidth(c.length > 24 ? `${c.slice(0, 23)}…` : c, 12))) / 2;
  const step = columns.length > 1 ? (W - left - 2 * edge) / (columns.length - 1) : 0;
  const xOf = (i: number) => (columns.length > 1 ? left + edge + i * step : (left + W) / 2);
  const yOf = (v: number) => H - (Math.max(0, Math.min(100, v)) / 100) * H;
  const parts: string[] = [];
  for (const v of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${left}" y1="${yOf(v)}" x2="${W}" y2="${yOf(v)}" stroke="#d0d6dc"/>`);
    parts.push(`<text class="scale" x="${left - 6}" y="${yOf(v) + 4}" text-anchor="end" font-size="11" fill="#4a545e">${v}</text>`);
  }
  let bottom = H;
  columns.forEach((c, i) => {
    const label = c.length > 24 ? `${c.slice(0, 23)}…` : c;
    parts.push(`<text class="axis-label" x="${xOf(i).toFixed(1)}" y="${H + 20}" text-anchor="middle" font-size="12">${h(label)}</text>`);
    bottom = H + 26;
  });
  for (const l of lines) {
    const pts = l.values.map((v, i) => (v === null ? null : `${xOf(i).toFixed(1)},${yOf(v).toFixed(1)}`)).filter(Boolean);
    parts.push(`<polyline class="series" data-series="${h(l.label)}" points="${pts.join(" ")}" fill="none" stroke="${l.colour}" stroke-width="${l.width}"${l.dash ? ` stroke-dasharray="${l.dash}"` : ""}><title>${h(l.label)}</title></polyline>`);
  }
  // The overall score's values, above its points.
  lines[0]!.values.forEach((v, i) => {
    if (v !== null) parts.push(`<text class="value" x="${xOf(i).toFixed(1)}" y="${(yOf(v) - 8).toFixed(1)}" text-anchor="middle" font-size="12" font-weight="600" paint-order="stroke" stroke="#fff" stroke-width="3">${formatScore(v)}</text>`);
  });
  return `<svg class="trend" xmlns="http://www.w3.org/2000/svg" viewBox="0 -20 ${W + 10} ${bottom + 30}" width="${W + 10}" height="${bottom + 30}" role="img" aria-label="${h(aria)}">\n${parts.join("\n")}\n</svg>`;
}
