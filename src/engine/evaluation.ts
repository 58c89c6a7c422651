import type { z } from "zod";
import { PluginError } from "../errors.js";
import { firstIssue } from "../schema-issues.js";
import { rubricEvaluationSchema, type ScoringRubric } from "./rubric.js";

/** A rubric's evaluation, checked: defaults filled in. */
export type Evaluation = z.output<typeof rubricEvaluationSchema>;

/** Checks what a plugin returned; anything malformed is the plugin's fault, said by name. */
export function checkEvaluation(rubric: ScoringRubric, result: unknown): Evaluation {
  const parsed = rubricEvaluationSchema.safeParse(result);
  if (!parsed.success) throw new PluginError({ key: "errRubricInvalid", params: { id: rubric.id, detail: firstIssue(parsed.error) } });
  return parsed.data;
}
