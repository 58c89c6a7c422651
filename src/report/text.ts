import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { Scorecard, DimensionScore } from "../engine/scorecard.js";

import { outOf, shownGap, shownScore, treeDepth, treeRows, type TreeRow } from "./common.js";
import { benchmarkOriginLine, benchmarkPhrase, borderlineSentences, quarterPhrase, roadmapView, stepWhere, confidenceSentence, coverageSentence, definitionSentence, stageLabel, stageTone, gateSentence, headline, lagSentence, whoLine, whySentence, wordsFor } from "./common.js";
import { fill } from "../i18n/messages.js";
import { bar } from "./numbers.js";
import { stripControl, truncate, wrap } from "../text/terminal.js";

export interface TextOptions {
  /** chalk colour level: 0 for plain text. */
  colorLevel?: 0 | 1 | 2 | 3;
  width?: number;
  explain?: boolean;
  /** How many next steps to list. */
  steps?: number;
  /** List every step of the roadmap, phased, instead of the first few. */
  roadmap?: boolean;
  /** Levels of a grouped rubric's tree to show: 1 the top level (the default). */
  depth?: number;
}

const plainTable = { head: [] as string[], border: [] as string[] };

/** The gap report for a terminal: fits `width` columns (80 by default). */
export function renderText(card: Scorecard, options: TextOptions = {}): string {
  const c = new Chalk({ level: options.colorLevel ?? 0 });
  const width = Math.max(60, Math.min(options.width ?? 80, 120));
  const s = (x: string) => stripControl(x);
  const t = wordsFor(card);
  const out: string[] = [];
  const score = shownScore(card, card.overall);
  out.push(c.bold(`${s(stageLabel(card))} · ${score}${outOf(card)} · ${t.target} ${card.target.stage.id}`));
  const who = s(whoLine(card));
  if (who) out.push(c.dim(truncate(who, width)));
  out.push(c.dim(truncate(`${s(card.questionnaire.title)} · ${t.rubric}: ${s(card.rubric.title)}`, width)));
  out.push("");
  out.push(...wrap(s(headline(card)), width));
  for (const line of [confidenceSentence(card), ...borderlineSentences(card)]) if (line) out.push(...wrap(s(line), width).map((l) => c.yellow(l)));
  const definition = definitionSentence(card);
  if (definition) out.push(...wrap(s(definition), width).map((l) => c.dim(l)));
  out.push("");

  // Borders take 6 columns; the dimension name gets what the fixed columns leave.
  const barWidth = width >= 90 ? 20 : width >= 80 ? 13 : 10;
  // A gap in the model's scale needs room for its decimals.
  const gapWidth = card.scale ? Math.max(6, card.scale.decimals + 5) : 6;
  const nameWidth = Math.min(40, width - 6 - 7 - 13 - gapWidth - (barWidth + 2));
  const table = new Table({
    head: [t.colDimension, t.colScore, t.colStage, t.colGap, t.colProgress],
    colWidths: [nameWidth, 7, 13, gapWidth, barWidth + 2],
    colAligns: ["left", "right", "left", "right", "left"],
    style: { ...plainTable, "padding-left": 1, "padding-right": 1 },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  const levels = treeDepth(card);
  const depth = Math.min(options.depth ?? 1, levels);
  const rows = treeRows(card, depth);
  for (const r of rows.slice(0, -1)) {
    const b = bar(r.score, barWidth);
    const colour = stageColour(c, r);
    const indent = "  ".repeat(r.level);
    const title = truncate(indent + s(r.title), nameWidth - 2);
    table.push([
      r.kind === "group" && r.level === 0 && depth > 1 ? c.bold(title) : title,
      r.scoreText,
      colour(r.stage + (r.blocked ? "*" : "")),
      r.gap > 0 ? shownGap(card, r.gap, "-") : c.green("✓"),
      colour(b.filled) + c.dim(b.empty),
    ]);
  }
  table.push([c.bold(t.overall), c.bold(score), c.bold(card.overall.stage.id + (card.overall.blockedBy.length ? "*" : "")), card.overall.gap > 0 ? shownGap(card, card.overall.gap, "-") : c.green("✓"), ""]);
  out.push(table.toString());
  const notes = [];
  if (depth < levels) out.push(...wrap(fill(t.treeDepthNote, { shown: depth, levels, next: depth + 1 }), width).map((l) => c.dim(l)));
  const targetMin = card.stages.find((x) => x.id === card.target.stage.id)?.scaledMin ?? card.target.score;
  if (card.overall.gap > 0 || card.dimensions.some((d) => d.gap > 0)) notes.push(fill(t.gapNote, { stage: card.target.stage.id, score: targetMin }));
  if (hasBlocked(card)) notes.push(t.heldBackNote);
  if (notes.length) out.push(c.dim(truncate(notes.join(" "), width)));

  const blocking = card.gates.filter((g) => g.status !== "passed");
  if (blocking.length) {
    out.push("", c.bold(t.blocksHeading));
    for (const g of blocking) {
      out.push(...hang(`${g.status === "blocking" ? "✗" : "?"} ${s(gateSentence(card, g))}`, width, 2));
    }
  }

  if (options.roadmap) out.push("", ...roadmapLines(card, c, width));
  else {
    const steps = card.nextSteps.slice(0, options.steps ?? 5);
    out.push("", c.bold(t.nextStepsHeading));
    if (!steps.length) out.push(...wrap(t.nothingHolds, width, "  "));
    steps.forEach((step, i) => out.push(...stepLines(card, step, `${i + 1}.`, c, width)));
    if (card.nextSteps.length > steps.length) out.push(...wrap(fill(t.moreInRoadmap, { n: card.nextSteps.length - steps.length }), width, "   ").map((l) => c.dim(l)));
  }

  if (card.benchmark) out.push("", ...benchmarkLines(card, c, width));
  out.push("", ...wrap(coverageSentence(card), width).map((l) => c.dim(l)));
  const lag = lagSentence(card);
  if (lag) out.push(...wrap(lag, width).map((l) => c.dim(l)));

  if (options.explain) out.push("", renderExplain(card, c, width));
  return out.join("\n") + "\n";
}

/** One step: its title and where it leads, what it takes, why. */
function stepLines(card: Scorecard, step: Scorecard["nextSteps"][number], number: string, c: ChalkInstance, width: number): string[] {
  const t = wordsFor(card);
  const s = stripControl;
  const where = stepWhere(card, step);
  const star = step.inMinimalPlan ? "★ " : "";
  const out = hang(`${number} ${star}${s(step.title)} (${s(where.dimension)} → ${step.stage.id}; ${where.effort})`, width, number.length + 1);
  const indent = " ".repeat(number.length + 1);
  if (step.detail) out.push(...wrap(s(step.detail), width, indent));
  out.push(...wrap(s(whySentence(card, step, 2, truncate)), width, indent).map((l) => c.dim(l)));
  return out;
}

/** Every step, phased by the stage it is needed for, with the smallest plan that reaches the target starred. */
function roadmapLines(card: Scorecard, c: ChalkInstance, width: number): string[] {
  const t = wordsFor(card);
  const r = card.roadmap;
  const out = [c.bold(fill(t.roadmapHeading, { target: r.target.id }))];
  if (!r.phases.length) return [...out, ...wrap(t.roadmapEmpty, width, "  ")];
  const view = roadmapView(card);
  let n = 0;
  for (const phase of view.phases) {
    out.push("", c.bold(stripControl(phase.heading)));
    for (const step of phase.steps) out.push(...stepLines(card, step, `${++n}.`, c, width));
  }
  out.push("");
  if (view.note) out.push(...wrap(view.note, width).map((l) => c.dim(l)));
  return out;
}

function hasBlocked(card: Scorecard): boolean {
  return card.overall.blockedBy.length > 0 || card.dimensions.some((d) => d.blockedBy.length > 0);
}

/** Wraps with a hanging indent: the first line flush, the rest indented, all within width. */
function hang(text: string, width: number, indent: number): string[] {
  const [first = "", ...more] = wrap(text, width);
  if (!more.length) return [first];
  return [first, ...wrap(more.join(" "), width, " ".repeat(indent))];
}

function stageColour(c: ChalkInstance, d: DimensionScore | TreeRow): (s: string) => string {
  return { ok: c.green, warn: c.yellow, bad: c.red }[stageTone(d.stagesShort)];
}

function renderExplain(card: Scorecard, c: ChalkInstance, width: number): string {
  const t = wordsFor(card);
  const out: string[] = [c.bold(t.explainHeading)];
  out.push(...wrap(t.explainLegend, width).map((l) => c.dim(l)));
  const textWidth = width - 34;
  for (const d of card.dimensions) {
    out.push("", c.bold(`${stripControl(d.title)}: ${shownScore(card, d)}${outOf(card)}`));
    const table = new Table({
      head: [t.colQuestionAnswer, t.colPoints, t.colWeight, t.colAdds],
      colWidths: [textWidth, 8, 8, 8],
      colAligns: ["left", "right", "right", "right"],
      wordWrap: true,
      style: { ...plainTable, "padding-left": 1, "padding-right": 1 },
    });
    for (const q of d.questions) {
      if (q.weight === 0 && q.points === null) continue;
      const answer = `→ ${stripControl(q.display)}${q.note ? ` (${t.note}: ${stripControl(q.note)})` : ""}`;
      table.push([
        `${truncate(stripControl(q.text), textWidth * 3)}\n${c.dim(truncate(answer, textWidth * 2))}`,
        q.points === null ? "—" : String(Math.round(q.points)),
        String(q.weight),
        q.points === null ? "—" : q.contribution.toFixed(1),
      ]);
    }
    out.push(table.toString());
  }
  return out.join("\n");
}

function benchmarkLines(card: Scorecard, c: ChalkInstance, width: number): string[] {
  const b = card.benchmark!;
  const t = wordsFor(card);
  const out = [c.bold(fill(t.comparedWith, { title: stripControl(b.title) }))];
  const origin = benchmarkOriginLine(card);
  if (origin) out.push(...wrap(stripControl(origin), width).map((l) => c.dim(l)));
  const phrase = (d: number | null, what: string, quarter?: number) => [benchmarkPhrase(t, d, what), quarterPhrase(card, quarter)].filter(Boolean).join(", ");
  out.push(...wrap(`• ${phrase(b.overallDistance, t.theOverallScore, b.overallQuarter)}`, width, ""));
  for (const d of b.dimensions) {
    const title = card.dimensions.find((x) => x.id === d.id)?.title ?? d.id;
    out.push(...wrap(`• ${phrase(d.distance, stripControl(title).toLowerCase(), d.quarter)}`, width, "").map((l, i) => (i ? "  " + l : l)));
  }
  return out;
}

