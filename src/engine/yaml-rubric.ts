import type { AnswerValue } from "../model/answers.js";
import type { Question } from "../model/questionnaire.js";
import type { QuestionRule, Rubric } from "../model/rubric.js";
import { resolveText } from "../i18n/text.js";
import { evaluateCondition } from "./condition.js";
import type { GroupInfo, RubricEvaluation, RubricInput, ScoringRubric } from "./rubric.js";
import { toHundred } from "./scale.js";
import { own } from "../model/own.js";

/** Points (0-100) of a valid answer under a rule, or null when the rule cannot score it. */
export function pointsFor(q: Question, rule: QuestionRule, value: AnswerValue): number | null {
  const p = rule.points;
  switch (q.type) {
    case "single": {
      const i = q.options.findIndex((o) => o.value === value);
      if (i < 0) return null;
      return p ? (own(p, String(value)) ?? 0) : (i / (q.options.length - 1)) * 100;
    }
    case "multi": {
      if (!Array.isArray(value)) return null;
      const picked = q.options.filter((o) => value.includes(o.value));
      const sum = picked.reduce((s, o) => s + (p ? (own(p, String(o.value)) ?? 0) : 100 / q.options.length), 0);
      return Math.min(100, sum);
    }
    case "scale":
      if (typeof value !== "number") return null;
      return p ? (own(p, String(value)) ?? 0) : ((value - q.min) / (q.max - q.min)) * 100;
    case "number": {
      if (typeof value !== "number" || !rule.bands) return null;
      let best = 0;
      let reached = -Infinity;
      for (const b of rule.bands) if (value >= b.atLeast && b.atLeast >= reached) ((best = b.points), (reached = b.atLeast));
      return best;
    }
    case "boolean":
      if (typeof value !== "boolean") return null;
      return value ? (own(p, "yes") ?? 100) : (own(p, "no") ?? 0);
    case "text":
      return null;
  }
}

/** The next answer up of a question from an answer: the next option, scale value or yes; undefined at the top. */
export function nextAnswerUp(q: Question, value: AnswerValue): string | number | boolean | undefined {
  switch (q.type) {
    case "single":
      return q.options[q.options.findIndex((o) => o.value === value) + 1]?.value;
    case "scale":
      return typeof value === "number" && value < q.max ? value + 1 : undefined;
    case "boolean":
      return value === false ? true : undefined;
    default:
      return undefined;
  }
}

/** The key of an answer in a rule's points and steps: the value as text, 'yes' or 'no' for a boolean. */
export function answerKey(value: AnswerValue): string {
  return typeof value === "boolean" ? (value ? "yes" : "no") : String(value);
}

const rubricCache = new WeakMap<Rubric, Map<string, ScoringRubric>>();

/** The YAML rubric as an implementation of the rubric interface; made once per rubric and language. */
export function yamlRubric(rubric: Rubric, lang = "en"): ScoringRubric {
  let byLang = rubricCache.get(rubric);
  if (!byLang) rubricCache.set(rubric, (byLang = new Map()));
  let made = byLang.get(lang);
  if (!made) {
    byLang.set(lang, (made = makeYamlRubric(rubric, lang)));
    madeHere.add(made);
  }
  return made;
}

/** Rubrics made here from a validated YAML rubric: their evaluations need no second check. */
const madeHere = new WeakSet<ScoringRubric>();

export function isYamlRubric(r: ScoringRubric): boolean {
  return madeHere.has(r);
}

