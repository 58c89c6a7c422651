import { NAME_MAX, type Answer, type Answers, type AnswerValue } from "../model/answers.js";
import type { Question, Questionnaire } from "../model/questionnaire.js";
import { NOT_APPLICABLE, UNKNOWN, readAnswer } from "../model/answer-values.js";
import { displayAnswer } from "./display.js";
import type { Scorecard } from "./scorecard.js";
import { messages, type Messages } from "../i18n/messages.js";
import { emptyRecord, own } from "../model/own.js";

export interface QuestionConsensus {
  id: string;
  type: Question["type"];
  /** How many respondents gave each answer (option value, number, yes/no, 'unknown', 'n/a'). */
  distribution: Array<{ value: string; display: string; count: number; respondents: string[] }>;
  answered: number;
  /** The team's answer, or undefined when nobody answered. */
  consensus?: AnswerValue;
  /** The team's answer in words (not for free text); for a multiple choice where no option won a majority, says so. */
  display?: string;
  /** 1 when everyone agrees, towards 0 as answers spread; null with fewer than two answers. */
  agreement: number | null;
}

/** Widest spread first (lowest agreement), then the most answered: the order in which a team discusses its answers. */
export function bySpread(a: QuestionConsensus, b: QuestionConsensus): number {
  if (a.agreement === null || b.agreement === null) return a.agreement === b.agreement ? a.id.localeCompare(b.id) : a.agreement === null ? 1 : -1;
  return a.agreement - b.agreement || b.answered - a.answered || a.id.localeCompare(b.id);
}

/** Up to this many respondents a team is shown person by person; beyond it, as a distribution. */
export const TEAM_NAMES_SHOWN = 12;

export interface TeamView {
  respondents: string[];
  answers: Answers;
  questions: QuestionConsensus[];
}

const key = (v: AnswerValue) => (Array.isArray(v) ? `[${v.join(", ")}]` : String(v));

/** Puts a multiple-choice answer in the questionnaire's option order, so that [b, a] and [a, b] count as one answer. */
function optionOrder(q: Question): (v: AnswerValue) => AnswerValue {
  if (q.type !== "multi") return (v) => v;
  const order = new Map(q.options.map((o, i) => [o.value, i]));
  const at = (x: string | number) => order.get(x) ?? order.size;
  return (v) => (Array.isArray(v) ? [...v].sort((a, b) => at(a) - at(b)) : v);
}

/** An empty list reads "none of these" for one respondent, not as the dash of a missing answer. */
function displayOf(q: Question, v: AnswerValue, lang: string, m: Messages): string {
  return q.type === "multi" && Array.isArray(v) && v.length === 0 ? m.noneOfThese : displayAnswer(q, v, lang, m);
}

/** "Team (3): Anna, Björn, Cilla" while the names are few and the label fits a respondent's length; else "Team (n)". */
function teamLabel(respondents: string[]): string {
  const named = `Team (${respondents.length}): ${respondents.join(", ")}`;
  return respondents.length <= TEAM_NAMES_SHOWN && named.length <= NAME_MAX ? named : `Team (${respondents.length})`;
}

/** The lower median: with an even count the less mature of the two middle answers, so a team view never flatters. */
function lowerMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

/** Ordinal position of an answer: option index, or the number itself. */
function position(q: Question, v: AnswerValue): number | undefined {
  if (q.type === "single") {
    const i = q.options.findIndex((o) => o.value === v);
    return i < 0 ? undefined : i;
  }
  if ((q.type === "scale" || q.type === "number") && typeof v === "number") return v;
  return undefined;
}

function range(q: Question, values: number[]): number {
  if (q.type === "single") return q.options.length - 1;
  if (q.type === "scale") return q.max - q.min;
  if (q.type === "number" && q.min !== undefined && q.max !== undefined) return q.max - q.min;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  return hi - lo || 1;
}

/**
 * Merges several respondents' answers into one team view. Rules: median (the lower one) for ordered
 * options, scales and numbers; majority for yes/no (a tie counts as no) and per option of a multiple
 * choice (picked by more than half); "don't know" or "n/a" only when most respondents said so.
 */
