import * as z from "zod";
import { messageKey as key, dateSchema, dictSchema, formatVersionSchema, idSchema, questionnaireRefSchema, textSchema } from "./common.js";

export const benchmarkSchema = z
  .strictObject({
    $schema: z.string().optional(),
    kind: z.literal("benchmark"),
    version: formatVersionSchema,
    id: idSchema,
    title: textSchema,
    questionnaire: questionnaireRefSchema.meta({ description: "The questionnaire whose dimensions the scores refer to." }),
    illustrative: z.boolean().meta({ description: "true when the scores are an example, not measured data; reports say so." }),
    source: textSchema.optional().meta({ description: "Where the scores come from: who, how they were gathered." }),
    n: z.int().min(1).optional().meta({ description: "How many audits or businesses the profile summarises." }),
    dates: z
      .strictObject({ from: dateSchema, to: dateSchema })
      .superRefine((d, ctx) => {
        if (d.to < d.from) ctx.addIssue({ code: "custom", path: ["to"], message: key("errDatesReversed"), params: { key: "errDatesReversed", from: d.from, to: d.to } });
      })
      .optional()
      .meta({ description: "The dates of the earliest and latest audit behind the profile." }),
    quartiles: dictSchema(idSchema, z.tuple([z.number().min(0).max(100), z.number().min(0).max(100), z.number().min(0).max(100)]))
      .optional()
      .meta({ description: "Per dimension id (and 'overall'): the lower quartile, median and upper quartile." }),
    overall: z.number().min(0).max(100).optional(),
    scores: dictSchema(idSchema, z.number().min(0).max(100)).meta({ description: "A score (0-100) per dimension id." }),
  })
  .meta({ title: "maturity-audit benchmark", description: "A peer profile: per-dimension scores to compare an audit with." });
export type Benchmark = z.infer<typeof benchmarkSchema>;
