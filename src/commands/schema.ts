import * as z from "zod";
import { answersSchema } from "../model/answers.js";
import { questionnaireSchema } from "../model/questionnaire.js";
import { rubricSchema } from "../model/rubric.js";
import { scorecardSchema } from "../model/scorecard.js";
import { benchmarkSchema } from "../model/benchmark.js";

export const SCHEMA_KINDS = ["questionnaire", "answers", "rubric", "benchmark", "scorecard"] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

const schemas = { questionnaire: questionnaireSchema, answers: answersSchema, rubric: rubricSchema, benchmark: benchmarkSchema, scorecard: scorecardSchema };

/** The draft-07 JSON Schema of a file kind, which editors' YAML support reads. */
export function jsonSchemaFor(kind: SchemaKind): object {
  return z.toJSONSchema(schemas[kind], { target: "draft-07", io: "input", unrepresentable: "any" });
}
