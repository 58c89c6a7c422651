import { basename } from "node:path";
import { stringify } from "yaml";
import { InvalidInputError, UsageError, formatProblem, type Problem } from "../errors.js";
import { wordsFor } from "../i18n/messages.js";
import type { Io } from "../cli/io.js";
import { assertAnswersFit, loadAnswersFile, type Loaded } from "../load/load.js";
import type { Answers } from "../model/answers.js";
import { labelTeamAnswers, mergeAnswers } from "../engine/merge.js";
import type { Scorecard } from "../engine/scorecard.js";
import { Resolver, assertStage, scoreResolved } from "./resolve.js";
import { assertOutputNotInput, expandInputs, writeFileAtomic } from "./files.js";
import type { TeamReport } from "../report/team.js";

export interface MergeOptions {
  files: string[];
  questionnaire?: string;
  rubric?: string;
  lang?: string;
  format: "text" | "json" | "markdown" | "html";
  target?: string;
  output?: string;
  /** Write the team's answers as an answers file that score and compare accept. */
  save?: string;
  today: string;
}

/** One team view from several respondents' answers to the same questionnaire. */
export async function runMerge(opts: MergeOptions, io: Io): Promise<void> {
  const files = expandInputs(opts.files);
  for (const out of [opts.output, opts.save]) if (out) assertOutputNotInput(out, [...files, opts.questionnaire, opts.rubric]);
  const resolver = new Resolver(opts, (t) => io.err(t));
  const loaded: Array<{ file: string; answers: Loaded<Answers> }> = [];
  const problems: Problem[] = [];
  for (const file of files) {
    try {
      loaded.push({ file, answers: loadAnswersFile(file) });
    } catch (err) {
      if (err instanceof InvalidInputError) problems.push(...err.problems);
      else throw err;
    }
  }
  if (problems.length) throw new InvalidInputError(problems);
  if (loaded.length < 2) throw new UsageError({ key: "errMergeTwo", params: { n: loaded.length } });
  const q = resolver.questionnaire(loaded[0]!.answers.value.questionnaire);
  const rubric = await resolver.rubric(q);
  assertStage(rubric, "--target", opts.target);
  for (const l of loaded) problems.push(...assertAnswersFit(l.answers, q.value, rubric.rubric));
  for (const p of [...resolver.warnings, ...problems]) if (p.severity === "warning" && !io.quiet) io.err(formatProblem(p, wordsFor(opts.lang)) + "\n");

  // Names tell respondents apart in the report; a missing or repeated one gets its file name.
  const seen = new Map<string, number>();
  const people = loaded.map((l) => {
    let name = l.answers.value.respondent?.trim() || basename(l.file).replace(/\.ya?ml$/i, "");
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name} (${n})`;
    return { name, answers: l.answers.value };
  });
  const lang = opts.lang ?? people[0]!.answers.lang ?? "en";
  const view = mergeAnswers(q.value, people.map((p) => ({ respondent: p.name, answers: p.answers })), lang);
  const scoreOpts = { lang, target: opts.target, asOf: opts.today };
  const team = labelTeamAnswers(await scoreResolved(q.value, rubric, view.answers, scoreOpts), view);
  const respondents: Array<{ name: string; card: Scorecard }> = [];
  for (const p of people) respondents.push({ name: p.name, card: await scoreResolved(q.value, rubric, p.answers, scoreOpts) });
  const report: TeamReport = { team, respondents, questions: view.questions };

  let text: string;
  switch (opts.format) {
    case "json":
      text = JSON.stringify({ respondents: people.map((p) => p.name), team, perRespondent: respondents.map((r) => ({ name: r.name, overall: r.card.overall, dimensions: r.card.dimensions.map((d) => ({ id: d.id, score: d.score, stage: d.stage })) })), questions: view.questions }, null, 2) + "\n";
      break;
    case "markdown": {
      const { renderTeamMarkdown } = await import("../report/team.js");
      text = renderTeamMarkdown(report);
      break;
    }
    case "html": {
      const { renderHtml } = await import("../report/html.js");
      const { disagreements } = await import("../report/team.js");
      text = renderHtml(team, {
        series: respondents.map((r) => ({ label: r.name, scores: Object.fromEntries(r.card.dimensions.map((d) => [d.id, d.score])) })),
        disagreements: disagreements(report),
      });
      break;
    }
    default: {
      const { renderTeamText } = await import("../report/team.js");
      text = renderTeamText(report, { colorLevel: opts.output ? 0 : io.colorLevel, width: opts.output ? 80 : io.columns });
    }
  }
  if (opts.save) writeFileAtomic(opts.save, `# The team's answers, merged by maturity-audit from ${people.length} respondents.\n${stringify(view.answers, { lineWidth: 0 })}`);
  if (opts.output) writeFileAtomic(opts.output, text);
  else io.out(text);
}
