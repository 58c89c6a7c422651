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
    summary: "The same stages; owned relationships and data weigh most, channels little, with stricter gates on the way to 2.0 and 3.0.",
  },
  {
    id: "media-house-quick",
    questionnaire: "media-house-quick",
    summary: "The quick audit's rubric: the full rubric's stages and gates on 14 questions.",
  },
] as const;

export type BundledRubricId = (typeof BUNDLED_RUBRICS)[number]["id"];

export function defaultRubricFor(questionnaireId: string): string | undefined {
  return BUNDLED_RUBRICS.find((r) => r.questionnaire === questionnaireId)?.id;
}
