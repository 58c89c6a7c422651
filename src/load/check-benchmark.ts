import type { Benchmark } from "../model/benchmark.js";
import type { Questionnaire } from "../model/questionnaire.js";

import { say, type PathIssue } from "../errors.js";
import { parseQuestionnaireRef } from "./questionnaire-ref.js";

/** A benchmark profile must speak of the questionnaire's own dimensions. */
export function checkBenchmark(b: Benchmark, q: Questionnaire): PathIssue[] {
  const ref = parseQuestionnaireRef(b.questionnaire);
  if (ref.id !== q.id) return [{ path: ["questionnaire"], ...say("errBenchmarkOtherQuestionnaire", { id: b.questionnaire, expected: q.id }) }];
  // Dimensions of another revision may have been split, merged or renamed: its scores would compare unlike with unlike.
  if (ref.revision !== undefined && ref.revision !== q.revision) return [{ path: ["questionnaire"], ...say("errBenchmarkOtherRevision", { revision: ref.revision, id: q.id, expected: q.revision }) }];
  const sections = q.sections.map((s) => s.id);
  return Object.keys(b.scores)
    .filter((d) => !sections.includes(d))
    .map((d) => ({ path: ["scores", d], atKey: true, ...say("errNotADimensionOf", { dimension: d, questionnaire: q.id, dimensions: sections.join(", ") }) }));
}
