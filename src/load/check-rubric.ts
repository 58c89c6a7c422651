import type { Questionnaire } from "../model/questionnaire.js";
import type { Rubric } from "../model/rubric.js";

import { checkCondition, conditionTests, indexQuestions, missingTranslations } from "./check-questionnaire.js";

import { say, type PathIssue } from "../errors.js";
import { parseQuestionnaireRef } from "./questionnaire-ref.js";
import { own } from "../model/own.js";

/** Checks a rubric on its own: stage bands, targets, ids. */
export function checkRubricShape(r: Rubric): PathIssue[] {
  const issues: PathIssue[] = r.languages ? missingTranslations(r, r.languages) : [];
  const stageIds = new Set<string>();
  const sc = r.scale;
  if (sc && sc.max <= sc.min) issues.push({ path: ["scale", "max"], ...say("errScaleOrder", { min: sc.min, max: sc.max }) });
  const [low, high] = sc ? [sc.min, sc.max] : [0, 100];
  r.stages.forEach((s, i) => {
    if (stageIds.has(s.id)) issues.push({ path: ["stages", i, "id"], ...say("errDuplicateStage", { id: s.id }) });
    stageIds.add(s.id);
    if (i === 0 && s.min !== low) issues.push({ path: ["stages", 0, "min"], ...(sc ? say("errFirstStageScaleMin", { min: low }) : say("errFirstStageMin")) });
    else if (s.min < low || s.min > high) issues.push({ path: ["stages", i, "min"], ...say("errStageMinRange", { min: s.min, low, high }) });
    const prev = r.stages[i - 1];
    if (prev && s.min <= prev.min) issues.push({ path: ["stages", i, "min"], ...say("errStageOrder", { min: s.min, previous: prev.min }) });
  });
  if (!stageIds.has(r.defaultTarget)) issues.push({ path: ["defaultTarget"], ...say("errNotAStageOf", { stage: r.defaultTarget, stages: [...stageIds].join(", ") }) });
  const dims = new Set<string>();
  r.dimensions.forEach((d, i) => {
    if (dims.has(d.id)) issues.push({ path: ["dimensions", i, "id"], ...say("errDuplicateDimension", { id: d.id }) });
    dims.add(d.id);
  });
  issues.push(...checkGroups(r, dims));
  if (r.notApplicable === "forbidden") {
    r.dimensions.forEach((d, di) => {
      for (const [qid, rule] of Object.entries(d.questions)) {
        if (rule.notApplicable) issues.push({ path: ["dimensions", di, "questions", qid, "notApplicable"], ...say("errNaForbidden", { id: qid }) });
      }
    });
  }
  const unique = (list: Array<{ id: string }>, key: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) issues.push({ path: [key, i, "id"], ...say("errDuplicateId", { id: x.id }) });
      seen.add(x.id);
    });
  };
  unique(r.gates, "gates");
  unique(r.nextSteps, "nextSteps");
  r.gates.forEach((g, i) => {
    if (!stageIds.has(g.blocks)) issues.push({ path: ["gates", i, "blocks"], ...say("errNotAStage", { stage: g.blocks }) });
    else if (g.blocks === r.stages[0]!.id) issues.push({ path: ["gates", i, "blocks"], ...say("errFirstStageBlocked") });
  });
  r.nextSteps.forEach((s, i) => {
    if (!stageIds.has(s.stage)) issues.push({ path: ["nextSteps", i, "stage"], ...say("errNotAStage", { stage: s.stage }) });
    if (!dims.has(s.dimension)) issues.push({ path: ["nextSteps", i, "dimension"], ...say("errNotADimension", { dimension: s.dimension }) });
  });
  return issues;
}

/** Groups: ids unique among groups and dimensions, each naming dimensions of the rubric, each dimension in one group at most. */
function checkGroups(r: Rubric, dims: ReadonlySet<string>): PathIssue[] {
  const issues: PathIssue[] = [];
  const ids = new Set<string>();
  const placed = new Map<string, string>();
  const walk = (list: Rubric["groups"], path: Array<string | number>) =>
    list.forEach((g, i) => {
      const p = [...path, i];
      if (ids.has(g.id) || dims.has(g.id)) issues.push({ path: [...p, "id"], ...say("errDuplicateGroup", { id: g.id }) });
      ids.add(g.id);
      if (!g.dimensions?.length && !g.groups?.length) issues.push({ path: [...p, "id"], ...say("errEmptyGroup", { id: g.id }) });
      (g.dimensions ?? []).forEach((d, j) => {
        if (!dims.has(d)) issues.push({ path: [...p, "dimensions", j], ...say("errGroupNotADimension", { id: d, dimensions: [...dims].join(", ") }) });
        else if (placed.has(d)) issues.push({ path: [...p, "dimensions", j], ...say("errDimensionTwoGroups", { id: d, group: placed.get(d)! }) });
        else placed.set(d, g.id);
      });
      walk(g.groups ?? [], [...p, "groups"]);
    });
  walk(r.groups ?? [], ["groups"]);
  return issues;
}

