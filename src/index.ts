// The library API: the same engine the CLI uses, without side effects on import.
export * from "./model/index.js";
export { AuditError, InvalidInputError, UsageError, ThresholdError, InterruptedError, PluginError, formatProblem, type Phrase, type Problem, type Wording } from "./errors.js";
export { wordsFor } from "./i18n/messages.js";
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
export { bundledQuestionnairePath, bundledRubricPath, bundledBenchmarkPath } from "./load/bundled.js";
export { BUNDLED_RUBRICS, defaultRubricFor } from "./engine/registry.js";
export { scoreAnswers, scoreAnswersAsync, readSheet, assembleScorecard, pointsFor, type ScoreOptions } from "./engine/score.js";
export { yamlRubric } from "./engine/yaml-rubric.js";
export { rubricEvaluationSchema, type ScoringRubric, type RubricInput, type RubricEvaluation, type SheetEntry } from "./engine/rubric.js";
export { loadRubricPlugin } from "./engine/plugin.js";
export { checkThresholds, type Thresholds, type ThresholdCheck } from "./engine/thresholds.js";
export { withBenchmark, type BenchmarkProfile } from "./engine/benchmark.js";
export * from "./engine/scorecard.js";
export { renderText, type TextOptions } from "./report/text.js";
export { textBatch, markdownBatch, jsonBatch, junitBatch, renderBatch, type BatchRenderer, type BatchItem } from "./report/batch.js";
export { renderMarkdown } from "./report/markdown.js";
export { renderHtml, type HtmlOptions } from "./report/html.js";
export { renderJunit } from "./report/junit.js";
export { renderBadge } from "./report/badge.js";
export { renderTemplate } from "./commands/template.js";
export { jsonSchemaFor } from "./commands/schema.js";
