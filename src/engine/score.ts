import type { Answers } from "../model/answers.js";
import type { Questionnaire } from "../model/questionnaire.js";
import type { Rubric } from "../model/rubric.js";
import { resolveText } from "../i18n/text.js";
import { PluginError, UsageError } from "../errors.js";
import type { RubricInput, ScoringRubric, SheetEntry } from "./rubric.js";
import { isYamlRubric, yamlRubric } from "./yaml-rubric.js";
import { readSheet } from "./sheet.js";
import { StageLadder } from "./stages.js";
import { lagFor } from "./lag.js";
import { countsAsScored, emptyCoverage, exactDimensionScore, overallScore, questionScorer, round1, scoreDimension } from "./dimensions.js";
import { rollUp, scoreGroups } from "./groups.js";
import { scaledFields } from "./scale.js";
import type { Rational } from "./rational.js";
import { orderSteps } from "./steps.js";
import { confidenceOf, isOpen, scoreRange } from "./confidence.js";
import { borderlineOf } from "./sensitivity.js";
import { improvementsOf, needs, planRoadmap } from "./plan.js";
import { findingsOf } from "./findings.js";
import { checkEvaluation, type Evaluation } from "./evaluation.js";
import { SCORECARD_SCHEMA_VERSION, type Coverage, type DimensionScore, type NextStepResult, type QuestionScore, type Roadmap, type Scorecard } from "./scorecard.js";

export interface ScoreOptions {
  /** Language of the texts in the scorecard. */
  lang?: string;
  /** Stage id to aim for; the rubric's default otherwise. */
  target?: string;
  /** YYYY-MM-DD the lag estimate counts to when the answers carry no date. */
  asOf?: string;
}

