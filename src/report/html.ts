import type { Scorecard } from "../engine/scorecard.js";
import { benchmarkOriginLine, borderlineSentences, roadmapView, stepWhere, confidenceSentence, coverageSentence, definitionSentence, dimensionRows, stageLabel, stageTone, gateSentence, headline, lagSentence, whoLine, whySentence, wordsFor } from "./common.js";
import { fill } from "../i18n/messages.js";
import { escapeHtml as h } from "./escape.js";
import { radarLabels, renderRadar, type RadarSeries } from "./radar.js";
import { formatScore } from "./numbers.js";
import { own } from "../engine/own.js";
import { outOf, shownGap, shownScore, treeRows, type TreeRow } from "./common.js";

export interface HtmlOptions {
  /** A peer profile to draw and compare with: a score per dimension id. */
  benchmark?: { label: string; scores: Record<string, number | null>; /** A short name for the table's column; the label, with its origin, goes in the legend. */ title?: string };
  /** Extra polygons, e.g. each respondent of a team view. */
  series?: Array<{ label: string; scores: Record<string, number | null> }>;
  steps?: number;
  /** For a team view: the questions to discuss first, with who answered what. */
  disagreements?: Array<{ text: string; agreement: number | null; distribution: Array<{ display: string; count: number; respondents: string[] }> }>;
}

const PALETTE = ["#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#558b2f", "#4527a0", "#795548", "#37474f"];

const CSS = `
:root { --ink: #1d232a; --muted: #5f6b76; --line: #d9dee3; --accent: #1565c0; --ok: #2e7d32; --warn: #c27c0e; --bad: #b23b3b; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #f6f7f9; }
main { max-width: 960px; margin: 0 auto; padding: 32px 24px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta, .muted { color: var(--muted); } .lead { font-size: 17px; }
.top { display: grid; grid-template-columns: 1fr 420px; gap: 24px; align-items: start; }
.ladder { display: flex; margin: 16px 0 28px; position: relative; height: 46px; }
.band { border: 1px solid var(--line); border-right: none; padding: 4px 6px; font-size: 12px; color: var(--muted); background: #fafbfc; }
.band:last-child { border-right: 1px solid var(--line); }
.band.reached { background: #e8f1fb; color: var(--ink); }
.band.current { background: var(--accent); color: #fff; font-weight: 600; }
.marker { position: absolute; top: -10px; width: 0; height: 0; border-left: 7px solid transparent; border-right: 7px solid transparent; border-top: 10px solid var(--ink); transform: translateX(-7px); }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { background: #eceff2; height: 10px; width: 140px; border-radius: 5px; overflow: hidden; } .bar > span { display: block; height: 100%; background: var(--accent); }
.ok { color: var(--ok); } .warn { color: var(--warn); } .bad { color: var(--bad); }
ol.steps li { margin-bottom: 12px; } .doubt { border-left: 4px solid var(--warn); padding: 4px 10px; background: #fff8e6; } .why { color: var(--muted); font-size: 13px; }
.legend span { display: inline-block; margin-right: 14px; font-size: 13px; } .legend i { display: inline-block; width: 18px; height: 3px; vertical-align: middle; margin-right: 5px; }
details { margin-top: 8px; } summary { cursor: pointer; color: var(--accent); }
footer { margin-top: 32px; font-size: 12px; color: var(--muted); }
@media (max-width: 820px) { .top { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4; margin: 14mm; }
  body { background: #fff; font-size: 11pt; } main { max-width: none; padding: 0; }
  .top { grid-template-columns: 1fr 330px; } svg.radar { width: 330px; height: 330px; }
  h2 { break-after: avoid; } tr, li, .ladder { break-inside: avoid; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { display: none !important; }
  a { color: inherit; text-decoration: none; }
}`;


