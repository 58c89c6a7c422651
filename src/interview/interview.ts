import type { Answer, Answers, AnswerValue } from "../model/answers.js";
import type { Questionnaire } from "../model/questionnaire.js";
import type { Rubric } from "../model/rubric.js";
import type { ScoringRubric } from "../engine/rubric.js";
import { notApplicableIds } from "../engine/yaml-rubric.js";
import { resolveText } from "../i18n/text.js";
import { fill, messages } from "../i18n/messages.js";

import { NOT_APPLICABLE, UNKNOWN, answerProblem, readAnswer } from "../model/answer-values.js";
import { flowEntries, isAnswered, isShown, knownValues, shownEntries, type FlowEntry } from "./flow.js";

import type { AskChoice, Asker } from "./asker.js";
import { word } from "../i18n/phrase.js";
import { displayAnswer } from "../engine/display.js";
import { displayOrder } from "./display-order.js";
import { own } from "../model/own.js";
import { readTypedNumber } from "./number-input.js";
import { TEXT_ANSWER_MAX } from "./limits.js";

export interface InterviewOptions {
  lang?: string;
  /** For 'n/a': offered where the rubric accepts it. */
  rubric?: Rubric | ScoringRubric;
  /** Called after every change, with the whole answers object: the place to save. */
  onChange?: (answers: Answers) => void | Promise<void>;
}

const SKIP = Symbol("skip");
const SKIP_VALUE = "\u0000skip";
const HELP = Symbol("help");
const DONE = "\u0000done";

type Asked = AnswerValue | typeof SKIP;

type Entry = FlowEntry;

/** The answer's value, keeping its note when it is changed. */
function withValue(previous: Answer | null | undefined, value: AnswerValue): Answer {
  const prev = readAnswer(previous);
  return prev.note !== undefined ? { value, note: prev.note } : value;
}

/** Walks the questionnaire in order, asking what is unanswered and shown, then offers a review before returning. */
export async function interview(q: Questionnaire, asker: Asker, start: Answers, options: InterviewOptions = {}): Promise<Answers> {
  const lang = options.lang ?? "en";
  const m = messages(lang);
  const naAllowed = notApplicableIds(options.rubric);
  const entries = flowEntries(q, lang);
  const total = entries.length;
  const answers: Answers = { ...start, answers: { ...start.answers } };

  const shownNow = (e: Entry) => isShown(e, knownValues(entries, answers));
  const answeredNow = (e: Entry) => isAnswered(e, answers);

  const save = async () => options.onChange?.(answers);

  // Each question is asked once on its own; after that only from the review.
  const asked = new Set<string>();
  const askOne = async (e: Entry): Promise<void> => {
    asked.add(e.question.id);
    const current = readAnswer(own(answers.answers, e.question.id), e.question);
    const currentValue = current.kind === "value" ? current.value : current.kind === "unknown" ? UNKNOWN : current.kind === "na" ? NOT_APPLICABLE : undefined;
    const result = await ask(asker, e, total, lang, naAllowed.has(e.question.id), currentValue);
    if (result === SKIP) {
      if (current.kind === "empty") return;
      delete answers.answers[e.question.id];
    } else answers.answers[e.question.id] = withValue(own(answers.answers, e.question.id), result);
    await save();
  };

  // Never re-asks what a resumed file already holds; after a change in the review, asks only what it newly reveals.
  const askPending = async () => {
    for (const e of entries) if (shownNow(e) && !answeredNow(e) && !asked.has(e.question.id)) await askOne(e);
  };

  await askPending();

  for (;;) {
    const shown = shownEntries(entries, answers);
    const answered = shown.filter(answeredNow).length;
    const choices: AskChoice<string>[] = [
      { value: DONE, name: fill(m.reviewDone, { answered, shown: shown.length }) },
      ...shown.map((e) => {
        const a = readAnswer(own(answers.answers, e.question.id), e.question);
        const shownAnswer =
          a.kind === "value" ? displayAnswer(e.question, a.value, lang, m) : a.kind === "unknown" ? m.unknown : a.kind === "na" ? m.notApplicable : m.missing;
        return { value: e.question.id, name: `${e.position}. ${truncate(resolveText(e.question.text, lang), 50)} → ${truncate(shownAnswer, 30)}` };
      }),
    ];
    const picked = await asker.select({ message: m.reviewPrompt, choices, default: DONE });
    if (picked === DONE) break;
    const e = entries.find((x) => x.question.id === picked);
    if (e) await askOne(e);
    await askPending();
  }
  return answers;
}

function truncate(s: string, n: number): string {
  const one = s.replace(/\s+/g, " ");
  return one.length <= n ? one : one.slice(0, n - 1) + "…";
}

