// Runs the built CLI (bin/maturity-audit.cjs → dist/) as a user would, without a TTY.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = join(REPO_ROOT, "bin", "maturity-audit.cjs");
export const FIXTURES = join(REPO_ROOT, "test", "fixtures");

/** Fails early, and says why, when the CLI has not been built (npm test builds it first). */
export function assertBuilt(): void {
  if (!existsSync(join(REPO_ROOT, "dist", "bin", "cli.cjs"))) throw new Error("dist/ is missing: run `npm run build` first");
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Text written to the CLI's stdin (stdin is closed either way). */
  input?: string;
  /** Overrides of the environment; a value of undefined removes the variable. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Kill the CLI after this many milliseconds (default 60 000: generous for a loaded machine); the code is then null. */
  timeoutMs?: number;
}

/** The environment runCli gives the CLI: this process's, NO_COLOR=1 and no FORCE_COLOR, then the overrides. */
export function cliEnv(overrides: CliOptions["env"]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.FORCE_COLOR;
  env.NO_COLOR = "1";
  for (const [k, v] of Object.entries(overrides ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Spawns `node bin/maturity-audit.cjs ...args`; NO_COLOR=1 unless overridden, FORCE_COLOR removed unless given. */
export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? REPO_ROOT, env: cliEnv(opts.env), stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 60_000);
    child.on("error", (err) => (clearTimeout(timer), reject(err)));
    child.on("close", (code) => (clearTimeout(timer), resolvePromise({ code, stdout, stderr })));
    child.stdin.end(opts.input ?? "");
  });
}

/** The same as runCli, blocking: for a beforeAll or a one-off. */
export function runCliSync(args: string[], opts: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    env: cliEnv(opts.env),
    input: opts.input ?? "",
    encoding: "utf8",
    timeout: opts.timeoutMs ?? 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string): { line: number; col: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not found`);
  const before = text.slice(0, i).split("\n");
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}