function makeYamlRubric(rubric: Rubric, lang: string): ScoringRubric {
  const rules = new Map<string, QuestionRule>();
  for (const d of rubric.dimensions) for (const [id, rule] of Object.entries(d.questions)) rules.set(id, rule);
  // Found once: evaluate runs for every neighbouring answer the verdict's confidence tries.
  const withSteps = rubric.dimensions.flatMap((d) => Object.entries(d.questions).flatMap(([id, rule]) => (rule.steps ? [{ dimension: d.id, id, rule, steps: rule.steps }] : [])));
  const questions = new Map<string, Question>();
  const gateQuestions = rubric.gates.map((g) => ("all" in g.when ? g.when.all : "any" in g.when ? g.when.any : [g.when]).map((t) => t.question));
  // A gate whose every question is not applicable does not apply; one that cannot be decided is unverified.
  const gateStatus = (g: Rubric["gates"][number], known: ReadonlyMap<string, AnswerValue>, input: RubricInput): "blocking" | "unverified" | "passed" => {
    const holds = evaluateCondition(g.when, known);
    const allNa = gateQuestions[rubric.gates.indexOf(g)]!.every((id) => input.sheet.get(id)?.status === "not-applicable");
    return holds === true ? "blocking" : holds === undefined && !allNa ? "unverified" : "passed";
  };
  return {
    id: rubric.id,
    title: resolveText(rubric.title, lang),
    questionnaire: rubric.questionnaire.split("@")[0]!,
    stages: rubric.stages.map((s) => ({
      id: s.id,
      name: resolveText(s.name, lang),
      // Written in the scale, a band's minimum is kept as written for exact comparison, and on 0-100 beside it.
      ...(rubric.scale ? { min: toHundred(s.min, rubric.scale), scaledMin: s.min } : { min: s.min }),
      ...(s.summary ? { summary: resolveText(s.summary, lang) } : {}),
      ...(s.leadersYear !== undefined ? { leadersYear: s.leadersYear } : {}),
      ...(s.lag ? { lag: { ...(s.lag.years !== undefined ? { years: s.lag.years } : {}), source: resolveText(s.lag.source, lang) } } : {}),
    })),
    defaultTarget: rubric.defaultTarget,
    unknown: rubric.unknown,
    notApplicable: naAccepted(rubric, rules),
    ...(rubric.missing === "zero" ? { missing: "zero" as const } : {}),
    ...(rubric.notApplicable === "zero" ? { notApplicableScore: "zero" as const } : {}),
    ...(rubric.scale ? { scale: { ...rubric.scale } } : {}),
    // A rubric built in code rather than parsed may leave out what the schema defaults.
    ...(rubric.groups?.length ? { groups: rubric.groups.map((g) => groupInfo(g, lang)) } : {}),
    rollUp: rubric.rollUp ?? "mean",
    evaluate(input: RubricInput): RubricEvaluation {
      // The questions, for pointsOf afterwards: the rubric is made once, the questionnaire comes with each input.
      if (!questions.size) for (const sec of input.questionnaire.sections) for (const q of sec.questions) questions.set(q.id, q);
      const pointsOf = (id: string): number | null => {
        const e = input.sheet.get(id);
        const rule = rules.get(id);
        if (!e || !rule) return null;
        if (e.status === "unknown") return rubric.unknown === "zero" ? 0 : null;
        if (e.status === "missing") return rubric.missing === "zero" ? 0 : null;
        if (e.status === "not-applicable") return rubric.notApplicable === "zero" ? 0 : null;
        if (e.status !== "answered" || e.value === undefined) return null;
        return pointsFor(e.question, rule, e.value);
      };
      const dimensions = rubric.dimensions.map((d) => ({
        id: d.id,
        weight: d.weight,
        questions: Object.entries(d.questions).map(([id, rule]) => ({ id, points: pointsOf(id), weight: rule.weight, ...(rule.expects ? { expects: rule.expects } : {}) })),
      }));
      const gates = rubric.gates.map((g, i) => ({ id: g.id, blocks: g.blocks, reason: resolveText(g.reason, lang), status: gateStatus(g, input.known, input), questions: gateQuestions[i]! }));
      const nextSteps: NonNullable<RubricEvaluation["nextSteps"]> = rubric.nextSteps.flatMap((s) => {
        const holding = s.questions.filter((id) => {
          const e = input.sheet.get(id);
          if (!e || e.status === "hidden" || e.status === "not-applicable" || !rules.has(id)) return false;
          return (pointsOf(id) ?? 0) < s.below;
        });
        if (!holding.length) return [];
        return [
          {
            id: s.id,
            dimension: s.dimension,
            stage: s.stage,
            title: resolveText(s.title, lang),
            ...(s.detail ? { detail: resolveText(s.detail, lang) } : {}),
            questions: holding,
            effort: s.effort,
          },
        ];
      });
      // A step per answer: every unfinished activity has its step, whatever the band of its dimension.
      for (const { dimension, id, rule, steps } of withSteps) {
        const e = input.sheet.get(id);
        if (!e || e.status !== "answered" || e.value === undefined) continue;
        const step = steps[answerKey(e.value)];
        const next = step && nextAnswerUp(e.question, e.value);
        if (!step || next === undefined) continue;
        nextSteps.push({
          id: step.id ?? `${id}@${answerKey(e.value)}`,
          dimension,
          ...(step.stage ? { stage: step.stage } : {}),
          title: resolveText(step.title, lang),
          ...(step.detail ? { detail: resolveText(step.detail, lang) } : {}),
          questions: [id],
          effort: step.effort,
          level: { question: id, value: next, points: pointsFor(e.question, rule, next) ?? 0 },
        });
      }
      return { dimensions, gates, nextSteps };
    },
    pointsOf(id, value) {
      const rule = rules.get(id);
      const q = questions.get(id);
      return rule && q ? pointsFor(q, rule, value) : null;
    },
    gateStatus(known, input) {
      return rubric.gates.map((g) => ({ id: g.id, status: gateStatus(g, known, input) }));
    },
  };
}

/** The questions that accept 'n/a': those whose rule says so, every scored one when it counts as zero, none when forbidden. */
function naAccepted(rubric: Rubric, rules: ReadonlyMap<string, QuestionRule>): string[] {
  if (rubric.notApplicable === "forbidden") return [];
  if (rubric.notApplicable === "zero") return [...rules.keys()];
  return [...rules].filter(([, r]) => r.notApplicable).map(([id]) => id);
}

function groupInfo(g: Rubric["groups"][number], lang: string): GroupInfo {
  return {
    id: g.id,
    title: resolveText(g.title, lang),
    ...(g.short ? { short: resolveText(g.short, lang) } : {}),
    ...(g.rollUp ? { rollUp: g.rollUp } : {}),
    weight: g.weight ?? 1,
    dimensions: [...(g.dimensions ?? [])],
    groups: (g.groups ?? []).map((x) => groupInfo(x, lang)),
  };
}

/** Question ids a rubric accepts 'n/a' for, whichever kind it is. */
export function notApplicableIds(rubric: Rubric | ScoringRubric | undefined): ReadonlySet<string> {
  if (!rubric) return new Set();
  return new Set(("evaluate" in rubric ? rubric : yamlRubric(rubric)).notApplicable ?? []);
}
