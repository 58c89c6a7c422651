import * as z from "zod";
import { dictSchema, formatVersionSchema, questionnaireRefSchema, idSchema, languageSchema, textSchema } from "./common.js";
import { conditionSchema } from "./condition.js";

const pointsSchema = z.number().min(0).max(100);
/** Weights are relative; the cap keeps their sums and products finite (1e308 twice is Infinity, and the score NaN). */
const weightSchema = z.number().positive().max(1000);

/** The step from one answer of a question to the next one up: an activity not finished yet. */
export const optionStepSchema = z
  .strictObject({
    id: idSchema.optional().meta({ description: "The step's id; by default the question's id and the answer, e.g. plan.goals@0.25." }),
    title: textSchema.meta({ description: "What to do to reach the next answer up." }),
    detail: textSchema.optional(),
    effort: z.int().min(1).max(3).default(2).meta({ description: "1 a few days, 2 a few weeks, 3 months or a change of organisation." }),
    stage: z.string().min(1).optional().meta({ description: "The stage the step is needed for; by default the next stage of its dimension." }),
  })
  .meta({ title: "Step of an answer" });
export type OptionStep = z.infer<typeof optionStepSchema>;

export const questionRuleSchema = z
  .strictObject({
    weight: weightSchema.default(1).meta({ description: "Weight of the question within its dimension: above 0, at most 1000." }),
    points: dictSchema(z.string(), pointsSchema)
      .optional()
      .meta({
        description:
          "Points (0-100) per answer: per option value (single, multi: summed and capped at 100), per value of a scale, or 'yes'/'no' for a boolean. Scales default to a straight line from 0 to 100.",
      }),
    bands: z
      .array(z.strictObject({ atLeast: z.number(), points: pointsSchema }))
      .min(1)
      .optional()
      .meta({ description: "For numbers: the points of the highest band whose atLeast the answer reaches; below every band, 0." }),
    notApplicable: z.boolean().optional().meta({ description: "Accept 'n/a': the question leaves its dimension and the rest are re-weighted." }),
    expects: dictSchema(z.string(), pointsSchema)
      .optional()
      .meta({
        description:
          "The points (0-100) an answer needs for each stage, by stage id, e.g. { \"1.0\": 33, \"2.0\": 67 }. An answer below what the target stage expects yields a step in the plan, whatever its dimension's average.",
      }),
    steps: z
      .record(z.string(), optionStepSchema)
      .optional()
      .meta({
        description:
          "Steps per answer (single, scale, yes/no): for an answer's value, the step that takes it to the next option up. Every answer that has one gets its step in the roadmap, whatever its dimension's score.",
      }),
  })
  .meta({ title: "Question rule" });
export type QuestionRule = z.infer<typeof questionRuleSchema>;

export const stageSchema = z.strictObject({
  id: z.string().min(1).max(20).meta({ description: "Short stage id used on the command line, e.g. 2.0. Quote it in YAML." }),
  name: textSchema.meta({ description: "e.g. Media house 2.0: the direct relationship." }),
  min: z.number().min(0).meta({ description: "The lowest score of this stage's band: 0-100, or in the rubric's scale where it has one. A score exactly at it is in the band." }),
  summary: textSchema.optional(),
  leadersYear: z.int().min(1900).max(2100).optional().meta({
    description: "The year leaders reached this stage, for the rubric's lag-in-years estimate. Give its basis in lag.source.",
  }),
  lag: z
    .strictObject({
      years: z
        .union([z.int().min(0), z.tuple([z.int().min(0), z.int().min(0)])])
        .optional()
        .meta({ description: "How many years a business at this stage lags the leaders: one number or a range [from, to], as the source gives it." }),
      source: textSchema.meta({ description: "The basis of the estimate: who says so, where and when." }),
    })
    .optional()
    .meta({ description: "The lag in years of a business at this stage, with its source. Without it the report gives no years." }),
});
export type Stage = z.infer<typeof stageSchema>;

export const dimensionRuleSchema = z.strictObject({
  id: idSchema.meta({ description: "A section id of the questionnaire." }),
  weight: weightSchema.default(1).meta({ description: "Weight of the dimension in the overall score: above 0, at most 1000." }),
  questions: dictSchema(idSchema, questionRuleSchema).meta({ description: "The scored questions of this section." }),
});
export type DimensionRule = z.infer<typeof dimensionRuleSchema>;

const rollUpSchema = z.enum(["mean", "sum"]).meta({
  description:
    "How a group's score comes from its parts: 'mean' is their weighted mean, parts without a score left out; 'sum' adds each part's share (its weight over all the parts' weights), a part without a score adding nothing.",
});

export interface GroupRuleInput {
  id: string;
  title: z.input<typeof textSchema>;
  short?: z.input<typeof textSchema>;
  weight?: number;
  rollUp?: "mean" | "sum";
  dimensions?: string[];
  groups?: GroupRuleInput[];
}
export interface GroupRule {
  id: string;
  title: z.infer<typeof textSchema>;
  short?: z.infer<typeof textSchema>;
  weight: number;
  rollUp?: "mean" | "sum";
  dimensions: string[];
  groups: GroupRule[];
}

