import type { z } from "zod";
import { InvalidInputError, say, type Problem, type PathIssue } from "../errors.js";
import { answersSchema, type Answers } from "../model/answers.js";
import { questionnaireSchema, type Questionnaire, type QuestionnaireFile } from "../model/questionnaire.js";
import { rubricSchema, type Rubric } from "../model/rubric.js";
import { benchmarkSchema, type Benchmark } from "../model/benchmark.js";
import { checkQuestionnaire } from "./check-questionnaire.js";
import { resolveAnswerSets } from "./answer-sets.js";
import { checkRubric } from "./check-rubric.js";
import { readSource } from "./source.js";
import { parseYaml, placeIssues, type YamlSource } from "./yaml.js";
import { zodIssues } from "../schema-issues.js";

export interface Loaded<T> {
  value: T;
  source: YamlSource;
  warnings: Problem[];
}

export const FILE_KINDS = ["questionnaire", "answers", "rubric", "benchmark"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const schemas = { questionnaire: questionnaireSchema, answers: answersSchema, rubric: rubricSchema, benchmark: benchmarkSchema } as const;

/** What a file of each kind loads to: a questionnaire with its answer sets resolved, the others as validated. */
type LoadedValue<K extends FileKind> = K extends "questionnaire" ? Questionnaire : z.infer<(typeof schemas)[K]>;

/** Parses a YAML text of a known kind; all problems are returned together, nothing is thrown. */
export function parseFile<K extends FileKind>(
  kind: K,
  file: string,
  text: string,
): { value?: LoadedValue<K>; source?: YamlSource; problems: Problem[] } {
  const { source, data, problems } = parseYaml(file, text);
  if (problems.length) return { source, problems };
  const declared = (data as { kind?: unknown }).kind;
  if (declared !== kind) {
    const issue: PathIssue = {
      path: declared === undefined ? [] : ["kind"],
      ...(declared === undefined ? say("errNoKind", { kind }) : say(/^[aeiou]/.test(kind) ? "errWrongKindAn" : "errWrongKindA", { declared: String(declared), kind })),
    };
    return { source, problems: placeIssues(source, [issue]) };
  }
  const result = (schemas[kind] as z.ZodType).safeParse(data, { reportInput: true });
  if (!result.success) return { source, problems: placeIssues(source, zodIssues(result.error)) };
  if (kind === "questionnaire") {
    // Shared answer sets are resolved here, so that everything after loading sees each question's own options.
    const written = result.data as QuestionnaireFile;
    const resolved = resolveAnswerSets(written);
    if (resolved.issues.some((i) => (i.severity ?? "error") === "error")) return { source, problems: placeIssues(source, resolved.issues) };
    const issues = [...resolved.issues, ...checkQuestionnaire(resolved.value, written)];
    return { value: resolved.value as LoadedValue<K>, source, problems: placeIssues(source, issues) };
  }
  // A rubric's own checks run with its questionnaire (checkRubric), so that all its problems come at once.
  return { value: result.data as LoadedValue<K>, source, problems: [] };
}

function finish<T>(r: { value?: T; source?: YamlSource; problems: Problem[] }): Loaded<T> {
  const errors = r.problems.filter((p) => p.severity === "error");
  if (errors.length || r.value === undefined || !r.source) throw new InvalidInputError(r.problems);
  return { value: r.value, source: r.source, warnings: r.problems.filter((p) => p.severity === "warning") };
}

export function loadQuestionnaire(file: string): Loaded<Questionnaire> {
  return finish(parseFile("questionnaire", file, readSource(file)));
}

export function loadRubricFile(file: string): Loaded<Rubric> {
  return finish(parseFile("rubric", file, readSource(file)));
}

export function loadBenchmarkFile(file: string): Loaded<Benchmark> {
  return finish(parseFile("benchmark", file, readSource(file)));
}

export function loadAnswersFile(file: string): Loaded<Answers> {
  return finish(parseFile("answers", file, readSource(file)));
}

/** Answers given as text (a form, not yet a file), checked exactly as a file of that name would be. */
export function loadAnswersText(file: string, text: string): Loaded<Answers> {
  return finish(parseFile("answers", file, text));
}

/** Throws with every located problem when the rubric does not fit the questionnaire. */
export function assertRubricFits(rubric: Loaded<Rubric>, questionnaire: Questionnaire): Problem[] {
  const issues = checkRubric(rubric.value, questionnaire);
  // A bundled rubric reads its positions lazily: only ask for them when there is something to place.
  return issues.length ? settle(placeIssues(rubric.source, issues)) : [];
}

function settle(problems: Problem[]): Problem[] {
  if (problems.some((p) => p.severity === "error")) throw new InvalidInputError(problems);
  return problems;
}

/** Reads a file's 'kind:' without validating the rest. */
export function detectKind(file: string, text: string): { kind?: FileKind; problems: Problem[] } {
  const { source, data, problems } = parseYaml(file, text);
  if (problems.length) return { problems };
  const kind = (data as { kind?: unknown }).kind;
  if (typeof kind === "string" && (FILE_KINDS as readonly string[]).includes(kind)) return { kind: kind as FileKind, problems: [] };
  return {
    problems: placeIssues(source, [
      { path: kind === undefined ? [] : ["kind"], ...(kind === undefined ? say("errNoKindAny", { kinds: FILE_KINDS.join(", ") }) : say("errUnknownKind", { kind: String(kind), kinds: FILE_KINDS.join(", ") })) },
    ]),
  };
}
