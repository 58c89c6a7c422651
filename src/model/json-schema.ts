import * as z from "zod";
import { answersSchema } from "./answers.js";
import { questionnaireSchema } from "./questionnaire.js";
import { rubricSchema } from "./rubric.js";
import { scorecardSchema } from "./scorecard.js";
import { benchmarkSchema } from "./benchmark.js";

export const SCHEMA_KINDS = ["questionnaire", "answers", "rubric", "benchmark", "scorecard"] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

const schemas = { questionnaire: questionnaireSchema, answers: answersSchema, rubric: rubricSchema, benchmark: benchmarkSchema, scorecard: scorecardSchema };

/** The draft-07 JSON Schema of a file kind, which editors' YAML support reads. */
export function jsonSchemaFor(kind: SchemaKind): object {
  return z.toJSONSchema(schemas[kind], { target: "draft-07", io: "input", unrepresentable: "any" });
}
