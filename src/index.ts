// The library API: the same pipeline and engine the CLI uses, without side effects on import.
export * from "./model/index.js";
export { jsonSchemaFor, SCHEMA_KINDS, type SchemaKind } from "./model/json-schema.js";
export { AuditError, InvalidInputError, UsageError, ThresholdError, InterruptedError, PluginError, formatProblem, type Problem, type PathIssue } from "./errors.js";
export type { Phrase, Wording } from "./i18n/phrase.js";
export { wordsFor } from "./i18n/messages.js";

// The pipeline: from a path to a scorecard, as every command uses it.
export { Audit, scoreFile, scoreFiles, type AuditOptions, type CheckedAnswers, type FileResult } from "./audit/pipeline.js";
export { expandInputs } from "./audit/inputs.js";

// Loading files with located problems.
export { loadQuestionnaire, loadRubricFile as loadRubric, loadAnswersFile as loadAnswers, parseFile, assertRubricFits, type Loaded, type FileKind } from "./load/load.js";
export { checkQuestionnaire } from "./load/check-questionnaire.js";
export { resolveAnswerSets } from "./load/answer-sets.js";
export { checkRubric } from "./load/check-rubric.js";
export { bundledQuestionnairePath, bundledRubricPath, bundledBenchmarkPath } from "./load/bundled.js";

// The engine: pure functions over the model.
export { BUNDLED_RUBRICS, defaultRubricFor } from "./engine/registry.js";
export { scoreAnswers, scoreAnswersAsync, scoreSheet, scoreSheetAsync, assembleScorecard, type ScoreOptions } from "./engine/score.js";
export { readSheet, type SheetOptions } from "./engine/sheet.js";
export { yamlRubric, pointsFor } from "./engine/yaml-rubric.js";
export { rubricEvaluationSchema, type ScoringRubric, type RubricInput, type RubricEvaluation, type SheetEntry } from "./engine/rubric.js";
export { loadRubricPlugin } from "./engine/plugin.js";
export { checkThresholds, type Thresholds, type ThresholdCheck } from "./engine/thresholds.js";
export { withBenchmark, type BenchmarkProfile } from "./engine/benchmark.js";
export { mergeAnswers } from "./engine/merge.js";
export { compareScorecards, trendOf, type Comparison, type Trend } from "./engine/compare.js";
export * from "./engine/scorecard.js";

// Renderers, and the registry that picks one per format.
export { FORMATS, formatsFor, rendererOf, type Format, type Look } from "./report/formats.js";
export { renderText, type TextOptions } from "./report/text.js";
export { textBatch, markdownBatch, jsonBatch, ndjsonBatch, junitBatch, renderBatch, type BatchRenderer, type BatchItem, type BatchSetup, type BrokenItem } from "./report/batch.js";
export { renderMarkdown } from "./report/markdown.js";
export { renderHtml, renderCardHtml, type HtmlOptions } from "./report/html.js";
export { renderJunit } from "./report/junit.js";
export { renderBadge } from "./report/badge.js";
export { renderTemplate } from "./report/template.js";
