import type { Answers, AnswerValue } from "../model/answers.js";
import type { Question, Questionnaire } from "../model/questionnaire.js";
import { readAnswer } from "../model/answer-values.js";
import { evaluateCondition } from "../engine/condition.js";
import { own } from "../model/own.js";
import { resolveText } from "../i18n/text.js";

/** A question in the order it is asked, with its section and its place in the whole questionnaire. */
export interface FlowEntry {
  question: Question;
  sectionId: string;
  sectionTitle: string;
  position: number;
}

/** Where a respondent stands: answered of the questions shown to them, and how many the questionnaire has. */
export interface FlowProgress {
  answered: number;
  shown: number;
  total: number;
}

/** The questionnaire as one ordered list, the same for the terminal and the web. */
export function flowEntries(q: Questionnaire, lang = "en"): FlowEntry[] {
  const entries: FlowEntry[] = [];
  for (const s of q.sections) {
    const sectionTitle = resolveText(s.title, lang);
    for (const question of s.questions) entries.push({ question, sectionId: s.id, sectionTitle, position: entries.length + 1 });
  }
  return entries;
}

/** The values a `when` may look at: answers to questions that are themselves shown, in order. */
export function knownValues(entries: readonly FlowEntry[], answers: Answers): Map<string, AnswerValue> {
  const map = new Map<string, AnswerValue>();
  for (const e of entries) {
    if (e.question.when && evaluateCondition(e.question.when, map) !== true) continue;
    const a = readAnswer(own(answers.answers, e.question.id), e.question);
    if (a.kind === "value") map.set(e.question.id, a.value);
  }
  return map;
}

/** A question with a `when` is shown only once the answers it depends on make it hold. */
export function isShown(e: FlowEntry, known: ReadonlyMap<string, AnswerValue>): boolean {
  return !e.question.when || evaluateCondition(e.question.when, known) === true;
}

export function isAnswered(e: FlowEntry, answers: Answers): boolean {
  return readAnswer(own(answers.answers, e.question.id), e.question).kind !== "empty";
}

/** The questions shown for these answers, in order. */
export function shownEntries(entries: readonly FlowEntry[], answers: Answers): FlowEntry[] {
  const known = knownValues(entries, answers);
  return entries.filter((e) => isShown(e, known));
}

/** The next question to ask: the first shown, unanswered one not passed over. */
export function nextEntry(entries: readonly FlowEntry[], answers: Answers, passed: ReadonlySet<string> = new Set()): FlowEntry | undefined {
  return shownEntries(entries, answers).find((e) => !isAnswered(e, answers) && !passed.has(e.question.id));
}

export function progressOf(entries: readonly FlowEntry[], answers: Answers): FlowProgress {
  const shown = shownEntries(entries, answers);
  return { answered: shown.filter((e) => isAnswered(e, answers)).length, shown: shown.length, total: entries.length };
}
