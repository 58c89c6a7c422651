import type { AnswerValue } from "../model/answers.js";
import type { Question } from "../model/questionnaire.js";
import { fill, messages } from "../i18n/messages.js";
import type { RubricInput, ScoringRubric } from "./rubric.js";
import type { Evaluation } from "./evaluation.js";
import type { StageLadder } from "./stages.js";
import type { DimensionScore, GateResult, NextStepResult, QuestionScore, Roadmap } from "./scorecard.js";
import { round1 } from "./dimensions.js";
import { own } from "../model/own.js";

/** A weak answer: below what a stage expects of it. */
export interface Improvement {
  question: string;
  dimension: string;
  points: number;
  /** The first stage whose expectation the answer misses. */
  firstWeak: number;
  /** The roadmap phase it belongs to: that stage, or the next stage when it is already reached. */
  phase: number;
  /** Points it needs at the target stage (when firstWeak is at or below the target). */
  toTarget?: number;
  /** Overall points gained by raising it to what the target expects. */
  gainToTarget: number;
  /** Overall points gained by raising it to what its phase expects. */
  gainToPhase: number;
  /** The answer with the fewest points that meets the target's expectation, where the rubric can say. */
  toValue?: AnswerValue;
  /** Not given, or "don't know": a step to find out, never part of the smallest plan. */
  open?: boolean;
}

export interface PlanInput {
  rubric: ScoringRubric;
  input: RubricInput;
  evaluation: Evaluation;
  ladder: StageLadder;
  dimensions: readonly DimensionScore[];
  gates: readonly GateResult[];
  overallScore: number | null;
  /** The overall stage shown. */
  stageIdx: number;
  targetIdx: number;
}

/** The points an answer needs at each stage: a stage inherits the highest expectation below it. */
export function needs(stages: ReadonlyArray<{ id: string }>, expects: Record<string, number>): number[] {
  let need = 0;
  return stages.map((s) => (need = Math.max(need, own(expects, s.id) ?? 0)));
}

/** The values a question can take, for finding the answer that meets an expectation. */
function valuesOf(q: Question): AnswerValue[] {
  switch (q.type) {
    case "single":
      return q.options.map((o) => o.value);
    case "scale":
      return Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
    case "boolean":
      return [false, true];
    default:
      return [];
  }
}

/** Every answer below what a stage expects, with what raising it is worth. Only for rubrics that state expectations. */
export function improvementsOf(p: PlanInput): Improvement[] {
  const { rubric, input, evaluation, ladder, dimensions } = p;
  const expectsOf = new Map<string, Record<string, number>>();
  for (const d of evaluation.dimensions) for (const x of d.questions) if (x.expects) expectsOf.set(x.id, x.expects);
  const scored = dimensions.filter((d) => d.score !== null && d.weight > 0);
  const totalWeight = scored.reduce((s, d) => s + d.weight, 0);
  const out: Improvement[] = [];
  for (const d of scored) {
    const counted = d.questions.filter((x) => x.points !== null && x.weight > 0);
    const dimWeight = counted.reduce((s, x) => s + x.weight, 0);
    const worth = (x: QuestionScore, to: number) => (((to - x.points!) * x.weight) / dimWeight) * (d.weight / totalWeight);
    for (const x of d.questions) {
      const expects = expectsOf.get(x.id);
      if (!expects || x.weight <= 0) continue;
      if (x.status === "unknown" || x.status === "missing") {
        // An open answer on an expected practice: the roadmap asks to settle it before anything is built on it.
        const firstExpected = needs(rubric.stages, expects).findIndex((n) => n > 0);
        if (firstExpected < 0) continue;
        out.push({ question: x.id, dimension: d.id, points: 0, firstWeak: firstExpected, phase: Math.min(ladder.top, Math.max(firstExpected, p.stageIdx + 1)), gainToTarget: 0, gainToPhase: 0, open: true });
        continue;
      }
      const e = input.sheet.get(x.id);
      if (x.status !== "answered" || x.points === null || !e) continue;
      const need = needs(rubric.stages, expects);
      const firstWeak = need.findIndex((n) => x.points! < n);
      if (firstWeak < 0) continue;
      const phase = Math.min(ladder.top, Math.max(firstWeak, p.stageIdx + 1));
      const toTarget = firstWeak <= p.targetIdx ? need[p.targetIdx]! : undefined;
      let toValue: AnswerValue | undefined;
      if (toTarget !== undefined && rubric.pointsOf) {
        const options = valuesOf(e.question)
          .map((v) => ({ v, pts: rubric.pointsOf!(x.id, v) ?? -1 }))
          .sort((a, b) => a.pts - b.pts);
        toValue = (options.find((o) => o.pts >= toTarget) ?? options.at(-1))?.v;
      }
      out.push({
        question: x.id,
        dimension: d.id,
        points: x.points!,
        firstWeak,
        phase,
        ...(toTarget !== undefined ? { toTarget } : {}),
        gainToTarget: toTarget !== undefined ? worth(x, toTarget) : 0,
        gainToPhase: worth(x, need[phase]!),
        ...(toValue !== undefined ? { toValue } : {}),
      });
    }
  }
  return out;
}

