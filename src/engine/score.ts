import type { Answers, AnswerValue } from "../model/answers.js";
import type { Question, Questionnaire } from "../model/questionnaire.js";
import type { QuestionRule, Rubric } from "../model/rubric.js";
import { resolveText } from "../i18n/text.js";
import { messages, type Messages } from "../i18n/messages.js";
import { answerProblem, readAnswer } from "./answer.js";
import { evaluateCondition } from "./condition.js";
import { conditionTests } from "../load/check-questionnaire.js";
import {
  SCORECARD_SCHEMA_VERSION,
  type Coverage,
  type DimensionScore,
  type GateResult,
  type LagEstimate,
  type NextStepResult,
  type QuestionScore,
  type Scorecard,
  type StageRef,
} from "./scorecard.js";

export interface ScoreOptions {
  /** Language of the texts in the scorecard. */
  lang?: string;
  /** Stage id to aim for; the rubric's default otherwise. */
  target?: string;
  /** YYYY-MM-DD the lag estimate counts to when the answers carry no date. */
  asOf?: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Points (0-100) of a valid answer under a rule, or null when the rule cannot score it. */
export function pointsFor(q: Question, rule: QuestionRule, value: AnswerValue): number | null {
  const p = rule.points;
  switch (q.type) {
    case "single": {
      const i = q.options.findIndex((o) => o.value === value);
      if (i < 0) return null;
      return p ? (p[String(value)] ?? 0) : (i / (q.options.length - 1)) * 100;
    }
    case "multi": {
      if (!Array.isArray(value)) return null;
      const picked = q.options.filter((o) => value.includes(o.value));
      const sum = picked.reduce((s, o) => s + (p ? (p[o.value] ?? 0) : 100 / q.options.length), 0);
      return Math.min(100, sum);
    }
    case "scale":
      if (typeof value !== "number") return null;
      return p ? (p[String(value)] ?? 0) : ((value - q.min) / (q.max - q.min)) * 100;
    case "number": {
      if (typeof value !== "number" || !rule.bands) return null;
      let best: number | null = 0;
      let reached = -Infinity;
      for (const b of rule.bands) if (value >= b.atLeast && b.atLeast >= reached) ((best = b.points), (reached = b.atLeast));
      return best;
    }
    case "boolean":
      if (typeof value !== "boolean") return null;
      return value ? (p?.yes ?? 100) : (p?.no ?? 0);
    case "text":
      return null;
  }
}

export function displayAnswer(q: Question, value: AnswerValue, lang: string, m: Messages): string {
  switch (q.type) {
    case "single":
      return resolveText(q.options.find((o) => o.value === value)?.label, lang) || String(value);
    case "multi":
      return Array.isArray(value) && value.length
        ? value.map((v) => resolveText(q.options.find((o) => o.value === v)?.label, lang) || v).join("; ")
        : "—";
    case "scale":
      return `${String(value)}/${q.max}`;
    case "number":
      return `${String(value)}${q.unit ? ` ${resolveText(q.unit, lang)}` : ""}`;
    case "boolean":
      return value === true ? m.yes : value === false ? m.no : String(value);
    case "text":
      return String(value);
  }
}

function stageIndexFor(rubric: Rubric, score: number | null): number {
  if (score === null) return 0;
  let idx = 0;
  rubric.stages.forEach((s, i) => {
    if (score >= s.min) idx = i;
  });
  return idx;
}

function lagFor(rubric: Rubric, stageIndex: number, asOfYear: number | undefined): LagEstimate | undefined {
  const next = rubric.stages[stageIndex + 1];
  if (!next || next.leadersYear === undefined || asOfYear === undefined) return undefined;
  return { years: Math.max(0, asOfYear - next.leadersYear), stage: next.id, leadersYear: next.leadersYear, asOfYear };
}

function emptyCoverage(): Coverage {
  return { total: 0, answered: 0, unknown: 0, notApplicable: 0, missing: 0, hidden: 0 };
}

function addCoverage(c: Coverage, status: QuestionScore["status"]): void {
  c.total++;
  if (status === "answered") c.answered++;
  else if (status === "unknown") c.unknown++;
  else if (status === "not-applicable") c.notApplicable++;
  else if (status === "missing") c.missing++;
  else c.hidden++;
}

/**
 * Scores answers with a YAML rubric. Pure: no I/O, no clock (pass asOf), no mutation of its inputs.
 * Inputs are expected to be validated; an answer that does not fit its question is treated as missing.
 */
export function scoreAnswers(questionnaire: Questionnaire, rubric: Rubric, answers: Answers, options: ScoreOptions = {}): Scorecard {
  const lang = options.lang ?? "en";
  const m = messages(lang);
  const stageRef = (i: number): StageRef => {
    const s = rubric.stages[Math.max(0, Math.min(i, rubric.stages.length - 1))]!;
    return { id: s.id, name: resolveText(s.name, lang) };
  };
  const stageIndex = (id: string) => rubric.stages.findIndex((s) => s.id === id);
  const targetId = options.target ?? rubric.defaultTarget;
  const targetIdx = Math.max(0, stageIndex(targetId));
  const targetScore = rubric.stages[targetIdx]!.min;
  const dateStr = answers.date ?? options.asOf;
  const asOfYear = dateStr ? Number(dateStr.slice(0, 4)) : undefined;

  const rules = new Map<string, { rule: QuestionRule; dimWeight: number }>();
  for (const d of rubric.dimensions) for (const [id, rule] of Object.entries(d.questions)) rules.set(id, { rule, dimWeight: d.weight });

  // Walk the questions in order so that 'when' sees only what was asked before.
  const known = new Map<string, AnswerValue>();
  const perQuestion = new Map<string, QuestionScore>();
  for (const section of questionnaire.sections) {
    for (const q of section.questions) {
      const raw = Object.prototype.hasOwnProperty.call(answers.answers, q.id) ? answers.answers[q.id] : undefined;
      const ans = readAnswer(raw);
      const rule = rules.get(q.id)?.rule;
      const shown = q.when ? evaluateCondition(q.when, known) === true : true;
      const base = { id: q.id, text: resolveText(q.text, lang), type: q.type, weight: rule?.weight ?? 0, contribution: 0 };
      const note = ans.kind === "empty" ? {} : ans.note !== undefined ? { note: ans.note } : {};
      let qs: QuestionScore;
      if (!shown) qs = { ...base, status: "hidden", display: m.hidden, points: null, ...note };
      else if (ans.kind === "unknown" && q.allowUnknown)
        qs = { ...base, status: "unknown", display: m.unknown, points: rule && rubric.unknown === "zero" ? 0 : null, ...note };
      else if (ans.kind === "na" && rule?.notApplicable) qs = { ...base, status: "not-applicable", display: m.notApplicable, points: null, ...note };
      else if (ans.kind === "value" && answerProblem(q, ans.value) === undefined) {
        known.set(q.id, ans.value);
        qs = {
          ...base,
          status: "answered",
          value: ans.value,
          display: displayAnswer(q, ans.value, lang, m),
          points: rule ? pointsFor(q, rule, ans.value) : null,
          ...note,
        };
      } else qs = { ...base, status: "missing", display: m.missing, points: null };
      perQuestion.set(q.id, qs);
    }
  }

  // Gates: a key answer that holds, or is not known, keeps its stage out of reach.
  const gates: GateResult[] = rubric.gates.map((g) => {
    const holds = evaluateCondition(g.when, known);
    const qids = conditionTests(g.when).map((t) => t.test.question);
    const allNa = qids.every((id) => perQuestion.get(id)?.status === "not-applicable");
    const status = holds === true ? "blocking" : holds === undefined && !allNa ? "unverified" : "passed";
    return { id: g.id, blocks: g.blocks, reason: resolveText(g.reason, lang), status, questions: qids };
  });
  const capFor = (qids: (id: string) => boolean) => {
    let cap = rubric.stages.length - 1;
    const by: string[] = [];
    for (const g of gates) {
      if (g.status === "passed" || !g.questions.some(qids)) continue;
      by.push(g.id);
      cap = Math.min(cap, stageIndex(g.blocks) - 1);
    }
    return { cap, by };
  };

  const sectionById = new Map(questionnaire.sections.map((s) => [s.id, s]));
  const dimensions: DimensionScore[] = rubric.dimensions.flatMap((d) => {
    const section = sectionById.get(d.id);
    if (!section) return [];
    const qs = section.questions.map((q) => perQuestion.get(q.id)!);
    const counted = qs.filter((x) => x.points !== null && x.weight > 0 && d.questions[x.id] !== undefined);
    const totalWeight = counted.reduce((s, x) => s + x.weight, 0);
    let score: number | null = null;
    if (totalWeight > 0) {
      for (const x of counted) x.contribution = round1(((x.points ?? 0) * x.weight) / totalWeight);
      score = round1(counted.reduce((s, x) => s + (x.points ?? 0) * x.weight, 0) / totalWeight);
    }
    for (const x of qs) if (x.points !== null) x.points = round1(x.points);
    const coverage = emptyCoverage();
    for (const x of qs) if (d.questions[x.id] !== undefined) addCoverage(coverage, x.status);
    const scoreIdx = stageIndexFor(rubric, score);
    const ids = new Set(section.questions.map((q) => q.id));
    const { cap, by } = capFor((id) => ids.has(id));
    const idx = Math.min(scoreIdx, cap);
    const lag = lagFor(rubric, idx, asOfYear);
    return [
      {
        id: d.id,
        title: resolveText(section.title, lang),
        weight: d.weight,
        score,
        stage: stageRef(idx),
        scoreStage: stageRef(scoreIdx),
        gap: round1(Math.max(0, targetScore - (score ?? 0))),
        blockedBy: scoreIdx > cap ? by : [],
        coverage,
        ...(lag ? { lag } : {}),
        questions: qs,
      },
    ];
  });

  const scoredDims = dimensions.filter((d) => d.score !== null && d.weight > 0);
  const dimWeight = scoredDims.reduce((s, d) => s + d.weight, 0);
  const overallScore = dimWeight > 0 ? round1(scoredDims.reduce((s, d) => s + (d.score ?? 0) * d.weight, 0) / dimWeight) : null;
  const overallScoreIdx = stageIndexFor(rubric, overallScore);
  const overallCap = capFor(() => true);
  const overallIdx = Math.min(overallScoreIdx, overallCap.cap);
  const overallLag = lagFor(rubric, overallIdx, asOfYear);

  const coverage = emptyCoverage();
  for (const d of dimensions) for (const k of Object.keys(coverage) as Array<keyof Coverage>) coverage[k] += d.coverage[k];

  // Next steps: toward stages the dimension has not reached, nearest stage first, then what unlocks a gate, then the most points.
  const dimById = new Map(dimensions.map((d) => [d.id, d]));
  const blockingQuestions = new Set(gates.filter((g) => g.status !== "passed").flatMap((g) => g.questions));
  const nextSteps: Array<NextStepResult & { order: number }> = [];
  for (const step of rubric.nextSteps) {
    const dim = dimById.get(step.dimension);
    const sIdx = stageIndex(step.stage);
    if (!dim || sIdx < 0) continue;
    const dimIdx = stageIndex(dim.stage.id);
    const holding = step.questions
      .map((id) => perQuestion.get(id))
      .filter((x): x is QuestionScore => !!x && x.status !== "hidden" && x.status !== "not-applicable" && rules.has(x.id))
      .filter((x) => (x.points ?? 0) < step.below);
    if (!holding.length) continue;
    // A step for a stage already reached still matters when its answers keep a gate shut.
    const unlocksGate = holding.some((x) => blockingQuestions.has(x.id));
    if (sIdx <= dimIdx && !unlocksGate) continue;
    let gain = 0;
    for (const x of holding) {
      const r = rules.get(x.id)!;
      const dimTotal = dim.questions.filter((y) => y.weight > 0 && y.status !== "hidden" && y.status !== "not-applicable" && rules.has(y.id)).reduce((s, y) => s + y.weight, 0);
      if (dimTotal > 0 && dimWeight > 0) gain += ((100 - (x.points ?? 0)) * r.rule.weight) / dimTotal * (dim.weight / (dimWeight || 1));
    }
    nextSteps.push({
      id: step.id,
      dimension: step.dimension,
      stage: stageRef(sIdx),
      title: resolveText(step.title, lang),
      ...(step.detail ? { detail: resolveText(step.detail, lang) } : {}),
      gain: round1(gain),
      unlocksGate,
      because: holding.map((x) => ({ question: x.id, text: x.text, display: x.display, points: x.points })),
      order: Math.max(sIdx, dimIdx + 1),
    });
  }
  nextSteps.sort((a, b) => a.order - b.order || Number(b.unlocksGate) - Number(a.unlocksGate) || b.gain - a.gain || a.id.localeCompare(b.id));

  const targetRef = stageRef(targetIdx);
  return {
    schemaVersion: SCORECARD_SCHEMA_VERSION,
    questionnaire: { id: questionnaire.id, revision: questionnaire.revision, title: resolveText(questionnaire.title, lang) },
    rubric: { id: rubric.id, title: resolveText(rubric.title, lang) },
    lang,
    ...(answers.respondent !== undefined ? { respondent: answers.respondent } : {}),
    ...(answers.organisation !== undefined ? { organisation: answers.organisation } : {}),
    ...(answers.date !== undefined ? { date: answers.date } : {}),
    overall: {
      score: overallScore,
      stage: stageRef(overallIdx),
      scoreStage: stageRef(overallScoreIdx),
      blockedBy: overallScoreIdx > overallCap.cap ? overallCap.by : [],
      gap: round1(Math.max(0, targetScore - (overallScore ?? 0))),
      ...(overallLag ? { lag: overallLag } : {}),
    },
    target: { stage: targetRef, score: targetScore, reached: overallIdx >= targetIdx },
    stages: rubric.stages.map((s) => ({
      id: s.id,
      name: resolveText(s.name, lang),
      min: s.min,
      ...(s.summary ? { summary: resolveText(s.summary, lang) } : {}),
      ...(s.leadersYear !== undefined ? { leadersYear: s.leadersYear } : {}),
    })),
    unknownScoredAs: rubric.unknown,
    dimensions,
    gates,
    nextSteps: nextSteps.map(({ order: _order, ...s }) => s),
    coverage,
  };
}
