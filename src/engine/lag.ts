import type { Confidence, LagEstimate } from "./scorecard.js";
import type { ScoringRubric } from "./rubric.js";

/**
 * The rubric's estimate of how far a business at this stage lags the leaders, with its basis: the stage's own
 * lag where the rubric gives one, else the years since leaders reached the next stage where it dates them.
 * An unconfirmed stage whose lowest and highest stages would lag differently gets none: years need a basis.
 */
export function lagFor(rubric: ScoringRubric, stageIndex: number, confidence: Confidence, asOfYear: number | undefined): LagEstimate | undefined {
  const of = (i: number) => estimate(rubric, i, asOfYear);
  const here = of(stageIndex);
  if (!here || confidence.status === "confirmed") return here;
  const idx = (id: string) => rubric.stages.findIndex((s) => s.id === id);
  const [low, high] = [of(idx(confidence.lowest.id)), of(idx(confidence.highest.id))];
  return JSON.stringify(low?.years) === JSON.stringify(high?.years) ? here : undefined;
}

function estimate(rubric: ScoringRubric, stageIndex: number, asOfYear: number | undefined): LagEstimate | undefined {
  const stage = rubric.stages[stageIndex];
  if (stage?.lag) return { stage: stage.id, ...(stage.lag.years !== undefined ? { years: stage.lag.years } : {}), source: stage.lag.source };
  const next = rubric.stages[stageIndex + 1];
  if (!next || next.leadersYear === undefined || asOfYear === undefined) return undefined;
  return { stage: next.id, years: Math.max(0, asOfYear - next.leadersYear), leadersYear: next.leadersYear, asOfYear };
}
