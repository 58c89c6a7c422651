import * as z from "zod";
import { formatVersionSchema, idSchema, languageSchema, textSchema } from "./common.js";
import { messageKey as key } from "./common.js";
import { conditionSchema } from "./condition.js";


export const RESERVED_ANSWERS = ["unknown", "n/a"] as const;

/** What an answers file stores for an option: an id, or a number such as 0.25 for models that grade by value. */
export const optionValueSchema = z
  .union([
    idSchema.refine((v) => !(RESERVED_ANSWERS as readonly string[]).includes(v), { message: key("errReservedAnswer") }),
    z.number().min(-1e9).max(1e9),
  ])
  .meta({ description: "The value stored in an answers file: an id or a number (e.g. 0.25). Never translated." });
export type OptionValue = z.infer<typeof optionValueSchema>;

export const optionSchema = z.strictObject({
  value: optionValueSchema,
  label: textSchema.meta({ description: "What the respondent sees." }),
  help: textSchema.optional(),
});
export type Option = z.infer<typeof optionSchema>;

/** A question's own wording of an option of its answer set: the value names the option, the rest replaces its texts. */
export const optionOverrideSchema = z
  .strictObject({
    value: optionValueSchema.meta({ description: "The value of the answer set's option to reword." }),
    label: textSchema.optional(),
    help: textSchema.optional(),
  })
  .meta({ description: "New label or help for one option of the answer set, for this question only." });

const choiceFields = {
  answerSet: idSchema.optional().meta({ description: "The name of an answer set under answerSets: its options, in its order, instead of options." }),
  overrides: z.array(optionOverrideSchema).min(1).optional().meta({ description: "With answerSet: new texts for some of its options, for this question." }),
};

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
  options: z.array(optionSchema).min(2).optional().meta({ description: "The choices, least mature first. Or name an answerSet." }),
  ...choiceFields,
});
export const multiQuestionSchema = z.strictObject({
  ...base,
  type: z.literal("multi"),
  options: z.array(optionSchema).min(1).optional().meta({ description: "The choices; any number may be picked. Or name an answerSet." }),
  ...choiceFields,
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
/** A question as written: a choice may name an answer set instead of listing its options. */
export type QuestionInFile = z.infer<typeof questionSchema>;
/** A question as loaded: every choice lists its options, answer sets and overrides applied. */
export type Question = QuestionInFile extends infer Q
  ? Q extends { type: "single" | "multi" }
    ? Omit<Q, "options" | "answerSet" | "overrides"> & { options: Option[] }
    : Q
  : never;
export type QuestionType = Question["type"];
export type ChoiceQuestion = Extract<Question, { type: "single" | "multi" }>;

export const sectionSchema = z.strictObject({
  id: idSchema.meta({ description: "The dimension id, e.g. channels." }),
  title: textSchema,
  short: textSchema.optional().meta({ description: "A short title (a word or two) for narrow places: batch columns, radar labels, trends. Without it, a unique abbreviation of the title." }),
  description: textSchema.optional(),
  questions: z.array(questionSchema).min(1),
});
export type Section = Omit<z.infer<typeof sectionSchema>, "questions"> & { questions: Question[] };

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
    answerSets: z
      .record(idSchema, z.array(optionSchema).min(1))
      .optional()
      .meta({ description: "Option lists shared by many questions, by name, e.g. maturity4; a question names one with answerSet." }),
    sections: z.array(sectionSchema).min(1),
  })
  .meta({ title: "maturity-audit questionnaire", description: "Sections (dimensions) of questions." });
/** A questionnaire as written, answer sets unresolved. */
export type QuestionnaireFile = z.infer<typeof questionnaireSchema>;
/** A questionnaire as loaded: what the engine, the interview and the reports read. */
export type Questionnaire = Omit<QuestionnaireFile, "sections" | "answerSets"> & { sections: Section[] };
