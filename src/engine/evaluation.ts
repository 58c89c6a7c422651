import type { z } from "zod";
import { PluginError } from "../errors.js";
import { firstIssue } from "../schema-issues.js";
import { rubricEvaluationSchema, type RubricInput, type ScoringRubric } from "./rubric.js";

/** A rubric's evaluation, checked: defaults filled in. */
export type Evaluation = z.output<typeof rubricEvaluationSchema>;

/**
 * Checks what a plugin returned; anything malformed is the plugin's fault, said by name. With the input, the ids
 * it names must be the questionnaire's sections and questions and the rubric's own stages: an id made up (or
 * carrying escape sequences) would otherwise reach the report as if it were the questionnaire's.
 */
export function checkEvaluation(rubric: ScoringRubric, result: unknown, input?: RubricInput): Evaluation {
  const parsed = rubricEvaluationSchema.safeParse(result);
  if (!parsed.success) throw new PluginError({ key: "errRubricInvalid", params: { id: rubric.id, detail: firstIssue(parsed.error) } });
  if (input) checkIds(rubric, parsed.data, input);
  return parsed.data;
}

function checkIds(rubric: ScoringRubric, e: Evaluation, input: RubricInput): void {
  const sections = new Set(input.questionnaire.sections.map((s) => s.id));
  const stages = new Set(rubric.stages.map((s) => s.id));
  const question = (path: string, value: string) => {
    if (!input.sheet.has(value)) throw new PluginError({ key: "errRubricUnknownQuestion", params: { id: rubric.id, path, value, questionnaire: input.questionnaire.id } });
  };
  const section = (path: string, value: string) => {
    if (!sections.has(value)) throw new PluginError({ key: "errRubricUnknownQuestion", params: { id: rubric.id, path, value, questionnaire: input.questionnaire.id } });
  };
  const stage = (path: string, value: string) => {
    if (!stages.has(value)) throw new PluginError({ key: "errRubricUnknownStage", params: { id: rubric.id, path, value, stages: [...stages].join(", ") } });
  };
  e.dimensions.forEach((d, i) => {
    section(`dimensions[${i}].id`, d.id);
    d.questions.forEach((q, j) => {
      question(`dimensions[${i}].questions[${j}].id`, q.id);
      for (const s of Object.keys(q.expects ?? {})) stage(`dimensions[${i}].questions[${j}].expects`, s);
    });
  });
  e.gates.forEach((g, i) => {
    stage(`gates[${i}].blocks`, g.blocks);
    g.questions.forEach((q, j) => question(`gates[${i}].questions[${j}]`, q));
  });
  e.nextSteps.forEach((s, i) => {
    section(`nextSteps[${i}].dimension`, s.dimension);
    if (s.stage !== undefined) stage(`nextSteps[${i}].stage`, s.stage);
    s.questions.forEach((q, j) => question(`nextSteps[${i}].questions[${j}]`, q));
  });
}