/** Builds the scorecard from a rubric's evaluation: stages, gates' caps, gaps, coverage, lag and the order of next steps. */
export function assembleScorecard(input: RubricInput, rubric: ScoringRubric, evaluation: Evaluation, answers: Answers, options: ScoreOptions = {}): Scorecard {
  const { questionnaire, sheet, lang } = input;
  const ladder = new StageLadder(rubric);
  if (options.target !== undefined && ladder.indexOf(options.target) < 0) {
    throw new UsageError({ key: "errStageOfRubric", params: { stage: options.target, rubric: rubric.id } }, { key: "hintStages", params: { stages: rubric.stages.map((s) => s.id).join(", ") } });
  }
  const targetIdx = Math.max(0, ladder.indexOf(options.target ?? rubric.defaultTarget));
  const targetScore = rubric.stages[targetIdx]!.min;
  const dateStr = answers.date ?? options.asOf;
  const asOfYear = dateStr ? Number(dateStr.slice(0, 4)) : undefined;
  const scoreOf = questionScorer(input, evaluation, rubric);
  // A rubric with a scale or groups is scored exactly: bands compared with unrounded fractions, groups rolled up from them.
  const exactMode = rubric.scale !== undefined || (rubric.groups?.length ?? 0) > 0 || rubric.rollUp === "sum";
  const counted = (id: string) => countsAsScored(sheet.get(id)?.status ?? "hidden", rubric);
  const exactOf = new Map<string, Rational | null>();
  const gates = evaluation.gates.map((g) => ({ ...g }));

  const expectedBelow = expectationCaps(rubric, evaluation);
  const sectionById = new Map(questionnaire.sections.map((s) => [s.id, s]));
  const onlyBlocking = (g: { status: string }) => g.status === "blocking";
  // Each dimension's score range and open answers, for the overall verdict's confidence too.
  const doubt = new Map<string, { range: ReturnType<typeof scoreRange>; open: QuestionScore[] }>();
  const dimensions: DimensionScore[] = evaluation.dimensions.flatMap((d) => {
    const section = sectionById.get(d.id);
    if (!section) return [];
    const qs = section.questions.map((q) => scoreOf(sheet.get(q.id)!));
    const scoredIds = new Set(d.questions.map((x) => x.id));
    const { score, coverage } = scoreDimension(qs, scoredIds, d.score);
    const exact = exactMode ? exactDimensionScore(d.questions, counted, d.score) : null;
    exactOf.set(d.id, exact);
    const band = exactMode ? ladder.bandOfExact(exact) : ladder.bandOf(score);
    const ids = new Set(section.questions.map((q) => q.id));
    // Only a gate that is known to hold caps the stage; one that cannot be decided leaves it unconfirmed.
    const { cap, by } = ladder.capOf(gates, (id) => ids.has(id), onlyBlocking);
    const idx = Math.min(band, cap);
    const range = scoreRange(qs, scoredIds, d.score);
    const open = qs.filter((x) => scoredIds.has(x.id) && isOpen(x));
    doubt.set(d.id, { range, open });
    const confidence = confidenceOf(ladder, gates, (id) => ids.has(id), range, open, expectedBelow);
    const lag = lagFor(rubric, idx, confidence, asOfYear);
    return [
      {
        id: d.id,
        title: resolveText(section.title, lang),
        ...(section.short ? { short: resolveText(section.short, lang) } : {}),
        weight: d.weight ?? 1,
        score,
        ...scaledFields(exact, rubric.scale),
        stage: ladder.ref(idx),
        scoreStage: ladder.ref(band),
        gap: round1(Math.max(0, targetScore - (score ?? 0))),
        confidence,
        reached: idx >= targetIdx,
        stagesShort: Math.max(0, targetIdx - idx),
        blockedBy: band > cap ? by : [],
        coverage,
        ...(lag ? { lag } : {}),
        questions: qs,
      },
    ];
  });

  let overall = overallScore(dimensions);
  let overallBand = ladder.bandOf(overall);
  let overallExact: Rational | null = null;
  let groups: Scorecard["groups"];
  if (exactMode) {
    const byId = new Map(dimensions.map((d) => [d.id, { weight: d.weight, exact: exactOf.get(d.id) ?? null, coverage: d.coverage, questions: d.questions.map((x) => x.id) }]));
    const tree = scoreGroups(rubric.groups ?? [], { dimensions: byId, ladder, gates, targetIdx, targetScore, ...(rubric.scale ? { scale: rubric.scale } : {}), rule: rubric.rollUp ?? "mean" });
    if (rubric.groups?.length) groups = tree.groups;
    overallExact = rollUp(tree.top, rubric.rollUp ?? "mean");
    overall = overallExact === null ? null : round1(overallExact.toNumber());
    overallBand = ladder.bandOfExact(overallExact);
  }
  const overallCap = ladder.capOf(gates, () => true, onlyBlocking);
  const overallIdx = Math.min(overallBand, overallCap.cap);
  const spread = (pick: "worst" | "best") => overallScore(dimensions.map((d) => ({ weight: d.weight, score: doubt.get(d.id)!.range[pick] })));
  const overallConfidence = confidenceOf(ladder, gates, () => true, { worst: spread("worst"), best: spread("best") }, dimensions.flatMap((d) => doubt.get(d.id)!.open), expectedBelow);
  const overallLag = lagFor(rubric, overallIdx, overallConfidence, asOfYear);
  // The single-answer what-ifs reckon the overall score as the dimensions' weighted mean, which groups change.
  const borderline = groups ? undefined : borderlineOf(rubric, input, ladder, dimensions, gates, overallIdx);

  const coverage = emptyCoverage();
  for (const d of dimensions) for (const k of Object.keys(coverage) as Array<keyof Coverage>) coverage[k] += d.coverage[k];

  const plan = { rubric, input, evaluation, ladder, dimensions, gates, overallScore: overall, stageIdx: overallIdx, targetIdx };
  // A rubric that states what each stage expects of an answer gets a plan from those expectations.
  const { steps, roadmap } = evaluation.dimensions.some((d) => d.questions.some((x) => x.expects))
    ? planRoadmap(plan, improvementsOf(plan))
    : fallbackRoadmap(orderSteps(evaluation, ladder, dimensions, gates, (id) => (sheet.has(id) ? scoreOf(sheet.get(id)!) : undefined)), ladder, targetIdx);

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
      score: overall,
      ...scaledFields(overallExact, exactMode ? rubric.scale : undefined),
      stage: ladder.ref(overallIdx),
      scoreStage: ladder.ref(overallBand),
      blockedBy: overallBand > overallCap.cap ? overallCap.by : [],
      gap: round1(Math.max(0, targetScore - (overall ?? 0))),
      confidence: overallConfidence,
      ...(borderline ? { borderline } : {}),
      stagesShort: Math.max(0, targetIdx - overallIdx),
      ...(overallLag ? { lag: overallLag } : {}),
    },
    target: { stage: ladder.ref(targetIdx), score: targetScore, reached: overallIdx >= targetIdx },
    stages: rubric.stages.map((s) => ({ ...s })),
    unknownScoredAs: rubric.unknown ?? "zero",
    ...(rubric.missing === "zero" ? { missingScoredAs: "zero" as const } : {}),
    ...(rubric.notApplicableScore === "zero" ? { notApplicableScoredAs: "zero" as const } : {}),
    ...(rubric.scale ? { scale: { ...rubric.scale } } : {}),
    dimensions,
    ...(groups ? { groups } : {}),
    gates,
    ...contextOf(input, evaluation, scoreOf),
    findings: findingsOf(dimensions),
    nextSteps: steps,
    roadmap,
    coverage,
  };
}

