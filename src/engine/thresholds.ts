import { say } from "../errors.js";
import type { Scorecard } from "./scorecard.js";
import { type Phrase } from "../i18n/phrase.js";
import { Rational } from "./rational.js";

/** Scores and limits are 0-100, or in the rubric's scale where the scorecard has one. */
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

/** A group of a scorecard's tree, by id. */
function findGroup(groups: Scorecard["groups"], id: string): NonNullable<Scorecard["groups"]>[number] | undefined {
  for (const g of groups ?? []) {
    if (g.id === id) return g;
    const inner = findGroup(g.groups, id);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Whether a score reaches a limit: on 0-100, the score as shown; in a rubric's scale, the exact fraction,
 * so that 1 of 3 reaches a limit of 1 and a score that only rounds up to a limit does not.
 */
function reaches(card: Scorecard, x: { score: number | null; exact?: string | null }, limit: number): boolean {
  if (x.score === null) return false;
  if (card.scale && x.exact) return Rational.parse(x.exact).cmp(Rational.from(limit)) >= 0;
  return shown(x.score)! >= limit;
}

/** A score as a threshold message shows it: in the scale where there is one. */
function scoreText(card: Scorecard, x: { score: number | null; scaled?: number | null; exact?: string | null } | undefined, limit: number): string | Phrase {
  if (!card.scale || !x || x.scaled === undefined) return fmt(shown(x?.score ?? null));
  if (x.scaled === null || !x.exact) return { key: "noScore" };
  // A score just under the limit is shown with the decimals that tell them apart, not rounded up to it.
  const exact = Rational.parse(x.exact);
  let decimals = card.scale.decimals;
  while (decimals < 6 && exact.cmp(Rational.from(limit)) < 0 && exact.round(decimals) >= limit) decimals++;
  return exact.round(decimals).toFixed(decimals);
}

/** Checks a scorecard against thresholds and a baseline; pure, one result per check, on the scores as shown. */
export function checkThresholds(card: Scorecard, t: Thresholds): ThresholdCheck[] {
  const checks: ThresholdCheck[] = [];
  const overall = shown(card.overall.score);
  if (t.failUnder !== undefined) {
    const passed = reaches(card, card.overall, t.failUnder);
    checks.push({ name: `overall score >= ${t.failUnder}`, test: { key: "testFailUnder", params: { limit: t.failUnder } }, passed, ...say("thresholdFailUnder", { score: scoreText(card, card.overall, t.failUnder), limit: t.failUnder }) });
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
    const d = card.dimensions.find((x) => x.id === dim) ?? findGroup(card.groups, dim);
    checks.push({
      name: `${dim} >= ${min}`,
      test: { key: "testMin", params: { dimension: d?.title ?? dim, limit: min } },
      passed: d !== undefined && reaches(card, d, min),
      ...say("thresholdMin", { dimension: d?.title ?? dim, score: scoreText(card, d, min), id: dim, limit: min }),
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
