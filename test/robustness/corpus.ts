// The robustness corpus: hostile or broken inputs for every file kind and every command that reads
// files, as data. corpus.test.ts runs each case through main() of the build, or the built binary where a case says so.
//
// Most inputs live in test/fixtures/bad/<kind>/; the ones that are huge, slow to write by hand or
// depend on file permissions are generated into a temporary folder by generateCorpusFiles().
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { positionOf, REPO_ROOT } from "../helpers/cli.js";

export interface CorpusCase {
  name: string;
  /** CLI arguments, with the file path(s); run with the repository root as working directory. */
  args: string[];
  expectCode: 0 | 2;
  /** For error cases: names the file, and `:line:col` where the problem has a line. */
  expectInStderr: RegExp;
  /** The path (as passed) that stderr must name; absent only when the command refuses before reading any file. */
  file?: string;
  /** Refused for an option's value before any file is read: stderr names no file. */
  optionOnly?: true;
  /** Something stderr must not say (e.g. a misleading message). */
  notInStderr?: RegExp;
  /** For accepted cases: what the report must show. */
  expectInStdout?: RegExp;
  /** Time allowed on top of the usual budget, in ms, where the CLI waits on purpose (a plugin's time limit). */
  extraMs?: number;
  /** Kill the process after this many ms (default 10 s). */
  killAfterMs?: number;
  /** A known bug in src/: the case states the right behaviour and runs as it.fails. One line. */
  bug?: string;
  /** Why the case cannot run here, if it cannot. */
  skipReason?: () => string | undefined;
  /**
   * Run the built binary as a process of its own: where the case guards against a hang (only a process can be
   * killed out of one), or depends on what the process's own stdin is.
   */
  spawn?: true;
}

const BAD = "test/fixtures/bad";
const A = `${BAD}/answers`;
const Q = `${BAD}/questionnaire`;
const R = `${BAD}/rubric`;
const B = `${BAD}/benchmark`;
const P = `${BAD}/plugins`;
const OK = `${BAD}/accepted`;
const DIRS = `${BAD}/folders`;
/** A valid answers file for the bundled questionnaire, for cases where something else is broken. */
const VALID_ANSWERS = "test/fixtures/least-mature.yaml";

/** A questionnaire and rubric whose ids, option values and stages are named like Object.prototype members. */
const PN_Q = `${OK}/prototype-names-questionnaire.yaml`;
const PN_R = `${OK}/prototype-names-rubric.yaml`;

