import type { Scorecard } from "../engine/scorecard.js";
import type { ThresholdCheck } from "../engine/thresholds.js";
import type { Comparison, Trend } from "../engine/compare.js";
import type { BatchRenderer, BatchSetup } from "./batch.js";
import type { TeamReport } from "./team.js";

/** How a report should look where it goes: colour level (0 plain), width, and whether to explain every score. */
export interface Look {
  colorLevel: 0 | 1 | 2 | 3;
  width: number;
  explain?: boolean;
  /** List every step of the roadmap (the text report shows the first few otherwise). */
  roadmap?: boolean;
  /** How many levels of a grouped rubric's tree the text report shows; the top level by default. */
  depth?: number;
  /** Only the text report's first screen: where an interactive run ends, with the whole report a command away. */
  summary?: boolean;
}

/** One scorecard, with the file it came from and the thresholds checked on it. */
export interface CardItem {
  file: string;
  card: Scorecard;
  checks?: ThresholdCheck[];
  /** A --baseline folder was given, and none of its files matches this one. */
  noBaseline?: boolean;
}

/** What each format can show: one audit, a batch streamed row by row, a team view, a comparison, a trend. */
export interface Renderers {
  card?: (item: CardItem, look: Look) => Promise<string>;
  batch?: (setup: BatchSetup, look: Look) => Promise<BatchRenderer>;
  team?: (report: TeamReport, look: Look) => Promise<string>;
  comparison?: (c: Comparison, look: Look, lang: string) => Promise<string>;
  trend?: (t: Trend, look: Look, lang: string) => Promise<string>;
}
export type Subject = keyof Renderers;

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

// Renderers are imported when used: a command pays only for the formats it prints.
export const FORMATS = {
  text: {
    card: async ({ card }, look) => (await import("./text.js")).renderText(card, look),
    batch: async (setup, look) => (await import("./batch.js")).textBatch(setup, look),
    team: async (r, look) => (await import("./team.js")).renderTeamText(r, look),
    comparison: async (c, look, lang) => (await import("./compare.js")).renderComparisonText(c, look.width, lang),
    trend: async (t, look, lang) => (await import("./compare.js")).renderTrendText(t, look.width, lang),
  },
  json: {
    card: async ({ card }) => json(card),
    batch: async (setup) => (await import("./batch.js")).jsonBatch(setup),
    team: async (r) => json((await import("./team.js")).teamJson(r)),
    comparison: async (c) => json(c),
    trend: async (t) => json(t),
  },
  ndjson: {
    card: async ({ card }) => JSON.stringify(card) + "\n",
    batch: async (setup) => (await import("./batch.js")).ndjsonBatch(setup),
  },
  markdown: {
    card: async ({ card }, look) => (await import("./markdown.js")).renderMarkdown(card, look),
    batch: async (setup) => (await import("./batch.js")).markdownBatch(setup),
    team: async (r) => (await import("./team.js")).renderTeamMarkdown(r),
    comparison: async (c, _look, lang) => (await import("./compare.js")).renderComparisonMarkdown(c, lang),
    trend: async (t, _look, lang) => (await import("./compare.js")).renderTrendMarkdown(t, lang),
  },
  html: {
    card: async ({ card }) => (await import("./html.js")).renderCardHtml(card),
    team: async (r) => (await import("./team.js")).renderTeamHtml(r),
    comparison: async (c, _look, lang) => (await import("./compare.js")).renderComparisonHtml(c, lang),
    trend: async (t, _look, lang) => (await import("./compare.js")).renderTrendHtml(t, lang),
  },
  junit: {
    card: async ({ file, card, checks, noBaseline }) => (await import("./junit.js")).renderJunit([{ file, card, checks: checks ?? [], noBaseline }], card.lang),
    batch: async (setup) => (await import("./batch.js")).junitBatch(setup),
  },
  badge: {
    card: async ({ card }) => (await import("./badge.js")).renderBadge(card),
  },
} as const satisfies Record<string, Renderers>;

export type Format = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as Format[];

/** The formats that can show a subject, in the registry's order: the choices a command offers. */
export function formatsFor(...subjects: Subject[]): Format[] {
  return FORMAT_NAMES.filter((f) => subjects.every((s) => s in FORMATS[f]));
}

/** The renderer of a subject in a format, or undefined when the format cannot show it. */
export function rendererOf<S extends Subject>(format: Format, subject: S): Renderers[S] | undefined {
  return (FORMATS[format] as Renderers)[subject];
}
