import type { Scorecard } from "../engine/scorecard.js";
import { fill, messages, type Messages } from "../i18n/messages.js";
import { formatScore } from "./numbers.js";

/** The words of a scorecard's language. */
export function wordsFor(card: Scorecard): Messages {
  return messages(card.lang);
}

/** A stage as a table or a sentence names it: the part of its name before a colon ("Media house 2.0"), never its id. */
export function stageShort(card: Scorecard, id: string): string {
  const name = card.stages.find((x) => x.id === id)?.name;
  if (!name) return id;
  const i = name.indexOf(": ");
  return i > 0 ? name.slice(0, i) : name;
}

/**
 * What each stage above the first means, in one line, from the stages' own names: "1.0 the newsroom, 2.0 the
 * direct relationship, ..." where the short names carry a number, else "Solid: a shop customers return to; ...".
 */
export function stageLegend(card: Scorecard): string | undefined {
  const parts = card.stages.slice(1).flatMap((x) => {
    const i = x.name.indexOf(": ");
    return i < 0 ? [] : [{ short: x.name.slice(0, i), meaning: x.name.slice(i + 2), number: /\d+(\.\d+)?/.exec(x.name.slice(0, i))?.[0] }];
  });
  if (!parts.length) return undefined;
  if (parts.every((p) => p.number)) return parts.map((p) => `${p.number} ${p.meaning}`).join(", ");
  return parts.map((p) => `${p.short}: ${p.meaning}`).join("; ");
}

/** The stage shown with how sure it is: confirmed, or not yet, and borderline when one answer would move it. */
export function stageWithConfidence(card: Scorecard): string {
  const t = wordsFor(card);
  const tags = [card.overall.confidence.status === "unconfirmed" ? t.unconfirmedTag : t.confirmedTag];
  if (card.overall.borderline?.up || card.overall.borderline?.down) tags.push(t.borderlineTag);
  return `${card.overall.stage.name} (${tags.join(", ")})`;
}

/** The dimension table every format shows: one row per dimension, then the overall row. */
export interface DimensionRow {
  id: string;
  title: string;
  score: number | null;
  scoreText: string;
  /** The stage's short name, for people to read. */
  stage: string;
  stageId: string;
  blocked: boolean;
  gap: number;
  reached: boolean;
  /** Stages below the target: 0 reached, 1 the stage before it. */
  stagesShort: number;
}

/** A score as the report shows it: in the rubric's scale where it has one (rounded to its decimals), else 0-100 whole. */
export function shownScore(card: Scorecard, x: { score: number | null; scaled?: number | null }): string {
  if (!card.scale) return formatScore(x.score);
  const v = x.scaled === undefined ? (x.score === null ? null : card.scale.min + (x.score * (card.scale.max - card.scale.min)) / 100) : x.scaled;
  return v === null ? "—" : v.toFixed(card.scale.decimals);
}

/** What a score is out of: "/3" in a 0-3 scale, "/100" without one. */
export function outOf(card: Scorecard): string {
  return `/${card.scale ? card.scale.max : 100}`;
}

/** A gap below the target, in the report's numbers, with a minus sign: "−0.75" or "−23". */
export function shownGap(card: Scorecard, gap: number, minus = "−"): string {
  if (!card.scale) return `${minus}${Math.round(gap)}`;
  return `${minus}${((gap * (card.scale.max - card.scale.min)) / 100).toFixed(card.scale.decimals)}`;
}

/** A row of the grouped table: a group or a dimension, with its depth in the tree (0 the top). */
export interface TreeRow extends DimensionRow {
  level: number;
  kind: "group" | "dimension" | "overall";
  short?: string;
}

/**
 * The dimension table as a tree where the rubric groups its dimensions: each group followed by its
 * groups and dimensions, down to `depth` levels (1 the top level only), then the dimensions in no group,
 * then the overall row. Without groups, the dimension rows.
 */
