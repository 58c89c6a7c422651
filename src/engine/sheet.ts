import type { Answers, AnswerValue } from "../model/answers.js";
import type { Question, Questionnaire } from "../model/questionnaire.js";
import { say, type PathIssue } from "../errors.js";
import { answerProblem, readAnswer, type ReadAnswer } from "../model/answer-values.js";
import { evaluateCondition } from "./condition.js";
import type { RubricInput, SheetEntry } from "./rubric.js";

export interface SheetOptions {
  lang?: string;
  /** Question ids the rubric accepts 'n/a' for; without it, 'n/a' is not judged (no rubric at hand). */
  notApplicable?: ReadonlySet<string>;
  /** The rubric's id, for the message when 'n/a' is not accepted. */
  rubricId?: string;
}

// A batch reads thousands of files against one questionnaire: index its questions once.
const indexed = new WeakMap<Questionnaire, ReadonlyMap<string, Question>>();
function questionsOf(q: Questionnaire): ReadonlyMap<string, Question> {
  let map = indexed.get(q);
  if (!map) indexed.set(q, (map = new Map(q.sections.flatMap((s) => s.questions.map((x) => [x.id, x] as const)))));
  return map;
}

/**
 * Reads the answers against their questionnaire in one pass: every answer is checked once, and the
 * result is both the rubric's input (each question's status, in order, so that 'when' sees only what was
 * asked before) and the problems of the answers (unknown ids, values that do not fit), in file order.
 * An answer that does not fit counts as missing.
 */
export function readSheet(questionnaire: Questionnaire, answers: Answers, options: SheetOptions = {}): { input: RubricInput; issues: PathIssue[] } {
  const questions = questionsOf(questionnaire);
  const issues: PathIssue[] = [];
  const read = new Map<string, { ans: ReadAnswer; fits: boolean }>();
  for (const [id, raw] of Object.entries(answers.answers)) {
    const q = questions.get(id);
    if (!q) {
      issues.push({ path: ["answers", id], atKey: true, ...say("errUnknownQuestionId", { id }) });
      continue;
    }
    const ans = readAnswer(raw, q);
    const path = ["answers", id];
    let fits = true;
    if (ans.kind === "unknown" && !q.allowUnknown) {
      issues.push({ path, ...say("errNoUnknown", { id }) });
      fits = false;
    } else if (ans.kind === "na" && options.notApplicable && !options.notApplicable.has(id)) {
      issues.push({ path, ...say("errNoNotApplicable", { id, rubric: options.rubricId ?? "" }) });
      fits = false;
    } else if (ans.kind === "value") {
      const problem = answerProblem(q, ans.value);
      if (problem) {
        issues.push({ path: typeof raw === "object" && raw && !Array.isArray(raw) ? [...path, "value"] : path, ...say(problem.key, problem.params) });
        fits = false;
      }
    }
    read.set(id, { ans, fits });
  }

  const known = new Map<string, AnswerValue>();
  const sheet = new Map<string, SheetEntry>();
  for (const section of questionnaire.sections) {
    for (const q of section.questions) {
      const r = read.get(q.id);
      const ans: ReadAnswer = r?.ans ?? { kind: "empty" };
      const shown = q.when ? evaluateCondition(q.when, known) === true : true;
      const note = ans.kind !== "empty" && ans.note !== undefined ? { note: ans.note } : {};
      const base = { question: q, section: section.id };
      let entry: SheetEntry;
      if (!shown) {
        entry = { ...base, status: "hidden", ...note };
        // Score leaves it out; validate must say so rather than count it.
        if (r?.fits && ans.kind !== "empty") issues.push({ path: ["answers", q.id], atKey: true, severity: "warning", ...say("warnHiddenAnswer", { id: q.id }) });
      }
      else if (!r?.fits || ans.kind === "empty") entry = { ...base, status: "missing" };
      else if (ans.kind === "unknown") entry = { ...base, status: "unknown", ...note };
      else if (ans.kind === "na") entry = { ...base, status: "not-applicable", ...note };
      else {
        known.set(q.id, ans.value);
        entry = { ...base, status: "answered", value: ans.value, ...note };
      }
      sheet.set(q.id, entry);
    }
  }
  return { input: { questionnaire, sheet, known, lang: options.lang ?? "en" }, issues };
}
