import { answerProblem, readAnswer } from "../engine/answer.js";
import type { Answers } from "../model/answers.js";
import type { Questionnaire } from "../model/questionnaire.js";
import type { Rubric } from "../model/rubric.js";
import type { ScoringRubric } from "../engine/rubric.js";
import { notApplicableIds } from "../engine/yaml-rubric.js";
import { indexQuestions } from "./check-questionnaire.js";
import type { PathIssue } from "./yaml.js";
import { say } from "../errors.js";

export function parseQuestionnaireRef(ref: string): { id: string; revision?: number } {
  const [id, rev] = ref.split("@");
  return rev === undefined ? { id: id! } : { id: id!, revision: Number(rev) };
}

/** Checks answers against their questionnaire (and rubric, for 'n/a'). */
export function checkAnswers(a: Answers, q: Questionnaire, rubric?: Rubric | ScoringRubric): PathIssue[] {
  const issues: PathIssue[] = [];
  const ref = parseQuestionnaireRef(a.questionnaire);
  if (ref.id !== q.id) {
    issues.push({ path: ["questionnaire"], ...say("errAnswersOtherQuestionnaire", { id: ref.id, expected: q.id }) });
    return issues;
  }
  if (ref.revision !== undefined && ref.revision !== q.revision) {
    issues.push({ path: ["questionnaire"], ...say("errAnswersOtherRevision", { revision: ref.revision, id: q.id, expected: q.revision }) });
  }
  const questions = indexQuestions(q);
  const naAllowed = notApplicableIds(rubric);

  for (const [id, raw] of Object.entries(a.answers)) {
    const qref = questions.get(id);
    if (!qref) {
      issues.push({ path: ["answers", id], atKey: true, ...say("errUnknownQuestionId", { id }) });
      continue;
    }
    const ans = readAnswer(raw, qref.question);
    const path = ["answers", id];
    if (ans.kind === "unknown" && !qref.question.allowUnknown) {
      issues.push({ path, ...say("errNoUnknown", { id }) });
    } else if (ans.kind === "na" && rubric && !naAllowed.has(id)) {
      issues.push({ path, ...say("errNoNotApplicable", { id, rubric: rubric.id }) });
    } else if (ans.kind === "value") {
      const problem = answerProblem(qref.question, ans.value);
      if (problem) issues.push({ path: typeof raw === "object" && raw && !Array.isArray(raw) ? [...path, "value"] : path, ...say(problem.key, problem.params) });
    }
  }
  return issues;
}