export function treeRows(card: Scorecard, depth = Infinity): TreeRow[] {
  const flat = dimensionRows(card);
  const overall = { ...flat.at(-1)!, level: 0, kind: "overall" as const };
  if (!card.groups?.length) return [...flat.slice(0, -1).map((r) => ({ ...r, level: 0, kind: "dimension" as const })), overall];
  const dimRow = new Map(flat.slice(0, -1).map((r) => [r.id, r]));
  const out: TreeRow[] = [];
  const placed = new Set<string>();
  const walk = (g: NonNullable<Scorecard["groups"]>[number], level: number) => {
    if (level >= depth) return;
    out.push({ id: g.id, title: g.title, ...(g.short ? { short: g.short } : {}), score: g.score, scoreText: shownScore(card, g), stage: stageShort(card, g.stage.id), stageId: g.stage.id, blocked: false, gap: g.gap, reached: g.reached, stagesShort: g.stagesShort, level, kind: "group" });
    for (const sub of g.groups) walk(sub, level + 1);
    for (const id of g.dimensions) {
      placed.add(id);
      if (level + 1 < depth && dimRow.has(id)) out.push({ ...dimRow.get(id)!, level: level + 1, kind: "dimension" });
    }
  };
  const mark = (g: NonNullable<Scorecard["groups"]>[number]): void => (g.dimensions.forEach((id) => placed.add(id)), g.groups.forEach(mark));
  card.groups.forEach(mark);
  for (const g of card.groups) walk(g, 0);
  for (const r of flat.slice(0, -1)) if (!placed.has(r.id)) out.push({ ...r, level: 0, kind: "dimension" });
  return [...out, overall];
}

/** How many levels the rubric's tree has: groups nested, then dimensions; 1 without groups. */
export function treeDepth(card: Scorecard): number {
  const deep = (g: NonNullable<Scorecard["groups"]>[number]): number => 1 + Math.max(g.dimensions.length ? 1 : 0, ...g.groups.map(deep));
  return card.groups?.length ? Math.max(...card.groups.map(deep)) : 1;
}

