import * as z from "zod";
import { formatVersionSchema, idSchema, languageSchema, textSchema } from "./common.js";
import { messageKey as key } from "./common.js";
import { conditionSchema } from "./condition.js";


export const RESERVED_ANSWERS = ["unknown", "n/a"] as const;

export const optionSchema = z.strictObject({
  value: idSchema.refine((v) => !(RESERVED_ANSWERS as readonly string[]).includes(v), {
    message: key("errReservedAnswer"),
  }).meta({ description: "The value stored in an answers file. Never translated." }),
  label: textSchema.meta({ description: "What the respondent sees." }),
  help: textSchema.optional(),
});
export type Option = z.infer<typeof optionSchema>;

const base = {
  id: idSchema.meta({ description: "Unique across the questionnaire, e.g. data.kpi-review." }),
  text: textSchema.meta({ description: "The question as asked." }),
  help: textSchema.optional().meta({ description: "An explanation of terms, shown on request." }),
  allowUnknown: z.boolean().optional().meta({ description: "Offer \"don't know\" as an answer (stored as 'unknown')." }),
  when: conditionSchema.optional().meta({ description: "Ask only when this condition on earlier answers holds." }),
};

export const singleQuestionSchema = z.strictObject({
  ...base,
  type: z.literal("single"),
  options: z.array(optionSchema).min(2).meta({ description: "The choices, least mature first." }),
});
export const multiQuestionSchema = z.strictObject({
  ...base,
  type: z.literal("multi"),
  options: z.array(optionSchema).min(1).meta({ description: "The choices; any number may be picked." }),
});
export const scaleQuestionSchema = z.strictObject({
  ...base,
  type: z.literal("scale"),
  min: z.int().min(0).max(100),
  max: z.int().min(1).max(100),
  minLabel: textSchema.optional().meta({ description: "What the lowest value means." }),
  maxLabel: textSchema.optional().meta({ description: "What the highest value means." }),
});
export const numberQuestionSchema = z.strictObject({
  ...base,
  type: z.literal("number"),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  unit: textSchema.optional().meta({ description: "The unit shown after the number, e.g. %." }),
});
export const booleanQuestionSchema = z.strictObject({ ...base, type: z.literal("boolean") });
export const textQuestionSchema = z.strictObject({ ...base, type: z.literal("text") });

export const questionSchema = z.discriminatedUnion("type", [
  singleQuestionSchema,
  multiQuestionSchema,
  scaleQuestionSchema,
  numberQuestionSchema,
  booleanQuestionSchema,
  textQuestionSchema,
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question["type"];
export type ChoiceQuestion = z.infer<typeof singleQuestionSchema> | z.infer<typeof multiQuestionSchema>;

export const sectionSchema = z.strictObject({
  id: idSchema.meta({ description: "The dimension id, e.g. channels." }),
  title: textSchema,
  description: textSchema.optional(),
  questions: z.array(questionSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

export const questionnaireSchema = z
  .strictObject({
    $schema: z.string().optional(),
    kind: z.literal("questionnaire"),
    version: formatVersionSchema,
    id: idSchema,
    revision: z.int().min(1).default(1).meta({ description: "The questionnaire's own revision; answers may pin it as id@revision." }),
    title: textSchema,
    description: textSchema.optional(),
    languages: z.array(languageSchema).min(1).default(["en"]).meta({ description: "Languages every text is given in." }),
    estimatedMinutes: z.int().min(1).optional(),
    sections: z.array(sectionSchema).min(1),
  })
  .meta({ title: "maturity-audit questionnaire", description: "Sections (dimensions) of questions." });
export type Questionnaire = z.infer<typeof questionnaireSchema>;
