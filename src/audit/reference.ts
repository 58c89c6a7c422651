import { basename } from "node:path";
import { InvalidInputError, UsageError, fileProblem } from "../errors.js";
import { bundledBenchmarkPath, BUNDLED_BENCHMARKS, looksLikeName } from "../load/bundled.js";
import { detectKind, loadBenchmarkFile } from "../load/load.js";
import { readSource } from "../load/source.js";
import { placeIssues } from "../load/yaml.js";
import { checkBenchmark } from "../load/check-benchmark.js";
import { parseQuestionnaireRef } from "../load/questionnaire-ref.js";
import { scorecardSchema } from "../model/scorecard.js";
import { resolveText } from "../i18n/text.js";
import { firstIssue } from "../schema-issues.js";
import type { Scorecard } from "../engine/scorecard.js";
import { profileFromScorecard, type BenchmarkProfile } from "../engine/benchmark.js";
import { assertKnownQuestionnaire } from "./resolve.js";
import type { Audit } from "./pipeline.js";
import { expandInputs, isFolder, isPattern } from "./inputs.js";

const looksLikeJson = (text: string) => /^\s*[{[]/.test(text);

/** Reads an earlier result: a scorecard JSON file, or an answers file scored the same way as the rest. */
export async function loadScorecardLike(file: string, audit: Audit): Promise<Scorecard> {
  const text = readSource(file);
  if (looksLikeJson(text)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new InvalidInputError([fileProblem(file, "errNotJson", { detail: (err as Error).message })]);
    }
    const parsed = scorecardSchema.safeParse(data);
    if (!parsed.success) throw new InvalidInputError([fileProblem(file, "errNotScorecard", { detail: firstIssue(parsed.error) })]);
    return parsed.data;
  }
  const { kind, problems } = detectKind(file, text);
  if (!kind) throw new InvalidInputError(problems);
  if (kind !== "answers") throw new InvalidInputError([{ ...fileProblem(file, "errNotAnswersOrScorecard", { kind }), line: 1, col: 1 }]);
  return (await audit.scoreFile(file)).scorecard;
}

/** The earlier result each file of a batch is compared with: one for all, or each file's own (undefined where there is none). */
export interface Baselines {
  perFile: boolean;
  of(file: string, card: Scorecard): Scorecard | undefined;
}

const stem = (file: string) => basename(file).replace(/\.(ya?ml|json)$/i, "");
const orgKey = (name: string | undefined) => name?.trim().toLowerCase() || undefined;

/**
 * Reads --baseline: one earlier result for every file, or a folder or glob of them, where each file is compared
 * with the one of the same name (acme.yaml with acme.yaml or acme.json), else with the one of the same
 * organisation. A name or organisation that two baselines share matches neither, rather than a guess.
 */
export async function loadBaselines(arg: string, audit: Audit): Promise<Baselines> {
  if (!isPattern(arg) && !isFolder(arg)) {
    const one = await loadScorecardLike(arg, audit);
    return { perFile: false, of: () => one };
  }
  const byName = new Map<string, Scorecard | null>();
  const byOrg = new Map<string, Scorecard | null>();
  const add = (map: Map<string, Scorecard | null>, key: string | undefined, card: Scorecard) => {
    if (key !== undefined) map.set(key, map.has(key) ? null : card);
  };
  for (const file of await expandInputs([arg], /\.(ya?ml|json)$/i)) {
    const card = await loadScorecardLike(file, audit);
    add(byName, stem(file), card);
    add(byOrg, orgKey(card.organisation), card);
  }
  return {
    perFile: true,
    of(file, card) {
      const named = byName.get(stem(file));
      if (named) return named;
      const org = orgKey(card.organisation);
      return (org !== undefined && byOrg.get(org)) || undefined;
    },
  };
}

/** A peer profile: a bundled or YAML benchmark profile, or a reference business's scorecard or answers. */
export async function loadBenchmark(arg: string, audit: Audit): Promise<BenchmarkProfile> {
  let file = arg;
  if (looksLikeName(arg)) {
    if (!(BUNDLED_BENCHMARKS as readonly string[]).includes(arg)) {
      throw new UsageError({ key: "errNoBundledBenchmark", params: { name: arg } }, { key: "hintBundledBenchmarks", params: { names: BUNDLED_BENCHMARKS.join(", ") } });
    }
    file = bundledBenchmarkPath(arg);
  }
  const text = readSource(file);
  if (!looksLikeJson(text) && detectKind(file, text).kind === "benchmark") {
    const loaded = loadBenchmarkFile(file);
    const b = loaded.value;
    assertKnownQuestionnaire(audit.opts.questionnaire, b.questionnaire, loaded.source, "benchmark");
    const problems = placeIssues(loaded.source, checkBenchmark(b, audit.resolver.questionnaire(b.questionnaire).value));
    if (problems.length) throw new InvalidInputError(problems);
    return {
      questionnaire: parseQuestionnaireRef(b.questionnaire).id,
      id: b.id,
      title: resolveText(b.title, audit.opts.lang),
      illustrative: b.illustrative,
      ...(b.overall !== undefined ? { overall: b.overall } : {}),
      scores: b.scores,
      ...(b.source ? { source: resolveText(b.source, audit.opts.lang) } : {}),
      ...(b.n !== undefined ? { n: b.n } : {}),
      ...(b.dates ? { dates: b.dates } : {}),
      ...(b.quartiles ? { quartiles: b.quartiles } : {}),
    };
  }
  return profileFromScorecard(await loadScorecardLike(file, audit), file);
}
