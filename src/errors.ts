import { stripControl } from "./report/terminal.js";

/** A problem found in an input file, located where possible. */
export interface Problem {
  file: string;
  line?: number;
  col?: number;
  message: string;
  severity: "error" | "warning";
}

export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.col ?? 1}` : p.file;
  // Messages quote file content and names; neither may drive the terminal.
  return stripControl(`${where}: ${p.severity === "warning" ? "warning: " : ""}${p.message}`);
}

/** Base of every error the tool expects; anything else is a bug. */
export class AuditError extends Error {
  readonly exitCode: number = 2;
  constructor(
    message: string,
    readonly suggestion?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command-line usage. */
export class UsageError extends AuditError {}

/** One or more input files are invalid; every problem is located. */
export class InvalidInputError extends AuditError {
  constructor(
    readonly problems: Problem[],
    suggestion?: string,
  ) {
    super(problems.filter((p) => p.severity === "error").map(formatProblem).join("\n") || "invalid input", suggestion);
  }
}

/** A rubric plugin misbehaved. */
export class PluginError extends AuditError {}

/** A --fail-under / --require-stage style threshold was not met. */
export class ThresholdError extends AuditError {
  override readonly exitCode = 1;
  constructor(readonly reasons: string[]) {
    super(reasons.join("\n"));
  }
}

/** The user interrupted; what they gave is saved. */
export class InterruptedError extends AuditError {
  override readonly exitCode = 130;
}
