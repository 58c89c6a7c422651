import { UsageError } from "../errors.js";
import { wordsFor } from "../i18n/messages.js";
import type { Io } from "../cli/io.js";
import type { Scorecard } from "../engine/scorecard.js";
import { compareScorecards, trendOf } from "../engine/compare.js";
import { renderComparisonMarkdown, renderComparisonText, renderTrendMarkdown, renderTrendText } from "../report/compare.js";
import { Resolver } from "./resolve.js";
import { loadScorecardLike } from "./reference.js";
import { writeFileAtomic, assertOutputNotInput } from "./files.js";

export interface CompareOptions {
  files: string[];
  questionnaire?: string;
  rubric?: string;
  lang?: string;
  format: "text" | "json" | "markdown";
  output?: string;
  today: string;
}

/** Progress between two audits, or a trend over more, of the same questionnaire. */
export async function runCompare(opts: CompareOptions, io: Io): Promise<void> {
  if (opts.files.length < 2) throw new UsageError({ key: "errCompareTwo" });
  if (opts.output) assertOutputNotInput(opts.output, [...opts.files, opts.questionnaire, opts.rubric]);
  const resolver = new Resolver(opts, (t) => io.err(t));
  const cards: Array<{ label: string; card: Scorecard }> = [];
  for (const file of opts.files) cards.push({ label: file, card: await loadScorecardLike(file, resolver, { questionnaire: opts.questionnaire, lang: opts.lang, today: opts.today }) });
  const ids = new Set(cards.map((c) => c.card.questionnaire.id));
  if (ids.size > 1) throw new UsageError({ key: "errCompareQuestionnaires", params: { ids: [...ids].join(", ") } });
  const orgs = new Set(cards.map((c) => c.card.organisation).filter(Boolean));
  if (orgs.size > 1 && !io.quiet) {
    const words = wordsFor(opts.lang);
    io.err(`${words({ key: "warning" })}: ${words({ key: "warnCompareOrganisations", params: { names: [...orgs].join(", ") } })}\n`);
  }

  const lang = opts.lang ?? cards[0]!.card.lang;
  let text: string;
  if (cards.length === 2) {
    const c = compareScorecards(cards[0]!.card, cards[1]!.card, [cards[0]!.label, cards[1]!.label]);
    text = opts.format === "json" ? JSON.stringify(c, null, 2) + "\n" : opts.format === "markdown" ? renderComparisonMarkdown(c, lang) : renderComparisonText(c, io.columns, lang);
  } else {
    const t = trendOf(cards);
    text = opts.format === "json" ? JSON.stringify(t, null, 2) + "\n" : opts.format === "markdown" ? renderTrendMarkdown(t, lang) : renderTrendText(t, io.columns, lang);
  }
  if (opts.output) writeFileAtomic(opts.output, text);
  else io.out(text);
}
