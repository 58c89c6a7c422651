import * as z from "zod";
import { idSchema } from "./common.js";
import { messageKey as key } from "./common.js";


const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

/** One test on one earlier answer. Exactly one operator must be given. */
export const conditionTestSchema = z
  .strictObject({
    question: idSchema.meta({ description: "The id of the question whose answer is tested." }),
    equals: scalarSchema.optional().meta({ description: "The answer equals this value." }),
    in: z.array(scalarSchema).min(1).optional().meta({ description: "The answer is one of these values." }),
    notIn: z.array(scalarSchema).min(1).optional().meta({ description: "The answer is none of these values." }),
    includes: z.union([z.string(), z.number()]).optional().meta({ description: "A multi answer includes this option." }),
    atLeast: z.number().optional().meta({ description: "A numeric answer is at least this." }),
    atMost: z.number().optional().meta({ description: "A numeric answer is at most this." }),
  })
  .superRefine((c, ctx) => {
    const ops = (["equals", "in", "notIn", "includes", "atLeast", "atMost"] as const).filter((k) => c[k] !== undefined);
    if (ops.length !== 1) {
      ctx.addIssue(
        ops.length === 0
          ? { code: "custom", message: key("errOneTestNone"), params: { key: "errOneTestNone" } }
          : { code: "custom", message: key("errOneTest"), params: { key: "errOneTest", found: ops.join(", ") } },
      );
    }
  });
export type ConditionTest = z.infer<typeof conditionTestSchema>;

export const conditionSchema = z
  .union([
    conditionTestSchema,
    z.strictObject({ all: z.array(conditionTestSchema).min(1).meta({ description: "Every test holds." }) }),
    z.strictObject({ any: z.array(conditionTestSchema).min(1).meta({ description: "At least one test holds." }) }),
  ])
  .meta({
    title: "Condition",
    description: "A test on earlier answers: { question, equals | in | notIn | includes | atLeast | atMost }, or { all: [...] } / { any: [...] }.",
  });
export type Condition = z.infer<typeof conditionSchema>;
