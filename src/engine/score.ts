import type { Answers, AnswerValue } from "../model/answers.js";
import type { Question, Questionnaire } from "../model/questionnaire.js";
import type { Rubric } from "../model/rubric.js";
import { resolveText } from "../i18n/text.js";
import { messages, type Messages } from "../i18n/messages.js";
import { PluginError, UsageError } from "../errors.js";
import { firstIssue } from "../model/issues.js";
import { answerProblem, readAnswer } from "./answer.js";
import { evaluateCondition } from "./condition.js";
import { rubricEvaluationSchema, type RubricInput, type ScoringRubric, type SheetEntry } from "./rubric.js";
import { yamlRubric } from "./yaml-rubric.js";
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

export { pointsFor } from "./yaml-rubric.js";

export interface ScoreOptions {
  /** Language of the texts in the scorecard. */
  lang?: string;
  /** Stage id to aim for; the rubric's default otherwise. */
  target?: string;
  /** YYYY-MM-DD the lag estimate counts to when the answers carry no date. */
  asOf?: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

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

/** Resolves every question's status in order, so that 'when' sees only what was asked before. */
export function readSheet(questionnaire: Questionnaire, answers: Answers, notApplicable: ReadonlySet<string>, lang: string): RubricInput {
  const known = new Map<string, AnswerValue>();
  const sheet = new Map<string, SheetEntry>();
  for (const section of questionnaire.sections) {
    for (const q of section.questions) {
      const raw = Object.prototype.hasOwnProperty.call(answers.answers, q.id) ? answers.answers[q.id] : undefined;
      const ans = readAnswer(raw, q);
      const shown = q.when ? evaluateCondition(q.when, known) === true : true;
      const note = ans.kind !== "empty" && ans.note !== undefined ? { note: ans.note } : {};
      let entry: SheetEntry;
      if (!shown) entry = { question: q, section: section.id, status: "hidden", ...note };
      else if (ans.kind === "unknown" && q.allowUnknown) entry = { question: q, section: section.id, status: "unknown", ...note };
      else if (ans.kind === "na" && notApplicable.has(q.id)) entry = { question: q, section: section.id, status: "not-applicable", ...note };
      else if (ans.kind === "value" && answerProblem(q, ans.value) === undefined) {
        known.set(q.id, ans.value);
        entry = { question: q, section: section.id, status: "answered", value: ans.value, ...note };
      } else entry = { question: q, section: section.id, status: "missing" };
      sheet.set(q.id, entry);
    }
  }
  return { questionnaire, sheet, known, lang };
}

function stageIndexFor(rubric: ScoringRubric, score: number | null): number {
  if (score === null) return 0;
  let idx = 0;
  rubric.stages.forEach((s, i) => {
    if (score >= s.min) idx = i;
  });
  return idx;
}

function lagFor(rubric: ScoringRubric, stageIndex: number, asOfYear: number | undefined): LagEstimate | undefined {
  const next = rubric.stages[stageIndex + 1];
  if (!next || next.leadersYear === undefined || asOfYear === undefined) return undefined;
  return { years: Math.max(0, asOfYear - next.leadersYear), stage: next.id, leadersYear: next.leadersYear, asOfYear };
}

function emptyCoverage(): Coverage {
  return { total: 0, answered: 0, unknown: 0, notApplicable: 0, missing: 0, hidden: 0 };
}

const coverageKey = { answered: "answered", unknown: "unknown", "not-applicable": "notApplicable", missing: "missing", hidden: "hidden" } as const;

/** Builds the scorecard from a rubric's evaluation: stages, gates' caps, gaps, coverage, lag and the order of next steps. */
export function assembleScorecard(
  input: RubricInput,
  rubric: ScoringRubric,
  evaluation: z_RubricEvaluation,
  answers: Answers,
  options: ScoreOptions = {},
): Scorecard {
  const { questionnaire, sheet, lang } = input;
  const m = messages(lang);
  const stageRef = (i: number): StageRef => {
    const s = rubric.stages[Math.max(0, Math.min(i, rubric.stages.length - 1))]!;
    return { id: s.id, name: s.name };
  };
  const stageIndex = (id: string) => rubric.stages.findIndex((s) => s.id === id);
  if (options.target !== undefined && stageIndex(options.target) < 0) {
    throw new UsageError({ key: "errStageOfRubric", params: { stage: options.target, rubric: rubric.id } }, { key: "hintStages", params: { stages: rubric.stages.map((s) => s.id).join(", ") } });
  }
  const targetIdx = Math.max(0, stageIndex(options.target ?? rubric.defaultTarget));
  const targetScore = rubric.stages[targetIdx]!.min;
  const dateStr = answers.date ?? options.asOf;
  const asOfYear = dateStr ? Number(dateStr.slice(0, 4)) : undefined;

  const scoredBy = new Map<string, { points: number | null; weight: number; dimension: string }>();
  for (const d of evaluation.dimensions) for (const x of d.questions) scoredBy.set(x.id, { points: x.points, weight: x.weight, dimension: d.id });

  const questionScore = (e: SheetEntry): QuestionScore => {
    const s = scoredBy.get(e.question.id);
    const display =
      e.status === "answered" && e.value !== undefined
        ? displayAnswer(e.question, e.value, lang, m)
        : e.status === "unknown"
          ? m.unknown
          : e.status === "not-applicable"
            ? m.notApplicable
            : e.status === "hidden"
              ? m.hidden
              : m.missing;
    const counted = e.status === "answered" || e.status === "unknown";
    return {
      id: e.question.id,
      text: resolveText(e.question.text, lang),
      type: e.question.type,
      status: e.status,
      ...(e.value !== undefined ? { value: e.value } : {}),
      display,
      ...(e.note !== undefined ? { note: e.note } : {}),
      points: counted && s && s.points !== null ? round1(s.points) : null,
      weight: s?.weight ?? 0,
      contribution: 0,
    };
  };

  const gates: GateResult[] = evaluation.gates.map((g) => ({ ...g }));
  const capFor = (inDimension: (id: string) => boolean) => {
    let cap = rubric.stages.length - 1;
    const by: string[] = [];
    for (const g of gates) {
      if (g.status === "passed" || !g.questions.some(inDimension)) continue;
      const idx = stageIndex(g.blocks);
      if (idx <= 0) continue;
      by.push(g.id);
      cap = Math.min(cap, idx - 1);
    }
    return { cap, by };
  };

  const sectionById = new Map(questionnaire.sections.map((s) => [s.id, s]));
  const dimensions: DimensionScore[] = evaluation.dimensions.flatMap((d) => {
    const section = sectionById.get(d.id);
    if (!section) return [];
    const qs = section.questions.map((q) => questionScore(sheet.get(q.id)!));
    const scoredIds = new Set(d.questions.map((x) => x.id));
    const counted = qs.filter((x) => x.points !== null && x.weight > 0 && scoredIds.has(x.id));
    const totalWeight = counted.reduce((s, x) => s + x.weight, 0);
    let score: number | null = null;
    if (totalWeight > 0) {
      for (const x of counted) x.contribution = round1(((x.points ?? 0) * x.weight) / totalWeight);
      score = round1(counted.reduce((s, x) => s + (x.points ?? 0) * x.weight, 0) / totalWeight);
    }
    if (d.score !== undefined) score = d.score === null ? null : round1(d.score);
    const coverage = emptyCoverage();
    for (const x of qs) {
      if (!scoredIds.has(x.id)) continue;
      coverage.total++;
      coverage[coverageKey[x.status]]++;
    }
    const scoreIdx = stageIndexFor(rubric, score);
    const ids = new Set(section.questions.map((q) => q.id));
    const { cap, by } = capFor((id) => ids.has(id));
    const idx = Math.min(scoreIdx, cap);
    const lag = lagFor(rubric, idx, asOfYear);
    return [
      {
        id: d.id,
        title: resolveText(section.title, lang),
        weight: d.weight ?? 1,
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

  // Next steps: toward stages the dimension has not reached (or that open a gate), nearest stage first, then gates, then points at stake.
  const dimById = new Map(dimensions.map((d) => [d.id, d]));
  const blockingQuestions = new Set(gates.filter((g) => g.status !== "passed").flatMap((g) => g.questions));
  const steps: Array<NextStepResult & { order: number }> = [];
  for (const step of evaluation.nextSteps) {
    const dim = dimById.get(step.dimension);
    const sIdx = stageIndex(step.stage);
    if (!dim || sIdx < 0) continue;
    const dimIdx = stageIndex(dim.stage.id);
    const holding = step.questions.flatMap((id) => {
      const x = dim.questions.find((y) => y.id === id) ?? (sheet.has(id) ? questionScore(sheet.get(id)!) : undefined);
      return x ? [x] : [];
    });
    const unlocksGate = holding.some((x) => blockingQuestions.has(x.id));
    if (sIdx <= dimIdx && !unlocksGate) continue;
    // Missing answers count in the base, as they would once answered.
    const dimTotal = dim.questions.filter((y) => y.weight > 0 && y.status !== "hidden" && y.status !== "not-applicable").reduce((s, y) => s + y.weight, 0) || 1;
    const gain = holding.reduce((g, x) => g + ((100 - (x.points ?? 0)) * x.weight) / dimTotal, 0) * (dim.weight / (dimWeight || 1));
    steps.push({
      id: step.id,
      dimension: step.dimension,
      stage: stageRef(sIdx),
      title: step.title,
      ...(step.detail ? { detail: step.detail } : {}),
      gain: round1(gain),
      unlocksGate,
      because: holding.map((x) => ({ question: x.id, text: x.text, display: x.display, points: x.points })),
      order: Math.max(sIdx, dimIdx + 1),
    });
  }
  steps.sort((a, b) => a.order - b.order || Number(b.unlocksGate) - Number(a.unlocksGate) || b.gain - a.gain || a.id.localeCompare(b.id));

  return {
    schemaVersion: SCORECARD_SCHEMA_VERSION,
    questionnaire: { id: questionnaire.id, revision: questionnaire.revision, title: resolveText(questionnaire.title, lang) },
    rubric: { id: rubric.id, title: rubric.title },
    lang,
    ...(answers.respondent !== undefined ? { respondent: answers.respondent } : {}),
    ...(answers.respondents !== undefined ? { respondents: [...answers.respondents] } : {}),
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
    target: { stage: stageRef(targetIdx), score: targetScore, reached: overallIdx >= targetIdx },
    stages: rubric.stages.map((s) => ({ ...s })),
    unknownScoredAs: rubric.unknown ?? "zero",
    dimensions,
    gates,
    nextSteps: steps.map(({ order: _order, ...s }) => s),
    coverage,
  };
}

type z_RubricEvaluation = ReturnType<typeof rubricEvaluationSchema.parse>;

function isScoringRubric(r: Rubric | ScoringRubric): r is ScoringRubric {
  return typeof (r as ScoringRubric).evaluate === "function";
}

/** Checks what a plugin returned; anything malformed is the plugin's fault, said by name. */
export function checkEvaluation(rubric: ScoringRubric, result: unknown): z_RubricEvaluation {
  const parsed = rubricEvaluationSchema.safeParse(result);
  if (!parsed.success) {
    throw new PluginError({ key: "errRubricInvalid", params: { id: rubric.id, detail: firstIssue(parsed.error) } });
  }
  return parsed.data;
}

/**
 * Scores answers with a YAML rubric or a synchronous rubric implementation. Pure: no I/O, no clock
 * (pass asOf), no mutation of its inputs. An answer that does not fit its question counts as missing.
 */
export function scoreAnswers(questionnaire: Questionnaire, rubric: Rubric | ScoringRubric, answers: Answers, options: ScoreOptions = {}): Scorecard {
  const lang = options.lang ?? "en";
  const r = isScoringRubric(rubric) ? rubric : yamlRubric(rubric, lang);
  const input = readSheet(questionnaire, answers, new Set(r.notApplicable ?? []), lang);
  const result = r.evaluate(input);
  if (result instanceof Promise) throw new PluginError(`rubric '${r.id}' is asynchronous; use scoreAnswersAsync`);
  return assembleScorecard(input, r, isScoringRubric(rubric) ? checkEvaluation(r, result) : (result as z_RubricEvaluation), answers, options);
}

/** As scoreAnswers, for rubrics whose evaluate returns a promise; gives up after timeoutMs. */
export async function scoreAnswersAsync(
  questionnaire: Questionnaire,
  rubric: Rubric | ScoringRubric,
  answers: Answers,
  options: ScoreOptions & { timeoutMs?: number } = {},
): Promise<Scorecard> {
  const lang = options.lang ?? "en";
  const r = isScoringRubric(rubric) ? rubric : yamlRubric(rubric, lang);
  const input = readSheet(questionnaire, answers, new Set(r.notApplicable ?? []), lang);
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      Promise.resolve().then(() => r.evaluate(input)),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PluginError({ key: "errRubricSlowId", params: { id: r.id, seconds: (options.timeoutMs ?? 5000) / 1000 } })), options.timeoutMs ?? 5000);
      }),
    ]);
    return assembleScorecard(input, r, checkEvaluation(r, result), answers, options);
  } catch (err) {
    if (err instanceof PluginError) throw err;
    throw new PluginError({ key: "errRubricFailed", params: { id: r.id, detail: (err as Error)?.message ?? String(err) } });
  } finally {
    clearTimeout(timer);
  }
}
