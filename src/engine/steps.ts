import type { Evaluation } from "./evaluation.js";
import type { StageLadder } from "./stages.js";
import type { DimensionScore, GateResult, NextStepResult, QuestionScore } from "./scorecard.js";
import { round1 } from "./dimensions.js";

/**
 * The next steps of a rubric that states no expectations per answer (a plugin, an older YAML rubric), in the
 * order to take them: toward stages a dimension has not reached (or that open a gate), nearest stage first,
 * then the steps that open a gate, then the points at stake.
 */
export function orderSteps(
  evaluation: Evaluation,
  ladder: StageLadder,
  dimensions: readonly DimensionScore[],
  gates: readonly GateResult[],
  questionOutside: (id: string) => QuestionScore | undefined,
): NextStepResult[] {
  const dimById = new Map(dimensions.map((d) => [d.id, d]));
  const dimWeight = dimensions.filter((d) => d.score !== null && d.weight > 0).reduce((s, d) => s + d.weight, 0);
  const blockingQuestions = new Set(gates.filter((g) => g.status !== "passed").flatMap((g) => g.questions));
  const steps: Array<NextStepResult & { order: number }> = [];
  for (const step of evaluation.nextSteps) {
    const dim = dimById.get(step.dimension);
    const sIdx = step.stage === undefined ? -1 : ladder.indexOf(step.stage);
    if (!dim || (sIdx < 0 && !step.level)) continue;
    const dimIdx = ladder.indexOf(dim.stage.id);
    const holding = step.questions.flatMap((id) => {
      const x = dim.questions.find((y) => y.id === id) ?? questionOutside(id);
      return x ? [x] : [];
    });
    const unlocksGate = holding.some((x) => blockingQuestions.has(x.id));
    // A step of one answer stays while the answer is below its level, whatever the dimension's stage.
    if (!step.level && sIdx <= dimIdx && !unlocksGate) continue;
    const order = step.level && sIdx < 0 ? Math.min(ladder.top, dimIdx + 1) : Math.max(sIdx, dimIdx + 1);
    // Missing answers count in the base, as they would once answered.
    const dimTotal = dim.questions.filter((y) => y.weight > 0 && y.status !== "hidden" && y.status !== "not-applicable").reduce((s, y) => s + y.weight, 0) || 1;
    const to = step.level?.points ?? 100;
    const gain = holding.reduce((g, x) => g + (Math.max(0, to - (x.points ?? 0)) * x.weight) / dimTotal, 0) * (dim.weight / (dimWeight || 1));
    steps.push({
      id: step.id,
      dimension: step.dimension,
      stage: ladder.ref(sIdx < 0 ? order : sIdx),
      title: step.title,
      ...(step.detail ? { detail: step.detail } : {}),
      gain: round1(gain),
      effort: step.effort ?? 2,
      unlocksGate,
      phase: ladder.ref(order),
      inMinimalPlan: false,
      because: holding.map((x) => ({ question: x.id, text: x.text, display: x.display, points: x.points })),
      // Rounded as the question's points are, so that compare can tell when it is reached.
      ...(step.level ? { reaches: { ...step.level, points: round1(step.level.points) } } : {}),
      order,
    });
  }
  steps.sort((a, b) => a.order - b.order || Number(b.unlocksGate) - Number(a.unlocksGate) || b.gain - a.gain || a.id.localeCompare(b.id));
  return steps.map(({ order: _order, ...s }) => s);
}
