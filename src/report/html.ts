import type { Scorecard } from "../engine/scorecard.js";
import { benchmarkOriginLine, borderlineSentences, roadmapView, stepWhere, confidenceSentence, coverageSentence, definitionSentence, dimensionRows, stageLabel, stageTone, gateSentence, lagSentence, whySentence, wordsFor } from "./common.js";
import { fill, type Messages } from "../i18n/messages.js";
import { escapeHtml as h } from "./escape.js";
import { radarLabels, renderRadar, type RadarSeries } from "./radar.js";
import { formatScore } from "./numbers.js";
import { own } from "../model/own.js";
import { outOf, shownGap, shownScore, stageShort, treeRows, type TreeRow } from "./common.js";

export interface HtmlOptions {
  /** A peer profile to draw and compare with: a score per dimension id. */
  benchmark?: { label: string; scores: Record<string, number | null>; /** A short name for the table's column; the label, with its origin, goes in the legend. */ title?: string };
  /** Extra polygons, e.g. each respondent of a team view. */
  series?: Array<{ label: string; scores: Record<string, number | null> }>;
  steps?: number;
  /** For a team view: the questions to discuss first, with who answered what. */
  disagreements?: Array<{ text: string; agreement: number | null; distribution: Array<{ display: string; count: number; respondents: string[] }> }>;
  /** For a team view: each respondent's scores, or their spread, as a table of plain text cells. */
  table?: HtmlTable;
}

/** A table of plain text: escaped where it is written; the first column names the row, the others are numbers. */
export interface HtmlTable {
  heading: string;
  intro?: string;
  head: string[];
  rows: string[][];
  /** Rows to set in bold, by index: the overall row. */
  strong?: number[];
  notes?: string[];
}

/** Colours and stroke patterns that stay apart on a projector and in black and white. */
export const PALETTE = ["#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#558b2f", "#4527a0", "#795548", "#37474f"];
export const DASHES = ["2 3", "8 3 2 3", "12 4", "1 5", "8 2 2 2 2 2", "4 4", "10 2 2 2", "3 6"];

export const CSS = `
:root { --ink: #1d232a; --muted: #56616b; --line: #d0d6dc; --accent: #1565c0; --ok: #2e7d32; --warn: #9a6200; --bad: #b23b3b; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); margin: 0; background: #f6f7f9; overflow-wrap: break-word; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 28px; background: #fff; }
h1 { font-size: 28px; line-height: 1.25; margin: 0 0 6px; } h2 { font-size: 20px; margin: 30px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h3 { font-size: 16px; margin: 20px 0 6px; }
.meta, .muted { color: var(--muted); } .lead { font-size: 17px; }
.title-page { padding: 8px 0 20px; border-bottom: 3px solid var(--accent); }
.title-page .kicker { text-transform: uppercase; letter-spacing: .06em; font-size: 13px; color: var(--muted); margin: 0 0 8px; }
.title-page .result { font-size: 20px; margin: 4px 0 16px; }
.title-page dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 18px; margin: 0; }
.title-page dt { font-weight: 600; color: var(--muted); } .title-page dd { margin: 0; min-width: 0; }
.summary p { margin: 0 0 8px; } .summary { font-size: 16px; }
.top { display: grid; grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr); gap: 24px; align-items: start; }
.top > * { min-width: 0; }
figure { margin: 0; } figure svg.radar { display: block; margin: 0 auto; }
svg.radar, svg.trend { max-width: 100%; height: auto; }
.ladder { display: flex; margin: 18px 0 28px; position: relative; min-height: 46px; }
.band { border: 1px solid var(--line); border-right: none; padding: 4px 6px; font-size: 12px; line-height: 1.3; color: var(--muted); background: #fafbfc; min-width: 0; overflow-wrap: anywhere; }
.band:last-child { border-right: 1px solid var(--line); }
.band.reached { background: #e3edf8; color: var(--ink); }
.band.current { background: var(--accent); color: #fff; font-weight: 600; }
.marker { position: absolute; top: -10px; width: 0; height: 0; border-left: 7px solid transparent; border-right: 7px solid transparent; border-top: 10px solid var(--ink); }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td .muted, .free { overflow-wrap: anywhere; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.strong td { font-weight: 600; }
.bar { background: #e3e7eb; height: 10px; width: 70px; max-width: 100%; border: 1px solid #aab3bb; border-radius: 5px; overflow: hidden; } .bar > span { display: block; height: 100%; background: var(--accent); }
.ok { color: var(--ok); } .warn { color: var(--warn); } .bad { color: var(--bad); }
.icon { width: 1em; height: 1em; vertical-align: -0.14em; flex: none; }
ol.steps li { margin-bottom: 12px; } ol.steps ul li { margin-bottom: 2px; } .doubt { border-left: 4px solid var(--warn); padding: 4px 10px; background: #fff8e6; } .why { color: var(--muted); font-size: 13px; }
ul.gates { list-style: none; padding-left: 0; } ul.gates li { margin-bottom: 6px; }
.legend span { display: inline-block; margin-right: 14px; font-size: 13px; } .legend svg { vertical-align: middle; margin-right: 5px; }
details { margin-top: 8px; } summary { cursor: pointer; color: var(--accent); }
footer { margin-top: 32px; font-size: 12px; color: var(--muted); }
@media (max-width: 860px) { .top { grid-template-columns: minmax(0, 1fr); } }
.top.wide { grid-template-columns: minmax(0, 1fr); }
@media print {
  @page { size: A4; margin: 14mm; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  body { background: #fff; font-size: 10.5pt; } main { max-width: none; padding: 0; }
  .title-page { border-bottom: none; min-height: 250mm; display: flex; flex-direction: column; justify-content: center; }
  .title-page h1 { font-size: 30pt; }
  .sheet { break-before: page; }
  h2 { margin-top: 0; }
  .top { grid-template-columns: minmax(0, 1fr); gap: 12px; }
  figure svg.radar { max-width: min(100%, 120mm); }
  table.wide { font-size: 9pt; }
  h2, h3 { break-after: avoid; } tr, li, .ladder, figure, .doubt, .summary p { break-inside: avoid; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { display: none !important; }
  a { color: inherit; text-decoration: none; }
}`;

