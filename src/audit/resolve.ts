import { existsSync } from "node:fs";
import { InvalidInputError, UsageError, say, type Problem } from "../errors.js";
import { wordsFor } from "../i18n/messages.js";
import { BUNDLED_QUESTIONNAIRES, bundledQuestionnairePath, bundledRubricPath, looksLikeName } from "../load/bundled.js";
import { parseQuestionnaireRef } from "../load/questionnaire-ref.js";
import { assertRubricFits, loadQuestionnaire, loadRubricFile, type Loaded } from "../load/load.js";
import { placeIssues, type YamlSource } from "../load/yaml.js";
import { readBundledCache } from "../load/bundled-cache.js";
import type { Questionnaire } from "../model/questionnaire.js";
import type { Rubric } from "../model/rubric.js";
import { BUNDLED_RUBRICS, defaultRubricFor } from "../engine/registry.js";
import { PLUGIN_TIMEOUT_MS, type ScoringRubric } from "../engine/rubric.js";
import { yamlRubric } from "../engine/yaml-rubric.js";

/** A --rubric ending so names a JavaScript module. */
export const PLUGIN_EXTENSIONS = /\.(m?js|cjs)$/i;

/** A rubric as found: a YAML file (kept, for its positions and checks) or a plugin module. */
export type ResolvedRubric = { kind: "yaml"; loaded: Loaded<Rubric> } | { kind: "plugin"; file: string; rubric: ScoringRubric };

export interface ResolveOptions {
  questionnaire?: string;
  rubric?: string;
  lang?: string;
  /** The deadline of a rubric plugin's load and of each of its evaluations, in seconds. */
  pluginTimeout?: number;
}

/** A plugin's deadline in ms: --plugin-timeout, else the default. */
export function pluginTimeoutMs(opts: ResolveOptions): number {
  return opts.pluginTimeout !== undefined ? opts.pluginTimeout * 1000 : PLUGIN_TIMEOUT_MS;
}

/** Loads questionnaires and rubrics once per name or file, however many answer files use them. */
export class Resolver {
  private questionnaires = new Map<string, Loaded<Questionnaire>>();
  private rubrics = new Map<string, ResolvedRubric>();
  private fitted = new WeakMap<Questionnaire, Set<string>>();
  /** The files of what was loaded from a file rather than bundled: what an answers file records. */
  private files = new WeakMap<object, string>();
  readonly warnings: Problem[] = [];

  constructor(
    readonly opts: ResolveOptions,
    private readonly notice: (text: string) => void = () => {},
  ) {}

  /** The questionnaire given with --questionnaire, else the file an answers file records, else the one it names, else the default. */
  questionnaire(idFromFile?: string, recordedFile?: string): Loaded<Questionnaire> {
    const arg = this.opts.questionnaire ?? recordedFile ?? (idFromFile ? parseQuestionnaireRef(idFromFile).id : "media-house");
    const cached = this.questionnaires.get(arg);
    if (cached) return cached;
    let file = arg;
    if (looksLikeName(arg)) {
      file = bundledQuestionnairePath(arg);
      const bundled = readBundledCache<Questionnaire>(file);
      if (bundled) {
        this.questionnaires.set(arg, bundled);
        return bundled;
      }
      if (!existsSync(file)) {
        throw new UsageError(
          { key: this.opts.questionnaire ? "errNoBundledQuestionnaire" : "errAnswersNotBundled", params: { name: arg } },
          { key: "hintQuestionnaireFile" },
        );
      }
    }
    const loaded = loadQuestionnaire(file);
    if (file === arg) this.files.set(loaded.value, file);
    this.warnings.push(...loaded.warnings);
    this.questionnaires.set(arg, loaded);
    return loaded;
  }

  /** The file a questionnaire or YAML rubric was loaded from; undefined for bundled ones. */
  fileOf(loaded: Questionnaire | Loaded<Rubric>): string | undefined {
    return this.files.get(loaded);
  }

