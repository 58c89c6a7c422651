import type { Option, Question, QuestionInFile, Questionnaire, QuestionnaireFile } from "../model/questionnaire.js";
import { say, type Path, type PathIssue } from "../errors.js";
import { optionOf } from "../model/answer-values.js";

/**
 * A questionnaire as loaded from one as written: each question that names an answer set gets the set's options,
 * with its own overrides of their texts. Problems come with the path of what is wrong; the questionnaire is
 * usable only when none is an error.
 */
export function resolveAnswerSets(file: QuestionnaireFile): { value: Questionnaire; issues: PathIssue[] } {
  const issues: PathIssue[] = [];
  const sets = new Map<string, Option[]>(Object.entries(file.answerSets ?? {}));
  for (const [name, options] of sets) {
    options.forEach((o, i) => {
      if (optionOf(options.slice(0, i), o.value)) issues.push({ path: ["answerSets", name, i, "value"], ...say("errDuplicateOption", { value: String(o.value) }) });
    });
  }
  const used = new Set<string>();
  const { answerSets: _sets, ...rest } = file;
  const value: Questionnaire = {
    ...rest,
    sections: file.sections.map((s, si) => ({
      ...s,
      questions: s.questions.map((q, qi) => resolveQuestion(q, ["sections", si, "questions", qi], sets, used, issues)),
    })),
  };
  for (const name of sets.keys()) if (!used.has(name)) issues.push({ path: ["answerSets", name], atKey: true, severity: "warning", ...say("warnUnusedAnswerSet", { name }) });
  return { value, issues };
}

function resolveQuestion(q: QuestionInFile, path: Path, sets: ReadonlyMap<string, Option[]>, used: Set<string>, issues: PathIssue[]): Question {
  if (q.type !== "single" && q.type !== "multi") return q;
  const { answerSet, overrides, options: own, ...base } = q;
  const fail = (sub: Path, phrase: ReturnType<typeof say>, atKey = false): Question => {
    issues.push({ path: [...path, ...sub], ...(atKey ? { atKey } : {}), ...phrase });
    return { ...base, options: own ?? [] };
  };
  if (answerSet === undefined) {
    if (overrides) return fail(["overrides"], say("errOverridesWithoutSet"), true);
    if (!own) return fail([], say("errNoOptions", { id: q.id }));
    return { ...base, options: own };
  }
  if (own) return fail(["options"], say("errOptionsAndAnswerSet", { name: answerSet }), true);
  const set = sets.get(answerSet);
  if (!set) {
    const names = [...sets.keys()];
    return fail(["answerSet"], names.length ? say("errUnknownAnswerSet", { name: answerSet, sets: names.join(", ") }) : say("errNoAnswerSets", { name: answerSet }));
  }
  used.add(answerSet);
  if (q.type === "single" && set.length < 2) return fail(["answerSet"], say("errAnswerSetTooSmall", { name: answerSet }));
  const options = set.map((o) => ({ ...o }));
  const seen = new Set<Option>();
  overrides?.forEach((o, i) => {
    const target = optionOf(options, o.value);
    if (!target) {
      issues.push({ path: [...path, "overrides", i, "value"], ...say("errOverrideNotInSet", { value: String(o.value), name: answerSet, options: set.map((x) => String(x.value)).join(", ") }) });
      return;
    }
    if (seen.has(target)) issues.push({ path: [...path, "overrides", i, "value"], ...say("errOverrideTwice", { value: String(o.value) }) });
    seen.add(target);
    if (o.label !== undefined) target.label = o.label;
    if (o.help !== undefined) target.help = o.help;
  });
  return { ...base, options };
}
