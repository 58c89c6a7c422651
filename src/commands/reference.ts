import { InvalidInputError, UsageError, fileProblem } from "../errors.js";
import { bundledBenchmarkPath, BUNDLED_BENCHMARKS, looksLikeName } from "../load/bundled.js";
import { detectKind, loadBenchmarkFile } from "../load/load.js";
import { readSource } from "../load/source.js";
import { scorecardSchema } from "../model/scorecard.js";
import type { Scorecard } from "../engine/scorecard.js";
import { profileFromScorecard, type BenchmarkProfile } from "../engine/benchmark.js";
import { resolveText } from "../i18n/text.js";
import { placeIssues } from "../load/yaml.js";
import { firstIssue } from "../model/issues.js";
import { checkBenchmark } from "../load/check-benchmark.js";
import { parseQuestionnaireRef } from "../load/check-answers.js";
import { Resolver, assertKnownQuestionnaire, scoreAnswersFile } from "./resolve.js";

/** Reads an earlier result: a scorecard JSON file, or an answers file scored the same way as the rest. */
export async function loadScorecardLike(file: string, resolver: Resolver, opts: { questionnaire?: string; lang?: string; target?: string; today: string }): Promise<Scorecard> {
  const text = readSource(file);
  if (/^\s*[{[]/.test(text)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new InvalidInputError([fileProblem(file, "errNotJson", { detail: (err as Error).message })]);
    }
    const parsed = scorecardSchema.safeParse(data);
    if (!parsed.success) {
      throw new InvalidInputError([fileProblem(file, "errNotScorecard", { detail: firstIssue(parsed.error) })]);
    }
    return parsed.data;
  }
  const { kind, problems } = detectKind(file, text);
  if (!kind) throw new InvalidInputError(problems);
  if (kind !== "answers") throw new InvalidInputError([{ ...fileProblem(file, "errNotAnswersOrScorecard", { kind }), line: 1, col: 1 }]);
  return (await scoreAnswersFile(file, resolver, opts)).scorecard;
}

/** A peer profile: a bundled or YAML benchmark profile, or a reference business's scorecard or answers. */
export async function loadBenchmark(arg: string, resolver: Resolver, opts: { lang?: string; target?: string; today: string; questionnaire?: string }): Promise<BenchmarkProfile> {
  let file = arg;
  if (looksLikeName(arg)) {
    if (!(BUNDLED_BENCHMARKS as readonly string[]).includes(arg)) {
      throw new UsageError({ key: "errNoBundledBenchmark", params: { name: arg } }, { key: "hintBundledBenchmarks", params: { names: BUNDLED_BENCHMARKS.join(", ") } });
    }
    file = bundledBenchmarkPath(arg);
  }
  const text = readSource(file);
  if (!/^\s*[{[]/.test(text) && detectKind(file, text).kind === "benchmark") {
    const loaded = loadBenchmarkFile(file);
    const b = loaded.value;
    assertKnownQuestionnaire(opts.questionnaire, b.questionnaire, loaded.source, "benchmark");
    const problems = placeIssues(loaded.source, checkBenchmark(b, resolver.questionnaire(b.questionnaire).value));
    if (problems.length) throw new InvalidInputError(problems);
    return {
      questionnaire: parseQuestionnaireRef(b.questionnaire).id, id: b.id, title: resolveText(b.title, opts.lang), illustrative: b.illustrative, ...(b.overall !== undefined ? { overall: b.overall } : {}), scores: b.scores };
  }
  const card = await loadScorecardLike(file, resolver, opts);
  return profileFromScorecard(card, file);
}
