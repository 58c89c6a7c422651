import type { Answer, Answers, AnswerValue } from "../model/answers.js";
import type { Question, Questionnaire } from "../model/questionnaire.js";
import { NOT_APPLICABLE, UNKNOWN, readAnswer } from "./answer.js";

import { messages } from "../i18n/messages.js";
import { displayAnswer } from "./display.js";

export interface QuestionConsensus {
  id: string;
  type: Question["type"];
  /** How many respondents gave each answer (option value, number, yes/no, 'unknown', 'n/a'). */
  distribution: Array<{ value: string; display: string; count: number; respondents: string[] }>;
  answered: number;
  /** The team's answer, or undefined when nobody answered. */
  consensus?: AnswerValue;
  /** 1 when everyone agrees, towards 0 as answers spread; null with fewer than two answers. */
  agreement: number | null;
}

export interface TeamView {
  respondents: string[];
  answers: Answers;
  questions: QuestionConsensus[];
}

const key = (v: AnswerValue) => (Array.isArray(v) ? `[${v.join(", ")}]` : String(v));

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
  return Math.max(...values) - Math.min(...values) || 1;
}

/**
 * Merges several respondents' answers into one team view. Rules: median (the lower one) for ordered
 * options, scales and numbers; majority for yes/no (a tie counts as no) and per option of a multiple
 * choice (picked by more than half); "don't know" or "n/a" only when most respondents said so.
 */
export function mergeAnswers(q: Questionnaire, files: Array<{ respondent: string; answers: Answers }>, lang = "en"): TeamView {
  const m = messages(lang);
  const merged: Record<string, Answer> = {};
  const questions: QuestionConsensus[] = [];
  for (const section of q.sections) {
    for (const question of section.questions) {
      const given = files.flatMap((f) => {
        const a = readAnswer(f.answers.answers[question.id], question);
        return a.kind === "empty" ? [] : [{ respondent: f.respondent, a }];
      });
      const dist = new Map<string, QuestionConsensus["distribution"][number]>();
      for (const g of given) {
        const k = g.a.kind === "value" ? key(g.a.value) : g.a.kind === "unknown" ? UNKNOWN : NOT_APPLICABLE;
        const display = g.a.kind === "value" ? displayAnswer(question, g.a.value, lang, m) : g.a.kind === "unknown" ? m.unknown : m.notApplicable;
        const e = dist.get(k) ?? { value: k, display, count: 0, respondents: [] };
        e.count++;
        e.respondents.push(g.respondent);
        dist.set(k, e);
      }
      const values = given.flatMap((g) => (g.a.kind === "value" ? [g.a.value] : []));
      const unknowns = given.filter((g) => g.a.kind === "unknown").length;
      const nas = given.filter((g) => g.a.kind === "na").length;
      let consensus: AnswerValue | undefined;
      let agreement: number | null = null;
      if (given.length) {
        if (nas * 2 > given.length) consensus = NOT_APPLICABLE;
        else if (unknowns * 2 > given.length) consensus = UNKNOWN;
        else if (values.length) ({ consensus, agreement } = consensusOf(question, values));
      }
      if (given.length < 2) agreement = null;
      else if (agreement !== null && values.length < given.length) agreement = Math.round(agreement * (values.length / given.length) * 100) / 100;
      if (consensus !== undefined && question.type !== "text") merged[question.id] = consensus;
      questions.push({
        id: question.id,
        type: question.type,
        distribution: [...dist.values()].sort((a, b) => b.count - a.count),
        answered: given.length,
        ...(consensus !== undefined ? { consensus } : {}),
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
      respondent: `Team (${respondents.length}): ${respondents.join(", ")}`,
      respondents,
      ...(orgs.length === 1 ? { organisation: orgs[0] } : {}),
      ...(dates.length ? { date: dates.at(-1) } : {}),
      answers: merged,
    },
    questions,
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
      const lists = values.filter(Array.isArray) as string[][];
      const consensus = q.options.map((o) => o.value).filter((v) => lists.filter((l) => l.includes(v)).length * 2 > lists.length);
      // Mean Jaccard similarity of each respondent's picks to the team's.
      const sim = lists.map((l) => {
        const union = new Set([...l, ...consensus]);
        return union.size === 0 ? 1 : l.filter((x) => consensus.includes(x)).length / union.size;
      });
      return { consensus, agreement: Math.round((sim.reduce((a, b) => a + b, 0) / (sim.length || 1)) * 100) / 100 };
    }
    case "text":
      return { consensus: values.map(String).join(" / "), agreement: null };
  }
}
