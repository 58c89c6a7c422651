import * as z from "zod";
import { formatVersionSchema, idSchema, textSchema } from "./common.js";

export const benchmarkSchema = z
  .strictObject({
    $schema: z.string().optional(),
    kind: z.literal("benchmark"),
    version: formatVersionSchema,
    id: idSchema,
    title: textSchema,
    questionnaire: z.string().min(1).meta({ description: "The questionnaire whose dimensions the scores refer to." }),
    illustrative: z.boolean().meta({ description: "true when the scores are an example, not measured data; reports say so." }),
    source: textSchema.optional().meta({ description: "Where the scores come from." }),
    overall: z.number().min(0).max(100).optional(),
    scores: z.record(idSchema, z.number().min(0).max(100)).meta({ description: "A score (0-100) per dimension id." }),
  })
  .meta({ title: "maturity-audit benchmark", description: "A peer profile: per-dimension scores to compare an audit with." });
export type Benchmark = z.infer<typeof benchmarkSchema>;
