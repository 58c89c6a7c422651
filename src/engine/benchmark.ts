import type { Scorecard } from "./scorecard.js";

export interface BenchmarkProfile {
  id: string;
  /** The questionnaire whose dimensions the scores refer to. */
  questionnaire?: string;
  title: string;
  illustrative: boolean;
  overall?: number | null;
  scores: Record<string, number | null>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Adds the distance to a peer profile to a scorecard (a new object; the input is not changed). */
export function withBenchmark(card: Scorecard, profile: BenchmarkProfile): Scorecard {
  const dims = card.dimensions.map((d) => {
    const b = profile.scores[d.id];
    return { id: d.id, benchmark: b ?? null, distance: b === undefined || b === null || d.score === null ? null : round1(d.score - b) };
  });
  // Without a stated overall, weigh the profile's dimensions as the rubric weighs this audit's.
  let overall = profile.overall ?? null;
  if (overall === null) {
    const known = card.dimensions.filter((d) => typeof profile.scores[d.id] === "number" && d.weight > 0);
    const w = known.reduce((s, d) => s + d.weight, 0);
    overall = w > 0 ? round1(known.reduce((s, d) => s + (profile.scores[d.id] as number) * d.weight, 0) / w) : null;
  }
  return {
    ...card,
    benchmark: {
      id: profile.id,
      title: profile.title,
      illustrative: profile.illustrative,
      overall,
      overallDistance: overall === null || card.overall.score === null ? null : round1(card.overall.score - overall),
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
