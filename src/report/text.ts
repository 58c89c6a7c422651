import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { Scorecard } from "../engine/scorecard.js";

import { outOf, shownGap, shownScore, treeDepth, treeRows } from "./common.js";
import { benchmarkOriginLine, benchmarkPhrase, borderlineSentences, quarterPhrase, roadmapView, stepWhere, confidenceSentence, coverageSentence, definitionSentence, stageLegend, stageShort, stageTone, stageWithConfidence, gateSentence, headline, lagSentence, whoLine, whySentence, wordsFor } from "./common.js";
import { fill } from "../i18n/messages.js";
import { bar } from "./numbers.js";
import { displayWidth, stripControl, truncate, wrap } from "../text/terminal.js";

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

/**
 * The gap report for a terminal: fits `width` columns (80 by default). Its first screen (24 lines at 80 columns)
 * holds the business, the stage and how sure it is, the score, the dimension table and the first three steps; the
 * reasons, blockers, details and coverage follow. `summary` stops after the first screen.
 */
export function renderText(card: Scorecard, options: TextOptions & { summary?: boolean } = {}): string {
  const c = new Chalk({ level: options.colorLevel ?? 0 });
  const width = Math.max(40, Math.min(options.width ?? 80, 120));
  const out = firstScreen(card, c, width, options);
  if (options.summary) return out.join("\n") + "\n";
  out.push("", ...rest(card, c, width, options));
  return out.join("\n") + "\n";
}

/** The lines a person should see without scrolling. */
function firstScreen(card: Scorecard, c: ChalkInstance, width: number, options: TextOptions): string[] {
  const s = (x: string) => stripControl(x);
  const t = wordsFor(card);
  const out: string[] = [];
  const score = shownScore(card, card.overall);
  const business = card.organisation ? `${s(card.organisation)} — ` : "";
  const head = `${business}${s(stageWithConfidence(card))} · ${score}${outOf(card)} · ${t.target} ${s(stageShort(card, card.target.stage.id))}`;
  out.push(...wrap(head, width).map((l) => c.bold(l)));
  // The business is in the headline; who answered, when, and with what, in one dim line under it.
  const who = s(whoLine({ ...card, organisation: undefined }));
  out.push(...pack([who, s(card.questionnaire.title), `${t.rubric}: ${s(card.rubric.title)}`].filter(Boolean), width).map((l) => c.dim(l)));
  const legend = stageLegend(card);
  if (legend) out.push(...wrap(s(legend), width).map((l) => c.dim(l)));
  const levels = treeDepth(card);
  const depth = Math.min(options.depth ?? 1, levels);
  out.push(dimensionTable(card, c, width, depth));
  if (depth < levels) out.push(...wrap(fill(t.treeDepthNote, { shown: depth, levels, next: depth + 1 }), width).map((l) => c.dim(l)));
  const notes = [];
  if (card.overall.gap > 0 || card.dimensions.some((d) => d.gap > 0)) notes.push(fill(t.gapNote, { stage: s(stageShort(card, card.target.stage.id)), score: card.stages.find((x) => x.id === card.target.stage.id)?.scaledMin ?? card.target.score }));
  if (hasBlocked(card)) notes.push(t.heldBackNote);
  if (notes.length) out.push(...wrap(notes.join(" "), width).map((l) => c.dim(l)));
  out.push("", c.bold(t.topStepsHeading));
  if (!card.nextSteps.length) out.push(...wrap(t.nothingHolds, width, "  "));
  card.nextSteps.slice(0, 3).forEach((step, i) => {
    const where = stepWhere(card, step);
    out.push(...hang(`${i + 1}. ${step.inMinimalPlan ? "★ " : ""}${s(step.title)} (${s(where.dimension)} → ${s(where.stage)})`, width, 3));
  });
  return out;
}

