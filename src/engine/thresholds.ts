import { say } from "../errors.js";
import type { Scorecard } from "./scorecard.js";
import { type Phrase } from "../i18n/phrase.js";

export interface Thresholds {
  failUnder?: number;
  requireStage?: string;
  /** Minimum score per dimension id. */
  min?: Record<string, number>;
  baseline?: Scorecard;
  tolerance?: number;
}

export interface ThresholdCheck {
  name: string;
  passed: boolean;
  /** In English; `phrase` gives it in other languages. */
  message: string;
  phrase: Phrase;
}

const fmt = (n: number | null): string | Phrase => (n === null ? { key: "noScore" } : String(Math.round(n * 10) / 10));

/** Checks a scorecard against thresholds and a baseline; pure, one result per check. */
export function checkThresholds(card: Scorecard, t: Thresholds): ThresholdCheck[] {
  const checks: ThresholdCheck[] = [];
  const overall = card.overall.score;
  if (t.failUnder !== undefined) {
    const passed = overall !== null && overall >= t.failUnder;
    checks.push({ name: `overall score >= ${t.failUnder}`, passed, ...say("thresholdFailUnder", { score: fmt(overall), limit: t.failUnder }) });
  }
  if (t.requireStage !== undefined) {
    const idx = (id: string) => card.stages.findIndex((s) => s.id === id);
    const passed = idx(card.overall.stage.id) >= idx(t.requireStage);
    checks.push({ name: `stage >= ${t.requireStage}`, passed, ...say("thresholdStage", { stage: card.overall.stage.id, required: t.requireStage }) });
  }
  for (const [dim, min] of Object.entries(t.min ?? {})) {
    const d = card.dimensions.find((x) => x.id === dim);
    const score = d?.score ?? null;
    checks.push({ name: `${dim} >= ${min}`, passed: score !== null && score >= min, ...say("thresholdMin", { dimension: d?.title ?? dim, score: fmt(score), id: dim, limit: min }) });
  }
  if (t.baseline) {
    const tol = t.tolerance ?? 0;
    const before = t.baseline;
    const drop = (a: number | null, b: number | null) => (a ?? 0) - (b ?? 0);
    const o = drop(before.overall.score, overall);
    checks.push({
      name: `overall no lower than baseline (tolerance ${tol})`,
      passed: o <= tol,
      ...say("thresholdOverallFell", { before: fmt(before.overall.score), after: fmt(overall), drop: fmt(o), tolerance: tol }),
    });
    for (const d of card.dimensions) {
      const b = before.dimensions.find((x) => x.id === d.id);
      if (!b) continue;
      const delta = drop(b.score, d.score);
      checks.push({
        name: `${d.id} no lower than baseline (tolerance ${tol})`,
        passed: delta <= tol,
        ...say("thresholdDimensionFell", { dimension: d.title, before: fmt(b.score), after: fmt(d.score), drop: fmt(delta), tolerance: tol }),
      });
    }
  }
  return checks;
}
