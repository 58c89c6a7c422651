import type { Scorecard } from "../engine/scorecard.js";
import { formatScore } from "./terminal.js";

/** The dimension table every format shows: one row per dimension, then the overall row. */
export interface DimensionRow {
  id: string;
  title: string;
  score: number | null;
  scoreText: string;
  stage: string;
  blocked: boolean;
  gap: number;
  reached: boolean;
}

export function dimensionRows(card: Scorecard): DimensionRow[] {
  const targetIdx = card.stages.findIndex((s) => s.id === card.target.stage.id);
  const reached = (stageId: string) => card.stages.findIndex((s) => s.id === stageId) >= targetIdx;
  return [
    ...card.dimensions.map((d) => ({
      id: d.id,
      title: d.title,
      score: d.score,
      scoreText: formatScore(d.score),
      stage: d.stage.id,
      blocked: d.blockedBy.length > 0,
      gap: d.gap,
      reached: reached(d.stage.id),
    })),
    {
      id: "overall",
      title: "Overall",
      score: card.overall.score,
      scoreText: formatScore(card.overall.score),
      stage: card.overall.stage.id,
      blocked: card.overall.blockedBy.length > 0,
      gap: card.overall.gap,
      reached: card.target.reached,
    },
  ];
}

export function headline(card: Scorecard): string {
  const stage = card.stages.find((x) => x.id === card.overall.stage.id);
  const parts: string[] = [];
  if (stage?.summary) parts.push(stage.summary);
  if (card.overall.score === null) parts.push("No scored question is answered yet.");
  else if (card.target.reached) parts.push(`You have reached the target stage ${card.target.stage.id}.`);
  else if (card.overall.blockedBy.length && card.overall.gap === 0)
    parts.push(`The score is enough for ${card.overall.scoreStage.id}, but a gate holds you at ${card.overall.stage.id}.`);
  else parts.push(`${Math.round(card.overall.gap)} points short of ${card.target.stage.id}.`);
  return parts.join(" ");
}

export function coverageSentence(card: Scorecard): string {
  const cv = card.coverage;
  const asked = cv.total - cv.hidden;
  const parts = [`Answered ${cv.answered} of ${asked} scored questions`];
  if (cv.unknown) parts.push(`${cv.unknown} "don't know" (${card.unknownScoredAs === "zero" ? "counted as 0 points" : "left out of the score"})`);
  if (cv.notApplicable) parts.push(`${cv.notApplicable} not applicable (left out; the rest re-weighted)`);
  if (cv.missing) parts.push(`${cv.missing} not answered (left out of the score)`);
  if (cv.hidden) parts.push(`${cv.hidden} not asked`);
  return parts.join("; ") + ".";
}

export function lagSentence(card: Scorecard): string | undefined {
  const lag = card.overall.lag;
  if (!lag) return undefined;
  return `Rubric's estimate: leading businesses reached ${lag.stage} around ${lag.leadersYear}, so this is roughly ${lag.years} years behind them (${lag.asOfYear}).`;
}

export function gateSentence(g: Scorecard["gates"][number]): string {
  return `No ${g.blocks} while: ${g.reason}${g.status === "unverified" ? ` (not confirmed: the answer is missing or "don't know")` : ""}`;
}

export function whySentence(step: Scorecard["nextSteps"][number], limit = 2, clip: (s: string, n: number) => string = (s) => s): string {
  const why = step.because
    .slice(0, limit)
    .map((b) => `"${clip(b.text, 60)}": ${clip(b.display, 40)}`)
    .join("; ");
  return `Why: ${why}${step.because.length > limit ? ` (+${step.because.length - limit} more)` : ""}`;
}