/** Answers to the questions of sections no dimension scores: the business's context. */
function contextOf(input: RubricInput, evaluation: Evaluation, scoreOf: (e: SheetEntry) => QuestionScore): { context?: Scorecard["context"] } {
  const scored = new Set(evaluation.dimensions.map((d) => d.id));
  const context = input.questionnaire.sections
    .filter((s) => !scored.has(s.id))
    .flatMap((s) => s.questions.map((q) => input.sheet.get(q.id)!))
    .filter((e) => e.status === "answered" && e.value !== undefined)
    .map((e) => {
      const x = scoreOf(e);
      return { id: x.id, text: x.text, value: e.value!, display: x.display };
    });
  return context.length ? { context } : {};
}

/** For each question the rubric expects something of: the highest stage that expects nothing of it. */
function expectationCaps(rubric: ScoringRubric, evaluation: Evaluation): (questionId: string) => number | undefined {
  const caps = new Map<string, number>();
  for (const d of evaluation.dimensions) {
    for (const x of d.questions) {
      if (!x.expects) continue;
      const first = needs(rubric.stages, x.expects).findIndex((n) => n > 0);
      if (first > 0) caps.set(x.id, first - 1);
    }
  }
  return (id) => caps.get(id);
}

/** The roadmap of a rubric that states no expectations: its steps, phased by the stage each leads to. */
function fallbackRoadmap(steps: NextStepResult[], ladder: StageLadder, targetIdx: number): { steps: NextStepResult[]; roadmap: Roadmap } {
  const phases = [...new Set(steps.map((s) => s.phase.id))].map((id) => ({ stage: ladder.ref(ladder.indexOf(id)), steps: steps.filter((s) => s.phase.id === id).map((s) => s.id) }));
  return { steps, roadmap: { target: ladder.ref(targetIdx), minimal: [], phases } };
}

function isScoringRubric(r: Rubric | ScoringRubric): r is ScoringRubric {
  return typeof (r as ScoringRubric).evaluate === "function";
}

/** The rubric interface of a YAML rubric or a rubric implementation, and the sheet of the answers under it. */
function prepare(questionnaire: Questionnaire, rubric: Rubric | ScoringRubric, answers: Answers, lang: string): { r: ScoringRubric; input: RubricInput } {
  const r = isScoringRubric(rubric) ? rubric : yamlRubric(rubric, lang);
  const { input } = readSheet(questionnaire, answers, { lang, notApplicable: new Set(r.notApplicable ?? []), rubricId: r.id });
  return { r, input };
}

/** Scores answers already read into a sheet (see readSheet) with a synchronous rubric. */
export function scoreSheet(input: RubricInput, r: ScoringRubric, answers: Answers, options: ScoreOptions = {}): Scorecard {
  const result = r.evaluate(input);
  if (result instanceof Promise) throw new PluginError(`rubric '${r.id}' is asynchronous; use scoreAnswersAsync`);
  return assembleScorecard(input, r, isYamlRubric(r) ? (result as Evaluation) : checkEvaluation(r, result, input), answers, options);
}

/**
 * Scores answers with a YAML rubric or a synchronous rubric implementation. Pure: no I/O, no clock
 * (pass asOf), no mutation of its inputs. An answer that does not fit its question counts as missing.
 */
export function scoreAnswers(questionnaire: Questionnaire, rubric: Rubric | ScoringRubric, answers: Answers, options: ScoreOptions = {}): Scorecard {
  const { r, input } = prepare(questionnaire, rubric, answers, options.lang ?? "en");
  return scoreSheet(input, r, answers, options);
}

/** As scoreSheet, for rubrics whose evaluate may return a promise; gives up after timeoutMs. */
export async function scoreSheetAsync(input: RubricInput, r: ScoringRubric, answers: Answers, options: ScoreOptions & { timeoutMs?: number } = {}): Promise<Scorecard> {
  let timer: NodeJS.Timeout | undefined;
  const timeoutMs = options.timeoutMs ?? 5000;
  try {
    const result = await Promise.race([
      Promise.resolve().then(() => r.evaluate(input)),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PluginError({ key: "errRubricSlowId", params: { id: r.id, seconds: timeoutMs / 1000 } })), timeoutMs);
      }),
    ]);
    return assembleScorecard(input, r, checkEvaluation(r, result, input), answers, options);
  } catch (err) {
    if (err instanceof PluginError || err instanceof UsageError) throw err;
    throw new PluginError({ key: "errRubricFailed", params: { id: r.id, detail: (err as Error)?.message ?? String(err) } });
  } finally {
    clearTimeout(timer);
  }
}

/** As scoreAnswers, for rubrics whose evaluate returns a promise; gives up after timeoutMs. */
export async function scoreAnswersAsync(
  questionnaire: Questionnaire,
  rubric: Rubric | ScoringRubric,
  answers: Answers,
  options: ScoreOptions & { timeoutMs?: number } = {},
): Promise<Scorecard> {
  const { r, input } = prepare(questionnaire, rubric, answers, options.lang ?? "en");
  return scoreSheetAsync(input, r, answers, options);
}
