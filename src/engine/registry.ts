/** The rubrics shipped with the package, by name; the first for a questionnaire is its default. */
export const BUNDLED_RUBRICS = [
  {
    id: "media-house",
    questionnaire: "media-house",
    summary: "The media house 1.0 / 2.0 / 3.0 stages, weighing owned customer relationships and data most.",
  },
  {
    id: "relationship-first",
    questionnaire: "media-house",
    summary: "Owned relationships and data decide; channels count little. Stricter bands and gates for businesses past the basics.",
  },
] as const;

export type BundledRubricId = (typeof BUNDLED_RUBRICS)[number]["id"];

export function defaultRubricFor(questionnaireId: string): string | undefined {
  return BUNDLED_RUBRICS.find((r) => r.questionnaire === questionnaireId)?.id;
}