/**
 * The smallest set of improvements that reaches the target stage: every gate that blocks it opened, then the
 * fewest raises that lift the score into the target's band. Gains add up (answered questions keep their
 * weights), so taking the largest first is the fewest; gates that can be opened in more than one way are tried
 * each way. Undefined when the target is out of reach of the weak answers alone.
 */
export function minimalPlan(p: PlanInput, improvements: readonly Improvement[]): string[] | undefined {
  if (p.stageIdx >= p.targetIdx) return [];
  const targetMin = p.rubric.stages[p.targetIdx]!.min;
  const reaches = overallReaches(p, improvements, targetMin);
  const candidates = improvements.filter((i) => i.toTarget !== undefined && !i.open);
  const byId = new Map(candidates.map((i) => [i.question, i]));
  const blocking = p.gates.filter((g) => g.status === "blocking" && p.ladder.indexOf(g.blocks) <= p.targetIdx && p.ladder.indexOf(g.blocks) > 0);
  // Each blocking gate's ways to open: the fewest of its weak questions raised that make it pass.
  const waysPerGate: string[][][] = [];
  for (const g of blocking) {
    const qs = g.questions.filter((id) => byId.has(id));
    const opens = (set: string[]) => {
      if (!p.rubric.gateStatus) return true;
      const known = new Map(p.input.known);
      for (const id of set) {
        const v = byId.get(id)!.toValue;
        if (v === undefined) return false;
        known.set(id, v);
      }
      return p.rubric.gateStatus(known, p.input).find((x) => x.id === g.id)?.status !== "blocking";
    };
    let ways = qs.map((id) => [id]).filter(opens);
    if (!ways.length) for (let i = 0; i < qs.length; i++) for (let j = i + 1; j < qs.length; j++) if (opens([qs[i]!, qs[j]!])) ways.push([qs[i]!, qs[j]!]);
    if (!ways.length && qs.length && opens(qs)) ways = [qs];
    if (!ways.length) return undefined;
    waysPerGate.push(ways.slice(0, 4));
  }
  let best: string[] | undefined;
  let bestGain = -Infinity;
  const choose = (g: number, chosen: Set<string>) => {
    if (g < waysPerGate.length) {
      for (const way of waysPerGate[g]!) choose(g + 1, new Set([...chosen, ...way]));
      return;
    }
    const set = [...chosen];
    let score = set.reduce((s, id) => s + byId.get(id)!.gainToTarget, 0);
    for (const i of [...candidates].filter((c) => !chosen.has(c.question)).sort((a, b) => b.gainToTarget - a.gainToTarget || a.question.localeCompare(b.question))) {
      if (reaches(set)) break;
      set.push(i.question);
      score += i.gainToTarget;
    }
    if (!reaches(set)) return;
    if (!best || set.length < best.length || (set.length === best.length && score > bestGain)) ((best = set), (bestGain = score));
  };
  choose(0, new Set());
  return best;
}

/** Whether raising a set of answers to what the target expects lifts the overall score into the target's band, rounded as the scorecard rounds. */
function overallReaches(p: PlanInput, improvements: readonly Improvement[], targetMin: number): (set: readonly string[]) => boolean {
  const byId = new Map(improvements.map((i) => [i.question, i]));
  const dims = p.dimensions.filter((d) => d.score !== null && d.weight > 0);
  const totalWeight = dims.reduce((s, d) => s + d.weight, 0);
  return (set) => {
    const raised = new Set(set);
    const overall = dims.reduce((sum, d) => {
      const counted = d.questions.filter((x) => x.points !== null && x.weight > 0);
      const w = counted.reduce((s, x) => s + x.weight, 0);
      const raw = counted.reduce((s, x) => s + (raised.has(x.id) ? byId.get(x.id)!.toTarget! : x.points!) * x.weight, 0) / w;
      return sum + round1(raw) * d.weight;
    }, 0);
    return round1(overall / totalWeight) >= targetMin;
  };
}

