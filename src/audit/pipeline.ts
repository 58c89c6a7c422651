import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { AuditError, InvalidInputError, PluginError, UsageError, say, type PathIssue, type Problem } from "../errors.js";
import { loadAnswersFile, type Loaded } from "../load/load.js";
import { checkAnswersRef } from "../load/questionnaire-ref.js";
import { placeIssues } from "../load/yaml.js";
import type { Answers } from "../model/answers.js";
import type { Questionnaire } from "../model/questionnaire.js";
import type { RubricInput, ScoringRubric } from "../engine/rubric.js";
import { readSheet } from "../engine/sheet.js";
import { isYamlRubric } from "../engine/yaml-rubric.js";
import { BUNDLED_RUBRICS } from "../engine/registry.js";
import { scoreSheet, scoreSheetAsync } from "../engine/score.js";
import type { Scorecard } from "../engine/scorecard.js";
import { Resolver, pluginTimeoutMs, assertKnownQuestionnaire, assertStage, scoringRubric, type ResolveOptions, type ResolvedRubric } from "./resolve.js";

export interface AuditOptions extends ResolveOptions {
  /** The stage to aim for; checked against the rubric. */
  target?: string;
  /** A stage a threshold requires; checked against the rubric. */
  requireStage?: string;
  /** Today, YYYY-MM-DD, for the lag estimate of undated answers. */
  today: string;
  /** Where to say that a plugin module is being run. */
  notice?: (text: string) => void;
}

/** Answers read and checked against their questionnaire and rubric, ready to score. */
export interface CheckedAnswers {
  answers: Answers;
  questionnaire: Questionnaire;
  rubric: ResolvedRubric;
  scoring: ScoringRubric;
  input: RubricInput;
  lang: string;
  warnings: Problem[];
}

/** One file of a batch: its scorecard, or why it could not be scored. */
export type FileResult = { file: string; scorecard: Scorecard; warnings: Problem[] } | { file: string; problems: Problem[] };

/**
 * The one pipeline from an answers file to a scorecard, shared by every command, the workshop and the
 * library: resolve the questionnaire and rubric (once per run), read and check the answers (each once),
 * score. Problems come back located; printing them is the caller's.
 */
export class Audit {
  readonly resolver: Resolver;

  constructor(readonly opts: AuditOptions) {
    this.resolver = new Resolver(opts, opts.notice);
  }

  /** Reads an answers file and checks it. */
  async read(file: string): Promise<CheckedAnswers> {
    return this.check(loadAnswersFile(file));
  }

  /** Checks loaded answers against their questionnaire and rubric; every problem is located in the file. */
  async check(loaded: Loaded<Answers>, { rubricOptional = false }: { rubricOptional?: boolean } = {}): Promise<CheckedAnswers> {
    const answers = loaded.value;
    const recorded = this.recorded(loaded);
    assertKnownQuestionnaire(this.opts.questionnaire ?? recorded.questionnaire, answers.questionnaire, loaded.source, "answers");
    const q = this.resolver.questionnaire(answers.questionnaire, recorded.questionnaire).value;
    const refIssues = checkAnswersRef(answers.questionnaire, q);
    if (refIssues.length) throw new InvalidInputError(placeIssues(loaded.source, refIssues));
    return this.prepare(answers, q, loaded, rubricOptional, recorded.rubric);
  }

  /**
   * The questionnaire and rubric an answers file says it was made with, its files found beside it. A flag wins;
   * a recorded file that is gone is the answers file's problem, at its line, with the flag that names another.
   */
  recorded(loaded: Loaded<Answers>): { questionnaire?: string; rubric?: string } {
    const a = loaded.value;
    const out: { questionnaire?: string; rubric?: string } = {};
    const gone: PathIssue[] = [];
    const near = (rel: string) => join(dirname(loaded.source.file), rel);
    if (!this.opts.questionnaire && a.sources?.questionnaire) {
      if (existsSync(near(a.sources.questionnaire))) out.questionnaire = near(a.sources.questionnaire);
      else gone.push({ path: ["sources", "questionnaire"], ...say("errRecordedQuestionnaireGone", { path: a.sources.questionnaire }) });
    }
    if (!this.opts.rubric && a.sources?.rubric) {
      if (existsSync(near(a.sources.rubric))) out.rubric = near(a.sources.rubric);
      else gone.push({ path: ["sources", "rubric"], ...say("errRecordedRubricGone", { path: a.sources.rubric }) });
    } else if (!this.opts.rubric && a.rubric && BUNDLED_RUBRICS.some((r) => r.id === a.rubric)) out.rubric = a.rubric;
    if (gone.length) throw new InvalidInputError(placeIssues(loaded.source, gone));
    return out;
  }

