import { AuditError, InvalidInputError, PluginError, ThresholdError, UsageError, formatProblem, type Problem } from "../errors.js";
import type { Scorecard } from "../engine/scorecard.js";
import { checkThresholds, type Thresholds } from "../engine/thresholds.js";
import { withBenchmark } from "../engine/benchmark.js";
import type { Io } from "../cli/io.js";
import { availableParallelism } from "node:os";
import { PLUGIN_EXTENSIONS, Resolver, assertStage, scoreAnswersFile } from "./resolve.js";
import { assertOutputNotInput, expandInputs } from "./files.js";
import { openSink } from "./output.js";
import type { BatchItem, BatchRenderer } from "../report/batch.js";
import { loadBenchmark, loadScorecardLike } from "./reference.js";
import { wordsFor } from "../i18n/messages.js";

export const SCORE_FORMATS = ["text", "json", "markdown", "html", "junit", "badge"] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

export interface ScoreCommandOptions {
  files: string[];
  questionnaire?: string;
  rubric?: string;
  lang?: string;
  format: ScoreFormat;
  target?: string;
  explain?: boolean;
  output?: string;
  failUnder?: number;
  requireStage?: string;
  /** Minimum score per dimension id. */
  min?: Record<string, number>;
  baseline?: string;
  tolerance?: number;
  benchmark?: string;
  /** Today, YYYY-MM-DD, for the lag estimate of undated answers. */
  today: string;
  /** Worker threads for a large batch; by default one per core from PARALLEL_FROM files on. */
  jobs?: number;
  /** The script a worker thread runs (the CLI's launcher); without it, files are scored in this thread. */
  workerScript?: string;
}

/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_FROM = 200;

function jobsFor(opts: ScoreCommandOptions, files: number): number {
  if (!opts.workerScript || (opts.rubric !== undefined && PLUGIN_EXTENSIONS.test(opts.rubric))) return 1;
  if (opts.jobs !== undefined) return opts.jobs;
  return files >= PARALLEL_FROM ? Math.min(availableParallelism(), 8) : 1;
}

export interface ScoredFile {
  file: string;
  scorecard: Scorecard;
}

/** Scores answer files one by one, yielding each scorecard; a bad file becomes problems and the rest still score. */
export async function* scoreEach(
  opts: ScoreCommandOptions,
  files: string[],
  resolver: Resolver,
  problems: Problem[],
  { alone = files.length === 1 }: { alone?: boolean } = {},
): AsyncGenerator<ScoredFile> {
  for (const file of files) {
    try {
      const { scorecard, warnings } = await scoreAnswersFile(file, resolver, {
        ...opts,
        check: (rubric) => {
          assertStage(rubric, "--target", opts.target);
          assertStage(rubric, "--require-stage", opts.requireStage);
        },
      });
      problems.push(...warnings);
      yield { file, scorecard };
    } catch (err) {
      if (err instanceof UsageError || err instanceof PluginError || alone || !(err instanceof AuditError)) throw err;
      if (err instanceof InvalidInputError) problems.push(...err.problems);
      else problems.push({ file, message: err.message, phrase: err.phrase, severity: "error" });
    }
  }
}

async function batchRenderer(format: ScoreFormat, files: string[], o: { colorLevel: 0 | 1 | 2 | 3; width: number }): Promise<BatchRenderer> {
  const batch = await import("../report/batch.js");
  switch (format) {
    case "json":
      return batch.jsonBatch();
    case "markdown":
      return batch.markdownBatch();
    case "junit":
      return batch.junitBatch();
    case "text":
      return batch.textBatch(files, o);
    default:
      throw new UsageError({ key: "errFormatOneFile", params: { format } }, { key: "hintFormatOneFile" });
  }
}

