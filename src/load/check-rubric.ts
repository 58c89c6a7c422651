import type { Questionnaire } from "../model/questionnaire.js";
import type { Rubric } from "../model/rubric.js";
import { parseQuestionnaireRef } from "./check-answers.js";
import { checkCondition, conditionTests, indexQuestions, missingTranslations } from "./check-questionnaire.js";
import type { PathIssue } from "./yaml.js";

/** Checks a rubric on its own: stage bands, targets, ids. */
export function checkRubricShape(r: Rubric): PathIssue[] {
  const issues: PathIssue[] = r.languages ? missingTranslations(r, r.languages) : [];
  const stageIds = new Set<string>();
  r.stages.forEach((s, i) => {
    if (stageIds.has(s.id)) issues.push({ path: ["stages", i, "id"], message: `duplicate stage id '${s.id}'` });
    stageIds.add(s.id);
    if (i === 0 && s.min !== 0) issues.push({ path: ["stages", 0, "min"], message: "the first stage must start at 0 so that every score has a stage" });
    const prev = r.stages[i - 1];
    if (prev && s.min <= prev.min) issues.push({ path: ["stages", i, "min"], message: `stages must be ordered by rising 'min' (${s.min} after ${prev.min})` });
  });
  if (!stageIds.has(r.defaultTarget)) issues.push({ path: ["defaultTarget"], message: `'${r.defaultTarget}' is not a stage (${[...stageIds].join(", ")})` });
  const dims = new Set<string>();
  r.dimensions.forEach((d, i) => {
    if (dims.has(d.id)) issues.push({ path: ["dimensions", i, "id"], message: `duplicate dimension '${d.id}'` });
    dims.add(d.id);
  });
  const unique = (list: Array<{ id: string }>, key: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) issues.push({ path: [key, i, "id"], message: `duplicate id '${x.id}'` });
      seen.add(x.id);
    });
  };
  unique(r.gates, "gates");
  unique(r.nextSteps, "nextSteps");
  r.gates.forEach((g, i) => {
    if (!stageIds.has(g.blocks)) issues.push({ path: ["gates", i, "blocks"], message: `'${g.blocks}' is not a stage` });
    else if (g.blocks === r.stages[0]!.id) issues.push({ path: ["gates", i, "blocks"], message: "the first stage cannot be blocked" });
  });
  r.nextSteps.forEach((s, i) => {
    if (!stageIds.has(s.stage)) issues.push({ path: ["nextSteps", i, "stage"], message: `'${s.stage}' is not a stage` });
    if (!dims.has(s.dimension)) issues.push({ path: ["nextSteps", i, "dimension"], message: `'${s.dimension}' is not a dimension of this rubric` });
  });
  return issues;
}

/** Checks a rubric against the questionnaire it scores. */
export function checkRubric(r: Rubric, q: Questionnaire): PathIssue[] {
  const issues = checkRubricShape(r);
  const ref = parseQuestionnaireRef(r.questionnaire);
  if (ref.id !== q.id) {
    issues.push({ path: ["questionnaire"], message: `this rubric scores questionnaire '${ref.id}', not '${q.id}'` });
    return issues;
  }
  const questions = indexQuestions(q);
  const sections = new Set(q.sections.map((s) => s.id));
  const scored = new Set<string>();
  r.dimensions.forEach((d, di) => {
    if (!sections.has(d.id)) {
      issues.push({ path: ["dimensions", di, "id"], message: `'${d.id}' is not a section of '${q.id}' (${[...sections].join(", ")})` });
      return;
    }
    for (const [qid, rule] of Object.entries(d.questions)) {
      const p = ["dimensions", di, "questions", qid];
      const qref = questions.get(qid);
      if (!qref) {
        issues.push({ path: p, atKey: true, message: `unknown question '${qid}'` });
        continue;
      }
      scored.add(qid);
      if (qref.section !== d.id) issues.push({ path: p, atKey: true, message: `'${qid}' belongs to section '${qref.section}', not '${d.id}'` });
      const question = qref.question;
      const points = rule.points;
      if (question.type === "text") issues.push({ path: p, atKey: true, message: `'${qid}' is a text question and cannot be scored` });
      if (rule.bands && question.type !== "number") issues.push({ path: [...p, "bands"], message: `'bands' are for number questions; '${qid}' is ${question.type}` });
      if (question.type === "number" && !rule.bands) issues.push({ path: p, atKey: true, message: `number question '${qid}' needs 'bands' to be scored` });
      if (points && question.type === "number") issues.push({ path: [...p, "points"], message: `number questions are scored with 'bands', not 'points'` });
      if (!points) continue;
      let allowed: string[] = [];
      if (question.type === "single" || question.type === "multi") allowed = question.options.map((o) => o.value);
      else if (question.type === "scale") allowed = Array.from({ length: question.max - question.min + 1 }, (_, i) => String(question.min + i));
      else if (question.type === "boolean") allowed = ["yes", "no"];
      for (const key of Object.keys(points)) {
        if (!allowed.includes(key)) issues.push({ path: [...p, "points", key], atKey: true, message: `'${key}' is not an answer of '${qid}' (${allowed.join(", ")})` });
      }
      const missing = allowed.filter((v) => points[v] === undefined);
      if (missing.length) issues.push({ path: [...p, "points"], message: `no points for ${missing.map((m) => `'${m}'`).join(", ")} of '${qid}'` });
      if (question.type === "single") {
        const seq = allowed.map((v) => points[v] ?? 0);
        if (seq.some((v, i) => i > 0 && v < seq[i - 1]!)) {
          issues.push({ path: [...p, "points"], severity: "warning", message: `points of '${qid}' fall along its options; options should run from least to most mature` });
        }
      }
    }
  });
  r.gates.forEach((g, gi) => {
    issues.push(...checkCondition(g.when, questions, ["gates", gi, "when"]));
    for (const { test, sub } of conditionTests(g.when)) {
      if (questions.get(test.question)?.question.when) {
        issues.push({ path: ["gates", gi, "when", ...sub, "question"], severity: "warning", message: `'${test.question}' is only asked sometimes; while it is hidden the gate counts as unverified and blocks` });
      }
    }
  });
  r.nextSteps.forEach((s, si) =>
    s.questions.forEach((qid, i) => {
      if (!questions.has(qid)) issues.push({ path: ["nextSteps", si, "questions", i], message: `unknown question '${qid}'` });
      else if (!scored.has(qid)) issues.push({ path: ["nextSteps", si, "questions", i], message: `'${qid}' is not scored by this rubric` });
    }),
  );
  return issues;
}
