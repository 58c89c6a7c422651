import * as z from "zod";
import { dateSchema, dictSchema, formatVersionSchema, languageSchema, questionnaireRefSchema } from "./common.js";


export const answerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const answerSchema = z.union([
  answerValueSchema,
  z.strictObject({
    value: answerValueSchema,
    note: z.string().optional().meta({ description: "The evidence or reason behind the answer." }),
  }),
]).meta({ description: "An option value, a list of values, a number, true/false, text, 'unknown', 'n/a', or { value, note }." });
export type Answer = z.infer<typeof answerSchema>;

/** The longest name a respondent or organisation may have: what a file is read with, it is saved with. */
export const NAME_MAX = 200;

export const answersSchema = z
  .strictObject({
    $schema: z.string().optional(),
    kind: z.literal("answers"),
    version: formatVersionSchema,
    questionnaire: questionnaireRefSchema.meta({ description: "The questionnaire answered: its id, optionally id@revision." }),
    rubric: z.string().max(200).optional().meta({ description: "The rubric the audit was scored with: a bundled rubric's name, else its id." }),
    sources: z
      .strictObject({
        questionnaire: z.string().min(1).max(1000).optional().meta({ description: "The questionnaire file, relative to this file, when it is not bundled." }),
        rubric: z.string().min(1).max(1000).optional().meta({ description: "The YAML rubric file, relative to this file, when it is not bundled." }),
      })
      .optional()
      .meta({ description: "Where the questionnaire and rubric this file was made with are found, so that no flag has to name them again." }),
    respondent: z.string().max(NAME_MAX).optional(),
    respondents: z.array(z.string().max(200)).optional().meta({ description: "For a merged team view: who answered." }),
    organisation: z.string().max(200).optional(),
    date: dateSchema.optional(),
    lang: languageSchema.optional(),
    answers: dictSchema(z.string(), answerSchema.nullable())
      .nullish()
      .transform((v) => v ?? (Object.create(null) as Record<string, Answer | null>))
      .meta({ description: "Question id to answer; an empty or missing value means not answered yet." }),
  })
  .meta({ title: "maturity-audit answers", description: "One respondent's answers to a questionnaire. A partial file is valid." });
export type Answers = z.infer<typeof answersSchema>;
