import type { Benchmark } from "../model/benchmark.js";
import type { Questionnaire } from "../model/questionnaire.js";

import { say, type PathIssue } from "../errors.js";
import { parseQuestionnaireRef } from "./questionnaire-ref.js";

/** A benchmark profile must speak of the questionnaire's own dimensions. */
export function checkBenchmark(b: Benchmark, q: Questionnaire): PathIssue[] {
  if (parseQuestionnaireRef(b.questionnaire).id !== q.id) return [{ path: ["questionnaire"], ...say("errBenchmarkOtherQuestionnaire", { id: b.questionnaire, expected: q.id }) }];
  const sections = q.sections.map((s) => s.id);
  return Object.keys(b.scores)
    .filter((d) => !sections.includes(d))
    .map((d) => ({ path: ["scores", d], atKey: true, ...say("errNotADimensionOf", { dimension: d, questionnaire: q.id, dimensions: sections.join(", ") }) }));
}
