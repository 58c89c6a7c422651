import type { z } from "zod";
import {
  borderlineSchema,
  confidenceSchema,
  coverageSchema,
  roadmapSchema,
  dimensionScoreSchema,
  gateResultSchema,
  type GroupScore,
  lagEstimateSchema,
  nextStepResultSchema,
  questionScoreSchema,
  questionStatusSchema,
  scorecardSchema,
} from "../model/scorecard.js";

export { SCORECARD_SCHEMA_VERSION, scorecardSchema } from "../model/scorecard.js";

export type QuestionStatus = z.infer<typeof questionStatusSchema>;
export type StageRef = { id: string; name: string };
export type QuestionScore = z.infer<typeof questionScoreSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type LagEstimate = z.infer<typeof lagEstimateSchema>;
export type DimensionScore = z.infer<typeof dimensionScoreSchema>;
export type GateResult = z.infer<typeof gateResultSchema>;
export type NextStepResult = z.infer<typeof nextStepResultSchema>;
export type Scorecard = z.infer<typeof scorecardSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type Borderline = z.infer<typeof borderlineSchema>;
export type { GroupScore };
export type Roadmap = z.infer<typeof roadmapSchema>;
