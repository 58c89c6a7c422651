import type { StageLadder } from "./stages.js";
import type { Confidence, GateResult, QuestionScore } from "./scorecard.js";
import { round1 } from "./dimensions.js";

/** A scored question that is open: "don't know", or shown and not answered. */
export const isOpen = (x: QuestionScore) => x.weight > 0 && (x.status === "unknown" || x.status === "missing");

/** The range a score could take once the open answers are given: every one at 0, or every one at 100. */
export function scoreRange(qs: readonly QuestionScore[], scoredIds: ReadonlySet<string>, ownScore: number | null | undefined): { worst: number | null; best: number | null } {
  if (ownScore !== undefined) return { worst: ownScore, best: ownScore };
  let known = 0;
  let knownWeight = 0;
  let openWeight = 0;
  for (const x of qs) {
    if (!scoredIds.has(x.id) || x.weight <= 0) continue;
    if (isOpen(x)) openWeight += x.weight;
    else if (x.points !== null) ((known += x.points * x.weight), (knownWeight += x.weight));
  }
  const w = knownWeight + openWeight;
  if (w === 0) return { worst: null, best: null };
  return { worst: round1(known / w), best: round1((known + 100 * openWeight) / w) };
}

/**
 * Whether a stage is confirmed: the same whatever the open answers turn out to be. A gate that cannot be
 * decided does not hold the stage down (doubt is not failure) but leaves it unconfirmed, and so does an open
 * answer that could move the score into another band. `settle` names the open answers that would decide it.
 */
export function confidenceOf(
  ladder: StageLadder,
  gates: readonly GateResult[],
  inScope: (questionId: string) => boolean,
  range: { worst: number | null; best: number | null },
  open: readonly QuestionScore[],
  /** The highest stage an open answer still allows, where the rubric expects that practice from some stage on. */
  expectedBelow: (questionId: string) => number | undefined = () => undefined,
): Confidence {
  const blocking = ladder.capOf(gates, inScope, (g) => g.status === "blocking").cap;
  const doubtful = ladder.capOf(gates, inScope, (g) => g.status !== "passed").cap;
  const highest = Math.min(ladder.bandOf(range.best), blocking);
  // A practice the stage expects, left open, could be missing: the stage below it is all that is certain.
  const fromExpected = open.filter((x) => (expectedBelow(x.id) ?? Infinity) < highest);
  const lowest = Math.min(ladder.bandOf(range.worst), doubtful, ...fromExpected.map((x) => expectedBelow(x.id)!));
  if (lowest >= highest) return { status: "confirmed", lowest: ladder.ref(highest), highest: ladder.ref(highest), settle: [] };
  const openIds = new Set(open.map((x) => x.id));
  const fromGates = gates.filter((g) => g.status === "unverified" && g.questions.some(inScope)).flatMap((g) => g.questions.filter((id) => openIds.has(id)));
  const fromScore = ladder.bandOf(range.worst) !== ladder.bandOf(range.best) ? [...open].sort((a, b) => b.weight - a.weight).map((x) => x.id) : [];
  const settle = [...new Set([...fromGates, ...fromExpected.map((x) => x.id), ...fromScore])].slice(0, 4);
  return { status: "unconfirmed", lowest: ladder.ref(Math.max(0, lowest)), highest: ladder.ref(highest), settle };
}
