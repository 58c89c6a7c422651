import type { Questionnaire } from "../model/questionnaire.js";
import { say, type PathIssue } from "../errors.js";

/** A file's `questionnaire:` reference, `id` or `id@revision`. */
export function parseQuestionnaireRef(ref: string): { id: string; revision?: number } {
  const [id, rev] = ref.split("@");
  return rev === undefined ? { id: id! } : { id: id!, revision: Number(rev) };
}

/** An answers file must answer this questionnaire, and the revision it pins, if any. */
export function checkAnswersRef(ref: string, q: Questionnaire): PathIssue[] {
  const r = parseQuestionnaireRef(ref);
  if (r.id !== q.id) return [{ path: ["questionnaire"], ...say("errAnswersOtherQuestionnaire", { id: r.id, expected: q.id }) }];
  if (r.revision !== undefined && r.revision !== q.revision) {
    return [{ path: ["questionnaire"], ...say("errAnswersOtherRevision", { revision: r.revision, id: q.id, expected: q.revision }) }];
  }
  return [];
}
