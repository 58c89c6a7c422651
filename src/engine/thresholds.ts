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
  /** A stable English name, for scripts. */
  name: string;
  /** What is checked, in words: the name a test dashboard shows. */
  test: Phrase;
  passed: boolean;
  /** In English; `phrase` gives it in other languages. */
  message: string;
  phrase: Phrase;
}

/**
 * A score as every report shows it: a whole number, halves rounded up. Thresholds compare this number, so
 * that a report showing 41 never fails --fail-under 41.
 */
export function shownScore(n: number): number {
  return Math.round(n);
}

const shown = (n: number | null): number | null => (n === null ? null : shownScore(n));
const fmt = (n: number | null): string | Phrase => (n === null ? { key: "noScore" } : String(n));

/** Checks a scorecard against thresholds and a baseline; pure, one result per check, on the scores as shown. */
export function checkThresholds(card: Scorecard, t: Thresholds): ThresholdCheck[] {
  const checks: ThresholdCheck[] = [];
  const overall = shown(card.overall.score);
  if (t.failUnder !== undefined) {
    const passed = overall !== null && overall >= t.failUnder;
    checks.push({ name: `overall score >= ${t.failUnder}`, test: { key: "testFailUnder", params: { limit: t.failUnder } }, passed, ...say("thresholdFailUnder", { score: fmt(overall), limit: t.failUnder }) });
  }
  if (t.requireStage !== undefined) {
    const idx = (id: string) => card.stages.findIndex((s) => s.id === id);
    const required = card.stages.find((s) => s.id === t.requireStage)?.name ?? t.requireStage;
    const passed = idx(card.overall.stage.id) >= idx(t.requireStage);
    checks.push({
      name: `stage >= ${t.requireStage}`,
      test: { key: "testRequireStage", params: { stage: required } },
      passed,
      ...say("thresholdStage", { stage: card.overall.stage.name, required }),
    });
  }
  for (const [dim, min] of Object.entries(t.min ?? {})) {
    const d = card.dimensions.find((x) => x.id === dim);
    const score = shown(d?.score ?? null);
    checks.push({
      name: `${dim} >= ${min}`,
      test: { key: "testMin", params: { dimension: d?.title ?? dim, limit: min } },
      passed: score !== null && score >= min,
      ...say("thresholdMin", { dimension: d?.title ?? dim, score: fmt(score), id: dim, limit: min }),
    });
  }
  if (t.baseline) {
    const tol = t.tolerance ?? 0;
    const before = t.baseline;
    const drop = (a: number | null, b: number | null) => (shown(a) ?? 0) - (shown(b) ?? 0);
    const o = drop(before.overall.score, card.overall.score);
    checks.push({
      name: `overall no lower than baseline (tolerance ${tol})`,
      test: { key: "testOverallBaseline", params: { tolerance: tol } },
      passed: o <= tol,
      ...say("thresholdOverallFell", { before: fmt(shown(before.overall.score)), after: fmt(overall), drop: fmt(o), tolerance: tol }),
    });
    for (const d of card.dimensions) {
      const b = before.dimensions.find((x) => x.id === d.id);
      if (!b) continue;
      const delta = drop(b.score, d.score);
      checks.push({
        name: `${d.id} no lower than baseline (tolerance ${tol})`,
        test: { key: "testDimensionBaseline", params: { dimension: d.title, tolerance: tol } },
        passed: delta <= tol,
        ...say("thresholdDimensionFell", { dimension: d.title, before: fmt(shown(b.score)), after: fmt(shown(d.score)), drop: fmt(delta), tolerance: tol }),
      });
    }
  }
  return checks;
}
