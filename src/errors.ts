import type { CliKey } from "./i18n/cli-messages.js";
import { english, word, type Phrase, type Wording } from "./i18n/phrase.js";
import { showName } from "./text/terminal.js";

/** A phrase with its English words, for the places that keep a plain message too. */
export function say(key: CliKey, params?: Phrase["params"]): { message: string; phrase: Phrase } {
  const phrase: Phrase = params ? { key, params } : { key };
  return { message: word(phrase), phrase };
}

export type Path = ReadonlyArray<PropertyKey>;

/** An issue found by pure validation, before it is placed in a file. */
export interface PathIssue {
  path: Path;
  /** In English; `phrase` gives it in other languages. */
  message: string;
  phrase?: Phrase;
  severity?: "error" | "warning";
  /** Point at the key rather than the value (e.g. an unknown key). */
  atKey?: boolean;
}

/** A problem found in an input file, located where possible. */
export interface Problem {
  file: string;
  line?: number;
  col?: number;
  /** In English; `phrase` gives it in other languages. */
  message: string;
  phrase?: Phrase;
  severity: "error" | "warning";
}

export function formatProblem(p: Problem, words: Wording = english): string {
  // A line break in a file name would split the message in two, and read as two problems.
  const file = showName(p.file);
  const where = p.line !== undefined ? `${file}:${p.line}:${p.col ?? 1}` : file;
  const text = p.phrase ? words(p.phrase) : p.message;
  return `${where}: ${p.severity === "warning" ? `${words({ key: "warning" })}: ` : ""}${text}`;
}

type Said = string | Phrase;

/** Base of every error the tool expects; anything else is a bug. */
export class AuditError extends Error {
  readonly exitCode: number = 2;
  readonly phrase?: Phrase;
  readonly hint?: Phrase;
  readonly suggestion?: string;
  constructor(message: Said, suggestion?: Said) {
    super(typeof message === "string" ? message : word(message));
    this.name = new.target.name;
    if (typeof message !== "string") this.phrase = message;
    if (suggestion !== undefined) {
      this.suggestion = typeof suggestion === "string" ? suggestion : word(suggestion);
      if (typeof suggestion !== "string") this.hint = suggestion;
    }
  }

  /** The message in the reader's language. */
  says(words: Wording = english): string {
    return this.phrase ? words(this.phrase) : this.message;
  }

  /** The suggestion in the reader's language. */
  suggests(words: Wording = english): string | undefined {
    return this.hint ? words(this.hint) : this.suggestion;
  }
}

/** Bad command-line usage. */
export class UsageError extends AuditError {}

/** One or more input files are invalid; every problem is located. */
export class InvalidInputError extends AuditError {
  constructor(
    readonly problems: Problem[],
    suggestion?: Said,
  ) {
    super(errorLines(problems, english), suggestion);
  }

  override says(words: Wording = english): string {
    return errorLines(this.problems, words);
  }
}

/** A rubric plugin misbehaved. */
export class PluginError extends AuditError {}

/** A --fail-under / --require-stage style threshold was not met. */
export class ThresholdError extends AuditError {
  override readonly exitCode = 1;
  constructor(readonly failures: Array<{ file?: string; message: string; phrase?: Phrase }>) {
    super(failures.map((f) => reasonOf(f)).join("\n"));
  }

  /** One line per threshold not met, in the reader's language. */
  reasons(words: Wording = english): string[] {
    return this.failures.map((f) => reasonOf(f, words));
  }
}

function reasonOf(f: { file?: string; message: string; phrase?: Phrase }, words: Wording = english): string {
  return `${f.file ? `${f.file}: ` : ""}${f.phrase ? words(f.phrase) : f.message}`;
}

/** The user interrupted; what they gave is saved. */
export class InterruptedError extends AuditError {
  override readonly exitCode = 130;
}

/** The errors among problems, a line each. */
function errorLines(problems: Problem[], words: Wording): string {
  return problems.filter((p) => p.severity === "error").map((p) => formatProblem(p, words)).join("\n") || words({ key: "invalidInput" });
}

/** A problem of a file, with no line to point at. */
export function fileProblem(file: string, key: CliKey, params?: Phrase["params"]): Problem {
  return { file, ...say(key, params), severity: "error" };
}
