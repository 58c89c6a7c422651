// Runs every input of the robustness corpus through main() of the build (npm test builds first), and the
// few that guard against a hang through the built binary: a bad input exits 2 with a located message
// naming the file, no stack trace, nothing on stdout, and quickly; a valid file with a BOM, CRLF line
// ends or JSON syntax is accepted (exit 0).
import { spawn } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { basename } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, REPO_ROOT } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";
import { acceptedCases, badCases, fileOf, generateCorpusFiles, removeCorpusFiles, type CorpusCase } from "./corpus.js";

/** Wall time one case may take on an idle machine. CI machines are slower and shared: they get twice as long. */
const BUDGET_MS = Number(process.env.ROBUSTNESS_BUDGET_MS ?? (process.env.CI ? 5_000 : 2_500));

/**
 * How much slower than idle the machine is now (1 to 4): the 1-minute load per core. A case that is
 * slow only because other test files share the cores is not a finding; a hang is killed either way.
 */
function slowdown(): number {
  return Math.min(4, Math.max(1, loadavg()[0]! / Math.max(1, availableParallelism())));
}
/** A run still going after this is a hang, reported as such (a process is killed; an in-process run is given up on). */
const KILL_AFTER_MS = 10_000;
/** Spawns at a time: node start-up is CPU-bound, and CI runners have two cores. */
const CONCURRENCY = 2;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  killed: boolean;
}

// A small semaphore: tests start concurrently, but only CONCURRENCY processes run at once, and
// the clock of each starts when its process does.
let running = 0;
const waiting: Array<() => void> = [];
async function limited<T>(task: () => Promise<T>): Promise<T> {
  // A finished task hands its slot straight to the next waiter, so no newcomer can slip in between.
  if (running < CONCURRENCY) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function env(): Record<string, string> {
  const e: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) e[k] = v;
  delete e.FORCE_COLOR;
  delete e.CI; // 'run' must refuse for want of a terminal, whatever CI says
  e.NO_COLOR = "1";
  return e;
}

function runCase(c: CorpusCase): Promise<Run> {
  return c.spawn ? spawnCase(c) : mainCase(c);
}

// In-process runs one at a time: they share this thread, and one that waits on another's work would be timed for both.
// A case that waits on purpose (a plugin's time limit) does not hold the others up.
let inProcess: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = inProcess.then(task);
  inProcess = run.catch(() => undefined);
  return run;
}

async function mainCase(c: CorpusCase): Promise<Run> {
  // 'run' must refuse for want of a terminal, whatever CI says.
  const run = () => runMain(c.args, { env: { CI: undefined }, timeoutMs: c.killAfterMs ?? KILL_AFTER_MS });
  const r = await (c.extraMs ? run() : oneAtATime(run));
  return { code: r.code, signal: null, stdout: r.stdout, stderr: r.stderr, ms: r.ms, killed: r.code === null };
}

function spawnCase(c: CorpusCase): Promise<Run> {
  return limited(
    () =>
      new Promise<Run>((resolve, reject) => {
        const started = performance.now();
        const child = spawn(process.execPath, [BIN, ...c.args], { cwd: REPO_ROOT, env: env(), stdio: "pipe" });
        let stdout = "";
        let stderr = "";
        let killed = false;
        child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
        child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
        const timer = setTimeout(() => ((killed = true), child.kill("SIGKILL")), c.killAfterMs ?? KILL_AFTER_MS);
        child.on("error", (err) => (clearTimeout(timer), reject(err)));
        child.on("close", (code, signal) => {
          clearTimeout(timer);
          resolve({ code, signal, stdout, stderr, ms: performance.now() - started, killed });
        });
        child.stdin.end("");
      }),
  );
}

/** Wall times, for the summary after the run. */
const timings: Array<{ name: string; ms: number }> = [];

