import { quantileSorted } from "d3-array";
import type { Scorecard } from "./scorecard.js";
import { emptyRecord, own } from "../model/own.js";

export interface BenchmarkProfile {
  id: string;
  /** The questionnaire whose dimensions the scores refer to. */
  questionnaire?: string;
  title: string;
  illustrative: boolean;
  overall?: number | null;
  scores: Record<string, number | null>;
  source?: string;
  n?: number;
  dates?: { from: string; to: string };
  /** Lower quartile, median and upper quartile, per dimension id and 'overall'. */
  quartiles?: Record<string, [number, number, number]>;
}

/** The quarter of a profile's audits a score falls in: 1 below the lower quartile ... 4 above the upper. */
export function quarterOf(score: number | null, q: [number, number, number] | undefined): 1 | 2 | 3 | 4 | undefined {
  if (score === null || !q) return undefined;
  return score < q[0] ? 1 : score < q[1] ? 2 : score < q[2] ? 3 : 4;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Adds the distance to a peer profile to a scorecard (a new object; the input is not changed). */
export function withBenchmark(card: Scorecard, profile: BenchmarkProfile): Scorecard {
  const dims = card.dimensions.map((d) => {
    const b = own(profile.scores, d.id);
    const quarter = quarterOf(d.score, own(profile.quartiles, d.id));
    return { id: d.id, benchmark: b ?? null, distance: b === undefined || b === null || d.score === null ? null : round1(d.score - b), ...(quarter ? { quarter } : {}) };
  });
  // Without a stated overall, weigh the profile's dimensions as the rubric weighs this audit's.
  let overall = profile.overall ?? null;
  if (overall === null) {
    const known = card.dimensions.filter((d) => typeof own(profile.scores, d.id) === "number" && d.weight > 0);
    const w = known.reduce((s, d) => s + d.weight, 0);
    overall = w > 0 ? round1(known.reduce((s, d) => s + (own(profile.scores, d.id) as number) * d.weight, 0) / w) : null;
  }
  return {
    ...card,
    benchmark: {
      id: profile.id,
      title: profile.title,
      illustrative: profile.illustrative,
      ...(profile.source ? { source: profile.source } : {}),
      ...(profile.n !== undefined ? { n: profile.n } : {}),
      ...(profile.dates ? { dates: profile.dates } : {}),
      overall,
      overallDistance: overall === null || card.overall.score === null ? null : round1(card.overall.score - overall),
      ...(quarterOf(card.overall.score, profile.quartiles?.overall) ? { overallQuarter: quarterOf(card.overall.score, profile.quartiles?.overall)! } : {}),
      dimensions: dims,
    },
  };
}

/** A scorecard as a benchmark profile: a reference business's own audit. */
export function profileFromScorecard(card: Scorecard, label: string): BenchmarkProfile {
  return {
    id: label,
    questionnaire: card.questionnaire.id,
    title: card.organisation ?? card.respondent ?? label,
    illustrative: false,
    overall: card.overall.score,
    scores: Object.fromEntries(card.dimensions.map((d) => [d.id, d.score])),
  };
}

/** A profile of a group of audits: the median and quartiles of each dimension and of the overall score. */
export function profileOf(cards: readonly Scorecard[]): { overall: number | null; scores: Record<string, number | null>; quartiles: Record<string, [number, number, number]>; dates?: { from: string; to: string } } {
  const quartiles = emptyRecord<[number, number, number]>();
  const scores = emptyRecord<number | null>();
  const add = (id: string, values: Array<number | null>) => {
    const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
    if (!known.length) return (scores[id] = null);
    const q = [0.25, 0.5, 0.75].map((p) => round1(quantileSorted(known, p)!)) as [number, number, number];
    quartiles[id] = q;
    return (scores[id] = q[1]);
  };
  for (const d of cards[0]?.dimensions ?? []) add(d.id, cards.map((c) => c.dimensions.find((x) => x.id === d.id)?.score ?? null));
  const overall = add("overall", cards.map((c) => c.overall.score));
  delete scores.overall;
  const dates = cards.map((c) => c.date).filter((d): d is string => !!d).sort();
  return { overall, scores, quartiles, ...(dates.length ? { dates: { from: dates[0]!, to: dates.at(-1)! } } : {}) };
}