  /**
   * A bundled rubric by name, a YAML file, or a JavaScript module (loaded only when named, and said so), checked
   * against the questionnaire: --rubric, else what an answers file records (a YAML file or a bundled name), else the default.
   */
  async rubric(q: Questionnaire, recorded?: string): Promise<ResolvedRubric> {
    const arg = this.opts.rubric ?? (recorded && !PLUGIN_EXTENSIONS.test(recorded) ? recorded : undefined) ?? defaultRubricFor(q.id);
    if (!arg) throw new UsageError({ key: "errNoRubricFor", params: { id: q.id } }, { key: "hintRubricFile" });
    let resolved = this.rubrics.get(arg);
    if (!resolved) {
      if (PLUGIN_EXTENSIONS.test(arg)) {
        const { loadRubricPlugin } = await import("../engine/plugin.js");
        this.notice(`${wordsFor(this.opts.lang)({ key: "noteRunningPlugin", params: { file: arg } })}\n`);
        const words = wordsFor(this.opts.lang);
        const onOutput = (line: string) => this.notice(`${words({ key: "notePluginOutput", params: { file: arg, line } })}\n`);
        resolved = { kind: "plugin", file: arg, rubric: await loadRubricPlugin(arg, { timeoutMs: pluginTimeoutMs(this.opts), onOutput }) };
      } else {
        let file = arg;
        if (looksLikeName(arg)) {
          if (!BUNDLED_RUBRICS.some((r) => r.id === arg)) {
            throw new UsageError({ key: "errNoBundledRubric", params: { name: arg } }, { key: "hintBundledRubrics", params: { names: BUNDLED_RUBRICS.map((r) => r.id).join(", ") } });
          }
          file = bundledRubricPath(arg);
        }
        const loaded = (looksLikeName(arg) && readBundledCache<Rubric>(file)) || loadRubricFile(file);
        if (!looksLikeName(arg)) this.files.set(loaded, file);
        this.warnings.push(...loaded.warnings);
        resolved = { kind: "yaml", loaded };
      }
      this.rubrics.set(arg, resolved);
    }
    let fitted = this.fitted.get(q);
    if (!fitted) this.fitted.set(q, (fitted = new Set()));
    if (!fitted.has(arg)) {
      if (resolved.kind === "yaml") this.warnings.push(...assertRubricFits(resolved.loaded, q));
      else if (resolved.rubric.questionnaire.split("@")[0] !== q.id) {
        throw new UsageError({ key: "errModuleOtherQuestionnaire", params: { file: resolved.file, id: resolved.rubric.questionnaire, expected: q.id } });
      }
      fitted.add(arg);
    }
    return resolved;
  }
}

/** The rubric interface of a resolved rubric, its texts in a language. */
export function scoringRubric(r: ResolvedRubric, lang: string): ScoringRubric {
  return r.kind === "yaml" ? yamlRubric(r.loaded.value, lang) : r.rubric;
}

/** A stage named on the command line (--target, --require-stage) must be one of the rubric's. */
export function assertStage(r: ResolvedRubric, flag: string, stage: string | undefined): void {
  const ids = (r.kind === "yaml" ? r.loaded.value.stages : r.rubric.stages).map((s) => s.id);
  const id = r.kind === "yaml" ? r.loaded.value.id : r.rubric.id;
  if (stage !== undefined && !ids.includes(stage)) {
    throw new UsageError({ key: "errFlagNotStage", params: { flag, stage, rubric: id } }, { key: "hintStages", params: { stages: ids.join(", ") } });
  }
}

/** A file naming a questionnaire that is neither bundled nor given is that file's problem, at its questionnaire: line. */
export function assertKnownQuestionnaire(given: string | undefined, ref: string, source: YamlSource, what: string): void {
  if (given) return;
  const id = parseQuestionnaireRef(ref).id;
  if ((BUNDLED_QUESTIONNAIRES as readonly string[]).includes(id)) return;
  throw new InvalidInputError(placeIssues(source, [{ path: ["questionnaire"], ...say("errNotBundledFile", { kind: what, id }) }]));
}