/** Checks a rubric against the questionnaire it scores. */
export function checkRubric(r: Rubric, q: Questionnaire): PathIssue[] {
  const issues = checkRubricShape(r);
  const ref = parseQuestionnaireRef(r.questionnaire);
  if (ref.id !== q.id) {
    issues.push({ path: ["questionnaire"], ...say("errRubricOtherQuestionnaire", { id: ref.id, expected: q.id }) });
    return issues;
  }
  // Points written for another revision's options and ids would score this one silently wrong.
  if (ref.revision !== undefined && ref.revision !== q.revision) {
    issues.push({ path: ["questionnaire"], ...say("errRubricOtherRevision", { revision: ref.revision, id: q.id, expected: q.revision }) });
    return issues;
  }
  const questions = indexQuestions(q);
  const sections = new Set(q.sections.map((s) => s.id));
  const scored = new Set<string>();
  r.dimensions.forEach((d, di) => {
    if (!sections.has(d.id)) {
      issues.push({ path: ["dimensions", di, "id"], ...say("errNotASection", { id: d.id, questionnaire: q.id, sections: [...sections].join(", ") }) });
      return;
    }
    for (const [qid, rule] of Object.entries(d.questions)) {
      const p = ["dimensions", di, "questions", qid];
      const qref = questions.get(qid);
      if (!qref) {
        issues.push({ path: p, atKey: true, ...say("errUnknownQuestion", { id: qid }) });
        continue;
      }
      scored.add(qid);
      // An expectation for a stage the rubric does not have is never read: the step it should yield never comes.
      for (const stage of Object.keys(rule.expects ?? {})) {
        if (!r.stages.some((st) => st.id === stage)) issues.push({ path: [...p, "expects", stage], atKey: true, ...say("errNotAStage", { stage }) });
      }
      if (qref.section !== d.id) issues.push({ path: p, atKey: true, ...say("errWrongSection", { id: qid, section: qref.section, dimension: d.id }) });
      const question = qref.question;
      const points = rule.points;
      if (question.type === "text") issues.push({ path: p, atKey: true, ...say("errTextNotScored", { id: qid }) });
      if (rule.bands && question.type !== "number") issues.push({ path: [...p, "bands"], ...say("errBandsNotNumber", { id: qid, type: question.type }) });
      if (question.type === "number" && !rule.bands) issues.push({ path: p, atKey: true, ...say("errNeedsBands", { id: qid }) });
      if (points && question.type === "number") issues.push({ path: [...p, "points"], ...say("errBandsNotPoints") });
      let allowed: string[] = [];
      if (question.type === "single" || question.type === "multi") allowed = question.options.map((o) => String(o.value));
      else if (question.type === "scale") allowed = Array.from({ length: question.max - question.min + 1 }, (_, i) => String(question.min + i));
      else if (question.type === "boolean") allowed = ["yes", "no"];
      if (rule.steps) {
        // A step leads to the next answer up, which only ordered answers have; the top answer has none.
        if (question.type !== "single" && question.type !== "scale" && question.type !== "boolean") issues.push({ path: [...p, "steps"], atKey: true, ...say("errStepsNotOrdered", { id: qid, type: question.type }) });
        else {
          for (const key of Object.keys(rule.steps)) {
            if (!allowed.includes(key)) issues.push({ path: [...p, "steps", key], atKey: true, ...say("errNotAnAnswerOf", { key, id: qid, allowed: allowed.join(", ") }) });
            else if (key === (question.type === "boolean" ? "yes" : allowed.at(-1))) issues.push({ path: [...p, "steps", key], atKey: true, ...say("errStepAtTop", { key, id: qid }) });
          }
        }
      }
      if (!points) continue;
      for (const key of Object.keys(points)) {
        if (!allowed.includes(key)) issues.push({ path: [...p, "points", key], atKey: true, ...say("errNotAnAnswerOf", { key, id: qid, allowed: allowed.join(", ") }) });
      }
      const missing = allowed.filter((v) => own(points, v) === undefined);
      if (missing.length) issues.push({ path: [...p, "points"], ...say("errNoPointsFor", { missing: missing.map((m) => `'${m}'`).join(", "), id: qid }) });
      if (question.type === "single") {
        const seq = allowed.map((v) => own(points, v) ?? 0);
        if (seq.some((v, i) => i > 0 && v < seq[i - 1]!)) {
          issues.push({ path: [...p, "points"], severity: "warning", ...say("warnPointsOrder", { id: qid }) });
        }
      }
    }
  });
  r.gates.forEach((g, gi) => {
    issues.push(...checkCondition(g.when, questions, ["gates", gi, "when"]));
    for (const { test, sub } of conditionTests(g.when)) {
      if (questions.get(test.question)?.question.when) {
        issues.push({ path: ["gates", gi, "when", ...sub, "question"], severity: "warning", ...say("warnGateHidden", { question: test.question }) });
      }
    }
  });
  r.nextSteps.forEach((s, si) =>
    s.questions.forEach((qid, i) => {
      if (!questions.has(qid)) issues.push({ path: ["nextSteps", si, "questions", i], ...say("errUnknownQuestion", { id: qid }) });
      else if (!scored.has(qid)) issues.push({ path: ["nextSteps", si, "questions", i], ...say("errNotScored", { id: qid }) });
    }),
  );
  return issues;
}
