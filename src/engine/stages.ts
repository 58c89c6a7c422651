import type { GateResult, StageRef } from "./scorecard.js";
import type { ScoringRubric } from "./rubric.js";
import type { Rational } from "./rational.js";
import { exactHundred } from "./scale.js";

/** The rubric's stages as the scorecard needs them: by index, and the band a score falls in. */
export class StageLadder {
  constructor(private readonly rubric: ScoringRubric) {}

  private exactMins?: Rational[];

  /** The band an exact 0-100 score falls in, compared with each band's minimum as the rubric wrote it. */
  bandOfExact(score: Rational | null): number {
    if (score === null) return 0;
    this.exactMins ??= this.rubric.stages.map((s) => (this.rubric.scale && s.scaledMin !== undefined ? exactHundred(s.scaledMin, this.rubric.scale) : exactHundred(s.min, undefined)));
    let idx = 0;
    this.exactMins.forEach((m, i) => {
      if (score.cmp(m) >= 0) idx = i;
    });
    return idx;
  }

  get top(): number {
    return this.rubric.stages.length - 1;
  }

  indexOf(id: string): number {
    return this.rubric.stages.findIndex((s) => s.id === id);
  }

  ref(i: number): StageRef {
    const s = this.rubric.stages[Math.max(0, Math.min(i, this.top))]!;
    return { id: s.id, name: s.name };
  }

  /** The band a score falls in; no score is the first stage. */
  bandOf(score: number | null): number {
    if (score === null) return 0;
    let idx = 0;
    this.rubric.stages.forEach((s, i) => {
      if (score >= s.min) idx = i;
    });
    return idx;
  }

  /** The highest stage the gates allow where they speak of the questions `inScope` accepts, and the gates that cap it. */
  capOf(gates: readonly GateResult[], inScope: (questionId: string) => boolean, counts: (g: GateResult) => boolean = (g) => g.status !== "passed"): { cap: number; by: string[] } {
    let cap = this.top;
    const by: string[] = [];
    for (const g of gates) {
      if (!counts(g) || !g.questions.some(inScope)) continue;
      const idx = this.indexOf(g.blocks);
      if (idx <= 0) continue;
      by.push(g.id);
      cap = Math.min(cap, idx - 1);
    }
    return { cap, by };
  }
}
