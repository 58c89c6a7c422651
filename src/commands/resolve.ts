import { existsSync } from "node:fs";
import { UsageError, type Problem } from "../errors.js";
import { bundledQuestionnairePath, bundledRubricPath, looksLikeName } from "../load/bundled.js";
import { parseQuestionnaireRef } from "../load/check-answers.js";
import { assertRubricFits, loadQuestionnaire, loadRubricFile, type Loaded } from "../load/load.js";
import type { Questionnaire } from "../model/questionnaire.js";
import type { Rubric } from "../model/rubric.js";
import { BUNDLED_RUBRICS, defaultRubricFor } from "../engine/registry.js";

/** Loads questionnaires and rubrics once per name or file, however many answer files use them. */
export class Resolver {
  private questionnaires = new Map<string, Loaded<Questionnaire>>();
  private rubrics = new Map<string, Loaded<Rubric>>();
  private fitted = new Set<string>();
  readonly warnings: Problem[] = [];

  constructor(private readonly opts: { questionnaire?: string; rubric?: string }) {}

  questionnaire(idFromAnswers?: string): Loaded<Questionnaire> {
    const arg = this.opts.questionnaire ?? (idFromAnswers ? parseQuestionnaireRef(idFromAnswers).id : "media-house");
    const cached = this.questionnaires.get(arg);
    if (cached) return cached;
    let file = arg;
    if (looksLikeName(arg)) {
      file = bundledQuestionnairePath(arg);
      if (!existsSync(file)) {
        throw new UsageError(
          this.opts.questionnaire ? `no bundled questionnaire named '${arg}'` : `the answers are for questionnaire '${arg}', which is not bundled`,
          "Pass its file with --questionnaire FILE, or run 'maturity-audit list' to see the bundled ones.",
        );
      }
    }
    const loaded = loadQuestionnaire(file);
    this.warnings.push(...loaded.warnings);
    this.questionnaires.set(arg, loaded);
    return loaded;
  }

  rubric(q: Loaded<Questionnaire>): Loaded<Rubric> {
    const arg = this.opts.rubric ?? defaultRubricFor(q.value.id);
    if (!arg) {
      throw new UsageError(`no bundled rubric scores questionnaire '${q.value.id}'`, "Pass one with --rubric FILE.");
    }
    let loaded = this.rubrics.get(arg);
    if (!loaded) {
      let file = arg;
      if (looksLikeName(arg)) {
        if (!(BUNDLED_RUBRICS as readonly { id: string }[]).some((r) => r.id === arg)) {
          throw new UsageError(`no bundled rubric named '${arg}'`, `Bundled rubrics: ${BUNDLED_RUBRICS.map((r) => r.id).join(", ")}; or pass a file.`);
        }
        file = bundledRubricPath(arg);
      }
      loaded = loadRubricFile(file);
      this.warnings.push(...loaded.warnings);
      this.rubrics.set(arg, loaded);
    }
    const key = `${arg}\u0000${q.source.file}`;
    if (!this.fitted.has(key)) {
      this.warnings.push(...assertRubricFits(loaded, q.value));
      this.fitted.add(key);
    }
    return loaded;
  }
}
