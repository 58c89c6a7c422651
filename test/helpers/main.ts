// Runs the CLI in this process: main() of the build in dist/ (npm test builds first) with captured streams.
// The same arguments, options and result as runCli, a few milliseconds instead of a process start.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Host } from "../../src/cli/io.js";
import { assertBuilt, cliEnv, REPO_ROOT, type CliOptions, type CliResult } from "./cli.js";

type Main = (argv: string[], host: Host) => Promise<number>;

let loaded: Promise<Main> | undefined;

/** The built main(): the code the binary runs (bundled data and the plugin worker are found beside it), minus the launcher. */
function loadMain(): Promise<Main> {
  return (loaded ??= (async () => {
    assertBuilt();
    const program = (await import(pathToFileURL(join(REPO_ROOT, "dist", "cli", "program.js")).href)) as { main: Main };
    return program.main;
  })());
}

/** The environment of one run, as runCli makes it (a copy: process.env itself is never changed). */
const hostEnv = (overrides: CliOptions["env"]): NodeJS.ProcessEnv => cliEnv(overrides);

// Relative paths in arguments are the user's, and messages quote them as given: a run in another folder
// changes the working directory. Runs in the same folder may overlap; one in another waits until none is running.
const HOME = process.cwd();
let active = 0;
const waiting: Array<() => void> = [];

async function inFolder<T>(cwd: string, task: () => Promise<T>): Promise<T> {
  while (active > 0 && process.cwd() !== cwd) await new Promise<void>((resolve) => waiting.push(resolve));
  if (process.cwd() !== cwd) process.chdir(cwd);
  active++;
  try {
    return await task();
  } finally {
    if (--active === 0) {
      if (process.cwd() !== HOME) process.chdir(HOME);
      for (const wake of waiting.splice(0)) wake();
    }
  }
}

export interface MainResult extends CliResult {
  /** Wall time of the run in ms, from the call of main() to its exit code. */
  ms: number;
}

/**
 * Calls `main(["node", "maturity-audit", ...args], host)` with stdout and stderr captured, neither a TTY (stderr one
 * with `stderrIsTTY`), and
 * no terminal on stdin (stdin is only read by prompts, which refuse without one). NO_COLOR=1 and no
 * FORCE_COLOR unless `env` says otherwise; `cwd` defaults to the repository root; `input` has nothing to feed.
 * After `timeoutMs` the result is given with code null, as for a killed process, though the run itself cannot
 * be stopped: a test of a hang needs runCli.
 */
export async function runMain(args: string[], opts: CliOptions & { stderrIsTTY?: boolean } = {}): Promise<MainResult> {
  const main = await loadMain();
  let stdout = "";
  let stderr = "";
  const text = (t: string | Uint8Array) => (typeof t === "string" ? t : Buffer.from(t).toString("utf8"));
  const host: Host = {
    stdout: { write: (t: string) => void (stdout += text(t)), isTTY: false },
    // A terminal on stderr alone, as when stdout is redirected to a file: what spinners look for.
    stderr: { write: (t: string) => void (stderr += text(t)), isTTY: !!opts.stderrIsTTY, columns: 80 },
    stdinIsTTY: false,
    env: hostEnv(opts.env),
  };
  // A run is mostly synchronous, and runs chained one after another would never let I/O through: give way to
  // whatever is pending (a spawned process's output, a timer) before taking the thread.
  await new Promise((resolve) => setImmediate(resolve));
  return inFolder(opts.cwd ?? REPO_ROOT, async () => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), opts.timeoutMs ?? 60_000)));
    try {
      const code = await Promise.race([main(["node", "maturity-audit", ...args], host), timedOut]);
      return { code, stdout, stderr, ms: performance.now() - started };
    } finally {
      clearTimeout(timer);
    }
  });
}
