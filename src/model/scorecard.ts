import * as z from "zod";

export const SCORECARD_SCHEMA_VERSION = 1;

const stageRefSchema = z.strictObject({ id: z.string(), name: z.string() });
const answerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

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
  .strictObject({
    stage: z.string().meta({ description: "The stage the estimate speaks of." }),
    years: z.union([z.number(), z.tuple([z.number(), z.number()])]).optional().meta({ description: "Years behind the leaders: one number or a range." }),
    source: z.string().optional().meta({ description: "The basis of the estimate, as the rubric gives it." }),
    leadersYear: z.int().optional().meta({ description: "For a rubric that dates its stages: the year leaders reached the next stage." }),
    asOfYear: z.int().optional(),
  })
  .meta({ description: "The rubric's own estimate of the lag in years, with its basis." });

export const confidenceSchema = z
  .strictObject({
    status: z.enum(["confirmed", "unconfirmed"]),
    lowest: stageRefSchema.meta({ description: "The stage if every open answer turned out the weakest." }),
    highest: stageRefSchema.meta({ description: "The stage if every open answer turned out the strongest." }),
    settle: z.array(z.string()).meta({ description: "Open answers (don't know, not given) that would settle the stage, most telling first." }),
  })
  .meta({ description: "Whether the stage is confirmed by the answers, or depends on answers still open." });

const answerRefSchema = z.strictObject({ question: z.string(), dimension: z.string(), text: z.string(), display: z.string(), points: z.number().nullable() });

const moveSchema = z.strictObject({ question: z.string(), text: z.string(), from: z.string(), to: z.string() });

export const borderlineSchema = z
  .strictObject({
    up: z.strictObject({ stage: stageRefSchema, moves: z.array(moveSchema) }).optional().meta({ description: "One neighbouring answer would reach this stage." }),
    down: z.strictObject({ stage: stageRefSchema, moves: z.array(moveSchema) }).optional().meta({ description: "One neighbouring answer would drop to this stage." }),
  })
  .meta({ description: "How near the stage is to the next or the previous one, in single answers." });

/** A score in the rubric's display scale, beside the 0-100 one. */
const scaledFields = {
  scaled: z.number().nullable().optional().meta({ description: "The score in the rubric's scale, rounded to its decimals; only where the rubric has a scale." }),
  exact: z.string().nullable().optional().meta({ description: "The score in the rubric's scale as an exact fraction, e.g. 7/40: what bands and thresholds are compared with." }),
};

export const dimensionScoreSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  short: z.string().optional().meta({ description: "The section's short title, where it gives one." }),
  weight: z.number(),
  score: z.number().min(0).max(100).nullable(),
  ...scaledFields,
  stage: stageRefSchema,
  scoreStage: stageRefSchema.meta({ description: "The stage the score alone reaches, before gates." }),
  gap: z.number().min(0),
  confidence: confidenceSchema,
  reached: z.boolean().meta({ description: "Whether this dimension's stage is the target stage or above." }),
  stagesShort: z.int().min(0).meta({ description: "How many stages this dimension is below the target: 0 when reached." }),
  blockedBy: z.array(z.string()),
  coverage: coverageSchema,
  lag: lagEstimateSchema.optional(),
  questions: z.array(questionScoreSchema),
});

export interface GroupScore {
  id: string;
  title: string;
  short?: string;
  weight: number;
  rollUp: "mean" | "sum";
  score: number | null;
  scaled?: number | null;
  exact?: string | null;
  stage: { id: string; name: string };
  gap: number;
  reached: boolean;
  stagesShort: number;
  coverage: z.infer<typeof coverageSchema>;
  dimensions: string[];
  groups: GroupScore[];
}

export const groupScoreSchema: z.ZodType<GroupScore> = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    short: z.string().optional(),
    weight: z.number(),
    rollUp: z.enum(["mean", "sum"]),
    score: z.number().min(0).max(100).nullable(),
    ...scaledFields,
    stage: stageRefSchema.meta({ description: "The stage the group's score reaches." }),
    gap: z.number().min(0),
    reached: z.boolean(),
    stagesShort: z.int().min(0),
    coverage: coverageSchema,
    dimensions: z.array(z.string()).meta({ description: "Ids of the dimensions directly in this group." }),
    get groups() {
      return z.array(groupScoreSchema).meta({ description: "The groups within this group." });
    },
  })
  .meta({ id: "groupScore", description: "A group of dimensions, with its score rolled up from its parts." });

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
  effort: z.int().min(1).max(3).meta({ description: "1 a few days, 2 a few weeks, 3 months or a change of organisation." }),
  unlocksGate: z.boolean(),
  phase: stageRefSchema.meta({ description: "The roadmap phase: the stage this step is needed for." }),
  inMinimalPlan: z.boolean().meta({ description: "Part of the smallest set of improvements that reaches the target." }),
  because: z.array(z.strictObject({ question: z.string(), text: z.string(), display: z.string(), points: z.number().nullable() })),
  reaches: z
    .strictObject({ question: z.string(), value: z.union([z.string(), z.number(), z.boolean()]), points: z.number() })
    .optional()
    .meta({ description: "For a step of one answer: the answer it takes its question to, and its points. Done once the question has them." }),
});

