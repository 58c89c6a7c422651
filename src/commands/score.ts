import { InvalidInputError, ThresholdError, UsageError, formatProblem, type Problem } from "../errors.js";
import { fill, messages, wordsFor } from "../i18n/messages.js";
import { checkThresholds, type Thresholds } from "../engine/thresholds.js";
import { withBenchmark } from "../engine/benchmark.js";
import { Audit } from "../audit/pipeline.js";
import { loadBaselines, loadBenchmark } from "../audit/reference.js";
import { assertOutputNotInput, expandInputs } from "../audit/inputs.js";
import { rendererOf, type Format, type Look } from "../report/formats.js";
import type { BatchItem, BrokenItem } from "../report/batch.js";
import { openSink } from "./output.js";
import { startProgress, type FileCommandOptions, type Io } from "./io.js";

export interface ScoreCommandOptions extends FileCommandOptions {
  format: Format;
  target?: string;
  explain?: boolean;
  /** Every step of the roadmap in the text report. */
  roadmap?: boolean;
  /** How many levels of a grouped rubric's tree the text report shows. */
  depth?: number;
  failUnder?: number;
  requireStage?: string;
  /** Minimum score per dimension id. */
  min?: Record<string, number>;
  baseline?: string;
  tolerance?: number;
  benchmark?: string;
}

/** Scores answer files, folders of them, globs or a list, into one report; thresholds not met end with exit code 1. */
export async function runScore(opts: ScoreCommandOptions, io: Io): Promise<void> {
  const files = await expandInputs(opts.files);
  if (opts.output) assertOutputNotInput(opts.output, [...files, opts.baseline, opts.questionnaire, opts.rubric, opts.benchmark]);
  // One file named on its own gives one scorecard; a folder, a glob or several files give a list, whatever they hold.
  const single = files.length === 1 && opts.files.length === 1 && files[0] === opts.files[0];
  // A list is read by one reader: its words in one language, from --lang or the environment, never a file's own.
  const lang = single ? opts.lang : (opts.lang ?? "en");
  const audit = new Audit({ ...opts, lang, notice: (t) => io.err(t) });
  const baselines = opts.baseline ? await loadBaselines(opts.baseline, audit) : undefined;
  const profile = opts.benchmark ? await loadBenchmark(opts.benchmark, audit) : undefined;
  const thresholds: Thresholds = {
    ...(opts.failUnder !== undefined ? { failUnder: opts.failUnder } : {}),
    ...(opts.requireStage !== undefined ? { requireStage: opts.requireStage } : {}),
    ...(opts.min ? { min: opts.min } : {}),
    ...(opts.baseline ? { tolerance: opts.tolerance ?? 0 } : {}),
  };
  const look: Look = { colorLevel: opts.output ? 0 : io.colorLevel, width: opts.output ? 80 : io.columns, explain: opts.explain, roadmap: opts.roadmap, ...(opts.depth ? { depth: opts.depth } : {}) };
  const renderCard = rendererOf(opts.format, "card")!;
  const batchOf = rendererOf(opts.format, "batch");
  if (!single && !batchOf) throw new UsageError({ key: "errFormatOneFile", params: { format: opts.format } }, { key: "hintFormatOneFile" });
  const hasThresholds = Object.keys(thresholds).length > 0;
  const batch = single ? undefined : await batchOf!({ files, lang: lang ?? "en", thresholds: hasThresholds }, look);

  const problems: Problem[] = [];
  const failed: ConstructorParameters<typeof ThresholdError>[0] = [];
  let count = 0;
  // Files that fail before the first scorecard wait for the table's head.
  const early: BrokenItem[] = [];
  const sink = openSink(io, opts.output);
  const progress = startProgress(io, files.length, (n, total) => fill(messages(lang).progressScoring, { n, total }));
  try {
    for await (const r of audit.scoreFiles(files)) {
      await progress.tick();
      if ("problems" in r) {
        problems.push(...r.problems);
        if (batch && count) sink.write(batch.broken(r));
        else if (batch) early.push(r);
        continue;
      }
      problems.push(...r.warnings);
      const card = profile ? withBenchmark(r.scorecard, profile) : r.scorecard;
      if (count === 0) assertFitsFirstCard(card, opts, profile?.questionnaire);
      const baseline = baselines?.of(r.file, card);
      const item: BatchItem = { file: r.file, card, checks: checkThresholds(card, { ...thresholds, ...(baseline ? { baseline } : {}) }), ...(baselines?.perFile && !baseline ? { noBaseline: true } : {}) };
      for (const c of item.checks!) if (!c.passed) failed.push({ file: single ? undefined : r.file, message: c.message, phrase: c.phrase });
      if (batch) sink.write((count === 0 ? batch.head(card) + early.map((b) => batch.broken(b)).join("") : "") + batch.row(item));
      else sink.write(await renderCard(item, look));
      count++;
    }
    progress.done();
    if (batch && count) sink.write(batch.foot(count));
    if (count) sink.commit();
    else sink.abort();
  } catch (err) {
    progress.done();
    sink.abort();
    throw err;
  }
  problems.unshift(...audit.resolver.warnings);
  if (!io.quiet) for (const p of problems) if (p.severity === "warning") io.err(formatProblem(p, wordsFor(opts.lang)) + "\n");
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length) throw new InvalidInputError(errors);
  if (failed.length) throw new ThresholdError(failed);
}

/** What the command line says of the scorecards (a benchmark's questionnaire, --min dimensions) must fit the first of them. */
function assertFitsFirstCard(card: BatchItem["card"], opts: ScoreCommandOptions, benchmarkQuestionnaire: string | undefined): void {
  if (benchmarkQuestionnaire && benchmarkQuestionnaire !== card.questionnaire.id) {
    throw new UsageError({ key: "errBenchmarkMismatch", params: { benchmark: opts.benchmark!, expected: benchmarkQuestionnaire, id: card.questionnaire.id } });
  }
  const groupIds = (gs: BatchItem["card"]["groups"]): string[] => (gs ?? []).flatMap((g) => [g.id, ...groupIds(g.groups)]);
  const known = [...card.dimensions.map((d) => d.id), ...groupIds(card.groups)];
  for (const dim of Object.keys(opts.min ?? {})) {
    if (!known.includes(dim)) throw new UsageError({ key: "errMinNoDimension", params: { dimension: dim } }, { key: "hintDimensions", params: { dimensions: known.join(", ") } });
  }
}
