import type { AnswerValue } from "../model/answers.js";
import type { QuestionType } from "../model/questionnaire.js";

export const SCORECARD_SCHEMA_VERSION = 1;

export type QuestionStatus = "answered" | "unknown" | "not-applicable" | "missing" | "hidden";

export interface StageRef {
  id: string;
  name: string;
}

/** How one question contributed to its dimension: every point is traceable. */
export interface QuestionScore {
  id: string;
  text: string;
  type: QuestionType;
  status: QuestionStatus;
  value?: AnswerValue;
  /** The answer as the respondent saw it. */
  display: string;
  note?: string;
  /** 0-100, or null when the question is not scored or not counted. */
  points: number | null;
  weight: number;
  /** Points this question adds to its dimension's 0-100 score. */
  contribution: number;
}

export interface Coverage {
  total: number;
  answered: number;
  unknown: number;
  notApplicable: number;
  missing: number;
  hidden: number;
}

export interface LagEstimate {
  years: number;
  /** The stage whose leaders' year the estimate counts from. */
  stage: string;
  leadersYear: number;
  asOfYear: number;
}

export interface DimensionScore {
  id: string;
  title: string;
  weight: number;
  /** 0-100 with one decimal, or null when nothing in it is answered. */
  score: number | null;
  stage: StageRef;
  /** The stage its score alone would reach, before gates. */
  scoreStage: StageRef;
  gap: number;
  blockedBy: string[];
  coverage: Coverage;
  lag?: LagEstimate;
  questions: QuestionScore[];
}

export interface GateResult {
  id: string;
  blocks: string;
  reason: string;
  /** blocking: the condition holds; unverified: its answers are missing; passed. */
  status: "blocking" | "unverified" | "passed";
  questions: string[];
}

export interface NextStepResult {
  id: string;
  dimension: string;
  stage: StageRef;
  title: string;
  detail?: string;
  /** Overall points at stake in the answers this step would improve. */
  gain: number;
  unlocksGate: boolean;
  because: Array<{ question: string; text: string; display: string; points: number | null }>;
}

export interface Scorecard {
  schemaVersion: typeof SCORECARD_SCHEMA_VERSION;
  questionnaire: { id: string; revision: number; title: string };
  rubric: { id: string; title: string };
  lang: string;
  respondent?: string;
  organisation?: string;
  date?: string;
  overall: {
    score: number | null;
    stage: StageRef;
    scoreStage: StageRef;
    blockedBy: string[];
    gap: number;
    lag?: LagEstimate;
  };
  target: { stage: StageRef; score: number; reached: boolean };
  stages: Array<StageRef & { min: number; summary?: string; leadersYear?: number }>;
  unknownScoredAs: "zero" | "exclude";
  dimensions: DimensionScore[];
  gates: GateResult[];
  nextSteps: NextStepResult[];
  coverage: Coverage;
}
