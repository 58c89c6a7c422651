import { createHash } from "node:crypto";

/**
 * Whether a single-choice question shows its options last-first. Decided by a hash of the question id,
 * so that about half the questions are turned, the same ones on every run, in every language and on
 * every screen, and the least mature answer is not always the first one offered.
 */
export function showsReversed(questionId: string): boolean {
  return (createHash("sha256").update(questionId).digest()[0]! & 1) === 1;
}

/**
 * The options of a single-choice question in the order a respondent sees them. Only the screen changes:
 * the stored value and the file's order (least mature first, which rubrics and merge rely on) stay.
 * A catch-all "other" stays last, where people look for it.
 */
export function displayOrder<T extends { value: unknown }>(questionId: string, options: readonly T[]): T[] {
  if (!showsReversed(questionId)) return [...options];
  const last = options[options.length - 1];
  if (last?.value === "other") return [...options.slice(0, -1).reverse(), last];
  return [...options].reverse();
}
