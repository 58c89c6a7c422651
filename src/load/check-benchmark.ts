import type { Benchmark } from "../model/benchmark.js";
import type { Questionnaire } from "../model/questionnaire.js";
import { parseQuestionnaireRef } from "./check-answers.js";
import type { PathIssue } from "./yaml.js";

/** A benchmark profile must speak of the questionnaire's own dimensions. */
export function checkBenchmark(b: Benchmark, q: Questionnaire): PathIssue[] {
  if (parseQuestionnaireRef(b.questionnaire).id !== q.id) return [{ path: ["questionnaire"], message: `this benchmark is for questionnaire '${b.questionnaire}', not '${q.id}'` }];
  const sections = q.sections.map((s) => s.id);
  return Object.keys(b.scores)
    .filter((d) => !sections.includes(d))
    .map((d) => ({ path: ["scores", d], atKey: true, message: `'${d}' is not a dimension of '${q.id}' (${sections.join(", ")})` }));
}
