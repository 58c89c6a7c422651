import { Rational } from "./rational.js";
import type { GroupInfo } from "./rubric.js";
import type { StageLadder } from "./stages.js";
import type { Coverage, GateResult, GroupScore } from "./scorecard.js";
import { emptyCoverage, round1 } from "./dimensions.js";
import { scaledFields, type ScaleInfo } from "./scale.js";

export type RollUp = "mean" | "sum";

/**
 * A parent's score from its parts' exact scores. Mean: the weighted mean of the parts that have a score.
 * Sum: each part adds its share (its weight over every part's weight), so a part without a score adds
 * nothing. No part with a score gives no score either way.
 */
export function rollUp(parts: ReadonlyArray<{ weight: number; score: Rational | null }>, rule: RollUp): Rational | null {
  let sum = Rational.ZERO;
  let scoredWeight = Rational.ZERO;
  let allWeight = Rational.ZERO;
  let any = false;
  for (const p of parts) {
    if (p.weight <= 0) continue;
    const w = Rational.from(p.weight);
    allWeight = allWeight.add(w);
    if (p.score === null) continue;
    any = true;
    sum = sum.add(p.score.mul(w));
    scoredWeight = scoredWeight.add(w);
  }
  if (!any) return null;
  const over = rule === "sum" ? allWeight : scoredWeight;
  return over.isZero() ? null : sum.div(over);
}

export interface GroupContext {
  /** Each scored dimension's exact score, weight, coverage and question ids. */
  dimensions: ReadonlyMap<string, { weight: number; exact: Rational | null; coverage: Coverage; questions: readonly string[] }>;
  ladder: StageLadder;
  gates: readonly GateResult[];
  targetIdx: number;
  targetScore: number;
  scale?: ScaleInfo;
  rule: RollUp;
}

/** The groups' scores, as a tree, and the parts the overall score rolls up from: the top groups and the dimensions in none. */
export function scoreGroups(groups: readonly GroupInfo[], ctx: GroupContext): { groups: GroupScore[]; top: Array<{ weight: number; score: Rational | null }> } {
  const grouped = new Set<string>();
  const walk = (g: GroupInfo): { card: GroupScore; exact: Rational | null; questions: string[] } => {
    const subs = g.groups.map(walk);
    const dims = g.dimensions.filter((id) => ctx.dimensions.has(id));
    for (const id of dims) grouped.add(id);
    const parts = [...subs.map((x) => ({ weight: x.card.weight, score: x.exact })), ...dims.map((id) => ({ weight: ctx.dimensions.get(id)!.weight, score: ctx.dimensions.get(id)!.exact }))];
    const rule = g.rollUp ?? ctx.rule;
    const exact = rollUp(parts, rule);
    const questions = [...subs.flatMap((x) => x.questions), ...dims.flatMap((id) => ctx.dimensions.get(id)!.questions)];
    const inScope = new Set(questions);
    const band = ctx.ladder.bandOfExact(exact);
    const { cap } = ctx.ladder.capOf(ctx.gates, (id) => inScope.has(id), (x) => x.status === "blocking");
    const idx = Math.min(band, cap);
    const coverage = emptyCoverage();
    for (const c of [...subs.map((x) => x.card.coverage), ...dims.map((id) => ctx.dimensions.get(id)!.coverage)]) for (const k of Object.keys(coverage) as Array<keyof Coverage>) coverage[k] += c[k];
    const score = exact === null ? null : round1(exact.toNumber());
    return {
      exact,
      questions,
      card: {
        id: g.id,
        title: g.title,
        ...(g.short ? { short: g.short } : {}),
        weight: g.weight,
        rollUp: rule,
        score,
        ...scaledFields(exact, ctx.scale),
        stage: ctx.ladder.ref(idx),
        gap: round1(Math.max(0, ctx.targetScore - (score ?? 0))),
        reached: idx >= ctx.targetIdx,
        stagesShort: Math.max(0, ctx.targetIdx - idx),
        coverage,
        dimensions: dims,
        groups: subs.map((x) => x.card),
      },
    };
  };
  const walked = groups.map(walk);
  const top = [
    ...walked.map((x) => ({ weight: x.card.weight, score: x.exact })),
    ...[...ctx.dimensions].filter(([id]) => !grouped.has(id)).map(([, d]) => ({ weight: d.weight, score: d.exact })),
  ];
  return { groups: walked.map((x) => x.card), top };
}