/** The report of one scorecard in a format. */
export async function renderOne(item: BatchItem, format: ScoreFormat, o: { colorLevel: 0 | 1 | 2 | 3; width: number; explain?: boolean }): Promise<string> {
  const card = item.card;
  switch (format) {
    case "json":
      return JSON.stringify(card, null, 2) + "\n";
    case "text": {
      const { renderText } = await import("../report/text.js");
      return renderText(card, { colorLevel: o.colorLevel, width: o.width, explain: o.explain });
    }
    case "markdown": {
      const { renderMarkdown } = await import("../report/markdown.js");
      return renderMarkdown(card, { explain: o.explain });
    }
    case "junit": {
      const { renderJunit } = await import("../report/junit.js");
      return renderJunit([{ file: item.file, card, checks: item.checks ?? [] }]);
    }
    case "html": {
      const { renderHtml } = await import("../report/html.js");
      const b = card.benchmark;
      return renderHtml(card, b ? { benchmark: { label: b.title, scores: Object.fromEntries(b.dimensions.map((d) => [d.id, d.benchmark])) } } : {});
    }
    case "badge": {
      const { renderBadge } = await import("../report/badge.js");
      return renderBadge(card);
    }
  }
}

export async function runScore(opts: ScoreCommandOptions, io: Io): Promise<void> {
  const files = expandInputs(opts.files);
  if (opts.output) assertOutputNotInput(opts.output, [...files, opts.baseline, opts.questionnaire, opts.rubric, opts.benchmark]);
  const resolver = new Resolver(opts, (t) => io.err(t));
  const reference = { questionnaire: opts.questionnaire, lang: opts.lang, target: opts.target, today: opts.today };
  const baseline = opts.baseline ? await loadScorecardLike(opts.baseline, resolver, reference) : undefined;
  const profile = opts.benchmark ? await loadBenchmark(opts.benchmark, resolver, reference) : undefined;
  const thresholds: Thresholds = {
    ...(opts.failUnder !== undefined ? { failUnder: opts.failUnder } : {}),
    ...(opts.requireStage !== undefined ? { requireStage: opts.requireStage } : {}),
    ...(opts.min ? { min: opts.min } : {}),
    ...(baseline ? { baseline, tolerance: opts.tolerance ?? 0 } : {}),
  };
  // One file named on its own gives one scorecard; a folder or several files give a list, whatever they hold.
  const single = files.length === 1 && opts.files.length === 1 && files[0] === opts.files[0];
  const look = { colorLevel: opts.output ? 0 : io.colorLevel, width: opts.output ? 80 : io.columns } as const;
  const batch = single ? undefined : await batchRenderer(opts.format, files, look);

  const problems: Problem[] = [];
  const failed: ConstructorParameters<typeof ThresholdError>[0] = [];
  let count = 0;
  const sink = openSink(io, opts.output);
  try {
    const jobs = jobsFor(opts, files.length);
    const scored =
      jobs > 1 && files.length > 1
        ? (await import("./score-pool.js")).scoreInWorkers(opts, files, problems, { script: opts.workerScript!, jobs })
        : scoreEach(opts, files, resolver, problems);
    for await (const r of scored) {
      const card = profile ? withBenchmark(r.scorecard, profile) : r.scorecard;
      if (count === 0) {
        if (profile?.questionnaire && profile.questionnaire !== card.questionnaire.id) {
          throw new UsageError({ key: "errBenchmarkMismatch", params: { benchmark: opts.benchmark!, expected: profile.questionnaire, id: card.questionnaire.id } });
        }
        const known = card.dimensions.map((d) => d.id);
        for (const dim of Object.keys(opts.min ?? {})) if (!known.includes(dim)) throw new UsageError({ key: "errMinNoDimension", params: { dimension: dim } }, { key: "hintDimensions", params: { dimensions: known.join(", ") } });
      }
      const item: BatchItem = { file: r.file, card, checks: checkThresholds(card, thresholds) };
      for (const c of item.checks!) if (!c.passed) failed.push({ file: single ? undefined : r.file, message: c.message, phrase: c.phrase });
      if (batch) sink.write((count === 0 ? batch.head(card) : "") + batch.row(item));
      else sink.write(await renderOne(item, opts.format, { ...look, explain: opts.explain }));
      count++;
    }
    if (batch && count) sink.write(batch.foot(count));
    if (count) sink.commit();
    else sink.abort();
  } catch (err) {
    sink.abort();
    throw err;
  }
  problems.unshift(...resolver.warnings);
  if (!io.quiet) for (const p of problems) if (p.severity === "warning") io.err(formatProblem(p, wordsFor(opts.lang)) + "\n");
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length) throw new InvalidInputError(errors);
  if (failed.length) throw new ThresholdError(failed);
}
