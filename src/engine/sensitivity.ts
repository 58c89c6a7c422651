import type { AnswerValue } from "../model/answers.js";
import type { Question } from "../model/questionnaire.js";
import { messages } from "../i18n/messages.js";
import { displayAnswer } from "./display.js";
import type { RubricInput, ScoringRubric } from "./rubric.js";
import type { StageLadder } from "./stages.js";
import type { Borderline, DimensionScore, GateResult } from "./scorecard.js";

/** The answers next to a given one: the option either side, the scale step either side, the other of yes/no, one option more or less. */
export function neighbours(q: Question, value: AnswerValue): AnswerValue[] {
  switch (q.type) {
    case "single": {
      const i = q.options.findIndex((o) => o.value === value);
      return [q.options[i - 1], q.options[i + 1]].filter((o) => o !== undefined).map((o) => o.value);
    }
    case "scale":
      return typeof value === "number" ? [value - 1, value + 1].filter((v) => v >= q.min && v <= q.max) : [];
    case "boolean":
      return typeof value === "boolean" ? [!value] : [];
    case "multi": {
      if (!Array.isArray(value)) return [];
      const picked = new Set(value);
      return [...value.map((v) => value.filter((x) => x !== v)), ...q.options.filter((o) => !picked.has(o.value)).map((o) => [...value, o.value])];
    }
    default:
      return [];
  }
}

/**
 * How firm the overall stage is: which single answers, each moved to a neighbouring answer, would reach the
 * next stage or drop to the one below. Needs a rubric that can point and gate other answers (the YAML rubric
 * can); otherwise undefined. Pure arithmetic on the scorecard, so that it costs little in a large batch.
 */
export function borderlineOf(
  rubric: ScoringRubric,
  input: RubricInput,
  ladder: StageLadder,
  dimensions: readonly DimensionScore[],
  gates: readonly GateResult[],
  stageIdx: number,
): Borderline | undefined {
  if (!rubric.pointsOf || !rubric.gateStatus) return undefined;
  const m = messages(input.lang);
  const gateQuestions = new Set(gates.flatMap((g) => g.questions));
  const scored = dimensions.filter((d) => d.score !== null && d.weight > 0);
  const totalWeight = scored.reduce((s, d) => s + d.weight, 0);
  const up: Array<NonNullable<Borderline["up"]>["moves"][number]> = [];
  const down: typeof up = [];
  // The nearest stage either side that some single answer reaches.
  let upStage = Infinity;
  let downStage = -Infinity;
  for (const d of scored) {
    const counted = d.questions.filter((x) => x.points !== null && x.weight > 0);
    const dimWeight = counted.reduce((s, x) => s + x.weight, 0);
    for (const x of counted) {
      const e = input.sheet.get(x.id);
      if (!e || e.status !== "answered" || e.value === undefined) continue;
      for (const v of neighbours(e.question, e.value)) {
        const p = rubric.pointsOf(x.id, v);
        if (p === null) continue;
        const dimScore = d.score! + ((p - x.points!) * x.weight) / dimWeight;
        const overall = scored.reduce((s, y) => s + (y.id === d.id ? dimScore : y.score!) * y.weight, 0) / totalWeight;
        let status = gates;
        if (gateQuestions.has(x.id)) {
          const changed = new Map(rubric.gateStatus(new Map(input.known).set(x.id, v), input).map((g) => [g.id, g.status]));
          status = gates.map((g) => ({ ...g, status: changed.get(g.id) ?? g.status }));
        }
        const idx = Math.min(ladder.bandOf(Math.round(overall * 10) / 10), ladder.capOf(status, () => true, (g) => g.status === "blocking").cap);
        if (idx === stageIdx) continue;
        const move = { question: x.id, text: x.text, from: x.display, to: displayAnswer(e.question, v, input.lang, m) };
        if (idx > stageIdx) (up.push(move), (upStage = Math.min(upStage, idx)));
        else (down.push(move), (downStage = Math.max(downStage, idx)));
      }
    }
  }
  if (!up.length && !down.length) return {};
  return {
    ...(up.length ? { up: { stage: ladder.ref(upStage), moves: up } } : {}),
    ...(down.length ? { down: { stage: ladder.ref(downStage), moves: down } } : {}),
  };
}