export function mergeAnswers(q: Questionnaire, files: Array<{ respondent: string; answers: Answers }>, lang = "en"): TeamView {
  const m = messages(lang);
  const merged = emptyRecord<Answer>();
  const questions: QuestionConsensus[] = [];
  // One pass over each respondent's answers, so that every file is read once, not once per question.
  const byQuestion = new Map<string, Array<{ respondent: string; raw: Answer }>>();
  for (const section of q.sections) for (const question of section.questions) byQuestion.set(question.id, []);
  for (const f of files) {
    const answers = f.answers.answers;
    for (const id of Object.keys(answers)) byQuestion.get(id)?.push({ respondent: f.respondent, raw: own(answers, id)! });
  }
  for (const section of q.sections) {
    for (const question of section.questions) {
      const ordered = optionOrder(question);
      const dist = new Map<string, QuestionConsensus["distribution"][number]>();
      const values: AnswerValue[] = [];
      let answered = 0;
      let unknowns = 0;
      let nas = 0;
      for (const { respondent, raw } of byQuestion.get(question.id)!) {
        const a = readAnswer(raw, question);
        if (a.kind === "empty") continue;
        answered++;
        const value = a.kind === "value" ? ordered(a.value) : undefined;
        let k: string;
        if (value !== undefined) (k = key(value)), values.push(value);
        else if (a.kind === "unknown") (k = UNKNOWN), unknowns++;
        else (k = NOT_APPLICABLE), nas++;
        let e = dist.get(k);
        if (!e) {
          const display = value !== undefined ? displayOf(question, value, lang, m) : a.kind === "unknown" ? m.unknown : m.notApplicable;
          dist.set(k, (e = { value: k, display, count: 0, respondents: [] }));
        }
        e.count++;
        e.respondents.push(respondent);
      }
      let consensus: AnswerValue | undefined;
      let agreement: number | null = null;
      if (answered) {
        if (nas * 2 > answered) consensus = NOT_APPLICABLE;
        else if (unknowns * 2 > answered) consensus = UNKNOWN;
        else if (values.length) ({ consensus, agreement } = consensusOf(question, values));
      }
      if (answered < 2) agreement = null;
      else if (agreement !== null && values.length < answered) agreement = Math.round(agreement * (values.length / answered) * 100) / 100;
      const isTeamAnswer = consensus !== undefined && question.type !== "text";
      if (isTeamAnswer) merged[question.id] = consensus!;
      questions.push({
        id: question.id,
        type: question.type,
        distribution: [...dist.values()].sort((a, b) => b.count - a.count),
        answered,
        ...(consensus !== undefined ? { consensus } : {}),
        ...(isTeamAnswer ? { display: teamDisplay(question, consensus!, values, lang, m) } : {}),
        agreement,
      });
    }
  }
  const respondents = files.map((f) => f.respondent);
  const dates = files.map((f) => f.answers.date).filter((d): d is string => !!d).sort();
  const orgs = [...new Set(files.map((f) => f.answers.organisation).filter(Boolean))];
  return {
    respondents,
    answers: {
      kind: "answers",
      version: 1,
      questionnaire: `${q.id}@${q.revision}`,
      // Every name stays in `respondents`; the one-line label lists them only while it stays readable.
      respondent: teamLabel(respondents),
      respondents,
      ...(orgs.length === 1 ? { organisation: orgs[0] } : {}),
      ...(dates.length ? { date: dates.at(-1) } : {}),
      answers: merged,
    },
    questions,
  };
}

/** The team's answer in words. An empty multiple choice is either everyone's "none" or no option with a majority. */
function teamDisplay(q: Question, consensus: AnswerValue, values: AnswerValue[], lang: string, m: Messages): string {
  if (consensus === UNKNOWN) return m.unknown;
  if (consensus === NOT_APPLICABLE) return m.notApplicable;
  if (q.type === "multi" && Array.isArray(consensus) && consensus.length === 0)
    return values.some((v) => Array.isArray(v) && v.length > 0) ? m.noOptionByMajority : m.noneOfThese;
  return displayAnswer(q, consensus, lang, m);
}

/**
 * The team's scorecard with the team's answers in words: scoring reads an empty multiple choice like any
 * respondent's, but for a team it means that no option won a majority, which must not look like a gap.
 */
export function labelTeamAnswers(card: Scorecard, view: Pick<TeamView, "questions">): Scorecard {
  const team = new Map<string, string>();
  for (const q of view.questions) if (q.display !== undefined) team.set(q.id, q.display);
  // Only answers the card shows as answered; a hidden or missing question keeps its own wording.
  const shown = new Map<string, string>();
  for (const d of card.dimensions) for (const q of d.questions) if (q.status === "answered" && team.has(q.id)) shown.set(q.id, team.get(q.id)!);
  return {
    ...card,
    dimensions: card.dimensions.map((d) => ({
      ...d,
      questions: d.questions.map((q) => (shown.has(q.id) ? { ...q, display: shown.get(q.id)! } : q)),
    })),
    nextSteps: card.nextSteps.map((st) => ({ ...st, because: st.because.map((b) => (shown.has(b.question) ? { ...b, display: shown.get(b.question)! } : b)) })),
  };
}

function consensusOf(q: Question, values: AnswerValue[]): { consensus: AnswerValue; agreement: number | null } {
  switch (q.type) {
    case "single":
    case "scale":
    case "number": {
      const pos = values.map((v) => position(q, v)).filter((p): p is number => p !== undefined);
      if (!pos.length) return { consensus: values[0]!, agreement: null };
      const m = lowerMedian(pos);
      const spread = pos.reduce((s, p) => s + Math.abs(p - m), 0) / pos.length;
      const consensus = q.type === "single" ? q.options[m]!.value : m;
      return { consensus, agreement: Math.round((1 - Math.min(1, spread / (range(q, pos) / 2 || 1))) * 100) / 100 };
    }
    case "boolean": {
      const yes = values.filter((v) => v === true).length;
      const consensus = yes * 2 > values.length;
      return { consensus, agreement: Math.round((Math.max(yes, values.length - yes) / values.length) * 100) / 100 };
    }
    case "multi": {
      const lists = values.filter(Array.isArray) as Array<Array<string | number>>;
      const picks = new Map<string | number, number>();
      for (const l of lists) for (const v of l) picks.set(v, (picks.get(v) ?? 0) + 1);
      const consensus = q.options.map((o) => o.value).filter((v) => (picks.get(v) ?? 0) * 2 > lists.length);
      const team = new Set(consensus);
      // Mean Jaccard similarity of each respondent's picks to the team's.
      let sim = 0;
      for (const l of lists) {
        const shared = l.filter((x) => team.has(x)).length;
        const union = l.length + team.size - shared;
        sim += union === 0 ? 1 : shared / union;
      }
      return { consensus, agreement: Math.round((sim / (lists.length || 1)) * 100) / 100 };
    }
    case "text":
      return { consensus: values.map(String).join(" / "), agreement: null };
  }
}
