import type { LagEstimate } from "./scorecard.js";
import type { ScoringRubric } from "./rubric.js";

/** The rubric's estimate of how far a business at this stage lags the leaders, when it dates the next stage. */
export function lagFor(rubric: ScoringRubric, stageIndex: number, asOfYear: number | undefined): LagEstimate | undefined {
  const next = rubric.stages[stageIndex + 1];
  if (!next || next.leadersYear === undefined || asOfYear === undefined) return undefined;
  return { years: Math.max(0, asOfYear - next.leadersYear), stage: next.id, leadersYear: next.leadersYear, asOfYear };
}