/** Where generated inputs go; generateCorpusFiles() fills it, removeCorpusFiles() empties it. */
export const GENERATED_DIR = join(tmpdir(), `maturity-audit-corpus-${process.pid}`);
const gen = (name: string) => join(GENERATED_DIR, name);

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** `file:line:col: message` where `needle` (its `skip`-th character) sits in the fixture. */
function at(file: string, needle: string, message: string | RegExp, opts: { skip?: number; occurrence?: number } = {}): RegExp {
  let text = readFileSync(join(REPO_ROOT, file), "utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let from = 0;
  for (let i = 1; i < (opts.occurrence ?? 1); i++) from = text.indexOf(needle, from) + needle.length;
  const { line, col } = positionOf(text.slice(0, from).replace(/[^\n]/g, " ") + text.slice(from), needle);
  const msg = typeof message === "string" ? esc(message) : message.source;
  return new RegExp(`^${esc(file)}:${line}:${col + (opts.skip ?? 0)}: .*${msg}`, "m");
}

/** `file:line:col: message` with a known position (for generated files), or any position. */
function atLine(file: string, line: number | "any", col: number | "any", message: string | RegExp): RegExp {
  const msg = typeof message === "string" ? esc(message) : message.source;
  return new RegExp(`^${esc(file)}:${line === "any" ? "\\d+" : line}:${col === "any" ? "\\d+" : col}: .*${msg}`, "m");
}

/** `file: message` for problems that have no line (the file as a whole). */
function whole(file: string, message: string | RegExp): RegExp {
  const msg = typeof message === "string" ? esc(message) : message.source;
  return new RegExp(`${esc(file)}:? .*${msg}`, "m");
}

// ── Generated inputs ────────────────────────────────────────────────────────────────────────────

const ANSWERS_HEAD = "kind: answers\nversion: 1\nquestionnaire: media-house\n";
const MIB = 1024 * 1024;

export const GENERATED = {
  huge: gen("fifty-megabytes.yaml"),
  longValue: gen("one-megabyte-respondent.yaml"),
  longKey: gen("one-megabyte-key.yaml"),
  deepSeq: gen("ten-thousand-lists.yaml"),
  deepMap: gen("ten-thousand-maps.yaml"),
  deepQuestionnaire: gen("ten-thousand-maps-questionnaire.yaml"),
  unreadable: gen("no-read-permission.yaml"),
  outputFolder: gen("a-folder"),
  longOutput: gen(`${"n".repeat(240)}.txt`),
  lockedFolder: gen("no-write-permission"),
  fifoModule: gen("fifo-rubric.mjs"),
  latin1Folder: gen("latin1-names"),
  newlineFolder: gen("newline-names"),
  workshopFile: gen("workshop-is-a-file.txt"),
  teamFolder: gen("team-and-respondents"),
} as const;

/** Writes the generated inputs; call once before the cases run. */
export function generateCorpusFiles(): void {
  rmSync(GENERATED_DIR, { recursive: true, force: true });
  mkdirSync(GENERATED_DIR, { recursive: true });
  // 50 MB: well over the 2 MiB limit; it must be refused by its size, not read.
  writeFileSync(GENERATED.huge, `${ANSWERS_HEAD}respondent: "${"x".repeat(50 * MIB)}"\n`);
  writeFileSync(GENERATED.longValue, `${ANSWERS_HEAD}respondent: ${"x".repeat(MIB)}\nanswers:\n  channels.social-media: regular\n`);
  writeFileSync(GENERATED.longKey, `${ANSWERS_HEAD}answers:\n  ${"k".repeat(MIB)}: 1\n`);
  writeFileSync(GENERATED.deepSeq, `${ANSWERS_HEAD}answers:\n  organisation.notes: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`);
  writeFileSync(GENERATED.deepMap, `${ANSWERS_HEAD}answers:\n  organisation.notes: ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}\n`);
  writeFileSync(GENERATED.deepQuestionnaire, `kind: questionnaire\nversion: 1\nid: deep\ntitle: ${"{en: ".repeat(10_000)}x${"}".repeat(10_000)}\nsections: []\n`);
  writeFileSync(GENERATED.unreadable, `${ANSWERS_HEAD}answers:\n  channels.social-media: regular\n`);
  chmodSync(GENERATED.unreadable, 0o000);
  generateOutputFiles();
}

/** Inputs for the cases of outputs, saves and names: folders where files are expected, odd names, a FIFO. */
function generateOutputFiles(): void {
  const valid = readFileSync(join(REPO_ROOT, VALID_ANSWERS));
  mkdirSync(GENERATED.outputFolder);
  mkdirSync(GENERATED.lockedFolder);
  chmodSync(GENERATED.lockedFolder, 0o555);
  execFileSync("mkfifo", [GENERATED.fifoModule]);
  mkdirSync(GENERATED.latin1Folder);
  // "café.yaml" in Latin-1: a name from an old archive, which no UTF-8 string can name.
  writeFileSync(Buffer.concat([Buffer.from(`${GENERATED.latin1Folder}/caf`), Buffer.from([0xe9]), Buffer.from(".yaml")]), valid);
  mkdirSync(GENERATED.newlineFolder);
  writeFileSync(join(GENERATED.newlineFolder, "first\nline.yaml"), valid);
  writeFileSync(join(GENERATED.newlineFolder, "second.yaml"), valid);
  writeFileSync(GENERATED.workshopFile, "not a folder\n");
  mkdirSync(GENERATED.teamFolder);
  for (const name of ["anna", "bjorn", "cilla"]) writeFileSync(join(GENERATED.teamFolder, `${name}.yaml`), valid.toString("utf8").replace(/^respondent: .*$/m, `respondent: ${name}`));
  const team = ["anna", "bjorn", "cilla"].map((n) => `  - ${n}`).join("\n");
  writeFileSync(join(GENERATED.teamFolder, "team.yaml"), valid.toString("utf8").replace(/^respondent: .*$/m, `respondent: Team (3)\nrespondents:\n${team}`));
}

export function removeCorpusFiles(): void {
  chmodSync(GENERATED.lockedFolder, 0o755);
  rmSync(GENERATED_DIR, { recursive: true, force: true });
}

const runningAsRoot = () => (process.getuid?.() === 0 ? "runs as root, where file permissions do not apply" : undefined);

// ── The cases ───────────────────────────────────────────────────────────────────────────────────

/** Broken or hostile inputs: each must exit 2 with a located message, no stack, nothing on stdout. */
export const badCases: CorpusCase[] = [
  // Answers: YAML syntax
  { name: "answers: an unclosed quote", args: ["validate", `${A}/unclosed-quote.yaml`], expectCode: 2, expectInStderr: atLine(`${A}/unclosed-quote.yaml`, "any", "any", /closing "quote/) },
  { name: "answers: tabs for indentation", args: ["score", `${A}/tab-indent.yaml`], expectCode: 2, expectInStderr: at(`${A}/tab-indent.yaml`, "\tdata", "tabs are not allowed") },
  { name: "answers: a duplicate answer id", args: ["validate", `${A}/duplicate-answer.yaml`], expectCode: 2, expectInStderr: at(`${A}/duplicate-answer.yaml`, "channels.social-media", "duplicate key", { occurrence: 2 }) },
  { name: "answers: a duplicate top-level key", args: ["score", `${A}/duplicate-top-key.yaml`], expectCode: 2, expectInStderr: at(`${A}/duplicate-top-key.yaml`, "respondent: Per", "duplicate key") },
  { name: "answers: several YAML documents", args: ["validate", `${A}/several-documents.yaml`], expectCode: 2, expectInStderr: at(`${A}/several-documents.yaml`, "---", "several YAML documents") },
  { name: "answers: an alias bomb (billion laughs)", args: ["score", `${A}/alias-bomb.yaml`], expectCode: 2, expectInStderr: atLine(`${A}/alias-bomb.yaml`, "any", "any", "too many aliases") },
  {
    name: "answers: an alias to an anchor that does not exist",
    args: ["score", `${A}/undefined-alias.yaml`],
    expectCode: 2,
    expectInStderr: at(`${A}/undefined-alias.yaml`, "*regular", /regular/),
    notInStderr: /alias bomb/,
  },
  { name: "answers: an empty file", args: ["score", `${A}/empty.yaml`], expectCode: 2, expectInStderr: atLine(`${A}/empty.yaml`, 1, 1, "is empty") },
  { name: "answers: a file of comments only", args: ["validate", `${A}/only-comments.yaml`], expectCode: 2, expectInStderr: atLine(`${A}/only-comments.yaml`, 1, 1, "is empty") },
  { name: "answers: a list at the top level", args: ["score", `${A}/top-level-list.yaml`], expectCode: 2, expectInStderr: atLine(`${A}/top-level-list.yaml`, 1, 1, "expected a YAML mapping") },

  // Answers: wrong types, unknown ids, out-of-range values
  { name: "answers: 'answers' is a list", args: ["validate", `${A}/answers-is-a-list.yaml`], expectCode: 2, expectInStderr: at(`${A}/answers-is-a-list.yaml`, "- channels", "answers") },
  { name: "answers: a scale value out of range", args: ["score", `${A}/scale-out-of-range.yaml`], expectCode: 2, expectInStderr: at(`${A}/scale-out-of-range.yaml`, "11", "out of range") },
  { name: "answers: a number given as text", args: ["validate", `${A}/number-as-text.yaml`], expectCode: 2, expectInStderr: at(`${A}/number-as-text.yaml`, '"40 %"', "takes a number") },
  { name: "answers: an infinite number", args: ["score", `${A}/number-infinite.yaml`], expectCode: 2, expectInStderr: at(`${A}/number-infinite.yaml`, ".inf", "channels.print-share") },
  { name: "answers: a quoted 'yes' for a boolean", args: ["validate", `${A}/boolean-as-yes.yaml`], expectCode: 2, expectInStderr: at(`${A}/boolean-as-yes.yaml`, '"yes"', "true or false") },
  { name: "answers: an option that does not exist", args: ["score", `${A}/unknown-option.yaml`], expectCode: 2, expectInStderr: at(`${A}/unknown-option.yaml`, "half-and-half", "is not an option") },
  { name: "answers: 'unknown' where not allowed", args: ["validate", `${A}/unknown-not-allowed.yaml`], expectCode: 2, expectInStderr: at(`${A}/unknown-not-allowed.yaml`, "unknown", "does not allow") },
  { name: "answers: a note that is not text", args: ["score", `${A}/note-not-text.yaml`], expectCode: 2, expectInStderr: at(`${A}/note-not-text.yaml`, "value: regular", "channels.social-media") },
  { name: "answers: a misspelt top-level key", args: ["validate", `${A}/unknown-top-level-key.yaml`], expectCode: 2, expectInStderr: at(`${A}/unknown-top-level-key.yaml`, "respondant", "unknown key 'respondant'") },
  { name: "answers: a future format version", args: ["score", `${A}/future-version.yaml`], expectCode: 2, expectInStderr: at(`${A}/future-version.yaml`, "2", "version") },
  { name: "answers: no kind", args: ["score", `${A}/no-kind.yaml`], expectCode: 2, expectInStderr: atLine(`${A}/no-kind.yaml`, 1, 1, "has no 'kind:'") },
  { name: "answers: a misspelt kind", args: ["validate", `${A}/kind-typo.yaml`], expectCode: 2, expectInStderr: at(`${A}/kind-typo.yaml`, "answer", "unknown kind 'answer'") },
  { name: "answers: for another revision (media-house@9), score", args: ["score", `${A}/other-revision.yaml`], expectCode: 2, expectInStderr: at(`${A}/other-revision.yaml`, "media-house@9", "revision 9") },
  { name: "answers: for another revision (media-house@9), validate", args: ["validate", `${A}/other-revision.yaml`], expectCode: 2, expectInStderr: at(`${A}/other-revision.yaml`, "media-house@9", "revision 9") },
  { name: "answers: for a questionnaire that is not bundled, score", args: ["score", `${A}/unbundled-questionnaire.yaml`], expectCode: 2, expectInStderr: at(`${A}/unbundled-questionnaire.yaml`, "newsroom-2030", "not bundled") },
  {
    name: "answers: for a questionnaire that is not bundled, validate",
    args: ["validate", `${A}/unbundled-questionnaire.yaml`],
    expectCode: 2,
    expectInStderr: at(`${A}/unbundled-questionnaire.yaml`, "newsroom-2030", "not bundled"),
    notInStderr: /bundled Pass/,
  },

  // Answers: keys that reach Object.prototype
  { name: "answers: __proto__ as an answer id", args: ["score", `${A}/proto-answer-id.yaml`], expectCode: 2, expectInStderr: at(`${A}/proto-answer-id.yaml`, "__proto__", "'__proto__' is not allowed") },
  { name: "answers: constructor as an answer id", args: ["validate", `${A}/constructor-answer-id.yaml`], expectCode: 2, expectInStderr: at(`${A}/constructor-answer-id.yaml`, "constructor", "'constructor' is not allowed") },
  { name: "answers: prototype as an answer id", args: ["score", `${A}/prototype-answer-id.yaml`], expectCode: 2, expectInStderr: at(`${A}/prototype-answer-id.yaml`, "prototype", "'prototype' is not allowed") },
  { name: "answers: __proto__ as an option value", args: ["score", `${A}/proto-option-value.yaml`], expectCode: 2, expectInStderr: at(`${A}/proto-option-value.yaml`, "__proto__", "'__proto__' is not an option") },
  { name: "answers: constructor and prototype as multi values", args: ["validate", `${A}/constructor-option-values.yaml`], expectCode: 2, expectInStderr: at(`${A}/constructor-option-values.yaml`, "[repeat-rate", "'constructor', 'prototype' are not options") },
  { name: "answers: a date that is not in the calendar, validate", args: ["validate", `${A}/date-not-in-calendar.yaml`], expectCode: 2, expectInStderr: at(`${A}/date-not-in-calendar.yaml`, "2026-02-30", "'2026-02-30' is not a day in the calendar") },
  { name: "answers: a date that is not in the calendar, score", args: ["score", `${A}/date-not-in-calendar.yaml`], expectCode: 2, expectInStderr: at(`${A}/date-not-in-calendar.yaml`, "2026-02-30", "not a day in the calendar") },
  { name: "answers: __proto__ inside an answer with a note", args: ["score", `${A}/proto-in-note.yaml`], expectCode: 2, expectInStderr: at(`${A}/proto-in-note.yaml`, "__proto__", "'__proto__' is not allowed") },

  // Answers: not YAML at all, or not ours
  { name: "answers: JSON with an out-of-range value", args: ["validate", `${A}/answers-in-json-with-errors.json`], expectCode: 2, expectInStderr: at(`${A}/answers-in-json-with-errors.json`, "42", "out of range") },
  { name: "answers: a package.json", args: ["score", `${A}/package.json`], expectCode: 2, expectInStderr: atLine(`${A}/package.json`, 1, 1, "has no 'kind:'") },
  { name: "answers: JSON with trailing commas", args: ["validate", `${A}/trailing-comma.json`], expectCode: 2, expectInStderr: atLine(`${A}/trailing-comma.json`, 5, "any", ",") },
  { name: "answers: Latin-1 text, not UTF-8", args: ["score", `${A}/latin1.yaml`], expectCode: 2, expectInStderr: whole(`${A}/latin1.yaml`, "not valid UTF-8") },
  { name: "answers: a PNG image", args: ["score", `${A}/pixel.png`], expectCode: 2, expectInStderr: whole(`${A}/pixel.png`, "binary file") },
  { name: "answers: a PNG image named .yaml", args: ["validate", `${A}/pixel-renamed.yaml`], expectCode: 2, expectInStderr: whole(`${A}/pixel-renamed.yaml`, "binary file") },
  { name: "answers: CRLF line ends do not shift positions", args: ["score", `${A}/crlf-out-of-range.yaml`], expectCode: 2, expectInStderr: atLine(`${A}/crlf-out-of-range.yaml`, 6, 19, "out of range") },
  { name: "answers: a byte order mark does not shift positions", args: ["validate", `${A}/bom-out-of-range.yaml`], expectCode: 2, expectInStderr: at(`${A}/bom-out-of-range.yaml`, "9", "out of range") },
  { name: "answers: a questionnaire passed to score", args: ["score", "questions/media-house.yaml"], expectCode: 2, expectInStderr: at("questions/media-house.yaml", "kind: questionnaire", "an answers file is expected", { skip: 6 }) },
  { name: "answers: a rubric passed to score", args: ["score", `${R}/missing-question.yaml`], expectCode: 2, expectInStderr: at(`${R}/missing-question.yaml`, "kind: rubric", "an answers file is expected", { skip: 6 }) },
  { name: "answers: a benchmark passed to score", args: ["score", "benchmarks/regional-average.yaml"], expectCode: 2, expectInStderr: at("benchmarks/regional-average.yaml", "kind: benchmark", "an answers file is expected", { skip: 6 }) },
  { name: "answers: a package.json as --baseline", args: ["score", VALID_ANSWERS, "--baseline", `${A}/package.json`], expectCode: 2, expectInStderr: whole(`${A}/package.json`, "is not a scorecard") },

  // Answers: files that are not there, not files, or not readable
  { name: "answers: a missing file, score", args: ["score", `${A}/does-not-exist.yaml`], expectCode: 2, expectInStderr: whole(`${A}/does-not-exist.yaml`, "no such file") },
  { name: "answers: a missing file, validate", args: ["validate", `${A}/does-not-exist.yaml`], expectCode: 2, expectInStderr: whole(`${A}/does-not-exist.yaml`, "no such file") },
  { name: "answers: a folder without YAML files", args: ["score", `${DIRS}/no-yaml-here`], expectCode: 2, expectInStderr: whole(`${DIRS}/no-yaml-here`, "holds no .yaml files") },
  { name: "answers: a folder named like a YAML file", args: ["validate", `${DIRS}/looks-like-a-file.yaml`], expectCode: 2, expectInStderr: whole(`${DIRS}/looks-like-a-file.yaml`, "holds no .yaml files") },
  {
    name: "answers: two files, both invalid",
    args: ["score", `${A}/empty.yaml`, `${A}/unknown-option.yaml`],
    file: `${A}/unknown-option.yaml`,
    expectCode: 2,
    expectInStderr: at(`${A}/unknown-option.yaml`, "half-and-half", "is not an option"),
    // Hung for ever before the streaming score (renderTextBatch([]) looped in shortNames()): kept as a regression case.
    spawn: true,
  },
  {
    name: "answers: a folder where every file is invalid",
    args: ["score", A],
    file: `${A}/unknown-option.yaml`,
    expectCode: 2,
    expectInStderr: at(`${A}/unknown-option.yaml`, "half-and-half", "is not an option"),
    // Hung for ever before the streaming score (renderTextBatch([]) looped in shortNames()): kept as a regression case.
    spawn: true,
  },
  {
    name: "answers: run --resume refuses without a terminal (broken file)",
    args: ["run", "--resume", "--answers", `${A}/empty.yaml`],
    expectCode: 2,
    expectInStderr: /needs a terminal/,
  },
  {
    name: "answers: run --resume refuses without a terminal (missing file)",
    args: ["run", "--resume", "--answers", `${A}/does-not-exist.yaml`],
    expectCode: 2,
    expectInStderr: /needs a terminal/,
    // The binary's stdin is a pipe: the refusal must come from the real stream, not only from a host saying so.
    spawn: true,
  },

  // Answers: generated (huge, long, deep, unreadable)
  { name: "answers: a 50 MB file", args: ["score", GENERATED.huge], expectCode: 2, expectInStderr: whole(GENERATED.huge, "MiB; audit files are limited to 2 MiB") },
  { name: "answers: a 1 MB respondent", args: ["score", GENERATED.longValue], expectCode: 2, expectInStderr: atLine(GENERATED.longValue, 4, 13, "respondent") },
  { name: "answers: a 1 MB key", args: ["validate", GENERATED.longKey], expectCode: 2, expectInStderr: atLine(GENERATED.longKey, 5, 3, "1024") },
  {
    name: "answers: 10,000 nested lists",
    args: ["score", GENERATED.deepSeq],
    expectCode: 2,
    expectInStderr: atLine(GENERATED.deepSeq, 5, "any", /nested too deeply/),
    notInStderr: /call stack/i,
  },
  {
    name: "answers: 10,000 nested maps",
    args: ["validate", GENERATED.deepMap],
    expectCode: 2,
    expectInStderr: atLine(GENERATED.deepMap, 5, "any", /nested too deeply/),
    notInStderr: /call stack/i,
  },
  {
    name: "answers: a file without read permission",
    args: ["score", GENERATED.unreadable],
    expectCode: 2,
    expectInStderr: whole(GENERATED.unreadable, "permission denied"),
    skipReason: runningAsRoot,
  },

  // Questionnaires: validate, template --questionnaire, score --questionnaire
  { name: "questionnaire: a when that looks forward, validate", args: ["validate", `${Q}/when-refers-later.yaml`], expectCode: 2, expectInStderr: at(`${Q}/when-refers-later.yaml`, "question: s.second", "not asked earlier", { skip: 10 }) },
  { name: "questionnaire: a when that looks forward, template", args: ["template", "--questionnaire", `${Q}/when-refers-later.yaml`], expectCode: 2, expectInStderr: at(`${Q}/when-refers-later.yaml`, "question: s.second", "not asked earlier", { skip: 10 }) },
  { name: "questionnaire: a when that looks forward, score", args: ["score", VALID_ANSWERS, "--questionnaire", `${Q}/when-refers-later.yaml`], expectCode: 2, expectInStderr: at(`${Q}/when-refers-later.yaml`, "question: s.second", "not asked earlier", { skip: 10 }) },
  { name: "questionnaire: a when on itself", args: ["validate", `${Q}/when-refers-itself.yaml`], expectCode: 2, expectInStderr: at(`${Q}/when-refers-itself.yaml`, "question: s.only", "not asked earlier", { skip: 10 }) },
  { name: "questionnaire: a when on an unknown question", args: ["template", "--questionnaire", `${Q}/when-unknown-question.yaml`], expectCode: 2, expectInStderr: at(`${Q}/when-unknown-question.yaml`, "s.nowhere", "unknown question 's.nowhere'") },
  { name: "questionnaire: a when testing a boolean with \"yes\"", args: ["validate", `${Q}/when-yes-on-boolean.yaml`], expectCode: 2, expectInStderr: at(`${Q}/when-yes-on-boolean.yaml`, '"yes"', "'yes' can never match: 's.list' takes true or false") },
  { name: "questionnaire: a when testing a scale with words", args: ["template", "--questionnaire", `${Q}/when-text-on-scale.yaml`], expectCode: 2, expectInStderr: at(`${Q}/when-text-on-scale.yaml`, "high", "'high' can never match: 's.analytics' takes a whole number from 1 to 5") },
  { name: "questionnaire: a when on an option that does not exist", args: ["validate", `${Q}/when-missing-option.yaml`], expectCode: 2, expectInStderr: at(`${Q}/when-missing-option.yaml`, "some }", "'some' is not an option of 's.plan'") },
  { name: "questionnaire: a when beyond the end of its scale", args: ["validate", `${Q}/when-beyond-scale.yaml`], expectCode: 2, expectInStderr: at(`${Q}/when-beyond-scale.yaml`, "6 }", "'6' can never match") },
  { name: "questionnaire: __proto__ as a section id", args: ["validate", `${Q}/proto-section-id.yaml`], expectCode: 2, expectInStderr: at(`${Q}/proto-section-id.yaml`, "__proto__", "reserved") },
  { name: "questionnaire: constructor as a section id", args: ["template", "--questionnaire", `${Q}/constructor-section-id.yaml`], expectCode: 2, expectInStderr: at(`${Q}/constructor-section-id.yaml`, "constructor", "reserved") },
  { name: "questionnaire: prototype as an option value", args: ["validate", `${Q}/prototype-option-value.yaml`], expectCode: 2, expectInStderr: at(`${Q}/prototype-option-value.yaml`, "prototype,", "reserved") },
  { name: "questionnaire: __proto__ as a language of a text", args: ["template", "--questionnaire", `${Q}/proto-title-language.yaml`], expectCode: 2, expectInStderr: at(`${Q}/proto-title-language.yaml`, "__proto__", "'__proto__' is not allowed") },
  { name: "questionnaire: a duplicate question id", args: ["validate", `${Q}/duplicate-question-id.yaml`], expectCode: 2, expectInStderr: at(`${Q}/duplicate-question-id.yaml`, "s.a", "duplicate question id", { occurrence: 2 }) },
  { name: "questionnaire: a scale whose min is above its max", args: ["template", "--questionnaire", `${Q}/scale-min-above-max.yaml`], expectCode: 2, expectInStderr: at(`${Q}/scale-min-above-max.yaml`, "max: 1", "must be greater than min", { skip: 5 }) },
  { name: "questionnaire: an unknown question type", args: ["validate", `${Q}/unknown-question-type.yaml`], expectCode: 2, expectInStderr: at(`${Q}/unknown-question-type.yaml`, "slider", "type") },
  { name: "questionnaire: 'unknown' as an option value", args: ["template", "--questionnaire", `${Q}/reserved-option-value.yaml`], expectCode: 2, expectInStderr: at(`${Q}/reserved-option-value.yaml`, "unknown,", "reserved answers") },
  { name: "questionnaire: sections is not a list", args: ["validate", `${Q}/sections-not-a-list.yaml`], expectCode: 2, expectInStderr: at(`${Q}/sections-not-a-list.yaml`, "channels", "sections") },
  { name: "questionnaire: an unclosed flow map", args: ["template", "--questionnaire", `${Q}/malformed-flow-map.yaml`], expectCode: 2, expectInStderr: atLine(`${Q}/malformed-flow-map.yaml`, 6, "any", /Flow (map|sequence)/) },
  { name: "questionnaire: several YAML documents", args: ["template", "--questionnaire", `${Q}/several-documents.yaml`], expectCode: 2, expectInStderr: at(`${Q}/several-documents.yaml`, "---", "several YAML documents") },
  { name: "questionnaire: an alias bomb", args: ["template", "--questionnaire", `${Q}/alias-bomb.yaml`], expectCode: 2, expectInStderr: atLine(`${Q}/alias-bomb.yaml`, "any", "any", "too many aliases") },
  { name: "questionnaire: an answers file given as --questionnaire", args: ["score", VALID_ANSWERS, "--questionnaire", VALID_ANSWERS], expectCode: 2, expectInStderr: at(VALID_ANSWERS, "kind: answers", "a questionnaire file is expected", { skip: 6 }) },
  { name: "questionnaire: a PNG image", args: ["template", "--questionnaire", `${A}/pixel.png`], expectCode: 2, expectInStderr: whole(`${A}/pixel.png`, "binary file") },
  { name: "questionnaire: a missing file", args: ["template", "--questionnaire", `${Q}/does-not-exist.yaml`], expectCode: 2, expectInStderr: whole(`${Q}/does-not-exist.yaml`, "no such file") },
  { name: "questionnaire: a folder", args: ["template", "--questionnaire", `${DIRS}/no-yaml-here`], expectCode: 2, expectInStderr: whole(`${DIRS}/no-yaml-here`, "is a folder") },
  {
    name: "questionnaire: 10,000 nested maps in a title",
    args: ["template", "--questionnaire", GENERATED.deepQuestionnaire],
    expectCode: 2,
    expectInStderr: atLine(GENERATED.deepQuestionnaire, 4, "any", /nested too deeply/),
    notInStderr: /call stack/i,
  },

  // Rubrics: validate and score --rubric
  { name: "rubric: a question the questionnaire does not have, validate", args: ["validate", `${R}/missing-question.yaml`], expectCode: 2, expectInStderr: at(`${R}/missing-question.yaml`, "channels.tiktok-presence", "unknown question") },
  { name: "rubric: a question the questionnaire does not have, score", args: ["score", VALID_ANSWERS, "--rubric", `${R}/missing-question.yaml`], expectCode: 2, expectInStderr: at(`${R}/missing-question.yaml`, "channels.tiktok-presence", "unknown question") },
  { name: "rubric: stages out of order, validate", args: ["validate", `${R}/stages-out-of-order.yaml`], expectCode: 2, expectInStderr: at(`${R}/stages-out-of-order.yaml`, "min: 50", "rising 'min'", { skip: 5 }) },
  { name: "rubric: stages out of order, score", args: ["score", VALID_ANSWERS, "--rubric", `${R}/stages-out-of-order.yaml`], expectCode: 2, expectInStderr: at(`${R}/stages-out-of-order.yaml`, "min: 50", "rising 'min'", { skip: 5 }) },
  { name: "rubric: a first stage above 0", args: ["validate", `${R}/first-stage-above-zero.yaml`], expectCode: 2, expectInStderr: at(`${R}/first-stage-above-zero.yaml`, "min: 10", "must start at 0", { skip: 5 }) },
  { name: "rubric: a default target that is not a stage", args: ["score", VALID_ANSWERS, "--rubric", `${R}/default-target-missing.yaml`], expectCode: 2, expectInStderr: at(`${R}/default-target-missing.yaml`, '"4.0"', "is not a stage") },
  { name: "rubric: points for an option that does not exist", args: ["validate", `${R}/points-for-unknown-option.yaml`], expectCode: 2, expectInStderr: at(`${R}/points-for-unknown-option.yaml`, "viral", "'viral' is not an answer") },
  { name: "rubric: points out of range", args: ["score", VALID_ANSWERS, "--rubric", `${R}/points-out-of-range.yaml`], expectCode: 2, expectInStderr: at(`${R}/points-out-of-range.yaml`, "1000", "conversation") },
  { name: "rubric: __proto__ as a points key", args: ["validate", `${R}/proto-points-key.yaml`], expectCode: 2, expectInStderr: at(`${R}/proto-points-key.yaml`, "__proto__", "'__proto__' is not allowed") },
  { name: "rubric: constructor as a dimension id", args: ["score", VALID_ANSWERS, "--rubric", `${R}/constructor-dimension.yaml`], expectCode: 2, expectInStderr: at(`${R}/constructor-dimension.yaml`, "constructor", "reserved") },
  { name: "rubric: a gate blocking a stage that does not exist", args: ["validate", `${R}/gate-blocks-unknown-stage.yaml`], expectCode: 2, expectInStderr: at(`${R}/gate-blocks-unknown-stage.yaml`, '"5.0"', "is not a stage") },
  { name: "rubric: a next step on a question that does not exist", args: ["score", VALID_ANSWERS, "--rubric", `${R}/next-step-unknown-question.yaml`], expectCode: 2, expectInStderr: at(`${R}/next-step-unknown-question.yaml`, "channels.carrier-pigeons", "unknown question") },
  { name: "rubric: a negative weight", args: ["validate", `${R}/negative-weight.yaml`], expectCode: 2, expectInStderr: at(`${R}/negative-weight.yaml`, "-2", "weight") },
  { name: "rubric: weights of 1e308, whose sum overflows", args: ["validate", `${R}/huge-weights.yaml`], expectCode: 2, expectInStderr: at(`${R}/huge-weights.yaml`, "1e308", "dimensions.0.weight: must be at most 1000") },
  { name: "rubric: weights of 1e308, score", args: ["score", VALID_ANSWERS, "--rubric", `${R}/huge-weights.yaml`], expectCode: 2, expectInStderr: at(`${R}/huge-weights.yaml`, "1e308", "at most 1000", { occurrence: 2 }) },
  { name: "rubric: .nan as a weight", args: ["validate", `${R}/nan-numbers.yaml`], expectCode: 2, expectInStderr: at(`${R}/nan-numbers.yaml`, ".nan", "expected a finite number, not .nan"), notInStderr: /got a number/ },
  { name: "rubric: .inf as points", args: ["score", VALID_ANSWERS, "--rubric", `${R}/infinite-points.yaml`], expectCode: 2, expectInStderr: at(`${R}/infinite-points.yaml`, ".inf", "expected a finite number, not .inf"), notInStderr: /got a number/ },
  { name: "rubric: every weight zero", args: ["validate", `${R}/zero-weights.yaml`], expectCode: 2, expectInStderr: at(`${R}/zero-weights.yaml`, "0\n    questions", "weight: must be greater than 0") },
  { name: "rubric: a gate testing a boolean with \"no\"", args: ["validate", `${R}/gate-yes-on-boolean.yaml`], expectCode: 2, expectInStderr: at(`${R}/gate-yes-on-boolean.yaml`, '"no"', "'no' can never match: 'data.benchmarking' takes true or false") },
  { name: "rubric: a gate testing a scale with words", args: ["score", VALID_ANSWERS, "--rubric", `${R}/gate-text-on-scale.yaml`], expectCode: 2, expectInStderr: at(`${R}/gate-text-on-scale.yaml`, "low, 1", "'low' can never match: 'data.analytics' takes a whole number") },
  { name: "rubric: an expectation for a stage that does not exist", args: ["validate", `${R}/expects-unknown-stage.yaml`], expectCode: 2, expectInStderr: at(`${R}/expects-unknown-stage.yaml`, '"2,0"', "'2,0' is not a stage") },
  { name: "rubric: a gate without its reason", args: ["validate", `${R}/gate-without-reason.yaml`], expectCode: 2, expectInStderr: at(`${R}/gate-without-reason.yaml`, "id: no-benchmarking", "gates.0.reason: missing"), notInStderr: /matches none of the forms/ },
  { name: "rubric: for another revision (media-house@7), validate", args: ["validate", `${R}/other-revision.yaml`], expectCode: 2, expectInStderr: at(`${R}/other-revision.yaml`, "media-house@7", "scores revision 7 of 'media-house', but the questionnaire is revision 2") },
  { name: "rubric: for another revision (media-house@7), score", args: ["score", VALID_ANSWERS, "--rubric", `${R}/other-revision.yaml`], expectCode: 2, expectInStderr: at(`${R}/other-revision.yaml`, "media-house@7", "revision 7") },
  {
    name: "rubric: no points for an option named toString",
    args: ["validate", `${R}/points-missing-for-tostring.yaml`, "--questionnaire", PN_Q],
    file: `${R}/points-missing-for-tostring.yaml`,
    expectCode: 2,
    expectInStderr: at(`${R}/points-missing-for-tostring.yaml`, "{ valueOf", "no points for 'toString' of 'toString'"),
  },
  { name: "rubric: for another questionnaire, score", args: ["score", VALID_ANSWERS, "--rubric", `${R}/for-another-questionnaire.yaml`], expectCode: 2, expectInStderr: at(`${R}/for-another-questionnaire.yaml`, "shop-checklist", "shop-checklist") },
  {
    name: "rubric: for another questionnaire, validate",
    args: ["validate", `${R}/for-another-questionnaire.yaml`],
    expectCode: 2,
    expectInStderr: at(`${R}/for-another-questionnaire.yaml`, "shop-checklist", "shop-checklist"),
    notInStderr: /the answers are for/,
  },
  { name: "rubric: tabs for indentation", args: ["score", VALID_ANSWERS, "--rubric", `${R}/tab-indent.yaml`], expectCode: 2, expectInStderr: at(`${R}/tab-indent.yaml`, "\t\tchannels", "tabs are not allowed") },
  { name: "rubric: an answers file given as --rubric", args: ["score", VALID_ANSWERS, "--rubric", VALID_ANSWERS], expectCode: 2, expectInStderr: at(VALID_ANSWERS, "kind: answers", "a rubric file is expected", { skip: 6 }) },
  { name: "rubric: a folder given as --rubric", args: ["score", VALID_ANSWERS, "--rubric", `${DIRS}/no-yaml-here`], expectCode: 2, expectInStderr: whole(`${DIRS}/no-yaml-here`, "is a folder") },

  // Benchmarks: validate and score --benchmark
  { name: "benchmark: a score above 100, validate", args: ["validate", `${B}/score-out-of-range.yaml`], expectCode: 2, expectInStderr: at(`${B}/score-out-of-range.yaml`, "140", "scores.data") },
  { name: "benchmark: a score above 100, score", args: ["score", VALID_ANSWERS, "--benchmark", `${B}/score-out-of-range.yaml`], expectCode: 2, expectInStderr: at(`${B}/score-out-of-range.yaml`, "140", "scores.data") },
  { name: "benchmark: scores as a list", args: ["score", VALID_ANSWERS, "--benchmark", `${B}/scores-a-list.yaml`], expectCode: 2, expectInStderr: at(`${B}/scores-a-list.yaml`, "[40", "scores") },
  { name: "benchmark: illustrative missing", args: ["validate", `${B}/missing-illustrative.yaml`], expectCode: 2, expectInStderr: atLine(`${B}/missing-illustrative.yaml`, 1, 1, "illustrative") },
  { name: "benchmark: __proto__ as a dimension", args: ["score", VALID_ANSWERS, "--benchmark", `${B}/proto-dimension.yaml`], expectCode: 2, expectInStderr: at(`${B}/proto-dimension.yaml`, "__proto__", "'__proto__' is not allowed") },
  { name: "benchmark: a date that is not in the calendar", args: ["validate", `${B}/date-not-in-calendar.yaml`], expectCode: 2, expectInStderr: at(`${B}/date-not-in-calendar.yaml`, "2025-04-31", "dates.from: '2025-04-31' is not a day in the calendar") },
  { name: "benchmark: for another revision (media-house@1)", args: ["score", VALID_ANSWERS, "--benchmark", `${B}/other-revision.yaml`], expectCode: 2, expectInStderr: at(`${B}/other-revision.yaml`, "media-house@1", "revision 1 of 'media-house', but the questionnaire is revision 2") },
  { name: "benchmark: dates that end before they start", args: ["validate", `${B}/dates-reversed.yaml`], expectCode: 2, expectInStderr: at(`${B}/dates-reversed.yaml`, "2025-03-01", "dates.to: the profile ends (2025-03-01) before it starts (2026-03-01)") },
  { name: "benchmark: .nan as a score", args: ["score", VALID_ANSWERS, "--benchmark", `${B}/nan-score.yaml`], expectCode: 2, expectInStderr: at(`${B}/nan-score.yaml`, ".nan", "scores.channels: expected a finite number, not .nan") },
  { name: "benchmark: a score as text", args: ["validate", `${B}/score-as-text.yaml`], expectCode: 2, expectInStderr: at(`${B}/score-as-text.yaml`, "forty", "scores.channels") },
  {
    name: "benchmark: for another questionnaire, score",
    args: ["score", VALID_ANSWERS, "--benchmark", `${B}/for-another-questionnaire.yaml`],
    expectCode: 2,
    expectInStderr: at(`${B}/for-another-questionnaire.yaml`, "shop-checklist", "shop-checklist"),
  },
  {
    name: "benchmark: a dimension the questionnaire does not have, validate",
    args: ["validate", `${B}/unknown-dimension.yaml`],
    expectCode: 2,
    expectInStderr: at(`${B}/unknown-dimension.yaml`, "tiktok", "tiktok"),
  },

  // Options whose value names nothing, or reaches Object.prototype
  { name: "options: --min __proto__=50", args: ["score", VALID_ANSWERS, "--min", "__proto__=50"], optionOnly: true, expectCode: 2, expectInStderr: /--min __proto__=\.\.\.: no dimension '__proto__'/ },
  { name: "options: --min toString=50 on the bundled rubric", args: ["score", VALID_ANSWERS, "--min", "toString=50"], optionOnly: true, expectCode: 2, expectInStderr: /no dimension 'toString'/ },
  { name: "options: an empty --benchmark", args: ["score", VALID_ANSWERS, "--benchmark", ""], optionOnly: true, expectCode: 2, expectInStderr: /option '--benchmark' was given an empty value/ },
  { name: "options: an empty --rubric", args: ["score", VALID_ANSWERS, "--rubric", ""], optionOnly: true, expectCode: 2, expectInStderr: /option '--rubric' was given an empty value/, notInStderr: /no bundled rubric/ },
  { name: "options: an empty --questionnaire", args: ["template", "--questionnaire", ""], optionOnly: true, expectCode: 2, expectInStderr: /option '--questionnaire' was given an empty value/ },
  { name: "options: an empty --output", args: ["score", VALID_ANSWERS, "--output", ""], optionOnly: true, expectCode: 2, expectInStderr: /option '--output' was given an empty value/ },

  // Rubric plugins (score --rubric x.mjs)
  { name: "plugin: throws at import", args: ["score", VALID_ANSWERS, "--rubric", `${P}/throws-at-import.mjs`], expectCode: 2, expectInStderr: new RegExp(`${esc(`${P}/throws-at-import.mjs`)} failed to load: rubric module exploded at import`) },
  { name: "plugin: a syntax error", args: ["score", VALID_ANSWERS, "--rubric", `${P}/syntax-error.mjs`], expectCode: 2, expectInStderr: new RegExp(`${esc(`${P}/syntax-error.mjs`)} failed to load`) },
  { name: "plugin: exports no rubric", args: ["score", VALID_ANSWERS, "--rubric", `${P}/exports-nothing.mjs`], expectCode: 2, expectInStderr: new RegExp(`${esc(`${P}/exports-nothing.mjs`)} does not export a rubric`) },
  { name: "plugin: throws in evaluate", args: ["score", VALID_ANSWERS, "--rubric", `${P}/throws-in-evaluate.mjs`], expectCode: 2, expectInStderr: new RegExp(`${esc(`${P}/throws-in-evaluate.mjs`)}[\\s\\S]*failed: evaluate exploded`) },
  { name: "plugin: rejects with a string", args: ["score", VALID_ANSWERS, "--rubric", `${P}/rejects-with-string.mjs`], expectCode: 2, expectInStderr: new RegExp(`${esc(`${P}/rejects-with-string.mjs`)}[\\s\\S]*failed: not an error object`) },
  { name: "plugin: returns garbage", args: ["score", VALID_ANSWERS, "--rubric", `${P}/returns-garbage.mjs`], expectCode: 2, expectInStderr: new RegExp(`${esc(`${P}/returns-garbage.mjs`)}[\\s\\S]*returned an invalid evaluation`) },
  { name: "plugin: weights of 1e308", args: ["score", VALID_ANSWERS, "--rubric", `${P}/huge-weights.mjs`], expectCode: 2, expectInStderr: new RegExp(`${esc(`${P}/huge-weights.mjs`)}[\\s\\S]*returned an invalid evaluation[\\s\\S]*1000`) },
  { name: "plugin: returns __proto__ and an infinite score", args: ["score", VALID_ANSWERS, "--rubric", `${P}/returns-proto.mjs`], expectCode: 2, expectInStderr: new RegExp(`${esc(`${P}/returns-proto.mjs`)}[\\s\\S]*returned an invalid evaluation`) },
  {
    name: "plugin: a promise that never settles",
    args: ["score", VALID_ANSWERS, "--rubric", `${P}/never-resolves.mjs`, "--plugin-timeout", "1"],
    expectCode: 2,
    expectInStderr: new RegExp(`${esc(`${P}/never-resolves.mjs`)}[\\s\\S]*did not return within 1 s`),
    // By design: a plugin gets its --plugin-timeout (5 s unless told) before the CLI gives up on it.
    extraMs: 1_000,
  },
  {
    name: "plugin: a synchronous infinite loop in evaluate",
    args: ["score", VALID_ANSWERS, "--rubric", `${P}/sync-infinite-loop.mjs`, "--plugin-timeout", "1"],
    expectCode: 2,
    expectInStderr: new RegExp(`${esc(`${P}/sync-infinite-loop.mjs`)}[\\s\\S]*did not return within 1 s`),
    extraMs: 1_000,
    // Killed 5 s after the plugin's own limit has passed without an answer.
    killAfterMs: 6_000,
  },
  { name: "plugin: for another questionnaire", args: ["score", VALID_ANSWERS, "--rubric", `${P}/wrong-questionnaire.mjs`], expectCode: 2, expectInStderr: new RegExp(`${esc(`${P}/wrong-questionnaire.mjs`)} scores questionnaire 'shop-checklist'`) },
  { name: "plugin: a missing module", args: ["score", VALID_ANSWERS, "--rubric", `${P}/does-not-exist.mjs`], expectCode: 2, expectInStderr: new RegExp(`${esc(`${P}/does-not-exist.mjs`)} does not exist`) },
  { name: "plugin: process.exit in evaluate, reported at once", args: ["score", VALID_ANSWERS, "--rubric", `${P}/exits-in-evaluate.mjs`], expectCode: 2, expectInStderr: new RegExp(`${esc(`${P}/exits-in-evaluate.mjs`)} ended its process \\(exit 0\\)`) },
  { name: "plugin: returns a dimension the questionnaire does not have", args: ["score", VALID_ANSWERS, "--rubric", `${P}/returns-unknown-ids.mjs`], expectCode: 2, expectInStderr: new RegExp(`${esc(`${P}/returns-unknown-ids.mjs`)}[\\s\\S]*dimensions\\[\\d+\\]\\.id 'made-up', which questionnaire 'media-house' does not have`) },
  { name: "plugin: a FIFO as the module", args: ["score", VALID_ANSWERS, "--rubric", GENERATED.fifoModule], expectCode: 2, expectInStderr: new RegExp(`${esc(GENERATED.fifoModule)} is not a regular file`) },
  {
    name: "plugin: a synchronous child process of 15 s, stopped at the deadline",
    args: ["score", VALID_ANSWERS, "--rubric", `${P}/sleeps-in-child.mjs`, "--plugin-timeout", "1"],
    expectCode: 2,
    expectInStderr: new RegExp(`${esc(`${P}/sleeps-in-child.mjs`)}[\\s\\S]*did not return within 1 s`),
    extraMs: 1_000,
  },
  {
    name: "plugin: a blocking read of a FIFO, stopped at the deadline",
    args: ["score", VALID_ANSWERS, "--rubric", `${P}/blocking-read.mjs`, "--plugin-timeout", "1"],
    expectCode: 2,
    expectInStderr: new RegExp(`${esc(`${P}/blocking-read.mjs`)}[\\s\\S]*did not return within 1 s`),
    extraMs: 1_000,
    spawn: true,
  },

  // Outputs: one message naming the file, nothing written
  { name: "output: --output is a folder", args: ["score", VALID_ANSWERS, "--output", GENERATED.outputFolder], expectCode: 2, expectInStderr: whole(GENERATED.outputFolder, "it is a folder") },
  { name: "output: a 240-character --output name", args: ["score", VALID_ANSWERS, "--output", GENERATED.longOutput], expectCode: 2, expectInStderr: whole(GENERATED.longOutput, "the name is too long"), notInStderr: /ENAMETOOLONG/ },
  { name: "output: --output in a folder without write permission", args: ["score", VALID_ANSWERS, "--output", join(GENERATED.lockedFolder, "report.txt")], expectCode: 2, expectInStderr: whole(join(GENERATED.lockedFolder, "report.txt"), "permission denied"), skipReason: runningAsRoot },
  { name: "output: merge --save into a folder, --output into no folder", args: ["merge", `${GENERATED.teamFolder}/anna.yaml`, `${GENERATED.teamFolder}/bjorn.yaml`, "--save", gen("saved-team.yaml"), "--output", gen("nowhere/x.txt")], expectCode: 2, expectInStderr: whole(gen("nowhere/x.txt"), "there is no folder") },

  // Names: what the tool would save, it refuses up front
  { name: "names: run --respondent of 280 characters", args: ["run", "--respondent", "r".repeat(280)], expectCode: 2, expectInStderr: /280 characters long; at most 200 are allowed/ },
  { name: "names: run --workshop that is a file", args: ["run", "--workshop", GENERATED.workshopFile], file: GENERATED.workshopFile, expectCode: 2, expectInStderr: new RegExp(`--workshop ${esc(GENERATED.workshopFile)}: it is a file, not a folder`) },
  { name: "names: a Latin-1 file name in a folder", args: ["score", GENERATED.latin1Folder], file: GENERATED.latin1Folder, expectCode: 2, expectInStderr: new RegExp(`${esc(GENERATED.latin1Folder)}/caf.\\.yaml: the file name is not UTF-8 \\(read as Latin-1 it is .*café\\.yaml\\)`), notInStderr: /no such file/ },
];

/** Valid files with a byte order mark, CRLF line ends or JSON syntax: accepted like any other. */
export const acceptedCases: CorpusCase[] = [
  { name: "BOM answers, validate", args: ["validate", `${OK}/bom-answers.yaml`], expectCode: 0, expectInStderr: /^$/, expectInStdout: /✓ .*bom-answers\.yaml: answers to 'media-house': 2 answered/ },
  { name: "BOM answers, score", args: ["score", `${OK}/bom-answers.yaml`], expectCode: 0, expectInStderr: /^$/, expectInStdout: /\/100[\s\S]*Åsa/ },
  { name: "BOM questionnaire, validate", args: ["validate", `${OK}/bom-questionnaire.yaml`], expectCode: 0, expectInStderr: /^$/, expectInStdout: /questionnaire 'tiny'/ },
  { name: "BOM questionnaire, template", args: ["template", "--questionnaire", `${OK}/bom-questionnaire.yaml`], expectCode: 0, expectInStderr: /^$/, expectInStdout: /^questionnaire: tiny@1$/m },
  { name: "BOM rubric, validate", args: ["validate", `${OK}/bom-rubric.yaml`], expectCode: 0, expectInStderr: /^$/, expectInStdout: /rubric 'tiny-rubric'/ },
  { name: "BOM rubric, score", args: ["score", VALID_ANSWERS, "--rubric", `${OK}/bom-rubric.yaml`], expectCode: 0, expectInStderr: /^$/, expectInStdout: /rubric: A tiny rubric/ },
  { name: "BOM benchmark, validate", args: ["validate", `${OK}/bom-benchmark.yaml`], expectCode: 0, expectInStderr: /^$/, expectInStdout: /benchmark 'tiny-benchmark'/ },
  { name: "BOM benchmark, score", args: ["score", VALID_ANSWERS, "--benchmark", `${OK}/bom-benchmark.yaml`], expectCode: 0, expectInStderr: /^$/, expectInStdout: /A tiny benchmark/ },
  { name: "CRLF answers, validate", args: ["validate", `${OK}/crlf-answers.yaml`], expectCode: 0, expectInStderr: /^$/, expectInStdout: /crlf-answers\.yaml: answers to 'media-house': 3 answered/ },
  { name: "CRLF answers, score --explain", args: ["score", `${OK}/crlf-answers.yaml`, "--explain"], expectCode: 0, expectInStderr: /^$/, expectInStdout: /Per, on Windows/ },
  { name: "CRLF rubric, validate", args: ["validate", `${OK}/crlf-rubric.yaml`], expectCode: 0, expectInStderr: /^$/, expectInStdout: /rubric 'tiny-rubric'/ },
  { name: "CRLF rubric, score", args: ["score", VALID_ANSWERS, "--rubric", `${OK}/crlf-rubric.yaml`], expectCode: 0, expectInStderr: /^$/, expectInStdout: /rubric: A tiny rubric/ },
  { name: "CRLF benchmark, score", args: ["score", VALID_ANSWERS, "--benchmark", `${OK}/crlf-benchmark.yaml`], expectCode: 0, expectInStderr: /^$/, expectInStdout: /A tiny benchmark/ },
  { name: "BOM and CRLF questionnaire, template", args: ["template", "--questionnaire", `${OK}/bom-crlf-questionnaire.yaml`], expectCode: 0, expectInStderr: /^$/, expectInStdout: /^questionnaire: tiny@1$/m },
  { name: "prototype-like ids, validate the questionnaire", args: ["validate", PN_Q], expectCode: 0, expectInStderr: /^$/, expectInStdout: /questionnaire 'prototype-names' revision 1: 1 sections, 5 questions/ },
  { name: "prototype-like ids, validate the rubric", args: ["validate", PN_R, "--questionnaire", PN_Q], expectCode: 0, expectInStderr: /^$/, expectInStdout: /rubric 'prototype-names-rubric' for 'prototype-names': 2 stages, 1 gates, 1 next steps/ },
  {
    name: "prototype-like ids, score",
    args: ["score", `${OK}/prototype-names-answers.yaml`, "--questionnaire", PN_Q, "--rubric", PN_R],
    expectCode: 0,
    expectInStderr: /^$/,
    // yes (100), the middle option (50), one of two tools (50): 67, and the step on the question named toString.
    expectInStdout: /^The second stage \(confirmed, borderline\) · 67\/100 · target The second stage$[\s\S]*Write the plan down[\s\S]*Why: "How do you plan\?": Some plan/m,
  },
  {
    name: "prototype-like ids, score an unanswered toString as not answered",
    args: ["score", `${OK}/prototype-names-answers-2.yaml`, "--questionnaire", PN_Q, "--rubric", PN_R, "--format", "json"],
    expectCode: 0,
    expectInStderr: /^$/,
    // no (0) and 5 on the scale (100): 50, with toString and isPrototypeOf missing, not answered with a function.
    expectInStdout: /"overall": \{\s+"score": 50,[\s\S]*"missing": 2/,
  },
  {
    name: "prototype-like ids, merge",
    args: ["merge", `${OK}/prototype-names-answers.yaml`, `${OK}/prototype-names-answers-2.yaml`, "--questionnaire", PN_Q, "--rubric", PN_R],
    expectCode: 0,
    expectInStderr: /^$/,
    expectInStdout: /^2 respondents: Ada, Ben$/m,
  },
  { name: "an answer to a hidden question, validate", args: ["validate", `${OK}/hidden-answer.yaml`], expectCode: 0, expectInStderr: at(`${OK}/hidden-answer.yaml`, "channels.platform-dependence", "warning: 'channels.platform-dependence' is not asked with these answers"), expectInStdout: /hidden-answer\.yaml: answers to 'media-house': 3 answered/ },
  { name: "an answer to a hidden question, score", args: ["score", `${OK}/hidden-answer.yaml`, "--format", "json"], expectCode: 0, expectInStderr: at(`${OK}/hidden-answer.yaml`, "channels.platform-dependence", "the answer is ignored"), expectInStdout: /"id": "channels.platform-dependence",[\s\S]*?"status": "hidden"/ },
  { name: "JSON answers, validate", args: ["validate", `${OK}/answers.json`], expectCode: 0, expectInStderr: /^$/, expectInStdout: /answers\.json: answers to 'media-house': 3 answered/ },
  { name: "JSON answers, score", args: ["score", `${OK}/answers.json`, "--format", "json"], expectCode: 0, expectInStderr: /^$/, expectInStdout: /"schemaVersion"/ },
  {
    name: "a plugin that prints: its lines on stderr, the JSON on stdout whole",
    args: ["score", VALID_ANSWERS, "--rubric", `${P}/prints-and-scores.mjs`, "--format", "json"],
    expectCode: 0,
    expectInStderr: /prints-and-scores\.mjs printed: loading the rubric\n[\s\S]*printed: scoring \d+ questions/,
    expectInStdout: /^\{\n {2}"schemaVersion"[\s\S]*\}\n$/,
  },
  { name: "a newline in a file name stays in its batch row", args: ["score", GENERATED.newlineFolder], expectCode: 0, expectInStderr: /^$/, expectInStdout: /^first\\nline\.yaml +least, [\s\S]*^second\.yaml +least, /m },
  { name: "merge leaves an earlier team file out of the respondents", args: ["merge", GENERATED.teamFolder], expectCode: 0, expectInStderr: /team\.yaml: warning: is a team file written by merge --save \(3 respondents\); left out/, expectInStdout: /3 respondents: anna, bjorn, cilla/ },
];

/** The file a case must name: its explicit `file`, or the last path-like argument. */
export function fileOf(c: CorpusCase): string | undefined {
  if (c.file !== undefined || c.args[0] === "run" || c.optionOnly) return c.file;
  return [...c.args].reverse().find((a) => a.includes("/") || a.includes("."));
}
