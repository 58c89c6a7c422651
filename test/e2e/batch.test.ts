// A large batch through main() of the build: every file in order, broken ones in place, streamed formats; and an
// early reader of the built binary's real stdout.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, REPO_ROOT } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

/** 120 files take a few seconds even in-process; leave room for a busy machine. */
const LONG = { timeout: 60_000 };

const COUNT = 120;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ma-workers-"));
  const src = readFileSync(join(REPO_ROOT, "test/fixtures/mixed-regional-shop.yaml"), "utf8");
  for (let i = 0; i < COUNT; i++) {
    const name = join(dir, `audit-${String(i).padStart(4, "0")}.yaml`);
    // Two broken files, one early and one late, must be reported in place and not stop the rest.
    if (i === 7) writeFileSync(name, src.replace("data.analytics: 3", "data.analytics: 9"));
    else if (i === 101) writeFileSync(name, "kind: answers\nversion: 1\nquestionnaire: media-house\nanswers: [\n");
    else writeFileSync(name, src.replace("Karin Lindqvist (owner)", `Respondent ${i}`).replace("data.analytics: 3", `data.analytics: ${1 + (i % 5)}`));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("score of a large batch", LONG, () => {
  it("reports every file in the order given, a broken one in its place, and the rest still score", async () => {
    const r = await runMain(["score", dir, "--format", "json"]);
    expect(r.code).toBe(2);
    const rows = JSON.parse(r.stdout) as Array<{ respondent?: string; error?: { message: string } }>;
    expect(rows).toHaveLength(COUNT);
    // A broken file is a row of its own, with its message, where it stands in the order.
    expect(rows.map((c, i) => (c.error ? i : -1)).filter((i) => i >= 0)).toEqual([7, 101]);
    expect(rows[7]!.error!.message).toMatch(/^\d+:\d+: 9 is out of range/);
    const cards = rows.filter((c) => !c.error);
    expect(cards.slice(0, 8).map((c) => c.respondent)).toEqual([0, 1, 2, 3, 4, 5, 6, 8].map((i) => `Respondent ${i}`));
    expect(r.stderr).toMatch(/audit-0007\.yaml:\d+:\d+: 9 is out of range/);
    expect(r.stderr).toMatch(/audit-0101\.yaml:\d+:\d+:/);
  });

  it("--format ndjson gives one compact scorecard per line, with its file", async () => {
    const r = await runMain(["score", dir, "--format", "ndjson"]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(COUNT);
    const first = JSON.parse(lines[0]!) as { file: string; respondent: string; overall: { score: number } };
    expect(first.file).toMatch(/audit-0000\.yaml$/);
    expect(first.respondent).toBe("Respondent 0");
    expect(lines.every((l) => !l.includes("\n") && (JSON.parse(l).schemaVersion === 1 || JSON.parse(l).error !== undefined))).toBe(true);
    expect(lines.filter((l) => JSON.parse(l).error !== undefined)).toHaveLength(2);
  });

  it("a usage error ends the run once, with exit 2 and nothing written", async () => {
    const out = join(dir, "..", `ma-batch-out-${process.pid}.json`);
    const r = await runMain(["score", dir, "--target", "9.9", "--output", out]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/--target 9\.9 is not a stage/g)).toHaveLength(1);
    expect(() => readFileSync(out)).toThrow();
  });
});

describe("a reader that stops early (| head)", LONG, () => {
  /** Runs the CLI and closes its stdout after the first bytes, as `| head -c 100` does. */
  const stopEarly = (args: string[]) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      child.stdout.once("data", () => child.stdout.destroy());
      child.on("close", (code) => resolve({ code, stderr }));
    });

  it("ends a long batch quietly", async () => {
    const r = await stopEarly(["score", dir, "--format", "json"]);
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.cjs|Error/);
    // 2 for the two broken files when the run got that far, 0 when it stopped first; an unhandled EPIPE would be 1.
    expect([0, 2]).toContain(r.code);
  });
});
