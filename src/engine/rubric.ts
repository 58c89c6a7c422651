import * as z from "zod";
import type { AnswerValue } from "../model/answers.js";
import type { Question, Questionnaire } from "../model/questionnaire.js";
import type { QuestionStatus } from "./scorecard.js";

/** One question as the rubric sees it: whether it was shown and answered, and how. */
export interface SheetEntry {
  question: Question;
  section: string;
  status: QuestionStatus;
  value?: AnswerValue;
  note?: string;
}

/** What every rubric is given: the questionnaire and the answers, already checked and resolved. */
export interface RubricInput {
  questionnaire: Questionnaire;
  /** Every question of the questionnaire, in order. */
  sheet: ReadonlyMap<string, SheetEntry>;
  /** Answered values of shown questions, by id: the view conditions use. */
  known: ReadonlyMap<string, AnswerValue>;
  lang: string;
}

const stageInfoSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  min: z.number().min(0).max(100),
  /** The band's lowest score in the rubric's display scale, as written; `min` is the same on 0-100. */
  scaledMin: z.number().optional(),
  summary: z.string().optional(),
  leadersYear: z.int().optional(),
  /** How many years a business at this stage lags the leaders, and on what basis. */
  lag: z.strictObject({ years: z.union([z.int().min(0), z.tuple([z.int().min(0), z.int().min(0)])]).optional(), source: z.string() }).optional(),
});

/** What a rubric returns; the engine derives stages, caps, coverage, ordering and the scorecard from it. */
export const rubricEvaluationSchema = z.strictObject({
  dimensions: z.array(
    z.strictObject({
      id: z.string().min(1),
      // Capped as in a YAML rubric: weights of 1e308 overflow their sum to Infinity, and the score to NaN.
      weight: z.number().min(0).max(1000).default(1),
      /** Points (0-100) and weight of each scored question; the dimension score is their weighted mean unless `score` is given. */
      questions: z.array(
        z.strictObject({
          id: z.string().min(1),
          points: z.number().min(0).max(100).nullable(),
          weight: z.number().min(0).max(1000),
          /** The points the answer needs at each stage, by stage id: a weaker answer is a step in the plan. */
          expects: z.record(z.string(), z.number().min(0).max(100)).optional(),
        }),
      ),
      score: z.number().min(0).max(100).nullable().optional(),
    }),
  ),
  gates: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        blocks: z.string().min(1),
        reason: z.string(),
        status: z.enum(["blocking", "unverified", "passed"]),
        questions: z.array(z.string()),
      }),
    )
    .default([]),
  nextSteps: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        dimension: z.string().min(1),
        /** The stage the step leads to; a step with a level may leave it out: the next stage of its dimension. */
        stage: z.string().min(1).optional(),
        title: z.string().min(1),
        detail: z.string().optional(),
        /** The questions whose answers hold the score down, most important first. */
        questions: z.array(z.string()).min(1),
        /** What the step takes: 1 a few days, 2 a few weeks, 3 months or a change of organisation. */
        effort: z.int().min(1).max(3).optional(),
        /** A step of one answer: the answer it raises its question to. It stays in the roadmap until the question gets there. */
        level: z.strictObject({ question: z.string().min(1), value: z.union([z.string(), z.number(), z.boolean()]), points: z.number().min(0).max(100) }).optional(),
      }),
    )
    .default([]),
});
export type RubricEvaluation = z.input<typeof rubricEvaluationSchema>;

const scaleInfoSchema = z.strictObject({ min: z.number(), max: z.number(), decimals: z.int().min(0).max(6) });

/** A group of dimensions as the engine rolls it up; texts already in the report's language. */
export interface GroupInfo {
  id: string;
  title: string;
  short?: string;
  weight: number;
  rollUp?: "mean" | "sum";
  dimensions: string[];
  groups: GroupInfo[];
}

/** The rubric interface: the YAML rubric implements it, and so can a plugin module. */
export interface ScoringRubric {
  id: string;
  title: string;
  /** The id of the questionnaire it scores. */
  questionnaire: string;
  /** Score bands, lowest first; the first starts at 0. */
  stages: Array<z.infer<typeof stageInfoSchema>>;
  defaultTarget: string;
  /** How "don't know" is scored, for the report's wording. */
  unknown?: "zero" | "exclude";
  /** Question ids that may be answered 'n/a'. */
  notApplicable?: string[];
  /** How a shown, unanswered question scores: left out (the default) or as 0 points. */
  missing?: "exclude" | "zero";
  /** How an accepted 'n/a' scores: left out (the default) or as 0 points. */
  notApplicableScore?: "exclude" | "zero";
  /** The model's own numbers: scores are shown in it and stages compared in it, exactly. */
  scale?: z.infer<typeof scaleInfoSchema>;
  /** Dimensions grouped into a tree; dimensions in no group stand beside the top groups. */
  groups?: GroupInfo[];
  /** How groups and the overall score come from their parts; mean by default. */
  rollUp?: "mean" | "sum";
  evaluate(input: RubricInput): RubricEvaluation | Promise<RubricEvaluation>;
  /**
   * Optional, for how firm the verdict is: the points another value of a question would get, and the gates'
   * status had the known answers been otherwise. Without them the report does not say how near the next stage is.
   */
  pointsOf?(questionId: string, value: AnswerValue): number | null;
  gateStatus?(known: ReadonlyMap<string, AnswerValue>, input: RubricInput): Array<{ id: string; status: "blocking" | "unverified" | "passed" }>;
}

/** How long a plugin may take to load, and to answer one evaluation, unless told otherwise. */
export const PLUGIN_TIMEOUT_MS = 5000;

/** The shape a plugin module must export (as default or as `rubric`). */
export const scoringRubricSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  questionnaire: z.string().min(1),
  stages: z.array(stageInfoSchema).min(2),
  defaultTarget: z.string().min(1),
  unknown: z.enum(["zero", "exclude"]).optional(),
  notApplicable: z.array(z.string()).optional(),
  missing: z.enum(["zero", "exclude"]).optional(),
  notApplicableScore: z.enum(["zero", "exclude"]).optional(),
  scale: scaleInfoSchema.optional(),
  rollUp: z.enum(["mean", "sum"]).optional(),
  evaluate: z.custom<ScoringRubric["evaluate"]>((v) => typeof v === "function", "must be a function"),
});