export function dimensionRows(card: Scorecard): DimensionRow[] {
  return [
    ...card.dimensions.map((d) => ({
      id: d.id,
      title: d.title,
      score: d.score,
      scoreText: shownScore(card, d),
      stage: stageShort(card, d.stage.id),
      stageId: d.stage.id,
      blocked: d.blockedBy.length > 0,
      gap: d.gap,
      reached: d.reached,
      stagesShort: d.stagesShort,
    })),
    {
      id: "overall",
      title: wordsFor(card).overall,
      score: card.overall.score,
      scoreText: shownScore(card, card.overall),
      stage: stageShort(card, card.overall.stage.id),
      stageId: card.overall.stage.id,
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

/** The stage as the headline names it, marked when the answers do not confirm it. */
export function stageLabel(card: Scorecard): string {
  const t = wordsFor(card);
  return card.overall.confidence.status === "unconfirmed" ? `${card.overall.stage.name} (${t.unconfirmedTag})` : card.overall.stage.name;
}

/** The short name of a stage, for ladders and table cells: "Mediehus 2.0" of "Mediehus 2.0: den direkta relationen". */
export function shortStageName(name: string): string {
  const m = /^(.{1,40}?):\s/.exec(name);
  return m ? m[1]! : name;
}

/** The text of a question of the scorecard, by id. */
export function questionText(card: Scorecard, id: string): string {
  for (const d of card.dimensions) for (const q of d.questions) if (q.id === id) return q.text;
  return id;
}

const quoted = (card: Scorecard, ids: readonly string[]) => ids.map((id) => `"${questionText(card, id)}"`).join("; ");

/** The summary of this business, drawn from its own answers: the strongest and weakest, then the distance to the target. */
export function headline(card: Scorecard): string {
  const t = wordsFor(card);
  const parts: string[] = [];
  const dimension = (id: string) => card.dimensions.find((d) => d.id === id)?.title ?? id;
  const clip = (x: string) => (x.length > 70 ? `${x.slice(0, 69).trimEnd()}…` : x);
  // A chosen option says what the practice is; a number, a scale point or a yes needs its question beside it.
  const typeOf = (id: string) => card.dimensions.flatMap((d) => d.questions).find((q) => q.id === id)?.type;
  const quote = (r: Scorecard["findings"]["strongest"][number]) =>
    typeOf(r.question) === "single" || typeOf(r.question) === "multi"
      ? fill(t.answerQuote, { dimension: dimension(r.dimension), display: clip(r.display) })
      : fill(t.answerQuoteQuestion, { text: clip(r.text), display: r.display });
  const list = (refs: Scorecard["findings"]["strongest"]) => refs.map(quote).join("; ");
  if (card.findings.strongest.length) parts.push(fill(t.strongestAnswers, { list: list(card.findings.strongest) }));
  if (card.findings.weakest.length) parts.push(fill(t.weakestAnswers, { list: list(card.findings.weakest) }));
  if (card.overall.score === null) parts.push(t.noScoreYet);
  else if (card.target.reached) parts.push(fill(t.targetReached, { stage: stageShort(card, card.target.stage.id) }));
  else if (card.overall.blockedBy.length && card.overall.gap === 0) parts.push(fill(t.heldByGate, { scoreStage: stageShort(card, card.overall.scoreStage.id), stage: stageShort(card, card.overall.stage.id) }));
  else parts.push(fill(t.pointsShort, { points: shownGap(card, card.overall.gap, ""), stage: stageShort(card, card.target.stage.id) }));
  return parts.join(" ");
}

/** What the stage shown means, as a definition: it is the model's, not a claim about this business. */
export function definitionSentence(card: Scorecard): string | undefined {
  const stage = card.stages.find((x) => x.id === card.overall.stage.id);
  return stage?.summary ? fill(wordsFor(card).definition, { name: stage.name, summary: stage.summary }) : undefined;
}

/** For a stage the answers do not confirm: the range it could take, and the answers that would settle it. */
export function confidenceSentence(card: Scorecard, c: Scorecard["overall"]["confidence"] = card.overall.confidence): string | undefined {
  if (c.status === "confirmed") return undefined;
  return fill(wordsFor(card).confidenceLine, { lowest: stageShort(card, c.lowest.id), highest: stageShort(card, c.highest.id), questions: quoted(card, c.settle) });
}

/** How near the next stage, or the one below, is in single answers. */
export function borderlineSentences(card: Scorecard, limit = 2): string[] {
  const t = wordsFor(card);
  const b = card.overall.borderline;
  if (!b) return [];
  const moves = (list: NonNullable<typeof b.up>["moves"]) =>
    list.slice(0, limit).map((m) => fill(t.moveLine, m)).join("; ") + (list.length > limit ? ` ${fill(t.moreReasons, { n: list.length - limit })}` : "");
  const out: string[] = [];
  if (b.up) out.push(fill(t.borderlineUp, { stage: stageShort(card, b.up.stage.id), moves: moves(b.up.moves) }));
  if (b.down) out.push(fill(t.borderlineDown, { stage: stageShort(card, b.down.stage.id), moves: moves(b.down.moves) }));
  return out;
}

export function coverageSentence(card: Scorecard): string {
  const t = wordsFor(card);
  const cv = card.coverage;
  const parts = [fill(t.coverageAnswered, { answered: cv.answered, asked: cv.total - cv.hidden })];
  if (cv.unknown) parts.push(fill(card.unknownScoredAs === "zero" ? t.coverageUnknownZero : t.coverageUnknownExcluded, { n: cv.unknown }));
  if (cv.notApplicable) parts.push(fill(card.notApplicableScoredAs === "zero" ? t.coverageNaZero : t.coverageNa, { n: cv.notApplicable }));
  if (cv.missing) parts.push(fill(card.missingScoredAs === "zero" ? t.coverageMissingZero : t.coverageMissing, { n: cv.missing }));
  if (cv.hidden) parts.push(fill(t.coverageHidden, { n: cv.hidden }));
  return parts.join("; ") + ".";
}

/** The lag in years, with its basis; none where the rubric gives no basis. */
export function lagSentence(card: Scorecard): string | undefined {
  const lag = card.overall.lag;
  if (!lag || lag.years === undefined) return undefined;
  const t = wordsFor(card);
  const years = Array.isArray(lag.years) ? `${lag.years[0]}–${lag.years[1]}` : String(lag.years);
  if (lag.source) return fill(t.lagSourced, { stage: stageShort(card, lag.stage), years, source: lag.source });
  return fill(t.lagDated, { stage: stageShort(card, lag.stage), year: lag.leadersYear ?? "?", years, asOf: lag.asOfYear ?? "?" });
}

/** A gate that holds states its reason; one that cannot be decided says which answers are open, and claims nothing. */
export function gateSentence(card: Scorecard, g: Scorecard["gates"][number]): string {
  const t = wordsFor(card);
  if (g.status === "unverified") {
    const open = g.questions.filter((id) => card.dimensions.some((d) => d.questions.some((q) => q.id === id && (q.status === "unknown" || q.status === "missing"))));
    return fill(t.gateOpen, { stage: stageShort(card, g.blocks), questions: quoted(card, open.length ? open : g.questions) });
  }
  return fill(t.gateLine, { stage: stageShort(card, g.blocks), reason: g.reason });
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

/** Where a benchmark comes from, in one line: illustrative, or how many audits from when, and its source. */
export function benchmarkOriginLine(card: Scorecard): string {
  const t = wordsFor(card);
  const b = card.benchmark!;
  const parts: string[] = [];
  if (b.illustrative) parts.push(t.illustrative);
  if (b.n !== undefined) parts.push(fill(t.benchmarkOrigin, { n: b.n, from: b.dates?.from ?? "?", to: b.dates?.to ?? "?" }));
  if (b.source) parts.push(fill(t.benchmarkSource, { source: b.source }));
  return parts.join("; ");
}

/** The quarter of the profile's audits a score falls in, as words. */
export function quarterPhrase(card: Scorecard, quarter: number | undefined): string | undefined {
  return quarter ? wordsFor(card)[`quarter${quarter as 1 | 2 | 3 | 4}`] : undefined;
}

type Step = Scorecard["nextSteps"][number];

/** The roadmap as every format shows it: each phase's heading with its steps in order, and the line under it. */
export function roadmapView(card: Scorecard): { phases: Array<{ heading: string; steps: Step[] }>; note?: string } {
  const t = wordsFor(card);
  const r = card.roadmap;
  const byId = new Map(card.nextSteps.map((x) => [x.id, x]));
  const targetIdx = card.stages.findIndex((x) => x.id === r.target.id);
  const phases = r.phases.map((phase) => {
    const beyond = card.stages.findIndex((x) => x.id === phase.stage.id) > targetIdx;
    return { heading: fill(beyond ? t.roadmapPhaseBeyond : t.roadmapPhase, { stage: phase.stage.name }), steps: phase.steps.map((id) => byId.get(id)!) };
  });
  const target = stageShort(card, r.target.id);
  const note = r.reachable === false ? fill(t.roadmapUnreachable, { target }) : r.minimal.length ? fill(t.roadmapMinimal, { target, n: r.minimal.length }) : undefined;
  return { phases, ...(note ? { note } : {}) };
}

/** Where a step leads and what it takes, in words: its dimension's title, the stage's short name and its effort. */
export function stepWhere(card: Scorecard, step: Step): { dimension: string; stage: string; effort: string } {
  const t = wordsFor(card);
  return {
    dimension: card.dimensions.find((d) => d.id === step.dimension)?.title ?? step.dimension,
    stage: stageShort(card, step.stage.id),
    effort: fill(t.effortLabel, { effort: t[`effort${step.effort as 1 | 2 | 3}`] }),
  };
}
