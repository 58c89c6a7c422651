import { AuditError, InvalidInputError, PluginError, ThresholdError, UsageError, formatProblem, type Problem } from "../errors.js";
import { assertAnswersFit, loadAnswersFile } from "../load/load.js";
import { placeIssues } from "../load/yaml.js";
import { parseQuestionnaireRef } from "../load/check-answers.js";
import { BUNDLED_QUESTIONNAIRES } from "../load/bundled.js";
import type { Scorecard } from "../engine/scorecard.js";
import { checkThresholds, type ThresholdCheck, type Thresholds } from "../engine/thresholds.js";
import { withBenchmark } from "../engine/benchmark.js";
import type { Io } from "../cli/io.js";
import { Resolver, scoreResolved, stageIds } from "./resolve.js";
import { assertOutputNotInput, expandInputs, writeFileAtomic } from "./files.js";
import { loadBenchmark, loadScorecardLike } from "./reference.js";

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
}

export interface ScoredFile {
  file: string;
  scorecard: Scorecard;
}

/** Scores answer files; a bad file is reported and the others still score. */
export async function scoreFiles(opts: ScoreCommandOptions, io: Io, resolver = new Resolver(opts, (t) => io.err(t))): Promise<{ results: ScoredFile[]; problems: Problem[] }> {
  const files = expandInputs(opts.files);
  const results: ScoredFile[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    try {
      const answers = loadAnswersFile(file);
      const wanted = parseQuestionnaireRef(answers.value.questionnaire).id;
      if (!opts.questionnaire && !(BUNDLED_QUESTIONNAIRES as readonly string[]).includes(wanted)) {
        throw new InvalidInputError(
          placeIssues(answers.source, [{ path: ["questionnaire"], message: `questionnaire '${wanted}' is not bundled; pass its file with --questionnaire FILE` }]),
        );
      }
      const q = resolver.questionnaire(answers.value.questionnaire);
      const rubric = await resolver.rubric(q);
      for (const [flag, stage] of [["--target", opts.target], ["--require-stage", opts.requireStage]] as const) {
        if (stage !== undefined && !stageIds(rubric).includes(stage)) {
          throw new UsageError(`${flag} ${stage} is not a stage of rubric '${rubric.rubric.id}'`, `Stages: ${stageIds(rubric).join(", ")}`);
        }
      }
      problems.push(...answers.warnings, ...assertAnswersFit(answers, q.value, rubric.rubric));
      const scorecard = await scoreResolved(q.value, rubric, answers.value, { lang: opts.lang ?? answers.value.lang, target: opts.target, asOf: opts.today });
      results.push({ file, scorecard });
    } catch (err) {
      if (err instanceof UsageError || err instanceof PluginError || files.length === 1 || !(err instanceof AuditError)) throw err;
      if (err instanceof InvalidInputError) problems.push(...err.problems);
      else problems.push({ file, message: err.message, severity: "error" });
    }
  }
  problems.unshift(...resolver.warnings);
  if (!io.quiet) for (const p of problems) if (p.severity === "warning") io.err(formatProblem(p) + "\n");
  return { results, problems };
}

/** Renders the scorecards in one format; several files give one table (text, markdown) or an array (json). */
export async function renderScorecards(
  items: Array<{ file: string; card: Scorecard; checks: ThresholdCheck[] }>,
  format: ScoreFormat,
  o: { single: boolean; colorLevel: 0 | 1 | 2 | 3; width: number; explain?: boolean },
): Promise<string> {
  const one = o.single && items.length === 1 ? items[0]! : undefined;
  switch (format) {
    case "json":
      return JSON.stringify(one ? one.card : items.map((i) => ({ file: i.file, ...i.card })), null, 2) + "\n";
    case "text": {
      const { renderText, renderTextBatch } = await import("../report/text.js");
      return one ? renderText(one.card, { colorLevel: o.colorLevel, width: o.width, explain: o.explain }) : renderTextBatch(items, { colorLevel: o.colorLevel, width: o.width });
    }
    case "markdown": {
      const { renderMarkdown, renderMarkdownBatch } = await import("../report/markdown.js");
      return one ? renderMarkdown(one.card, { explain: o.explain }) : renderMarkdownBatch(items);
    }
    case "junit": {
      const { renderJunit } = await import("../report/junit.js");
      return renderJunit(items);
    }
    case "html": {
      if (!one) throw new UsageError("--format html takes one answers file", "Score files one at a time, or use --format markdown for a table of many.");
      const { renderHtml } = await import("../report/html.js");
      const b = one.card.benchmark;
      return renderHtml(one.card, b ? { benchmark: { label: b.title, scores: Object.fromEntries(b.dimensions.map((d) => [d.id, d.benchmark])) } } : {});
    }
    case "badge": {
      if (!one) throw new UsageError("--format badge takes one answers file");
      const { renderBadge } = await import("../report/badge.js");
      return renderBadge(one.card);
    }
  }
}

export async function runScore(opts: ScoreCommandOptions, io: Io): Promise<void> {
  if (opts.output) assertOutputNotInput(opts.output, [...expandInputs(opts.files), ...(opts.baseline ? [opts.baseline] : [])]);
  const resolver = new Resolver(opts, (t) => io.err(t));
  const { results, problems } = await scoreFiles(opts, io, resolver);
  const errors = problems.filter((p) => p.severity === "error");

  const reference = { lang: opts.lang, target: opts.target, today: opts.today };
  const baseline = opts.baseline ? await loadScorecardLike(opts.baseline, resolver, reference) : undefined;
  const profile = opts.benchmark ? await loadBenchmark(opts.benchmark, resolver, reference) : undefined;
  const thresholds: Thresholds = {
    ...(opts.failUnder !== undefined ? { failUnder: opts.failUnder } : {}),
    ...(opts.requireStage !== undefined ? { requireStage: opts.requireStage } : {}),
    ...(opts.min ? { min: opts.min } : {}),
    ...(baseline ? { baseline, tolerance: opts.tolerance ?? 0 } : {}),
  };
  for (const dim of Object.keys(opts.min ?? {})) {
    const known = results[0]?.scorecard.dimensions.map((d) => d.id) ?? [];
    if (results.length && !known.includes(dim)) throw new UsageError(`--min ${dim}=...: no dimension '${dim}'`, `Dimensions: ${known.join(", ")}`);
  }
  const items = results.map((r) => {
    const card = profile ? withBenchmark(r.scorecard, profile) : r.scorecard;
    return { file: r.file, card, checks: checkThresholds(card, thresholds) };
  });

  const toFile = !!opts.output;
  const single = expandInputs(opts.files).length === 1;
  const text = await renderScorecards(items, opts.format, { single, colorLevel: toFile ? 0 : io.colorLevel, width: toFile ? 80 : io.columns, explain: opts.explain });
  if (items.length) {
    if (opts.output) writeFileAtomic(opts.output, text);
    else io.out(text);
  }
  if (errors.length) throw new InvalidInputError(errors);
  const failed = items.flatMap((i) => i.checks.filter((c) => !c.passed).map((c) => (items.length > 1 ? `${i.file}: ${c.message}` : c.message)));
  if (failed.length) throw new ThresholdError(failed);
}