export const groupRuleSchema: z.ZodType<GroupRule, GroupRuleInput> = z
  .strictObject({
    id: idSchema.meta({ description: "Unique among the groups and the dimensions." }),
    title: textSchema,
    short: textSchema.optional().meta({ description: "A short title for narrow places: radar labels, table headers." }),
    weight: z.number().min(0).default(1).meta({ description: "Weight of the group within its parent (or the overall score)." }),
    rollUp: rollUpSchema.optional().meta({ description: "Overrides the rubric's rollUp for this group." }),
    dimensions: z.array(idSchema).default([]).meta({ description: "Dimension (section) ids in this group; each dimension is in one group at most." }),
    get groups() {
      return z.array(groupRuleSchema).default([]).meta({ description: "Groups within this group." });
    },
  })
  .meta({ id: "group", title: "Group", description: "Dimensions and groups whose scores roll up into one." });

export const scaleSchema = z
  .strictObject({
    min: z.number().min(0).max(100).default(0).meta({ description: "What a score of 0 (no practice) is shown as." }),
    max: z.number().min(0).max(100).meta({ description: "What a score of 100 (every practice in place) is shown as." }),
    decimals: z.int().min(0).max(6).default(1).meta({ description: "Decimals shown in reports." }),
  })
  .meta({
    title: "Display scale",
    description: "The model's own numbers, e.g. { min: 0, max: 3, decimals: 2 }. Stage bands, --fail-under and --min are then written in it; JSON keeps the 0-100 score beside it.",
  });
export type Scale = z.infer<typeof scaleSchema>;

export const gateSchema = z.strictObject({
  id: idSchema,
  blocks: z.string().min(1).meta({ description: "The stage that cannot be reached while the condition holds (nor any above it)." }),
  when: conditionSchema.meta({ description: "The condition that blocks, e.g. no owned customer data." }),
  reason: textSchema,
});
export type Gate = z.infer<typeof gateSchema>;

export const nextStepSchema = z.strictObject({
  id: idSchema,
  dimension: idSchema,
  stage: z.string().min(1).meta({ description: "The stage this step leads to." }),
  title: textSchema,
  detail: textSchema.optional(),
  questions: z.array(idSchema).min(1).meta({ description: "The questions whose answers this step improves; it is proposed while any of them scores below 'below'." }),
  below: pointsSchema.default(100).meta({ description: "Propose the step while one of its questions scores under this." }),
  effort: z.int().min(1).max(3).default(2).meta({ description: "What the step takes: 1 a few days, 2 a few weeks, 3 months or a change of organisation. The plan weighs gain against it." }),
});
export type NextStep = z.infer<typeof nextStepSchema>;

export const rubricSchema = z
  .strictObject({
    $schema: z.string().optional(),
    kind: z.literal("rubric"),
    version: formatVersionSchema,
    id: idSchema,
    title: textSchema,
    description: textSchema.optional(),
    questionnaire: questionnaireRefSchema.meta({ description: "The id of the questionnaire this rubric scores, optionally id@revision." }),
    languages: z.array(languageSchema).min(1).optional().meta({ description: "Languages every text is given in; validate reports a missing one." }),
    unknown: z.enum(["zero", "exclude"]).default("zero").meta({
      description: "How \"don't know\" scores: as 0 points (said in the report) or left out like a missing answer.",
    }),
    missing: z.enum(["exclude", "zero"]).default("exclude").meta({
      description: "How a question shown and not answered scores: left out, the rest re-weighted (exclude), or as 0 points with its weight (zero).",
    }),
    notApplicable: z.enum(["exclude", "zero", "forbidden"]).default("exclude").meta({
      description:
        "How 'n/a' scores: exclude (the questions whose rule says notApplicable accept it; it leaves its dimension), zero (every scored question accepts it, as 0 points), forbidden (no question accepts it).",
    }),
    scale: scaleSchema.optional(),
    rollUp: rollUpSchema.default("mean"),
    stages: z.array(stageSchema).min(2).meta({ description: "Stage bands, lowest first; the first starts at 0." }),
    defaultTarget: z.string().min(1).meta({ description: "The stage aimed at when no --target is given." }),
    dimensions: z.array(dimensionRuleSchema).min(1),
    groups: z.array(groupRuleSchema).default([]).meta({
      description: "Dimensions grouped, groups nested, each with a weight: the report shows every level. Dimensions in no group stand beside the top groups.",
    }),
    gates: z.array(gateSchema).default([]),
    nextSteps: z.array(nextStepSchema).default([]),
  })
  .meta({ title: "maturity-audit rubric", description: "How a questionnaire's answers become scores, stages and next steps." });
export type Rubric = z.infer<typeof rubricSchema>;
