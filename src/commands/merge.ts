import { basename } from "node:path";
import { stringify } from "yaml";
import { InvalidInputError, UsageError, formatProblem, say, type Problem } from "../errors.js";
import { fill, messages, wordsFor } from "../i18n/messages.js";
import { labelTeamAnswers, mergeAnswers } from "../engine/merge.js";
import { Audit, type CheckedAnswers } from "../audit/pipeline.js";
import { loadAnswersFile } from "../load/load.js";
import { assertOutputNotInput, expandInputs } from "../audit/inputs.js";
import { formatsFor, rendererOf, type Format } from "../report/formats.js";
import type { TeamReport } from "../report/team.js";
import { saveFiles } from "../save/write-file.js";
import { truncate } from "../text/terminal.js";
import { NAME_MAX, type Answers } from "../model/answers.js";
import { startProgress, type FileCommandOptions, type Io } from "./io.js";

export interface MergeOptions extends FileCommandOptions {
  format: Format;
  target?: string;
  /** Write the team's answers as an answers file that score and compare accept. */
  save?: string;
}

/** The team's answers as `merge --save` writes them: an answers file that score and compare accept. */
export function serializeTeamAnswers(answers: Answers, respondents: number): string {
  return `# The team's answers, merged by maturity-audit from ${respondents} respondents.\n${stringify(answers, { lineWidth: 0 })}`;
}

/** One team view from several respondents' answers to the same questionnaire. */
export async function runMerge(opts: MergeOptions, io: Io): Promise<void> {
  const files = await expandInputs(opts.files);
  for (const out of [opts.output, opts.save]) if (out) assertOutputNotInput(out, [...files, opts.questionnaire, opts.rubric]);
  const render = rendererOf(opts.format, "team");
  if (!render) throw new UsageError({ key: "errFormatNotForCommand", params: { format: opts.format, command: "merge", formats: formatsFor("team").join(", ") } });
  const audit = new Audit({ ...opts, notice: (t) => io.err(t) });
  const checked: Array<{ file: string; c: CheckedAnswers; rubric?: string }> = [];
  const problems: Problem[] = [];
  const teamFiles: Problem[] = [];
  const words = messages(opts.lang);
  let progress = startProgress(io, files.length, (n, total) => fill(words.progressReading, { n, total }));
  try {
    for (const file of files) {
      try {
        const loaded = loadAnswersFile(file);
        const c = await audit.check(loaded);
        // A team view saved earlier into the same folder is the respondents once more, not one more of them.
        if (c.answers.respondents) teamFiles.push({ file, severity: "warning", ...say("warnMergeTeamFile", { n: c.answers.respondents.length }) });
        else checked.push({ file, c, rubric: audit.recorded(loaded).rubric });
      } catch (err) {
        if (err instanceof InvalidInputError) problems.push(...err.problems);
        else throw err;
      }
      await progress.tick();
    }
  } finally {
    progress.done();
  }
  if (problems.length) throw new InvalidInputError(problems);
  if (checked.length < 2 && teamFiles.length && !io.quiet) for (const p of teamFiles) io.err(formatProblem(p, wordsFor(opts.lang)) + "\n");
  if (checked.length < 2) throw new UsageError({ key: "errMergeTwo", params: { n: checked.length } });
  const q = checked[0]!.c.questionnaire;
  const other = checked.find((x) => x.c.questionnaire !== q);
  if (other) throw new UsageError({ key: "errMergeQuestionnaires", params: { file: other.file, id: other.c.questionnaire.id, expected: q.id } });
  for (const p of [...teamFiles, ...audit.resolver.warnings, ...checked.flatMap((x) => x.c.warnings)]) if (p.severity === "warning" && !io.quiet) io.err(formatProblem(p, wordsFor(opts.lang)) + "\n");

  // Names tell respondents apart in the report; a missing or repeated one gets its file name.
  const seen = new Map<string, number>();
  const people = checked.map(({ file, c }) => {
    // Within the length a respondent is read with, so that the team file saved below reads back.
    let name = truncate(c.answers.respondent?.trim() || basename(file).replace(/\.ya?ml$/i, ""), NAME_MAX - 6);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name} (${n})`;
    return { name, checked: c };
  });
  const lang = opts.lang ?? people[0]!.checked.answers.lang ?? "en";
  const view = mergeAnswers(q, people.map((p) => ({ respondent: p.name, answers: p.checked.answers })), lang);
  const team = labelTeamAnswers(await audit.score(await audit.checkValue(view.answers, { questionnaire: q, rubric: checked[0]!.rubric })), view);
  const respondents = [];
  progress = startProgress(io, people.length, (n, total) => fill(words.progressScoring, { n, total }));
  try {
    for (const p of people) {
      respondents.push({ name: p.name, card: await audit.score(p.checked) });
      await progress.tick();
    }
  } finally {
    progress.done();
  }
  const report: TeamReport = { team, respondents, questions: view.questions };
  const text = await render(report, { colorLevel: opts.output ? 0 : io.colorLevel, width: opts.output ? 80 : io.columns });
  // Both files or neither: a --output into a missing folder must not leave the --save file written.
  const saves = [
    ...(opts.save ? [{ file: opts.save, text: serializeTeamAnswers(view.answers, people.length) }] : []),
    ...(opts.output ? [{ file: opts.output, text }] : []),
  ];
  saveFiles(saves);
  if (!opts.output) io.out(text);
}