/** The dimension table: score, stage by its short name, points still to go (never negative), a bar where there is room. */
function dimensionTable(card: Scorecard, c: ChalkInstance, width: number, depth: number): string {
  const t = wordsFor(card);
  // A grouped rubric's tree, to the depth asked for: groups, then the dimensions in them, indented.
  const rows = treeRows(card, depth);
  const stageWidth = Math.min(18, Math.max(t.colStage.length, ...rows.map((r) => r.stage.length + (r.blocked ? 1 : 0)))) + 2;
  // Points to go in the model's scale need room for its decimals.
  const goWidth = Math.max(card.scale ? card.scale.decimals + 3 : 4, t.colGap.length) + 2;
  const barWidth = width >= 90 ? 20 : width >= 80 ? 9 : width >= 70 ? 7 : 0;
  const fixed = 7 + stageWidth + goWidth + (barWidth ? barWidth + 2 : 0);
  const borders = barWidth ? 6 : 5;
  const nameWidth = Math.max(10, Math.min(40, width - borders - fixed));
  const table = new Table({
    head: [t.colDimension, t.colScore, t.colStage, t.colGap, ...(barWidth ? [t.colProgress] : [])],
    colWidths: [nameWidth, 7, stageWidth, goWidth, ...(barWidth ? [barWidth + 2] : [])],
    colAligns: ["left", "right", "left", "right", "left"],
    style: { ...plainTable, "padding-left": 1, "padding-right": 1 },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  for (const r of rows) {
    const overall = r.id === "overall";
    const colour = { ok: c.green, warn: c.yellow, bad: c.red }[stageTone(r.stagesShort)];
    const bold = overall || (r.kind === "group" && r.level === 0 && depth > 1) ? c.bold : (x: string) => x;
    const b = bar(r.score, barWidth);
    const toGo = r.gap > 0 ? shownGap(card, r.gap, "") : c.green("✓");
    table.push([
      bold(truncate("  ".repeat(r.level) + stripControl(r.title), nameWidth - 2)),
      bold(r.scoreText),
      bold(colour(truncate(stripControl(r.stage), stageWidth - 2 - (r.blocked ? 1 : 0)) + (r.blocked ? "*" : ""))),
      toGo,
      ...(barWidth ? [overall ? "" : colour(b.filled) + c.dim(b.empty)] : []),
    ]);
  }
  return table.toString();
}

/** Everything after the first screen: why, what blocks, the steps in detail, benchmark, coverage, lag. */
function rest(card: Scorecard, c: ChalkInstance, width: number, options: TextOptions): string[] {
  const s = (x: string) => stripControl(x);
  const t = wordsFor(card);
  const out: string[] = [];
  out.push(...wrap(s(headline(card)), width));
  for (const line of [confidenceSentence(card), ...borderlineSentences(card)]) if (line) out.push(...wrap(s(line), width).map((l) => c.yellow(l)));
  const definition = definitionSentence(card);
  if (definition) out.push(...wrap(s(definition), width).map((l) => c.dim(l)));

  const blocking = card.gates.filter((g) => g.status !== "passed");
  if (blocking.length) {
    out.push("", c.bold(t.blocksHeading));
    for (const g of blocking) {
      out.push(...hang(`${g.status === "blocking" ? "✗" : "?"} ${s(gateSentence(card, g))}`, width, 2));
    }
  }

  if (options.roadmap) out.push("", ...roadmapLines(card, c, width));
  else if (card.nextSteps.length) {
    const steps = card.nextSteps.slice(0, options.steps ?? 5);
    out.push("", c.bold(t.stepsInDetail));
    steps.forEach((step, i) => out.push(...stepLines(card, step, `${i + 1}.`, c, width)));
    if (card.nextSteps.length > steps.length) out.push(...wrap(fill(t.moreInRoadmap, { n: card.nextSteps.length - steps.length }), width, "   ").map((l) => c.dim(l)));
  }

  if (card.benchmark) out.push("", ...benchmarkLines(card, c, width));
  out.push("", ...wrap(coverageSentence(card), width).map((l) => c.dim(l)));
  const lag = lagSentence(card);
  if (lag) out.push(...wrap(lag, width).map((l) => c.dim(l)));

  if (options.explain) out.push("", renderExplain(card, c, width));
  return out;
}

/** One step: its title and where it leads, what it takes, why. */
function stepLines(card: Scorecard, step: Scorecard["nextSteps"][number], number: string, c: ChalkInstance, width: number): string[] {
  const s = stripControl;
  const where = stepWhere(card, step);
  const star = step.inMinimalPlan ? "★ " : "";
  const out = hang(`${number} ${star}${s(step.title)} (${s(where.dimension)} → ${s(where.stage)}; ${where.effort})`, width, number.length + 1);
  const indent = " ".repeat(number.length + 1);
  if (step.detail) out.push(...wrap(s(step.detail), width, indent));
  out.push(...wrap(s(whySentence(card, step, 2, truncate)), width, indent).map((l) => c.dim(l)));
  return out;
}

/** Every step, phased by the stage it is needed for, with the smallest plan that reaches the target starred. */
function roadmapLines(card: Scorecard, c: ChalkInstance, width: number): string[] {
  const t = wordsFor(card);
  const r = card.roadmap;
  const out = [c.bold(fill(t.roadmapHeading, { target: stripControl(stageShort(card, r.target.id)) }))];
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

/** Items joined by " · " into as few lines as fit the width, none split across lines (one too long alone is cut). */
function pack(items: string[], width: number): string[] {
  const lines: string[] = [];
  for (const item of items.map((x) => truncate(x, width))) {
    const last = lines[lines.length - 1];
    if (last !== undefined && displayWidth(last) + 3 + displayWidth(item) <= width) lines[lines.length - 1] = `${last} · ${item}`;
    else lines.push(item);
  }
  return lines;
}

/** Wraps with a hanging indent: the first line flush, the rest indented, all within width. */
function hang(text: string, width: number, indent: number): string[] {
  const [first = "", ...more] = wrap(text, width);
  if (!more.length) return [first];
  return [first, ...wrap(more.join(" "), width, " ".repeat(indent))];
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

