import type { Scorecard } from "../engine/scorecard.js";
import { fill, messages, type Messages } from "../i18n/messages.js";
import { formatScore } from "./numbers.js";

/** The words of a scorecard's language. */
export function wordsFor(card: Scorecard): Messages {
  return messages(card.lang);
}

/** The dimension table every format shows: one row per dimension, then the overall row. */
export interface DimensionRow {
  id: string;
  title: string;
  score: number | null;
  scoreText: string;
  stage: string;
  blocked: boolean;
  gap: number;
  reached: boolean;
  /** Stages below the target: 0 reached, 1 the stage before it. */
  stagesShort: number;
}

export function dimensionRows(card: Scorecard): DimensionRow[] {
  return [
    ...card.dimensions.map((d) => ({
      id: d.id,
      title: d.title,
      score: d.score,
      scoreText: formatScore(d.score),
      stage: d.stage.id,
      blocked: d.blockedBy.length > 0,
      gap: d.gap,
      reached: d.reached,
      stagesShort: d.stagesShort,
    })),
    {
      id: "overall",
      title: wordsFor(card).overall,
      score: card.overall.score,
      scoreText: formatScore(card.overall.score),
      stage: card.overall.stage.id,
      blocked: card.overall.blockedBy.length > 0,
      gap: card.overall.gap,
      reached: card.target.reached,
      stagesShort: card.overall.stagesShort,
    },
  ];
}

/** The colour class of a stage: reached, one stage short, or further. */
export function stageTone(stagesShort: number): "ok" | "warn" | "bad" {
  return stagesShort === 0 ? "ok" : stagesShort === 1 ? "warn" : "bad";
}

/** Who answered: one respondent, or the team of a merged file. */
export function whoLine(card: Scorecard): string {
  const t = wordsFor(card);
  const respondent = card.respondents ? fill(t.teamOf, { n: card.respondents.length, names: card.respondents.join(", ") }) : card.respondent;
  return [card.organisation, respondent, card.date].filter(Boolean).join(" · ");
}

export function headline(card: Scorecard): string {
  const t = wordsFor(card);
  const stage = card.stages.find((x) => x.id === card.overall.stage.id);
  const parts: string[] = [];
  if (stage?.summary) parts.push(stage.summary);
  if (card.overall.score === null) parts.push(t.noScoreYet);
  else if (card.target.reached) parts.push(fill(t.targetReached, { stage: card.target.stage.id }));
  else if (card.overall.blockedBy.length && card.overall.gap === 0) parts.push(fill(t.heldByGate, { scoreStage: card.overall.scoreStage.id, stage: card.overall.stage.id }));
  else parts.push(fill(t.pointsShort, { points: Math.round(card.overall.gap), stage: card.target.stage.id }));
  return parts.join(" ");
}

export function coverageSentence(card: Scorecard): string {
  const t = wordsFor(card);
  const cv = card.coverage;
  const parts = [fill(t.coverageAnswered, { answered: cv.answered, asked: cv.total - cv.hidden })];
  if (cv.unknown) parts.push(fill(card.unknownScoredAs === "zero" ? t.coverageUnknownZero : t.coverageUnknownExcluded, { n: cv.unknown }));
  if (cv.notApplicable) parts.push(fill(t.coverageNa, { n: cv.notApplicable }));
  if (cv.missing) parts.push(fill(t.coverageMissing, { n: cv.missing }));
  if (cv.hidden) parts.push(fill(t.coverageHidden, { n: cv.hidden }));
  return parts.join("; ") + ".";
}

export function lagSentence(card: Scorecard): string | undefined {
  const lag = card.overall.lag;
  if (!lag) return undefined;
  return fill(wordsFor(card).lag, { stage: lag.stage, year: lag.leadersYear, years: lag.years, asOf: lag.asOfYear });
}

export function gateSentence(card: Scorecard, g: Scorecard["gates"][number]): string {
  const t = wordsFor(card);
  return fill(t.gateLine, { stage: g.blocks, reason: g.reason }) + (g.status === "unverified" ? ` ${t.gateUnverified}` : "");
}

export function whySentence(card: Scorecard, step: Scorecard["nextSteps"][number], limit = 2, clip: (s: string, n: number) => string = (s) => s): string {
  const t = wordsFor(card);
  const reasons = step.because
    .slice(0, limit)
    .map((b) => `"${clip(b.text, 60)}": ${clip(b.display, 40)}`)
    .join("; ");
  return fill(t.why, { reasons }) + (step.because.length > limit ? ` ${fill(t.moreReasons, { n: step.because.length - limit })}` : "");
}

export function benchmarkPhrase(t: Messages, distance: number | null, what: string): string {
  if (distance === null) return fill(t.benchmarkNone, { what });
  if (Math.round(distance) === 0) return fill(t.benchmarkLevel, { what });
  return fill(distance < 0 ? t.benchmarkBehind : t.benchmarkAhead, { points: Math.abs(Math.round(distance)), what });
}