/** An answer that meets the rubric's expectations but has a step to its next level: phased for the stage after the business's own, or the step's stage. */
function levelImprovement(p: PlanInput, level: NonNullable<NextStepResult["reaches"]>, stageIdx: number): Improvement[] {
  const d = p.dimensions.find((x) => x.questions.some((q) => q.id === level.question));
  const x = d?.questions.find((q) => q.id === level.question);
  if (!d || !x || x.points === null || x.points >= level.points) return [];
  const scored = p.dimensions.filter((y) => y.score !== null && y.weight > 0);
  const totalWeight = scored.reduce((s, y) => s + y.weight, 0);
  const dimWeight = d.questions.filter((y) => y.points !== null && y.weight > 0).reduce((s, y) => s + y.weight, 0);
  const gain = totalWeight && dimWeight && d.score !== null ? (((level.points - x.points) * x.weight) / dimWeight) * (d.weight / totalWeight) : 0;
  const phase = stageIdx >= 0 ? stageIdx : Math.min(p.ladder.top, p.stageIdx + 1);
  return [{ question: x.id, dimension: d.id, points: x.points, firstWeak: phase, phase, gainToTarget: 0, gainToPhase: gain }];
}

/**
 * The roadmap: every weak answer reaches a step, whatever its dimension's average. A rubric step is taken
 * for the weak answers it lists; an answer no step lists gets one of its own. Steps are phased by the stage
 * they are needed for, and ordered by what opens a gate, then by gain for the effort.
 */
export function planRoadmap(p: PlanInput, improvements: readonly Improvement[]): { steps: NextStepResult[]; roadmap: Roadmap } {
  const m = messages(p.input.lang);
  const minimal = minimalPlan(p, improvements);
  const inMinimal = new Set(minimal ?? []);
  const byQuestion = new Map(improvements.map((i) => [i.question, i]));
  const questionOf = new Map(p.dimensions.flatMap((d) => d.questions.map((x) => [x.id, x] as const)));
  const gateQuestions = new Set(p.gates.filter((g) => g.status !== "passed").flatMap((g) => g.questions));
  const covered = new Set<string>();
  const steps: NextStepResult[] = [];
  const make = (id: string, dimension: string, stage: number | undefined, title: string, detail: string | undefined, effort: number, weak: Improvement[], reaches?: NextStepResult["reaches"]): NextStepResult => {
    const phase = Math.min(...weak.map((w) => w.phase));
    for (const w of weak) covered.add(w.question);
    return {
      id,
      dimension,
      stage: p.ladder.ref(stage ?? phase),
      title,
      ...(detail ? { detail } : {}),
      gain: round1(weak.reduce((s, w) => s + w.gainToPhase, 0)),
      effort,
      unlocksGate: weak.some((w) => gateQuestions.has(w.question)),
      phase: p.ladder.ref(phase),
      inMinimalPlan: weak.some((w) => inMinimal.has(w.question)),
      because: weak.map((w) => {
        const x = questionOf.get(w.question)!;
        return { question: x.id, text: x.text, display: x.display, points: x.points };
      }),
      // Rounded as the question's points are, so that compare can tell when it is reached.
      ...(reaches ? { reaches: { ...reaches, points: round1(reaches.points) } } : {}),
    };
  };
  for (const s of p.evaluation.nextSteps) {
    const idx = s.stage === undefined ? -1 : p.ladder.indexOf(s.stage);
    // A step of one answer is taken even where the answer meets what every stage expects: the activity is unfinished.
    const weak = s.questions.flatMap((id) => byQuestion.get(id) ?? (s.level?.question === id ? levelImprovement(p, s.level, idx) : []));
    if (!weak.length) continue;
    steps.push(make(s.id, s.dimension, idx < 0 ? undefined : idx, s.title, s.detail, s.effort ?? 2, weak, s.level));
  }
  for (const w of improvements) {
    if (covered.has(w.question)) continue;
    const x = questionOf.get(w.question)!;
    steps.push(make(`improve-${w.question}`, w.dimension, undefined, fill(m.stepImprove, { question: x.text }), undefined, 2, [w]));
  }
  const phaseOf = (s: NextStepResult) => p.ladder.indexOf(s.phase.id);
  steps.sort(
    (a, b) =>
      phaseOf(a) - phaseOf(b) ||
      Number(b.unlocksGate) - Number(a.unlocksGate) ||
      Number(b.inMinimalPlan) - Number(a.inMinimalPlan) ||
      b.gain / b.effort - a.gain / a.effort ||
      a.id.localeCompare(b.id),
  );
  const phases = [...new Set(steps.map(phaseOf))].map((i) => ({ stage: p.ladder.ref(i), steps: steps.filter((s) => phaseOf(s) === i).map((s) => s.id) }));
  return {
    steps,
    roadmap: { target: p.ladder.ref(p.targetIdx), reachable: minimal !== undefined, minimal: minimal ?? improvements.filter((i) => i.toTarget !== undefined && !i.open).map((i) => i.question), phases },
  };
}
