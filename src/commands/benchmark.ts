import { stringify } from "yaml";
import { InvalidInputError, UsageError, formatProblem, type Problem } from "../errors.js";
import { fill, messages, wordsFor } from "../i18n/messages.js";
import { profileOf } from "../engine/benchmark.js";
import type { Scorecard } from "../engine/scorecard.js";
import { Audit } from "../audit/pipeline.js";
import { assertOutputNotInput, expandInputs } from "../audit/inputs.js";
import { saveFile } from "../save/write-file.js";
import { startProgress, type FileCommandOptions, type Io } from "./io.js";

/** Fewer audits than this and a profile could point at one business. */
export const MIN_GROUP = 5;

export interface BenchmarkBuildOptions extends FileCommandOptions {
  id: string;
  title?: string;
  /** Only audits whose answers match: question id to value (e.g. context.region = regional). */
  where?: Record<string, string>;
}

/** A benchmark profile from a consultant's own audits: medians and quartiles per dimension, how many, and when. */
export async function runBenchmarkBuild(opts: BenchmarkBuildOptions, io: Io): Promise<void> {
  const files = await expandInputs(opts.files);
  if (opts.output) assertOutputNotInput(opts.output, [...files, opts.questionnaire, opts.rubric]);
  const audit = new Audit({ ...opts, notice: (t) => io.err(t) });
  const cards: Scorecard[] = [];
  const problems: Problem[] = [];
  const progress = startProgress(io, files.length, (n, total) => fill(messages(opts.lang).progressScoring, { n, total }));
  try {
    for await (const r of audit.scoreFiles(files)) {
      if ("problems" in r) problems.push(...r.problems);
      else if (matches(r.scorecard, opts.where)) (problems.push(...r.warnings), cards.push(r.scorecard));
      await progress.tick();
    }
  } finally {
    progress.done();
  }
  const words = wordsFor(opts.lang);
  if (!io.quiet) for (const p of [...audit.resolver.warnings, ...problems]) if (p.severity === "warning") io.err(formatProblem(p, words) + "\n");
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length) throw new InvalidInputError(errors);
  if (cards.length < MIN_GROUP) throw new UsageError({ key: "errBenchmarkTooFew", params: { min: MIN_GROUP, n: cards.length } });
  const first = cards[0]!;
  const profile = profileOf(cards);
  const where = Object.entries(opts.where ?? {}).map(([k, v]) => `${k}=${v}`).join(", ");
  const text = `# Built by maturity-audit from ${cards.length} audits${where ? ` where ${where}` : ""}.\n${stringify(
    {
      kind: "benchmark",
      version: 1,
      id: opts.id,
      title: opts.title ?? opts.id,
      questionnaire: first.questionnaire.id,
      illustrative: false,
      source: `your own audits, scored with the rubric "${first.rubric.title}"${where ? `, where ${where}` : ""}`,
      n: cards.length,
      ...(profile.dates ? { dates: profile.dates } : {}),
      ...(profile.overall !== null ? { overall: profile.overall } : {}),
      scores: Object.fromEntries(Object.entries(profile.scores).filter(([, v]) => v !== null)),
      quartiles: profile.quartiles,
    },
    { lineWidth: 0 },
  )}`;
  if (opts.output) saveFile(opts.output, text);
  else io.out(text);
  if (!io.quiet) io.err(`${words({ key: "noteBenchmarkBuilt", params: { id: opts.id, n: cards.length, from: profile.dates?.from ?? "?", to: profile.dates?.to ?? "?" } })}\n`);
}

/** Whether an audit's answers match every filter, by the answer's stored value. */
function matches(card: Scorecard, where: Record<string, string> | undefined): boolean {
  if (!where) return true;
  const values = new Map<string, unknown>();
  for (const d of card.dimensions) for (const q of d.questions) values.set(q.id, q.value);
  for (const c of card.context ?? []) values.set(c.id, c.value);
  return Object.entries(where).every(([id, v]) => String(values.get(id)) === v);
}