// Drawn, not typed: emoji and dingbats are missing from many fonts (a box on a projector is worse than nothing).
const ICONS = {
  lock: '<rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor"/><path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.8"/>',
  question: '<circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M5.8 6.2a2.2 2.2 0 1 1 3.2 2c-.7.4-1 .8-1 1.6" fill="none" stroke="currentColor" stroke-width="1.6"/><circle cx="8" cy="12.2" r="1" fill="currentColor"/>',
  check: '<path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" stroke-width="2.2"/>',
  star: '<path d="M8 1.2l2.1 4.4 4.8.6-3.5 3.3.9 4.8L8 12l-4.3 2.3.9-4.8L1.1 6.2l4.8-.6z" fill="currentColor"/>',
  plus: '<path d="M8 2.5v11M2.5 8h11" stroke="currentColor" stroke-width="2.2"/>',
} as const;

export function icon(name: keyof typeof ICONS, title?: string): string {
  return `<svg class="icon icon-${name}" viewBox="0 0 16 16" width="16" height="16" ${title ? `role="img" aria-label="${h(title)}"><title>${h(title)}</title>` : 'aria-hidden="true">'}${ICONS[name]}</svg>`;
}

/** A short line in the legend, drawn in the series' colour and stroke pattern. */
export function legendKey(colour: string, dash?: string, filled = false): string {
  return `<svg width="26" height="10" viewBox="0 0 26 10" aria-hidden="true"><line x1="1" y1="5" x2="25" y2="5" stroke="${colour}" stroke-width="${filled ? 4 : 2.5}"${dash ? ` stroke-dasharray="${dash}"` : ""}/></svg>`;
}

/** The name of a business, for the headline and the page's title; undefined when the files do not give it. */
function organisationOf(card: Scorecard): string | undefined {
  return card.organisation?.trim() || undefined;
}

