import { showName, stripControl } from "../text/terminal.js";
import { AuditError, InvalidInputError, formatProblem, type Problem } from "../errors.js";
import { wordsFor } from "../i18n/messages.js";
import { readSource } from "../load/source.js";
import { detectKind, parseFile } from "../load/load.js";
import { placeIssues } from "../load/yaml.js";
import { checkBenchmark } from "../load/check-benchmark.js";
import { checkRubric, checkRubricShape } from "../load/check-rubric.js";

import type { Answers } from "../model/answers.js";
import type { Questionnaire } from "../model/questionnaire.js";
import type { Rubric } from "../model/rubric.js";
import type { Benchmark } from "../model/benchmark.js";
import { expandInputs } from "../audit/inputs.js";
import { assertKnownQuestionnaire } from "../audit/resolve.js";
import { Audit } from "../audit/pipeline.js";
import type { Phrase } from "../i18n/phrase.js";
import type { Io } from "./io.js";

export interface ValidateOptions {
  files: string[];
  questionnaire?: string;
  rubric?: string;
  lang?: string;
}

/** Checks each file by its kind, and against its questionnaire where one can be found; reports everything at once. */
export async function runValidate(opts: ValidateOptions, io: Io): Promise<void> {
  const files = await expandInputs(opts.files);
  const audit = new Audit({ ...opts, today: "", notice: (t) => io.err(t) });
  const resolver = audit.resolver;
  const words = wordsFor(opts.lang);
  const problems: Problem[] = [];
  for (const file of files) {
    const before = problems.filter((p) => p.severity === "error").length;
    let summary: Phrase | undefined;
    try {
      const text = readSource(file);
      const { kind, problems: kindProblems } = detectKind(file, text);
      if (!kind) {
        problems.push(...kindProblems);
        continue;
      }
      const parsed = parseFile(kind, file, text);
      problems.push(...parsed.problems);
      if (!parsed.value || !parsed.source || parsed.problems.some((p) => p.severity === "error")) continue;
      if (kind === "questionnaire") {
        const q = parsed.value as Questionnaire;
        const count = q.sections.reduce((n, s) => n + s.questions.length, 0);
        summary = { key: "validQuestionnaire", params: { id: q.id, revision: q.revision, sections: q.sections.length, questions: count } };
      } else if (kind === "rubric") {
        const r = parsed.value as Rubric;
        let qLoaded;
        try {
          assertKnownQuestionnaire(opts.questionnaire, r.questionnaire, parsed.source, "rubric");
          qLoaded = resolver.questionnaire(r.questionnaire);
        } catch (err) {
          // Without its questionnaire, still report what the rubric gets wrong on its own.
          problems.push(...placeIssues(parsed.source, checkRubricShape(r)));
          throw err;
        }
        problems.push(...placeIssues(parsed.source, checkRubric(r, qLoaded.value)));
        summary = { key: "validRubric", params: { id: r.id, questionnaire: qLoaded.value.id, stages: r.stages.length, gates: r.gates.length, steps: r.nextSteps.length } };
      } else if (kind === "benchmark") {
        const b = parsed.value as Benchmark;
        assertKnownQuestionnaire(opts.questionnaire, b.questionnaire, parsed.source, "benchmark");
        problems.push(...placeIssues(parsed.source, checkBenchmark(b, resolver.questionnaire(b.questionnaire).value)));
        summary = { key: b.illustrative ? "validBenchmarkIllustrative" : "validBenchmark", params: { id: b.id, questionnaire: b.questionnaire, dimensions: Object.keys(b.scores).length } };
      } else {
        const checked = await audit.check({ value: parsed.value as Answers, source: parsed.source, warnings: [] }, { rubricOptional: true });
        problems.push(...checked.warnings);
        // Counted as score counts them: an answer to a question its 'when' hides is ignored (and warned of).
        const n = [...checked.input.sheet.values()].filter((e) => e.status !== "hidden" && e.status !== "missing").length;
        summary = { key: "validAnswers", params: { questionnaire: checked.questionnaire.id, n } };
      }
    } catch (err) {
      if (err instanceof InvalidInputError) problems.push(...err.problems);
      else if (err instanceof AuditError) {
        // Worded here, in the language of this run, since the message holds its suggestion too.
        const hint = err.suggests(words);
        problems.push({ file, message: err.says(words) + (hint ? ` ${hint}` : ""), severity: "error" });
      }
      else throw err;
    }
    if (summary && problems.filter((p) => p.severity === "error").length === before && !io.quiet) io.out(stripControl(`✓ ${showName(file)}: ${words(summary)}\n`));
  }
  problems.unshift(...resolver.warnings);
  for (const p of problems) if (p.severity === "warning" && !io.quiet) io.err(formatProblem(p, words) + "\n");
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length) throw new InvalidInputError(errors);
}