/** One self-contained page: inline CSS and SVG, no scripts, no external requests, every text escaped. */
export function renderHtml(card: Scorecard, options: HtmlOptions = {}): string {
  const t = wordsFor(card);
  const axes = card.dimensions.map((d) => d.title);
  const series: RadarSeries[] = [{ label: `${t.target} ${card.target.stage.id}`, values: card.dimensions.map(() => card.target.score), colour: "#9e9e9e", dashed: true }];
  if (options.benchmark) {
    const b = options.benchmark;
    series.push({ label: `${t.colBenchmark}: ${b.label}`, values: card.dimensions.map((d) => own(b.scores, d.id) ?? null), colour: "#ef6c00", dashed: true });
  }
  (options.series ?? []).forEach((s, i) => series.push({ label: s.label, values: card.dimensions.map((d) => own(s.scores, d.id) ?? null), colour: PALETTE[i % PALETTE.length]! }));
  series.push({ label: card.respondent ?? card.organisation ?? t.thisAudit, values: card.dimensions.map((d) => d.score), colour: "#1565c0", fill: true });

  const who = h(whoLine(card));
  const stageIdx = card.stages.findIndex((s) => s.id === card.overall.stage.id);
  const ladder = card.stages
    .map((s, i) => {
      const next = card.stages[i + 1]?.min ?? 100;
      const cls = i === stageIdx ? "band current" : i < stageIdx ? "band reached" : "band";
      return `<div class="${cls}" style="width:${(next - s.min).toFixed(1)}%" title="${h(s.name)}">${h(s.id)}<br>${s.scaledMin ?? s.min}+</div>`;
    })
    .join("");
  const marker = card.overall.score === null ? "" : `<div class="marker" style="left:${card.overall.score}%" title="${formatScore(card.overall.score)}/100"></div>`;

  const rows = (card.groups?.length ? treeRows(card) : dimensionRows(card))
    .map((r) => {
      const bar = r.id === "overall" ? "" : `<div class="bar"><span style="width:${Math.max(0, Math.min(100, r.score ?? 0))}%"></span></div>`;
      const bench = options.benchmark && r.id !== "overall" ? own(options.benchmark.scores, r.id) : undefined;
      const benchCell = options.benchmark ? `<td class="num">${bench === undefined || bench === null ? "—" : `${Math.round(bench)} (${distance(r.score, bench)})`}</td>` : "";
      const title = r.id === "overall" ? `<strong>${h(r.title)}</strong>` : groupedTitle(r);
      return `<tr><td>${title}</td><td class="num">${r.scoreText}</td><td class="${stageTone(r.stagesShort)}">${h(r.stage)}${r.blocked ? " 🔒" : ""}</td><td class="num">${r.gap > 0 ? shownGap(card, r.gap) : "✓"}</td>${benchCell}<td>${bar}</td></tr>`;
    })
    .join("\n");

  const blocking = card.gates.filter((g) => g.status !== "passed");
    const legend = series.map((s) => `<span><i style="background:${s.colour}"></i>${h(s.label)}</span>`).join("");
  const explain = card.dimensions
    .map(
      (d) =>
        `<h3>${h(d.title)}: ${shownScore(card, d)}${outOf(card)}</h3><table><thead><tr><th>${t.colQuestion}</th><th>${t.colAnswer}</th><th class="num">${t.colPoints}</th><th class="num">${t.colWeight}</th><th class="num">${t.colAdds}</th></tr></thead><tbody>` +
        d.questions
          .filter((q) => !(q.weight === 0 && q.points === null))
          .map(
            (q) =>
              `<tr><td>${h(q.text)}</td><td>${h(q.display)}${q.note ? `<br><span class="muted">${h(q.note)}</span>` : ""}</td><td class="num">${q.points === null ? "—" : Math.round(q.points)}</td><td class="num">${q.weight}</td><td class="num">${q.points === null ? "—" : q.contribution.toFixed(1)}</td></tr>`,
          )
          .join("") +
        "</tbody></table>",
    )
    .join("\n");

  return `<!doctype html>
<html lang="${h(card.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(card.questionnaire.title)}: ${h(stageLabel(card))}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>${h(stageLabel(card))} · ${shownScore(card, card.overall)}${outOf(card)}</h1>
<div class="meta">${who ? `${who} · ` : ""}${h(card.questionnaire.title)} · ${h(t.rubric)}: ${h(card.rubric.title)} · ${h(t.target)} ${h(card.target.stage.id)}</div>
</header>
<section class="top">
<div>
<p class="lead">${h(headline(card))}</p>
${[confidenceSentence(card), ...borderlineSentences(card, 3)].filter(Boolean).map((l) => `<p class="doubt">${h(l!)}</p>`).join("\n")}
${definitionSentence(card) ? `<p class="muted definition">${h(definitionSentence(card)!)}</p>` : ""}
<div class="ladder" aria-label="${h(t.stageLadder)}">${ladder}${marker}</div>
<table class="gaps"><thead><tr><th>${h(t.colDimension)}</th><th class="num">${h(t.colScore)}</th><th>${h(t.colStage)}</th><th class="num">${h(fill(t.colGapTo, { stage: card.target.stage.id }))}</th>${options.benchmark ? `<th class="num">${h(options.benchmark.title ?? options.benchmark.label)}</th>` : ""}<th></th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="muted">${h(coverageSentence(card))}${lagSentence(card) ? `<br>${h(lagSentence(card)!)}` : ""}${card.benchmark && benchmarkOriginLine(card) ? `<br>${h(fill(t.comparedWith, { title: card.benchmark.title }))}: ${h(benchmarkOriginLine(card))}` : ""}</p>
</div>
<figure>
${renderRadar(axes, series, undefined, radarLabels(card.dimensions))}
<figcaption class="legend">${legend}</figcaption>
</figure>
</section>
${levelRadars(card)}
${blocking.length ? `<h2>${h(t.blocksHeading)}</h2><ul>${blocking.map((g) => `<li>${g.status === "blocking" ? "🔒" : "❔"} ${h(gateSentence(card, g))}</li>`).join("")}</ul>` : ""}
${
  options.disagreements
    ? `<h2>${h(t.discussFirst)}</h2>${
        options.disagreements.length
          ? `<ol class="steps">${options.disagreements
              .map(
                (q) =>
                  `<li><strong>${h(q.text)}</strong> <span class="muted">(${h(fill(t.agreement, { pct: q.agreement === null ? "—" : Math.round(q.agreement * 100) + "%" }))})</span><ul>${q.distribution
                    .map((d) => `<li>${d.count} × ${h(d.display)}: <span class="muted">${d.respondents.map(h).join(", ")}</span></li>`)
                    .join("")}</ul></li>`,
              )
              .join("")}</ol>`
          : `<p>${h(t.teamAgrees)}</p>`
      }`
    : ""
}
<h2>${h(fill(t.roadmapHeading, { target: card.roadmap.target.id }))}</h2>
${roadmapHtml(card)}
<h2>${h(t.explainHeading)}</h2>
<details><summary>${h(t.explainSummary)}</summary>
${explain}
</details>
<footer>${h(fill(t.madeWith, { rubric: card.rubric.title }))}</footer>
</main>
</body>
</html>
`;
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
      { label: `${t.target} ${card.target.stage.id}`, values: axes.map(() => card.target.score), colour: "#9e9e9e", dashed: true },
      { label: card.respondent ?? card.organisation ?? t.thisAudit, values: axes.map((a) => a.score), colour: "#1565c0", fill: true },
    ];
    return `<figure class="level" data-level="${i + 1}">${renderRadar(axes.map((a) => a.label), series, 320)}<figcaption class="muted">${h(fill(t.levelRadar, { level: i + 1, levels: levels.length }))}</figcaption></figure>`;
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
      return `<li${s.inMinimalPlan ? ' class="minimal"' : ""}><strong>${s.inMinimalPlan ? "★ " : ""}${h(s.title)}</strong> <span class="muted">(${h(where.dimension)} → ${h(s.stage.id)}; ${h(where.effort)})</span>${s.detail ? `<br>${h(s.detail)}` : ""}<br><span class="why">${h(whySentence(card, s, 3))}</span></li>`;
    });
    return `<h3>${h(phase.heading)}</h3><ol class="steps">${items.join("")}</ol>`;
  });
  return phases.join("\n") + (view.note ? `<p class="muted">${h(view.note)}</p>` : "");
}

/** The report of one audit, with its benchmark drawn where it has one. */
export function renderCardHtml(card: Scorecard): string {
  const b = card.benchmark;
  const label = b && (b.illustrative ? `${b.title} ${wordsFor(card).illustrative}` : b.title);
  return renderHtml(card, b ? { benchmark: { label: label!, title: b.title, scores: Object.fromEntries(b.dimensions.map((d) => [d.id, d.benchmark])) } } : {});
}

function distance(score: number | null, bench: number): string {
  const d = Math.round((score ?? 0) - bench);
  return d === 0 ? "level" : d > 0 ? `+${d}` : `${d}`;
}
