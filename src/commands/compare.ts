import { UsageError } from "../errors.js";
import { wordsFor } from "../i18n/messages.js";
import type { Scorecard } from "../engine/scorecard.js";
import { compareScorecards, trendOf } from "../engine/compare.js";
import { Audit } from "../audit/pipeline.js";
import { loadScorecardLike } from "../audit/reference.js";
import { assertOutputNotInput } from "../audit/inputs.js";
import { formatsFor, rendererOf, type Format } from "../report/formats.js";
import { saveFile } from "../save/write-file.js";
import type { FileCommandOptions, Io } from "./io.js";

export interface CompareOptions extends FileCommandOptions {
  format: Format;
}

/** Progress between two audits, or a trend over more, of the same questionnaire. */
export async function runCompare(opts: CompareOptions, io: Io): Promise<void> {
  if (opts.files.length < 2) throw new UsageError({ key: "errCompareTwo" });
  const subject = opts.files.length === 2 ? "comparison" : "trend";
  if (!rendererOf(opts.format, subject)) throw new UsageError({ key: "errFormatNotForCommand", params: { format: opts.format, command: "compare", formats: formatsFor(subject).join(", ") } });
  if (opts.output) assertOutputNotInput(opts.output, [...opts.files, opts.questionnaire, opts.rubric]);
  const audit = new Audit({ ...opts, notice: (t) => io.err(t) });
  const cards: Array<{ label: string; card: Scorecard }> = [];
  for (const file of opts.files) cards.push({ label: file, card: await loadScorecardLike(file, audit) });
  const ids = new Set(cards.map((c) => c.card.questionnaire.id));
  if (ids.size > 1) throw new UsageError({ key: "errCompareQuestionnaires", params: { ids: [...ids].join(", ") } });
  const orgs = new Set(cards.map((c) => c.card.organisation).filter(Boolean));
  if (orgs.size > 1 && !io.quiet) {
    const words = wordsFor(opts.lang);
    io.err(`${words({ key: "warning" })}: ${words({ key: "warnCompareOrganisations", params: { names: [...orgs].join(", ") } })}\n`);
  }
  const lang = opts.lang ?? cards[0]!.card.lang;
  const look = { colorLevel: 0 as const, width: io.columns };
  const text =
    subject === "comparison"
      ? await rendererOf(opts.format, "comparison")!(compareScorecards(cards[0]!.card, cards[1]!.card, [cards[0]!.label, cards[1]!.label]), look, lang)
      : await rendererOf(opts.format, "trend")!(trendOf(cards), look, lang);
  if (opts.output) saveFile(opts.output, text);
  else io.out(text);
}
