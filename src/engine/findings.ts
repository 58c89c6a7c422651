import type { DimensionScore, Scorecard } from "./scorecard.js";

type AnswerRef = Scorecard["findings"]["strongest"][number];

/**
 * This business's strongest and weakest answers, from different dimensions where it can: the material of the
 * summary, so that what the report says of the business is what the business answered.
 */
export function findingsOf(dimensions: readonly DimensionScore[], n = 2): Scorecard["findings"] {
  const answered = dimensions.flatMap((d) =>
    d.questions
      .filter((x) => x.status === "answered" && x.points !== null && x.weight > 0)
      .map((x) => ({ ref: { question: x.id, dimension: d.id, text: x.text, display: x.display, points: x.points } satisfies AnswerRef, weight: x.weight * d.weight })),
  );
  const pick = (list: typeof answered) => {
    const out: AnswerRef[] = [];
    const seen = new Set<string>();
    for (const pass of [true, false]) {
      for (const a of list) {
        if (out.length >= n || out.some((o) => o.question === a.ref.question) || (pass && seen.has(a.ref.dimension))) continue;
        out.push(a.ref);
        seen.add(a.ref.dimension);
      }
    }
    return out;
  };
  const strong = answered.filter((a) => a.ref.points! >= 67).sort((a, b) => b.ref.points! - a.ref.points! || b.weight - a.weight);
  const weak = answered.filter((a) => a.ref.points! <= 33).sort((a, b) => a.ref.points! - b.ref.points! || b.weight - a.weight);
  return { strongest: pick(strong), weakest: pick(weak) };
}
