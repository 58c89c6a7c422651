// A large batch is scored in worker threads; what the user gets must not differ from scoring in one thread.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BIN, REPO_ROOT, runCli } from "../helpers/cli.js";

vi.setConfig({ testTimeout: 120_000 });

const COUNT = 240;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ma-workers-"));
  const src = readFileSync(join(REPO_ROOT, "test/fixtures/mixed-regional-shop.yaml"), "utf8");
  for (let i = 0; i < COUNT; i++) {
    const name = join(dir, `audit-${String(i).padStart(4, "0")}.yaml`);
    // Two broken files, one early and one late, must be reported in place and not stop the rest.
    if (i === 7) writeFileSync(name, src.replace("data.analytics: 3", "data.analytics: 9"));
    else if (i === 201) writeFileSync(name, "kind: answers\nversion: 1\nquestionnaire: media-house\nanswers: [\n");
    else writeFileSync(name, src.replace("Karin Lindqvist (owner)", `Respondent ${i}`).replace("data.analytics: 3", `data.analytics: ${1 + (i % 5)}`));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("score of a large batch in worker threads", () => {
  it("gives the same report, problems and exit code as one thread, in the order of the files", async () => {
    const [threads, one] = await Promise.all([runCli(["score", dir, "--format", "json", "--jobs", "2"]), runCli(["score", dir, "--format", "json", "--jobs", "1"])]);
    expect(one.code).toBe(2);
    expect(threads.code).toBe(2);
    expect(threads.stdout).toBe(one.stdout);
    expect(threads.stderr).toBe(one.stderr);
    const cards = JSON.parse(threads.stdout) as Array<{ respondent: string }>;
    expect(cards).toHaveLength(COUNT - 2);
    expect(cards.slice(0, 8).map((c) => c.respondent)).toEqual([0, 1, 2, 3, 4, 5, 6, 8].map((i) => `Respondent ${i}`));
    expect(threads.stderr).toMatch(/audit-0007\.yaml:\d+:\d+: 9 is out of range/);
    expect(threads.stderr).toMatch(/audit-0201\.yaml:\d+:\d+:/);
  });

  it("thresholds fail per file as in one thread", async () => {
    const [threads, one] = await Promise.all([
      runCli(["score", dir, "--format", "markdown", "--fail-under", "42", "--jobs", "3"]),
      runCli(["score", dir, "--format", "markdown", "--fail-under", "42", "--jobs", "1"]),
    ]);
    expect(threads.stdout).toBe(one.stdout);
    expect(threads.stderr).toBe(one.stderr);
  });

  it("a usage error found in a worker ends the run once, with exit 2 and nothing written", async () => {
    const out = join(dir, "..", `ma-workers-out-${process.pid}.json`);
    const r = await runCli(["score", dir, "--target", "9.9", "--jobs", "2", "--output", out]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/--target 9\.9 is not a stage/g)).toHaveLength(1);
    expect(() => readFileSync(out)).toThrow();
  });

  it("--jobs takes a whole number from 1 to 64", async () => {
    for (const bad of ["0", "1.5", "many"]) {
      const r = await runCli(["score", dir, "--jobs", bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--jobs takes a number from 1 to 64, not '${bad}'`);
    }
  });
});

describe("a reader that stops early (| head)", () => {
  /** Runs the CLI and closes its stdout after the first bytes, as `| head -c 100` does. */
  const stopEarly = (args: string[]) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      child.stdout.once("data", () => child.stdout.destroy());
      child.on("close", (code) => resolve({ code, stderr }));
    });

  it("ends a long batch quietly, in worker threads or not", async () => {
    for (const jobs of ["1", "2"]) {
      const r = await stopEarly(["score", dir, "--format", "json", "--jobs", jobs]);
      expect(r.stderr).not.toMatch(/EPIPE|at .*\.cjs|Error/);
      // 2 for the two broken files when the run got that far, 0 when it stopped first; an unhandled EPIPE would be 1.
      expect([0, 2]).toContain(r.code);
    }
  });
});