async function ask(asker: Asker, e: Entry, total: number, lang: string, naAllowed: boolean, current: AnswerValue | undefined): Promise<Asked> {
  const q = e.question;
  const m = messages(lang);
  const help = q.help ? resolveText(q.help, lang) : undefined;
  const message = `${e.sectionTitle} · ${e.position}/${total}\n  ${resolveText(q.text, lang)}`;
  const extras: AskChoice<Asked | typeof HELP>[] = [];
  if (q.allowUnknown) extras.push({ value: UNKNOWN, name: m.dontKnow });
  if (naAllowed) extras.push({ value: NOT_APPLICABLE, name: m.notApplicableToUs });
  extras.push({ value: SKIP, name: m.skipForNow });
  if (help) extras.push({ value: HELP, name: m.whatDoesThisMean });

  const selectLoop = async (choices: AskChoice<Asked | typeof HELP>[]): Promise<Asked> => {
    for (;;) {
      const v = await asker.select<Asked | typeof HELP>({ message, choices: [...choices, ...extras], ...(current !== undefined ? { default: current } : {}) });
      if (v !== HELP) return v;
      asker.note(help!);
    }
  };

  switch (q.type) {
    case "single":
      return selectLoop(
        displayOrder(q.id, q.options).map((o) => ({ value: o.value, name: resolveText(o.label, lang), ...(o.help ? { description: resolveText(o.help, lang) } : {}) })),
      );
    case "scale": {
      const choices: AskChoice<Asked>[] = [];
      for (let v = q.min; v <= q.max; v++) {
        const label = v === q.min && q.minLabel ? ` ${resolveText(q.minLabel, lang)}` : v === q.max && q.maxLabel ? ` ${resolveText(q.maxLabel, lang)}` : "";
        choices.push({ value: v, name: `${v}${label ? ` —${label}` : ""}` });
      }
      return selectLoop(choices);
    }
    case "boolean":
      // A select rather than a confirm, so that Enter never records an answer nobody chose and skipping is possible.
      return selectLoop([
        { value: true, name: m.yes[0]!.toUpperCase() + m.yes.slice(1) },
        { value: false, name: m.no[0]!.toUpperCase() + m.no.slice(1) },
      ]);
    case "multi": {
      if (help) asker.note(help);
      const picked = new Set(Array.isArray(current) ? current : []);
      const choices: AskChoice<string | number>[] = q.options.map((o) => ({
        value: o.value,
        name: resolveText(o.label, lang),
        checked: picked.has(o.value),
        ...(o.help ? { description: resolveText(o.help, lang) } : {}),
      }));
      // The answers that stand alone rather than combine with options.
      const alone: AskChoice<string | number>[] = [];
      if (q.allowUnknown) alone.push({ value: UNKNOWN, name: m.dontKnow, checked: current === UNKNOWN });
      if (naAllowed) alone.push({ value: NOT_APPLICABLE, name: m.notApplicableToUs, checked: current === NOT_APPLICABLE });
      alone.push({ value: SKIP_VALUE, name: m.skipForNow });
      const values = await asker.checkbox<string | number>({
        message: `${message}\n  ${m.checkboxHint}`,
        choices: [...choices, ...alone],
        validate: (v) => {
          const chosenAlone = alone.filter((a) => v.includes(a.value));
          if (chosenAlone.length && v.length > 1) return fill(m.standsAlone, { choice: chosenAlone[0]!.name });
          return true;
        },
      });
      if (values.includes(SKIP_VALUE)) return SKIP;
      if (values.includes(UNKNOWN)) return UNKNOWN;
      if (values.includes(NOT_APPLICABLE)) return NOT_APPLICABLE;
      return values;
    }
    case "number": {
      if (help) asker.note(help);
      const range = `${q.min ?? ""}${q.min !== undefined || q.max !== undefined ? "–" : ""}${q.max ?? ""}`;
      const unit = q.unit ? resolveText(q.unit, lang) : undefined;
      const percent = unit?.trim() === "%";
      const hint = [range && `${range}${unit ? ` ${unit}` : ""}`, q.allowUnknown && m.numberHintUnknown, naAllowed && "n/a", current === undefined ? m.numberHintSkip : m.numberHintClear].filter(Boolean).join(", ");
      const special = (s: string) => s === "" || (s === "?" && q.allowUnknown) || (s.toLowerCase() === "n/a" && naAllowed);
      const text = await asker.input({
        message: `${message} (${hint})`,
        ...(current !== undefined ? { default: current === UNKNOWN ? "?" : String(current) } : {}),
        validate: (t) => {
          const s = t.trim();
          if (special(s)) return true;
          const n = readTypedNumber(s, lang, percent);
          if (n === undefined) return q.allowUnknown ? m.typeANumberOrUnknown : m.typeANumber;
          if (q.integer && !Number.isInteger(n)) return m.typeAWholeNumber;
          if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max)) return fill(m.numberBetween, { min: q.min ?? "−∞", max: q.max ?? "∞" });
          const problem = answerProblem(q, n);
          return problem ? word(problem, m) : true;
        },
      });
      const s = text.trim();
      if (s === "") return SKIP;
      if (s === "?") return UNKNOWN;
      if (s.toLowerCase() === "n/a") return NOT_APPLICABLE;
      return readTypedNumber(s, lang, percent)!;
    }
    case "text": {
      const text = await asker.input({
        message: `${message} ${fill(m.textOptional, { max: TEXT_ANSWER_MAX })}`,
        ...(typeof current === "string" ? { default: current } : {}),
        maxLength: TEXT_ANSWER_MAX,
        validate: (t) => (t.trim().length > TEXT_ANSWER_MAX ? fill(m.textTooLong, { max: TEXT_ANSWER_MAX }) : true),
      });
      return text.trim() === "" ? SKIP : text.trim();
    }
  }
}