export const roadmapSchema = z
  .strictObject({
    target: stageRefSchema,
    reachable: z.boolean().optional().meta({ description: "Whether improving the weak answers is enough to reach the target; absent when the rubric states no expectations." }),
    minimal: z.array(z.string()).meta({ description: "The question ids of the smallest set of improvements that reaches the target; empty when reached, or when the rubric states no expectations." }),
    phases: z.array(z.strictObject({ stage: stageRefSchema, steps: z.array(z.string()).meta({ description: "Step ids, in the order to take them." }) })),
  })
  .meta({ description: "Every step, phased by the stage it is needed for." });

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
      ...scaledFields,
      stage: stageRefSchema,
      scoreStage: stageRefSchema,
      blockedBy: z.array(z.string()),
      gap: z.number().min(0),
      confidence: confidenceSchema,
      borderline: borderlineSchema.optional(),
      stagesShort: z.int().min(0).meta({ description: "How many stages the overall stage is below the target: 0 when reached." }),
      lag: lagEstimateSchema.optional(),
    }),
    target: z.strictObject({ stage: stageRefSchema, score: z.number(), reached: z.boolean() }),
    stages: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        min: z.number(),
        scaledMin: z.number().optional().meta({ description: "The band's lowest score in the rubric's scale, as the rubric writes it." }),
        summary: z.string().optional().meta({ description: "What a business at this stage does: a definition, not a finding." }),
        leadersYear: z.int().optional(),
        lag: z.strictObject({ years: z.union([z.number(), z.tuple([z.number(), z.number()])]).optional(), source: z.string() }).optional(),
      }),
    ),
    unknownScoredAs: z.enum(["zero", "exclude"]),
    missingScoredAs: z.enum(["zero", "exclude"]).optional().meta({ description: "How unanswered questions were scored; absent means excluded." }),
    notApplicableScoredAs: z.enum(["zero", "exclude", "forbidden"]).optional().meta({ description: "How 'n/a' was scored; absent means excluded." }),
    scale: z
      .strictObject({ min: z.number(), max: z.number(), decimals: z.int() })
      .optional()
      .meta({ description: "The rubric's display scale: reports show scores in it." }),
    dimensions: z.array(dimensionScoreSchema),
    groups: z.array(groupScoreSchema).optional().meta({ description: "The rubric's groups of dimensions, as a tree, top level first." }),
    gates: z.array(gateResultSchema),
    context: z
      .array(z.strictObject({ id: z.string(), text: z.string(), value: answerValueSchema, display: z.string() }))
      .optional()
      .meta({ description: "Answers to unscored questions (sector, size, region): what a benchmark can be filtered by." }),
    findings: z
      .strictObject({ strongest: z.array(answerRefSchema), weakest: z.array(answerRefSchema) })
      .meta({ description: "This business's strongest and weakest answers, from which the summary is written." }),
    nextSteps: z.array(nextStepResultSchema).meta({ description: "Every step of the roadmap, in the order to take them." }),
    roadmap: roadmapSchema,
    coverage: coverageSchema,
    benchmark: z
      .strictObject({
        id: z.string(),
        title: z.string(),
        illustrative: z.boolean(),
        overall: z.number().nullable(),
        source: z.string().optional().meta({ description: "Where the profile comes from." }),
        n: z.int().optional().meta({ description: "How many audits the profile summarises." }),
        dates: z.strictObject({ from: z.string(), to: z.string() }).optional(),
        overallDistance: z.number().nullable().meta({ description: "This audit's overall score minus the benchmark's; negative is behind." }),
        overallQuarter: z.int().min(1).max(4).optional().meta({ description: "Which quarter of the profile's audits the overall score falls in: 1 the lowest, 4 the highest." }),
        dimensions: z.array(
          z.strictObject({ id: z.string(), benchmark: z.number().nullable(), distance: z.number().nullable(), quarter: z.int().min(1).max(4).optional() }),
        ),
      })
      .optional()
      .meta({ description: "The distance to a peer profile, where one was given." }),
  })
  .meta({ title: "maturity-audit scorecard", description: "The result of scoring one answers file; what --format json prints." });
