import { existsSync } from "node:fs";
import { InvalidInputError, UsageError, say, type Problem } from "../errors.js";
import { wordsFor } from "../i18n/messages.js";
import { BUNDLED_QUESTIONNAIRES, bundledQuestionnairePath, bundledRubricPath, looksLikeName } from "../load/bundled.js";
import { parseQuestionnaireRef } from "../load/check-answers.js";
import { assertAnswersFit, assertRubricFits, loadAnswersFile, loadQuestionnaire, loadRubricFile, type Loaded } from "../load/load.js";
import { placeIssues, type YamlSource } from "../load/yaml.js";
import type { Questionnaire } from "../model/questionnaire.js";
import type { Rubric } from "../model/rubric.js";
import { BUNDLED_RUBRICS, defaultRubricFor } from "../engine/registry.js";
import type { ScoringRubric } from "../engine/rubric.js";
import { readBundledCache } from "../load/bundled-cache.js";
import { scoreAnswers, scoreAnswersAsync, type ScoreOptions } from "../engine/score.js";
import type { Scorecard } from "../engine/scorecard.js";
import type { Answers } from "../model/answers.js";

/** A --rubric ending so names a JavaScript module. */
export const PLUGIN_EXTENSIONS = /\.(m?js|cjs)$/i;

export type ResolvedRubric = { kind: "yaml"; loaded: Loaded<Rubric>; rubric: Rubric } | { kind: "plugin"; file: string; rubric: ScoringRubric };

/** Loads questionnaires and rubrics once per name or file, however many answer files use them. */
export class Resolver {
  private questionnaires = new Map<string, Loaded<Questionnaire>>();
  private rubrics = new Map<string, ResolvedRubric>();
  private fitted = new WeakMap<Questionnaire, Set<string>>();
  readonly warnings: Problem[] = [];

  constructor(
    private readonly opts: { questionnaire?: string; rubric?: string; lang?: string },
    private readonly notice: (text: string) => void = () => {},
  ) {}

  questionnaire(idFromAnswers?: string): Loaded<Questionnaire> {
    const arg = this.opts.questionnaire ?? (idFromAnswers ? parseQuestionnaireRef(idFromAnswers).id : "media-house");
    const cached = this.questionnaires.get(arg);
    if (cached) return cached;
    let file = arg;
    if (looksLikeName(arg)) {
      file = bundledQuestionnairePath(arg);
      const cached = readBundledCache<Questionnaire>(file);
      if (cached) {
        this.questionnaires.set(arg, cached);
        return cached;
      }
      if (!existsSync(file)) {
        throw new UsageError(
          { key: this.opts.questionnaire ? "errNoBundledQuestionnaire" : "errAnswersNotBundled", params: { name: arg } },
          { key: "hintQuestionnaireFile" },
        );
      }
    }
    const loaded = loadQuestionnaire(file);
    this.warnings.push(...loaded.warnings);
    this.questionnaires.set(arg, loaded);
    return loaded;
  }

