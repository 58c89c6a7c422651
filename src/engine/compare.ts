import type { Scorecard } from "./scorecard.js";
import { Rational } from "./rational.js";

export interface Change {
  before: number | null;
  after: number | null;
  delta: number | null;
}

export interface Comparison {
  /** The business, where both audits name the same one. */
  organisation?: string;
  /** The stages of the later audit's rubric, by id: what the stage ids below are called. */
  stages: Array<{ id: string; name: string }>;
  before: { label: string; date?: string; stage: string };
  after: { label: string; date?: string; stage: string };
  overall: Change & { stageBefore: string; stageAfter: string };
  dimensions: Array<Change & { id: string; title: string; short?: string; stageBefore: string; stageAfter: string }>;
  /** A grouped rubric's groups, top level first, each followed by those within it. */
  groups?: Array<Change & { id: string; title: string; level: number; stageBefore: string; stageAfter: string }>;
  /** Where the rubric has a display scale, every score and change here is in it. */
  scale?: { min: number; max: number; decimals: number };
  answers: Array<{ question: string; text: string; before: string; after: string; pointsBefore: number | null; pointsAfter: number | null }>;
  stepsDone: Array<{ id: string; title: string }>;
  stepsNew: Array<{ id: string; title: string }>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const change = (a: number | null, b: number | null): Change => ({ before: a, after: b, delta: a === null || b === null ? null : round1(b - a) });

type Scored = { score: number | null; scaled?: number | null; exact?: string | null };

/** What moved between two audits of the same questionnaire. Pure. */
export function compareScorecards(before: Scorecard, after: Scorecard, labels: [string, string] = ["before", "after"]): Comparison {
  // In a display scale, changes are taken between exact scores and rounded as the scale says.
  const scale = after.scale && before.scale ? after.scale : undefined;
  const delta = (a: Scored | undefined, b: Scored): Change => {
    if (!scale) return change(a?.score ?? null, b.score);
    const x = a?.exact ? Rational.parse(a.exact) : null;
    const y = b.exact ? Rational.parse(b.exact) : null;
    return { before: a?.scaled ?? null, after: b.scaled ?? null, delta: x && y ? y.sub(x).round(scale.decimals) : null };
  };
  const dims = after.dimensions.map((d) => {
    const b = before.dimensions.find((x) => x.id === d.id);
    return { id: d.id, title: d.title, ...(d.short ? { short: d.short } : {}), ...delta(b, d), stageBefore: b?.stage.id ?? "—", stageAfter: d.stage.id };
  });
  const flat = (gs: Scorecard["groups"], level = 0): Array<NonNullable<Scorecard["groups"]>[number] & { level: number }> =>
    (gs ?? []).flatMap((g) => [{ ...g, level }, ...flat(g.groups, level + 1)]);
  const beforeGroups = new Map(flat(before.groups).map((g) => [g.id, g]));
  const groups = flat(after.groups).map((g) => ({ id: g.id, title: g.title, level: g.level, ...delta(beforeGroups.get(g.id), g), stageBefore: beforeGroups.get(g.id)?.stage.id ?? "—", stageAfter: g.stage.id }));
  const beforeQ = new Map(before.dimensions.flatMap((d) => d.questions).map((q) => [q.id, q]));
  const answers: Comparison["answers"] = [];
  for (const q of after.dimensions.flatMap((d) => d.questions)) {
    const b = beforeQ.get(q.id);
    if (!b || (JSON.stringify(b.value ?? null) === JSON.stringify(q.value ?? null) && b.status === q.status)) continue;
    answers.push({ question: q.id, text: q.text, before: b.display, after: q.display, pointsBefore: b.points, pointsAfter: q.points });
  }
  const afterSteps = new Set(after.nextSteps.map((s) => s.id));
  const beforeSteps = new Set(before.nextSteps.map((s) => s.id));
  const afterQ = new Map(after.dimensions.flatMap((d) => d.questions).map((q) => [q.id, q]));
  // A step of one answer is done when its question has reached the answer it leads to, not merely when it is no longer listed.
  const done = (s: Scorecard["nextSteps"][number]) => {
    if (afterSteps.has(s.id)) return false;
    if (!s.reaches) return true;
    const q = afterQ.get(s.reaches.question);
    return q?.status === "answered" && q.points !== null && q.points >= s.reaches.points;
  };
  return {
    ...(after.organisation && (!before.organisation || before.organisation === after.organisation) ? { organisation: after.organisation } : {}),
    stages: after.stages.map((s) => ({ id: s.id, name: s.name })),
    before: { label: labels[0], ...(before.date ? { date: before.date } : {}), stage: before.overall.stage.id },
    after: { label: labels[1], ...(after.date ? { date: after.date } : {}), stage: after.overall.stage.id },
    overall: { ...delta(before.overall, after.overall), stageBefore: before.overall.stage.id, stageAfter: after.overall.stage.id },
    dimensions: dims,
    ...(groups.length ? { groups } : {}),
    ...(scale ? { scale: { ...scale } } : {}),
    answers,
    stepsDone: before.nextSteps.filter(done).map((s) => ({ id: s.id, title: s.title })),
    stepsNew: after.nextSteps.filter((s) => !beforeSteps.has(s.id)).map((s) => ({ id: s.id, title: s.title })),
  };
}

export interface Trend {
  organisation?: string;
  stages: Array<{ id: string; name: string }>;
  dimensions: Array<{ id: string; title: string; short?: string }>;
  rows: Array<{ label: string; date?: string; respondent?: string; overall: number | null; stage: string; scores: Record<string, number | null> }>;
}

/** Several audits of the same business in date order (undated ones last, in the order given). */
export function trendOf(cards: Array<{ label: string; card: Scorecard }>): Trend {
  const sorted = cards
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => (a.card.date && b.card.date ? a.card.date.localeCompare(b.card.date) : a.card.date ? -1 : b.card.date ? 1 : 0) || a.i - b.i);
  const dims = sorted[0]?.card.dimensions.map((d) => ({ id: d.id, title: d.title, ...(d.short ? { short: d.short } : {}) })) ?? [];
  const latest = sorted.at(-1)?.card;
  const orgs = new Set(sorted.map((c) => c.card.organisation).filter(Boolean));
  return {
    ...(orgs.size === 1 ? { organisation: [...orgs][0]! } : {}),
    stages: latest?.stages.map((s) => ({ id: s.id, name: s.name })) ?? [],
    dimensions: dims,
    rows: sorted.map(({ label, card }) => ({
      label,
      ...(card.date ? { date: card.date } : {}),
      ...(card.respondent ? { respondent: card.respondent } : {}),
      overall: card.overall.score,
      stage: card.overall.stage.id,
      scores: Object.fromEntries(card.dimensions.map((d) => [d.id, d.score])),
    })),
  };
}
