import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { Scorecard, DimensionScore } from "../engine/scorecard.js";
import { bar, formatScore, stripControl, truncate, wrap } from "./terminal.js";

export interface TextOptions {
  /** chalk colour level: 0 for plain text. */
  colorLevel?: 0 | 1 | 2 | 3;
  width?: number;
  explain?: boolean;
  /** How many next steps to list. */
  steps?: number;
}

const plainTable = { head: [] as string[], border: [] as string[] };

/** The gap report for a terminal: fits `width` columns (80 by default). */
export function renderText(card: Scorecard, options: TextOptions = {}): string {
  const c = new Chalk({ level: options.colorLevel ?? 0 });
  const width = Math.max(60, Math.min(options.width ?? 80, 120));
  const s = (x: string) => stripControl(x);
  const out: string[] = [];
  const score = formatScore(card.overall.score);
  out.push(c.bold(`${s(card.overall.stage.name)} · ${score}/100 · target ${card.target.stage.id}`));
  const who = [card.organisation, card.respondent, card.date].filter(Boolean).map((x) => s(x!)).join(" · ");
  if (who) out.push(c.dim(truncate(who, width)));
  out.push(c.dim(truncate(`${s(card.questionnaire.title)} · rubric: ${s(card.rubric.title)}`, width)));
  out.push("");
  out.push(...wrap(headline(card), width));
  out.push("");

  // Borders take 6 columns; the dimension name gets what the fixed columns leave.
  const barWidth = width >= 90 ? 20 : width >= 80 ? 14 : 10;
  const nameWidth = Math.min(40, width - 6 - 7 - 12 - 6 - (barWidth + 2));
  const table = new Table({
    head: ["Dimension", "Score", "Stage", "Gap", "Progress"],
    colWidths: [nameWidth, 7, 12, 6, barWidth + 2],
    colAligns: ["left", "right", "left", "right", "left"],
    style: { ...plainTable, "padding-left": 1, "padding-right": 1 },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  for (const d of card.dimensions) {
    const b = bar(d.score, barWidth);
    const colour = stageColour(c, card, d);
    table.push([
      truncate(s(d.title), nameWidth - 2),
      formatScore(d.score),
      colour(d.stage.id + (d.blockedBy.length ? "*" : "")),
      d.gap > 0 ? `-${Math.round(d.gap)}` : c.green("✓"),
      colour(b.filled) + c.dim(b.empty),
    ]);
  }
  table.push([c.bold("Overall"), c.bold(score), c.bold(card.overall.stage.id + (card.overall.blockedBy.length ? "*" : "")), card.overall.gap > 0 ? `-${Math.round(card.overall.gap)}` : c.green("✓"), ""]);
  out.push(table.toString());
  const notes = [];
  if (card.overall.gap > 0 || card.dimensions.some((d) => d.gap > 0)) notes.push(`Gap: points short of ${card.target.stage.id} (${card.target.score}).`);
  if (hasBlocked(card)) notes.push("* held back by a gate below.");
  if (notes.length) out.push(c.dim(truncate(notes.join(" "), width)));

  const blocking = card.gates.filter((g) => g.status !== "passed");
  if (blocking.length) {
    out.push("", c.bold("What blocks the next stage"));
    for (const g of blocking) {
      const head = `${g.status === "blocking" ? "✗" : "?"} No ${g.blocks} while: `;
      const text = g.status === "blocking" ? s(g.reason) : `${s(g.reason)} (not answered yet, so not verified)`;
      out.push(...wrap(head + text, width, "").map((l, i) => (i === 0 ? l : "  " + l)));
    }
  }

  const steps = card.nextSteps.slice(0, options.steps ?? 5);
  out.push("", c.bold("Next steps"));
  if (!steps.length) out.push("  Nothing holds you back under this rubric: keep doing what works, and audit again next year.");
  steps.forEach((step, i) => {
    const dim = card.dimensions.find((d) => d.id === step.dimension);
    out.push(...wrap(`${i + 1}. ${s(step.title)} ${c.dim(`(${dim ? s(dim.title) : step.dimension} → ${step.stage.id})`)}`, width + colourOverhead(c), "").map((l, j) => (j ? "   " + l : l)));
    if (step.detail) out.push(...wrap(s(step.detail), width, "   "));
    const why = step.because
      .slice(0, 2)
      .map((b) => `"${truncate(s(b.text), 60)}": ${truncate(s(b.display), 40)}`)
      .join("; ");
    out.push(...wrap(`Why: ${why}${step.because.length > 2 ? ` (+${step.because.length - 2} more)` : ""}`, width, "   ").map((l) => c.dim(l)));
  });
  if (card.nextSteps.length > steps.length) out.push(c.dim(`   …and ${card.nextSteps.length - steps.length} more in --format json or --explain.`));

  out.push("", ...wrap(coverageLine(card), width).map((l) => c.dim(l)));
  if (card.overall.lag) {
    const lag = card.overall.lag;
    out.push(...wrap(`Rubric's estimate: leading businesses reached ${lag.stage} around ${lag.leadersYear}, so this is roughly ${lag.years} years behind them (${lag.asOfYear}).`, width).map((l) => c.dim(l)));
  }

  if (options.explain) out.push("", renderExplain(card, c, width));
  return out.join("\n") + "\n";
}

function headline(card: Scorecard): string {
  const stage = card.stages.find((x) => x.id === card.overall.stage.id);
  const parts: string[] = [];
  if (stage?.summary) parts.push(stripControl(stage.summary));
  if (card.overall.score === null) parts.push("No scored question is answered yet.");
  else if (card.target.reached) parts.push(`You have reached the target stage ${card.target.stage.id}.`);
  else if (card.overall.blockedBy.length && card.overall.gap === 0)
    parts.push(`The score is enough for ${card.overall.scoreStage.id}, but a gate holds you at ${card.overall.stage.id}.`);
  else parts.push(`${Math.round(card.overall.gap)} points short of ${card.target.stage.id}.`);
  return parts.join(" ");
}

function hasBlocked(card: Scorecard): boolean {
  return card.overall.blockedBy.length > 0 || card.dimensions.some((d) => d.blockedBy.length > 0);
}

function colourOverhead(c: ChalkInstance): number {
  return c.level > 0 ? 10 : 0;
}

function stageColour(c: ChalkInstance, card: Scorecard, d: DimensionScore): (s: string) => string {
  const idx = card.stages.findIndex((x) => x.id === d.stage.id);
  const target = card.stages.findIndex((x) => x.id === card.target.stage.id);
  if (idx >= target) return c.green;
  if (idx === target - 1) return c.yellow;
  return c.red;
}

function coverageLine(card: Scorecard): string {
  const cv = card.coverage;
  const asked = cv.total - cv.hidden;
  const parts = [`Answered ${cv.answered} of ${asked} scored questions`];
  if (cv.unknown) parts.push(`${cv.unknown} "don't know" (${card.unknownScoredAs === "zero" ? "counted as 0 points" : "left out of the score"})`);
  if (cv.notApplicable) parts.push(`${cv.notApplicable} not applicable (left out; the rest re-weighted)`);
  if (cv.missing) parts.push(`${cv.missing} not answered (left out of the score)`);
  if (cv.hidden) parts.push(`${cv.hidden} not asked`);
  return parts.join("; ") + ".";
}

function renderExplain(card: Scorecard, c: ChalkInstance, width: number): string {
  const out: string[] = [c.bold("How each score came about")];
  out.push(c.dim("points: 0-100 for the answer; weight: within the dimension; adds: points it adds to the dimension score."));
  const textWidth = width - 34;
  for (const d of card.dimensions) {
    out.push("", c.bold(`${stripControl(d.title)}: ${formatScore(d.score)}/100`));
    const t = new Table({
      head: ["Question / answer", "Points", "Weight", "Adds"],
      colWidths: [textWidth, 8, 8, 8],
      colAligns: ["left", "right", "right", "right"],
      wordWrap: true,
      style: { ...plainTable, "padding-left": 1, "padding-right": 1 },
    });
    for (const q of d.questions) {
      if (q.weight === 0 && q.points === null) continue;
      const answer = `→ ${stripControl(q.display)}${q.note ? ` (note: ${stripControl(q.note)})` : ""}`;
      t.push([
        `${truncate(stripControl(q.text), textWidth * 3)}\n${c.dim(truncate(answer, textWidth * 2))}`,
        q.points === null ? "—" : String(Math.round(q.points)),
        String(q.weight),
        q.points === null ? "—" : q.contribution.toFixed(1),
      ]);
    }
    out.push(t.toString());
  }
  return out.join("\n");
}