  /** Answers held in memory (an interview, a team's merged answers): their own problems are not located; `known` is what they were read with. */
  async checkValue(answers: Answers, known: { questionnaire?: Questionnaire; rubric?: string } = {}): Promise<CheckedAnswers> {
    return this.prepare(answers, known.questionnaire ?? this.resolver.questionnaire(answers.questionnaire).value, undefined, false, known.rubric);
  }

  private async prepare(answers: Answers, q: Questionnaire, loaded?: Loaded<Answers>, rubricOptional = false, recordedRubric?: string): Promise<CheckedAnswers> {
    const rubric = rubricOptional ? await this.rubricIfAny(q, recordedRubric) : await this.resolver.rubric(q, recordedRubric);
    if (rubric) {
      assertStage(rubric, "--target", this.opts.target);
      assertStage(rubric, "--require-stage", this.opts.requireStage);
    }
    const lang = this.opts.lang ?? answers.lang ?? "en";
    const scoring = rubric && scoringRubric(rubric, lang);
    const { input, issues } = readSheet(q, answers, { lang, ...(scoring ? { notApplicable: new Set(scoring.notApplicable ?? []), rubricId: scoring.id } : {}) });
    const problems = loaded ? placeIssues(loaded.source, issues) : [];
    if (problems.some((p) => p.severity === "error")) throw new InvalidInputError(problems);
    return { answers, questionnaire: q, rubric: rubric!, scoring: scoring!, input, lang, warnings: [...(loaded?.warnings ?? []), ...problems] };
  }

  /** 'n/a' can only be judged with a rubric, and a custom questionnaire may have none. */
  private async rubricIfAny(q: Questionnaire, recorded?: string): Promise<ResolvedRubric | undefined> {
    try {
      return await this.resolver.rubric(q, recorded);
    } catch (err) {
      if (err instanceof UsageError && err.phrase?.key === "errNoRubricFor") return undefined;
      throw err;
    }
  }

  /** Scores checked answers; a plugin may be asynchronous and is given a time limit. */
  async score(c: CheckedAnswers): Promise<Scorecard> {
    const options = { lang: c.lang, target: this.opts.target, asOf: this.opts.today };
    // The plugin's own deadline (which stops its process) comes first; this one only backs it up.
    return isYamlRubric(c.scoring) ? scoreSheet(c.input, c.scoring, c.answers, options) : scoreSheetAsync(c.input, c.scoring, c.answers, { ...options, timeoutMs: pluginTimeoutMs(this.opts) + 1000 });
  }

  async scoreFile(file: string): Promise<{ scorecard: Scorecard; warnings: Problem[] }> {
    const checked = await this.read(file);
    return { scorecard: await this.score(checked), warnings: checked.warnings };
  }

  /**
   * Scores files one by one, in the order given; a file that cannot be scored becomes its problems and the
   * rest still score. A mistake of the command line or of a plugin ends the batch.
   */
  async *scoreFiles(files: Iterable<string>): AsyncGenerator<FileResult> {
    for (const file of files) {
      try {
        yield { file, ...(await this.scoreFile(file)) };
      } catch (err) {
        if (err instanceof UsageError || err instanceof PluginError || !(err instanceof AuditError)) throw err;
        yield { file, problems: err instanceof InvalidInputError ? err.problems : [{ file, message: err.message, ...(err.phrase ? { phrase: err.phrase } : {}), severity: "error" }] };
      }
    }
  }
}

/** Scores one answers file: the library's way in. */
export async function scoreFile(file: string, options: AuditOptions): Promise<{ scorecard: Scorecard; warnings: Problem[] }> {
  return new Audit(options).scoreFile(file);
}

/** Scores many answers files with one questionnaire and rubric resolution. */
export function scoreFiles(files: Iterable<string>, options: AuditOptions): AsyncGenerator<FileResult> {
  return new Audit(options).scoreFiles(files);
}