/** A self-contained page: inline CSS, no scripts, no requests. The body is given as HTML, already escaped. */
export function htmlPage(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${h(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A stage's short name on one line: "Mediehus 2.0" never breaks between its words. */
export const keepTogether = (x: string) => x.replace(/ /g, "\u00a0");

const clip = (x: string, n = 90) => (x.length > n ? `${x.slice(0, n - 1).trimEnd()}…` : x);
const sentence = (x: string) => x.trim().replace(/[.!:;,\s]+$/, "");
const firstSentence = (x: string) => x.trim().split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0]!;

/**
 * At most five sentences for the management team, each from this audit's own scorecard: where the business stands,
 * its strongest and weakest answers, what blocks the next stage or leaves it open, and the first step.
 */
export function executiveSummary(card: Scorecard): string[] {
  const t = wordsFor(card);
  const who = organisationOf(card) ?? card.respondent ?? t.thisAudit;
  const out: string[] = [];
  const values = { who, stage: card.overall.stage.name, score: formatScore(card.overall.score), target: stageShort(card, card.target.stage.id), scoreStage: stageShort(card, card.overall.scoreStage.id), points: Math.round(card.overall.gap) };
  if (card.overall.score === null) out.push(t.noScoreYet);
  else if (card.target.reached) out.push(fill(t.execReached, values));
  else if (card.overall.gap === 0 && card.overall.blockedBy.length) out.push(fill(t.execHeld, values));
  else out.push(fill(t.execWhere, values));
  const dimension = (id: string) => card.dimensions.find((d) => d.id === id);
  // A chosen option says what the practice is; a number, a scale point or a yes needs its question beside it.
  const answer = (f: Scorecard["findings"]["strongest"][number]) => {
    const d = dimension(f.dimension);
    const q = d?.questions.find((x) => x.id === f.question);
    return {
      answer: q && (q.type === "single" || q.type === "multi") ? fill(t.answerQuote, { dimension: d!.title, display: clip(f.display) }) : fill(t.answerQuoteQuestion, { text: clip(f.text), display: clip(f.display, 40) }),
    };
  };
  const best = card.findings.strongest[0];
  const worst = card.findings.weakest[0];
  if (best) out.push(fill(t.execStrongest, answer(best)));
  if (worst && worst.question !== best?.question) out.push(fill(t.execWeakest, answer(worst)));
  const gate = card.gates.find((g) => g.status === "blocking");
  if (gate) out.push(fill(t.execBlocked, { stage: stageShort(card, gate.blocks), reason: sentence(firstSentence(gate.reason)) }));
  else if (card.overall.confidence.status === "unconfirmed") out.push(confidenceSentence(card)!);
  const first = card.nextSteps[0];
  if (first) {
    const { effort } = stepWhere(card, first);
    out.push(card.nextSteps.length > 1 ? fill(t.execFirstStep, { step: sentence(first.title), effort, n: card.nextSteps.length }) : fill(t.execOnlyStep, { step: sentence(first.title), effort }));
  } else if (card.overall.score !== null) out.push(t.nothingHolds);
  return out.slice(0, 5);
}

/** The first page: whose audit, when, who answered, with which questionnaire and rubric, and the result in one line. */
function titlePage(card: Scorecard, t: Messages, headline: string): string {
  const org = organisationOf(card);
  const people = card.respondents ?? (card.respondent ? [card.respondent] : []);
  const rows: Array<[string, string]> = [];
  if (org) rows.push([t.titleOrganisation, org]);
  if (card.date) rows.push([t.titleDate, card.date]);
  if (people.length) rows.push([t.titleRespondents, people.join(", ")]);
  rows.push([t.titleQuestionnaire, `${card.questionnaire.title} (${card.questionnaire.id}, ${fill(t.titleRevision, { n: card.questionnaire.revision })})`]);
  rows.push([t.titleRubric, card.rubric.title]);
  rows.push([t.titleTarget, card.target.stage.name]);
  return `<header class="title-page">
<p class="kicker">${h(card.questionnaire.title)}</p>
<h1>${h(headline)}</h1>
<p class="result">${h(stageLabel(card))} · ${formatScore(card.overall.score)}/100</p>
<dl class="meta">${rows.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join("")}</dl>
</header>`;
}

function tableHtml(table: HtmlTable): string {
  const strong = new Set(table.strong ?? []);
  return `<h2>${h(table.heading)}</h2>${table.intro ? `<p class="muted">${h(table.intro)}</p>` : ""}
<table class="team"><thead><tr>${table.head.map((c, i) => `<th class="${i ? "num free" : "free"}">${h(c)}</th>`).join("")}</tr></thead><tbody>
${table.rows.map((row, r) => `<tr${strong.has(r) ? ' class="strong"' : ""}>${row.map((c, i) => `<td class="${i ? "num" : "free"}">${h(c)}</td>`).join("")}</tr>`).join("\n")}
</tbody></table>${(table.notes ?? []).map((n) => `<p class="muted">${h(n)}</p>`).join("")}`;
}

/** One self-contained page: inline CSS and SVG, no scripts, no external requests, every text escaped. */
export function renderHtml(card: Scorecard, options: HtmlOptions = {}): string {
  const t = wordsFor(card);
  const org = organisationOf(card);
  const axes = card.dimensions.map((d) => d.title);
  const series: Array<RadarSeries & { filled?: boolean }> = [{ label: `${t.target}: ${stageShort(card, card.target.stage.id)}`, values: card.dimensions.map(() => card.target.score), colour: "#757575", dashed: true }];
  if (options.benchmark) {
    const b = options.benchmark;
    series.push({ label: `${t.colBenchmark}: ${b.label}`, values: card.dimensions.map((d) => own(b.scores, d.id) ?? null), colour: "#ef6c00", dash: "2 3" });
  }
  (options.series ?? []).forEach((s, i) =>
    series.push({ label: s.label, values: card.dimensions.map((d) => own(s.scores, d.id) ?? null), colour: PALETTE[i % PALETTE.length]!, dash: DASHES[i % DASHES.length]! }),
  );
  series.push({ label: card.respondent ?? org ?? t.thisAudit, values: card.dimensions.map((d) => d.score), colour: "#1565c0", fill: true });

  const stageIdx = card.stages.findIndex((s) => s.id === card.overall.stage.id);
  const ladder = card.stages
    .map((s, i) => {
      const next = card.stages[i + 1]?.min ?? 100;
      const cls = i === stageIdx ? "band current" : i < stageIdx ? "band reached" : "band";
      return `<div class="${cls}" style="width:${(next - s.min).toFixed(1)}%" title="${h(s.name)}">${h(stageShort(card, s.id))}<br>${s.scaledMin ?? s.min}+</div>`;
    })
    .join("");
  // The marker's tip points at the score; kept inside the ladder at 0 and 100.
  const marker = card.overall.score === null ? "" : `<div class="marker" style="left:clamp(0px, calc(${card.overall.score}% - 7px), calc(100% - 14px))" title="${formatScore(card.overall.score)}/100"></div>`;

  const rows = (card.groups?.length ? treeRows(card) : dimensionRows(card))
    .map((r) => {
      const bar = r.id === "overall" ? "" : `<div class="bar"><span style="width:${Math.max(0, Math.min(100, r.score ?? 0))}%"></span></div>`;
      const bench = options.benchmark && r.id !== "overall" ? own(options.benchmark.scores, r.id) : undefined;
      const benchCell = options.benchmark ? `<td class="num">${bench === undefined || bench === null ? "—" : `${Math.round(bench)} (${h(distance(t, r.score, bench))})`}</td>` : "";
      const title = r.id === "overall" ? `<strong>${h(r.title)}</strong>` : groupedTitle(r);
      const toGo = r.gap > 0 ? shownGap(card, r.gap, "") : r.reached ? `${icon("check")} ${h(t.reachedWord)}` : "0";
      return `<tr><td>${title}</td><td class="num">${r.scoreText}</td><td class="stage ${stageTone(r.stagesShort)}">${h(keepTogether(r.stage))}${r.blocked ? ` ${icon("lock", t.heldBackTitle)}` : ""}</td><td class="num">${toGo}</td>${benchCell}<td>${bar}</td></tr>`;
    })
    .join("\n");

  const blocking = card.gates.filter((g) => g.status !== "passed");
  const legend = series.map((s) => `<span>${legendKey(s.colour, s.dash ?? (s.dashed ? "6 4" : undefined), s.fill)}${h(s.label)}</span>`).join("");
  const explain = card.dimensions
    .map(
      (d) =>
        `<h3>${h(d.title)}: ${shownScore(card, d)}${outOf(card)}</h3><table><thead><tr><th>${h(t.colQuestion)}</th><th>${h(t.colAnswer)}</th><th class="num">${h(t.colPoints)}</th><th class="num">${h(t.colWeight)}</th><th class="num">${h(t.colAdds)}</th></tr></thead><tbody>` +
        d.questions
          .filter((q) => !(q.weight === 0 && q.points === null))
          .map(
            (q) =>
              `<tr><td class="free">${h(q.text)}</td><td class="free">${h(q.display)}${q.note ? `<br><span class="muted">${h(q.note)}</span>` : ""}</td><td class="num">${q.points === null ? "—" : Math.round(q.points)}</td><td class="num">${q.weight}</td><td class="num">${q.points === null ? "—" : q.contribution.toFixed(1)}</td></tr>`,
          )
          .join("") +
        "</tbody></table>",
    )
    .join("\n");

  // The summary names an open stage unless a gate takes its place there.
  const open = card.gates.some((g) => g.status === "blocking") ? confidenceSentence(card) : undefined;
  const doubts = [...(open ? [open] : []), ...borderlineSentences(card, 3)];
  const result = `${stageLabel(card)} · ${shownScore(card, card.overall)}${outOf(card)}`;
  const headline = org ?? (card.respondents ? t.teamView : card.respondent) ?? card.questionnaire.title;
  const title = org ? `${org}: ${result}` : `${card.questionnaire.title}: ${result}`;
  const discuss = options.disagreements
    ? `<h2>${h(t.discussFirst)}</h2>${
        options.disagreements.length
          ? `<ol class="steps">${options.disagreements
              .map(
                (q) =>
                  `<li><strong>${h(q.text)}</strong> <span class="muted">(${h(fill(t.agreement, { pct: q.agreement === null ? "—" : Math.round(q.agreement * 100) + " %" }))})</span><ul>${q.distribution
                    .map((d) => `<li>${d.count} × ${h(d.display)}${d.respondents.length ? `: <span class="muted">${d.respondents.map(h).join(", ")}</span>` : ""}</li>`)
                    .join("")}</ul></li>`,
              )
              .join("")}</ol>`
          : `<p>${h(t.teamAgrees)}</p>`
      }`
    : "";

  const body = `${titlePage(card, t, headline)}
<section class="sheet overview">
<h2>${h(t.execHeading)}</h2>
<div class="summary">${executiveSummary(card).map((s) => `<p>${h(s)}</p>`).join("")}</div>
${doubts.map((l) => `<p class="doubt">${h(l)}</p>`).join("\n")}
${definitionSentence(card) ? `<p class="muted definition">${h(definitionSentence(card)!)}</p>` : ""}
<div class="ladder" aria-label="${h(t.stageLadder)}">${ladder}${marker}</div>
<div class="top${axes.length > 8 ? " wide" : ""}">
<div>
<table class="gaps"><thead><tr><th>${h(t.colDimension)}</th><th class="num">${h(t.colScore)}</th><th>${h(t.colStage)}</th><th class="num">${h(fill(t.colToGo, { stage: stageShort(card, card.target.stage.id) }))}</th>${options.benchmark ? `<th class="num">${h(options.benchmark.title ?? options.benchmark.label)}</th>` : ""}<th></th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="muted">${h(coverageSentence(card))}${lagSentence(card) ? `<br>${h(lagSentence(card)!)}` : ""}${card.benchmark && benchmarkOriginLine(card) ? `<br>${h(fill(t.comparedWith, { title: card.benchmark.title }))}: ${h(benchmarkOriginLine(card))}` : ""}</p>
</div>
<figure>
${renderRadar(axes, series, fill(t.radarLabel, { n: axes.length }), radarLabels(card.dimensions))}
<figcaption class="legend">${legend}</figcaption>
</figure>
</div>
</section>
${levelRadars(card)}
${options.table ? `<section class="sheet team-view">\n${tableHtml(options.table)}\n${discuss}\n</section>` : discuss ? `<section class="sheet team-view">${discuss}</section>` : ""}
<section class="sheet plan">
${blocking.length ? `<h2>${h(t.blocksHeading)}</h2><ul class="gates">${blocking.map((g) => `<li>${g.status === "blocking" ? icon("lock") : icon("question")} ${h(gateSentence(card, g))}</li>`).join("")}</ul>` : ""}
<h2>${h(fill(t.roadmapHeading, { target: stageShort(card, card.roadmap.target.id) }))}</h2>
${roadmapHtml(card)}
</section>
<section class="sheet explanation">
<h2>${h(t.explainHeading)}</h2>
<details><summary>${h(t.explainSummary)}</summary>
${explain}
</details>
<footer>${h(fill(t.madeWith, { rubric: card.rubric.title }))}</footer>
</section>`;
  return htmlPage(card.lang, title, body);
}

/** A row's title in the grouped table: indented by its depth, a top group in bold. */
function groupedTitle(r: TreeRow | { title: string }): string {
  if (!("level" in r)) return h(r.title);
  const text = r.kind === "group" && r.level === 0 ? `<strong>${h(r.title)}</strong>` : h(r.title);
  return r.level ? `<span style="padding-left:${r.level * 1.2}em">${text}</span>` : text;
}

/** One radar per level of a grouped rubric's tree, top level first, each axis a group (by its short title) or a dimension. */
function levelRadars(card: Scorecard): string {
  if (!card.groups?.length) return "";
  const t = wordsFor(card);
  const levels: Array<Array<{ label: string; score: number | null }>> = [];
  const dims = new Map(card.dimensions.map((d) => [d.id, d]));
  const walk = (g: NonNullable<Scorecard["groups"]>[number], level: number) => {
    (levels[level] ??= []).push({ label: g.short ?? g.title, score: g.score });
    for (const sub of g.groups) walk(sub, level + 1);
    for (const id of g.dimensions) if (dims.has(id)) (levels[level + 1] ??= []).push({ label: dims.get(id)!.title, score: dims.get(id)!.score });
  };
  card.groups.forEach((g) => walk(g, 0));
  const figures = levels.map((axes, i) => {
    const series: RadarSeries[] = [
      { label: `${t.target} ${stageShort(card, card.target.stage.id)}`, values: axes.map(() => card.target.score), colour: "#9e9e9e", dashed: true },
      { label: card.respondent ?? card.organisation ?? t.thisAudit, values: axes.map((a) => a.score), colour: "#1565c0", fill: true },
    ];
    return `<figure class="level" data-level="${i + 1}">${renderRadar(axes.map((a) => a.label), series, fill(t.levelRadar, { level: i + 1, levels: levels.length }))}<figcaption class="muted">${h(fill(t.levelRadar, { level: i + 1, levels: levels.length }))}</figcaption></figure>`;
  });
  return `<section class="levels" style="display:flex;flex-wrap:wrap;gap:12px">${figures.join("\n")}</section>`;
}

/** Every step, phased by the stage it is needed for; the smallest plan that reaches the target starred. */
function roadmapHtml(card: Scorecard): string {
  if (!card.nextSteps.length) return `<p>${h(wordsFor(card).nothingHolds)}</p>`;
  const view = roadmapView(card);
  const phases = view.phases.map((phase) => {
    const items = phase.steps.map((s) => {
      const where = stepWhere(card, s);
      return `<li${s.inMinimalPlan ? ' class="minimal"' : ""}><strong>${s.inMinimalPlan ? `${icon("star")} ` : ""}${h(s.title)}</strong> <span class="muted">(${h(where.dimension)} → ${h(stageShort(card, s.stage.id))}; ${h(where.effort)})</span>${s.detail ? `<br>${h(s.detail)}` : ""}<br><span class="why">${h(whySentence(card, s, 3))}</span></li>`;
    });
    return `<h3>${h(phase.heading)}</h3><ol class="steps">${items.join("")}</ol>`;
  });
  // The note names the star as a character; the page draws it.
  const note = view.note ? h(view.note).replace("★", icon("star")) : "";
  return phases.join("\n") + (note ? `<p class="muted">${note}</p>` : "");
}

/** The report of one audit, with its benchmark drawn where it has one. */
export function renderCardHtml(card: Scorecard): string {
  const b = card.benchmark;
  const label = b && (b.illustrative ? `${b.title} ${wordsFor(card).illustrative}` : b.title);
  return renderHtml(card, b ? { benchmark: { label: label!, title: b.title, scores: Object.fromEntries(b.dimensions.map((d) => [d.id, d.benchmark])) } } : {});
}

function distance(t: Messages, score: number | null, bench: number): string {
  const d = Math.round(score ?? 0) - Math.round(bench);
  return d === 0 ? t.levelWord : d > 0 ? `+${d}` : `−${-d}`;
}
