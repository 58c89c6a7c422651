// The bundled media-house questionnaire and rubric as the engine takes them, loaded once per worker: parsing
// them with positions costs most of a second, and many test files need them. Frozen, so that a test or the
// engine changing them fails loudly instead of leaking into another test.
import { bundledQuestionnairePath, bundledRubricPath } from "../../src/load/bundled.js";
import { loadQuestionnaire, loadRubricFile } from "../../src/load/load.js";
import type { Questionnaire } from "../../src/model/questionnaire.js";
import type { Rubric } from "../../src/model/rubric.js";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

let loaded: { questionnaire: Questionnaire; rubric: Rubric } | undefined;

export function mediaHouse(): { questionnaire: Questionnaire; rubric: Rubric } {
  return (loaded ??= deepFreeze({
    questionnaire: loadQuestionnaire(bundledQuestionnairePath("media-house")).value,
    rubric: loadRubricFile(bundledRubricPath("media-house")).value,
  }));
}
