// The library API: the same engine the CLI uses, without side effects on import.
export * from "./model/index.js";
export { AuditError, InvalidInputError, UsageError, ThresholdError, InterruptedError, PluginError, formatProblem, type Problem } from "./errors.js";
export {
  loadQuestionnaire,
  loadRubricFile as loadRubric,
  loadAnswersFile as loadAnswers,
  parseFile,
  assertAnswersFit,
  assertRubricFits,
  type Loaded,
  type FileKind,
} from "./load/load.js";
export { checkQuestionnaire } from "./load/check-questionnaire.js";
export { checkAnswers } from "./load/check-answers.js";
export { checkRubric } from "./load/check-rubric.js";
export { bundledQuestionnairePath, bundledRubricPath } from "./load/bundled.js";
export { BUNDLED_RUBRICS, defaultRubricFor } from "./engine/registry.js";
export { scoreAnswers, pointsFor, type ScoreOptions } from "./engine/score.js";
export * from "./engine/scorecard.js";
export { renderText, type TextOptions } from "./report/text.js";
export { renderTemplate } from "./commands/template.js";
export { jsonSchemaFor } from "./commands/schema.js";
