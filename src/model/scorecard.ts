import * as z from "zod";

export const SCORECARD_SCHEMA_VERSION = 1;

const stageRefSchema = z.strictObject({ id: z.string(), name: z.string() });
const answerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const questionStatusSchema = z.enum(["answered", "unknown", "not-applicable", "missing", "hidden"]);

export const questionScoreSchema = z.strictObject({
  id: z.string(),
  text: z.string(),
  type: z.enum(["single", "multi", "scale", "number", "boolean", "text"]),
  status: questionStatusSchema,
  value: answerValueSchema.optional(),
  display: z.string().meta({ description: "The answer as the respondent saw it." }),
  note: z.string().optional(),
  points: z.number().min(0).max(100).nullable().meta({ description: "0-100, or null when not scored or not counted." }),
  weight: z.number().min(0),
  contribution: z.number().meta({ description: "Points this question adds to its dimension's 0-100 score." }),
});

export const coverageSchema = z.strictObject({
  total: z.int(),
  answered: z.int(),
  unknown: z.int(),
  notApplicable: z.int(),
  missing: z.int(),
  hidden: z.int(),
});

export const lagEstimateSchema = z
  .strictObject({ years: z.number(), stage: z.string(), leadersYear: z.int(), asOfYear: z.int() })
  .meta({ description: "The rubric's own estimate: years since leaders reached the next stage." });

export const dimensionScoreSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  weight: z.number(),
  score: z.number().min(0).max(100).nullable(),
  stage: stageRefSchema,
  scoreStage: stageRefSchema.meta({ description: "The stage the score alone reaches, before gates." }),
  gap: z.number().min(0),
  reached: z.boolean().meta({ description: "Whether this dimension's stage is the target stage or above." }),
  stagesShort: z.int().min(0).meta({ description: "How many stages this dimension is below the target: 0 when reached." }),
  blockedBy: z.array(z.string()),
  coverage: coverageSchema,
  lag: lagEstimateSchema.optional(),
  questions: z.array(questionScoreSchema),
});

export const gateResultSchema = z.strictObject({
  id: z.string(),
  blocks: z.string(),
  reason: z.string(),
  status: z.enum(["blocking", "unverified", "passed"]),
  questions: z.array(z.string()),
});

export const nextStepResultSchema = z.strictObject({
  id: z.string(),
  dimension: z.string(),
  stage: stageRefSchema,
  title: z.string(),
  detail: z.string().optional(),
  gain: z.number().meta({ description: "Overall points at stake in the answers this step would improve." }),
  unlocksGate: z.boolean(),
  because: z.array(z.strictObject({ question: z.string(), text: z.string(), display: z.string(), points: z.number().nullable() })),
});

export const scorecardSchema = z
  .strictObject({
    schemaVersion: z.literal(SCORECARD_SCHEMA_VERSION),
    file: z.string().optional().meta({ description: "The answers file, in batch output." }),
    questionnaire: z.strictObject({ id: z.string(), revision: z.int(), title: z.string() }),
    rubric: z.strictObject({ id: z.string(), title: z.string() }),
    lang: z.string(),
    respondent: z.string().optional(),
    respondents: z.array(z.string()).optional().meta({ description: "Who answered, for a merged team view." }),
    organisation: z.string().optional(),
    date: z.string().optional(),
    overall: z.strictObject({
      score: z.number().min(0).max(100).nullable(),
      stage: stageRefSchema,
      scoreStage: stageRefSchema,
      blockedBy: z.array(z.string()),
      gap: z.number().min(0),
      stagesShort: z.int().min(0).meta({ description: "How many stages the overall stage is below the target: 0 when reached." }),
      lag: lagEstimateSchema.optional(),
    }),
    target: z.strictObject({ stage: stageRefSchema, score: z.number(), reached: z.boolean() }),
    stages: z.array(
      z.strictObject({ id: z.string(), name: z.string(), min: z.number(), summary: z.string().optional(), leadersYear: z.int().optional() }),
    ),
    unknownScoredAs: z.enum(["zero", "exclude"]),
    dimensions: z.array(dimensionScoreSchema),
    gates: z.array(gateResultSchema),
    nextSteps: z.array(nextStepResultSchema),
    coverage: coverageSchema,
    benchmark: z
      .strictObject({
        id: z.string(),
        title: z.string(),
        illustrative: z.boolean(),
        overall: z.number().nullable(),
        overallDistance: z.number().nullable().meta({ description: "This audit's overall score minus the benchmark's; negative is behind." }),
        dimensions: z.array(z.strictObject({ id: z.string(), benchmark: z.number().nullable(), distance: z.number().nullable() })),
      })
      .optional()
      .meta({ description: "The distance to a peer profile, where one was given." }),
  })
  .meta({ title: "maturity-audit scorecard", description: "The result of scoring one answers file; what --format json prints." });