  /** A bundled rubric by name, a YAML file, or a JavaScript module (loaded only when named, and said so). */
  async rubric(q: Loaded<Questionnaire>): Promise<ResolvedRubric> {
    const arg = this.opts.rubric ?? defaultRubricFor(q.value.id);
    if (!arg) throw new UsageError({ key: "errNoRubricFor", params: { id: q.value.id } }, { key: "hintRubricFile" });
    let resolved = this.rubrics.get(arg);
    if (!resolved) {
      if (PLUGIN_EXTENSIONS.test(arg)) {
        const { loadRubricPlugin } = await import("../engine/plugin.js");
        this.notice(`${wordsFor(this.opts.lang)({ key: "noteRunningPlugin", params: { file: arg } })}\n`);
        resolved = { kind: "plugin", file: arg, rubric: await loadRubricPlugin(arg) };
      } else {
        let file = arg;
        if (looksLikeName(arg)) {
          if (!BUNDLED_RUBRICS.some((r) => r.id === arg)) {
            throw new UsageError({ key: "errNoBundledRubric", params: { name: arg } }, { key: "hintBundledRubrics", params: { names: BUNDLED_RUBRICS.map((r) => r.id).join(", ") } });
          }
          file = bundledRubricPath(arg);
        }
        const loaded = (looksLikeName(arg) && readBundledCache<Rubric>(file)) || loadRubricFile(file);
        this.warnings.push(...loaded.warnings);
        resolved = { kind: "yaml", loaded, rubric: loaded.value };
      }
      this.rubrics.set(arg, resolved);
    }
    let fitted = this.fitted.get(q.value);
    if (!fitted) this.fitted.set(q.value, (fitted = new Set()));
    if (!fitted.has(arg)) {
      if (resolved.kind === "yaml") this.warnings.push(...assertRubricFits(resolved.loaded, q.value));
      else if (resolved.rubric.questionnaire.split("@")[0] !== q.value.id) {
        throw new UsageError({ key: "errModuleOtherQuestionnaire", params: { file: resolved.file, id: resolved.rubric.questionnaire, expected: q.value.id } });
      }
      fitted.add(arg);
    }
    return resolved;
  }
}

/** Stage ids of a resolved rubric, for checking --target and thresholds. */
export function stageIds(r: ResolvedRubric): string[] {
  return r.rubric.stages.map((s) => s.id);
}

/** A stage named on the command line (--target, --require-stage) must be one of the rubric's. */
export function assertStage(r: ResolvedRubric, flag: string, stage: string | undefined): void {
  if (stage !== undefined && !stageIds(r).includes(stage)) {
    throw new UsageError({ key: "errFlagNotStage", params: { flag, stage, rubric: r.rubric.id } }, { key: "hintStages", params: { stages: stageIds(r).join(", ") } });
  }
}

/** Scores with whichever kind of rubric was resolved; plugins may be asynchronous and are given a time limit. */
export async function scoreResolved(q: Questionnaire, r: ResolvedRubric, answers: Answers, options: ScoreOptions): Promise<Scorecard> {
  if (r.kind === "yaml") return scoreAnswers(q, r.rubric, answers, options);
  return scoreAnswersAsync(q, r.rubric, answers, options);
}

/** A file naming a questionnaire that is neither bundled nor given is that file's problem, at its questionnaire: line. */
export function assertKnownQuestionnaire(given: string | undefined, ref: string, source: YamlSource, what: string): void {
  if (given) return;
  const id = parseQuestionnaireRef(ref).id;
  if ((BUNDLED_QUESTIONNAIRES as readonly string[]).includes(id)) return;
  throw new InvalidInputError(placeIssues(source, [{ path: ["questionnaire"], ...say("errNotBundledFile", { kind: what, id }) }]));
}

/**
 * An answers file, read, checked against its questionnaire and rubric, and scored. `check` sees the rubric
 * before scoring (e.g. that a --target is one of its stages); warnings come back for the caller to print.
 */
export async function scoreAnswersFile(
  file: string,
  resolver: Resolver,
  opts: { questionnaire?: string; lang?: string; target?: string; today: string; check?: (rubric: ResolvedRubric) => void },
): Promise<{ scorecard: Scorecard; warnings: Problem[] }> {
  const answers = loadAnswersFile(file);
  assertKnownQuestionnaire(opts.questionnaire, answers.value.questionnaire, answers.source, "answers");
  const q = resolver.questionnaire(answers.value.questionnaire);
  const rubric = await resolver.rubric(q);
  opts.check?.(rubric);
  const warnings = [...answers.warnings, ...assertAnswersFit(answers, q.value, rubric.rubric)];
  const scorecard = await scoreResolved(q.value, rubric, answers.value, { lang: opts.lang ?? answers.value.lang, target: opts.target, asOf: opts.today });
  return { scorecard, warnings };
}
