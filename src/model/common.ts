import * as z from "zod";
import type { CliKey } from "../i18n/cli-messages.js";

/** Schemas carry message keys, not sentences: they are worded where a problem is reported. */
export const messageKey = (k: CliKey): string => k;
const key = messageKey;

/** Keys that must never become object keys: they reach Object.prototype. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export const languageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, key("expectLanguageCode"))
  .meta({ description: "A language code such as en, sv, nb or da." });

/** A user-facing text: one string, or one string per language. */
export const textSchema = z
  .union([z.string().min(1), z.record(languageSchema, z.string().min(1))])
  .meta({
    title: "Text",
    description: "A text, either one string or a map from language code to string (en, sv, nb, da).",
  });
export type Text = z.infer<typeof textSchema>;

export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, key("expectId"))
  .max(120)
  .refine((s) => !RESERVED_KEYS.has(s), { message: key("errReservedId") })
  .meta({ description: "An identifier: letters, digits, '.', '_' and '-'." });

/**
 * A map from ids to values, read onto a null prototype: an id named like an Object.prototype member
 * (toString, valueOf, hasOwnProperty) then finds only its own entry, never an inherited function.
 */
export function dictSchema<K extends z.core.$ZodRecordKey, V extends z.core.SomeType>(keySchema: K, valueSchema: V) {
  return z.record(keySchema, valueSchema).transform((r) => Object.assign(Object.create(null) as typeof r, r));
}

const DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date, YYYY-MM-DD: 2026-02-30 has the right form and is still refused. */
export const dateSchema = z
  .string()
  .regex(DATE_FORM, key("expectDate"))
  .superRefine((s, ctx) => {
    if (DATE_FORM.test(s) && !isCalendarDate(s)) ctx.addIssue({ code: "custom", message: key("errNotACalendarDate"), params: { key: "errNotACalendarDate", date: s } });
  })
  .meta({ description: "A date as YYYY-MM-DD." });

function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The questionnaire a file is for: its id, optionally pinned to a revision as id@revision. */
export const questionnaireRefSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*(@[0-9]+)?$/, key("expectQuestionnaireRef"))
  .meta({ description: "The questionnaire's id, optionally id@revision." });

export const formatVersionSchema = z.literal(1).meta({ description: "File format version. Always 1 for now." });
