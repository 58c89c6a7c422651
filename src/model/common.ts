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

export const formatVersionSchema = z.literal(1).meta({ description: "File format version. Always 1 for now." });
