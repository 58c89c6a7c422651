import { AuditError, InvalidInputError, PluginError, UsageError, formatProblem, type Problem } from "../errors.js";
import { assertAnswersFit, loadAnswersFile } from "../load/load.js";
import type { Scorecard } from "../engine/scorecard.js";
import { renderText } from "../report/text.js";
import type { Io } from "../cli/io.js";
import { Resolver, scoreResolved, stageIds } from "./resolve.js";
import { assertOutputNotInput, expandInputs, writeFileAtomic } from "./files.js";

export const SCORE_FORMATS = ["text", "json"] as const;
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
  /** Today, YYYY-MM-DD, for the lag estimate of undated answers. */
  today: string;
}

export interface ScoredFile {
  file: string;
  scorecard: Scorecard;
}

/** Scores answer files; a bad file is reported and the others still score. */
export async function scoreFiles(opts: ScoreCommandOptions, io: Io): Promise<{ results: ScoredFile[]; problems: Problem[] }> {
  const files = expandInputs(opts.files);
  const resolver = new Resolver(opts, (t) => io.err(t));
  const results: ScoredFile[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    try {
      const answers = loadAnswersFile(file);
      const q = resolver.questionnaire(answers.value.questionnaire);
      const rubric = await resolver.rubric(q);
      if (opts.target !== undefined && !stageIds(rubric).includes(opts.target)) {
        throw new UsageError(`--target ${opts.target} is not a stage of rubric '${rubric.rubric.id}'`, `Stages: ${stageIds(rubric).join(", ")}`);
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

export async function runScore(opts: ScoreCommandOptions, io: Io): Promise<void> {
  if (opts.output) assertOutputNotInput(opts.output, opts.files);
  const { results, problems } = await scoreFiles(opts, io);
  const errors = problems.filter((p) => p.severity === "error");
  const toFile = !!opts.output;
  let text: string;
  if (opts.format === "json") {
    text = JSON.stringify(results.length === 1 && opts.files.length === 1 && errors.length === 0 ? results[0]!.scorecard : results.map((r) => ({ file: r.file, ...r.scorecard })), null, 2) + "\n";
  } else {
    const level = toFile ? 0 : io.colorLevel;
    text = results
      .map((r) => (results.length > 1 ? `── ${r.file} ──\n` : "") + renderText(r.scorecard, { colorLevel: level, width: toFile ? 80 : io.columns, explain: opts.explain }))
      .join("\n");
  }
  if (opts.output) {
    if (results.length) writeFileAtomic(opts.output, text);
  } else io.out(text);
  if (errors.length) throw new InvalidInputError(errors);
}
