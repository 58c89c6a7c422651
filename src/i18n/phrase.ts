import { cliMessages, type CliKey } from "./cli-messages.js";
import { fill } from "./fill.js";

/** A message by key and values, put into words where it is printed, in the reader's language. */
export interface Phrase {
  key: CliKey;
  params?: Record<string, string | number | Phrase>;
}

/** Puts a phrase into words from a table of templates (English unless another is given). */
export function word(p: Phrase, templates: Record<CliKey, string> = cliMessages): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.params ?? {})) values[k] = typeof v === "object" ? word(v, templates) : v;
  return fill(templates[p.key], values);
}

/** Words for a phrase in the reader's language; English when none is chosen. */
export type Wording = (p: Phrase) => string;
export const english: Wording = (p) => word(p);