function check(c: CorpusCase, r: Run): void {
  timings.push({ name: c.name, ms: r.ms });
  const budget = Math.round(BUDGET_MS * slowdown()) + (c.extraMs ?? 0);
  const context = `${c.args.join(" ")}\n--- stderr ---\n${r.stderr.slice(0, 2000)}\n--- stdout ---\n${r.stdout.slice(0, 500)}`;
  expect(r.killed, `hung: killed after ${c.killAfterMs ?? KILL_AFTER_MS} ms\n${context}`).toBe(false);
  expect(r.code, context).toBe(c.expectCode);
  expect(r.stderr, "no stack trace").not.toMatch(/^\s+at /m);
  expect(r.stderr, "no internal error").not.toMatch(/internal error/);
  expect(r.stderr, context).toMatch(c.expectInStderr);
  if (c.notInStderr) expect(r.stderr, context).not.toMatch(c.notInStderr);
  if (c.expectCode !== 0) {
    const file = fileOf(c);
    if (file !== undefined) expect(r.stderr, "stderr names the file").toContain(file);
    expect(r.stdout, "nothing on stdout").toBe("");
  } else if (c.expectInStdout) {
    expect(r.stdout, context).toMatch(c.expectInStdout);
  }
  expect(r.ms, `took ${Math.round(r.ms)} ms; the budget is ${budget} ms (load ${loadavg()[0]!.toFixed(1)})`).toBeLessThanOrEqual(budget);
}

function define(c: CorpusCase): void {
  // Long enough to wait for a free slot and then for a killed hang.
  const timeout = 4 * KILL_AFTER_MS;
  if (c.bug && !process.env.ROBUSTNESS_SHOW_BUGS) {
    // A documented bug in src/ (see c.bug): the case states the right behaviour and is expected to fail until fixed.
    // ROBUSTNESS_SHOW_BUGS=1 runs these as ordinary tests, to see why each one fails.
    it.fails(`${c.name} [known bug: ${c.bug}]`, async () => check(c, await runCase(c)), timeout);
    return;
  }
  it(
    c.name,
    async (ctx) => {
      const reason = c.skipReason?.();
      if (reason) ctx.skip(reason);
      check(c, await runCase(c));
    },
    timeout,
  );
}

beforeAll(() => generateCorpusFiles());
afterAll(() => {
  removeCorpusFiles();
  if (!timings.length) return;
  const sorted = [...timings].sort((a, b) => b.ms - a.ms);
  const median = sorted[Math.floor(sorted.length / 2)]!.ms;
  const slowest = sorted.slice(0, 5).map((t) => `  ${Math.round(t.ms)} ms  ${t.name}`).join("\n");
  console.log(`robustness corpus: ${timings.length} runs, median ${Math.round(median)} ms, load ${loadavg()[0]!.toFixed(1)}; slowest:\n${slowest}`);
});

describe("the corpus itself", () => {
  it("has at least 45 bad inputs, across every file kind and command", () => {
    expect(new Set(badCases.map((c) => fileOf(c) ?? c.args.join(" "))).size).toBeGreaterThanOrEqual(45);
    const names = badCases.map((c) => c.name.split(":")[0]);
    for (const kind of ["answers", "questionnaire", "rubric", "benchmark", "plugin"]) expect(names).toContain(kind);
    const commands = new Set(badCases.map((c) => (c.args[0] === "template" ? `template ${c.args[1]}` : c.args[0])));
    expect([...commands].sort()).toEqual(["merge", "run", "score", "template --questionnaire", "validate"]);
  });

  it("names cases uniquely, and every error pattern names its file", () => {
    const all = [...badCases, ...acceptedCases];
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
    for (const c of badCases) {
      const file = fileOf(c);
      if (c.args[0] === "run" || c.optionOnly) continue; // refused before any file is read
      expect(file, c.name).toBeDefined();
      expect(c.expectInStderr.source, c.name).toContain(basename(file!).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
    }
  });
});

describe.concurrent("bad inputs exit 2 with a located message", () => {
  for (const c of badCases) define(c);
});

describe.concurrent("valid files with a BOM, CRLF line ends or JSON syntax are accepted", () => {
  for (const c of acceptedCases) define(c);
});
