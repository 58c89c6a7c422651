// No lost data: a write killed at any moment leaves the old or the new file, never half of one;
// --output never overwrites an input; a finished write leaves no temporary file behind.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

const WRITE_FILE_JS = join(REPO_ROOT, "dist", "save", "write-file.js");
const MIXED = join(REPO_ROOT, "test", "fixtures", "mixed-regional-shop.yaml");

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "maturity-audit-atomic-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A fresh folder under tmp for one test. */
function folder(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** An answers file of `size` characters: a real audit with a long note. */
function answersOfSize(respondent: string, size: number): string {
  const base = readFileSync(MIXED, "utf8")
    .replace(/^respondent: .*$/m, `respondent: ${respondent}`)
    .replace(/^ {2}organisation\.notes: .*\n/m, "");
  const head = `${base}  organisation.notes: "`;
  const tail = '"\n';
  const n = Math.max(0, size - head.length - tail.length);
  return head + "Evidence collected in the workshop. ".repeat(Math.ceil(n / 36) + 1).slice(0, n) + tail;
}

describe("saveFile under SIGKILL", () => {
  // The writer rewrites the target in a tight loop with alternating contents; "ready" once the first write is done.
  const WRITER = `
    const { saveFile } = await import(process.env.WRITE_FILE_URL);
    const { readFileSync } = await import("node:fs");
    const [target, a, b] = process.argv.slice(1);
    const texts = [readFileSync(a, "utf8"), readFileSync(b, "utf8")];
    saveFile(target, texts[0]);
    process.stdout.write("ready\\n");
    for (let i = 1; ; i++) saveFile(target, texts[i % 2]);
  `;

  function killWriterAfter(target: string, a: string, b: string, delayMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["--input-type=module", "-e", WRITER, target, a, b], {
        env: { ...process.env, WRITE_FILE_URL: pathToFileURL(WRITE_FILE_JS).href },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      let killTimer: NodeJS.Timeout | undefined;
      const guard = setTimeout(() => child.kill("SIGKILL"), 15_000);
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        if (d.includes("ready") && !killTimer) killTimer = setTimeout(() => child.kill("SIGKILL"), delayMs);
      });
      child.on("error", reject);
      child.on("close", (_code, signal) => {
        clearTimeout(guard);
        clearTimeout(killTimer);
        if (signal !== "SIGKILL" || !killTimer) reject(new Error(`the writer ended on its own (${signal ?? _code}): ${stderr}`));
        else resolve();
      });
    });
  }

  it("leaves one of the two complete contents after each of 12 kills, never a truncated file", async () => {
    const textA = answersOfSize("Writer A", 5_000);
    const textB = answersOfSize("Writer B, with a longer name", 5_600);
    expect(textA.length).toBeGreaterThan(4_500);
    expect(textB.length).toBeGreaterThan(textA.length);
    const seen = new Set<string>();
    // Two writers at a time, each on a target of its own: a kill waits mostly for a process to start.
    const lane = async (name: string, kills: number[]) => {
      const dir = folder(name);
      const a = join(dir, "a.src");
      const b = join(dir, "b.src");
      writeFileSync(a, textA);
      writeFileSync(b, textB);
      const target = join(dir, "answers.yaml");
      for (const i of kills) {
        // Random moments: from right after the first write to well into the loop.
        await killWriterAfter(target, a, b, Math.floor(Math.random() * 40));
        const text = readFileSync(target, "utf8");
        expect([textA.length, textB.length], `kill ${i + 1}: a file of ${text.length} bytes`).toContain(text.length);
        expect(text === textA || text === textB, `kill ${i + 1}: the content is one of the two`).toBe(true);
        expect(parse(text)).toEqual(parse(text === textA ? textA : textB));
        seen.add(text === textA ? "A" : "B");
      }
      // Temporary files of killed writers may stay (nothing can clean up after SIGKILL), but only those.
      for (const f of readdirSync(dir)) expect(f).toMatch(/^(a\.src|b\.src|answers\.yaml|\.answers\.yaml\.\d+\.\d+\.tmp)$/);
    };
    const kills = Array.from({ length: 12 }, (_, i) => i);
    await Promise.all([lane("sigkill-1", kills.filter((i) => i % 2 === 0)), lane("sigkill-2", kills.filter((i) => i % 2 === 1))]);
    expect(seen.size, "the kills caught both contents").toBe(2);
  }, 120_000);
});

describe("score --output onto one of its inputs", () => {
  let dir: string;
  const inputs = ["answers.yaml", "baseline.yaml", "questionnaire.yaml", "rubric.yaml", "benchmark.yaml"];
  const original = new Map<string, string>();

  beforeAll(() => {
    dir = folder("output-onto-input");
    copyFileSync(join(REPO_ROOT, "test", "fixtures", "least-mature.yaml"), join(dir, "answers.yaml"));
    copyFileSync(join(REPO_ROOT, "test", "fixtures", "least-mature.yaml"), join(dir, "baseline.yaml"));
    copyFileSync(join(REPO_ROOT, "questions", "media-house.yaml"), join(dir, "questionnaire.yaml"));
    copyFileSync(join(REPO_ROOT, "scoring", "media-house.yaml"), join(dir, "rubric.yaml"));
    copyFileSync(join(REPO_ROOT, "benchmarks", "regional-average.yaml"), join(dir, "benchmark.yaml"));
    for (const f of inputs) original.set(f, readFileSync(join(dir, f), "utf8"));
  });

  async function expectRefused(args: string[], input: string): Promise<void> {
    const r = await runMain(args, { cwd: dir });
    const now = readFileSync(join(dir, input), "utf8");
    // Restore before asserting, so that one failure does not spoil the other cases.
    writeFileSync(join(dir, input), original.get(input)!);
    expect(now, `${input} is unchanged`).toBe(original.get(input));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/--output .* is also an input/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).toBe("");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }

  it("refuses the answers file itself", () => expectRefused(["score", "answers.yaml", "--output", "answers.yaml"], "answers.yaml"));
  it("refuses the answers file spelt differently (./ and absolute)", async () => {
    await expectRefused(["score", "./answers.yaml", "--output", join(dir, "answers.yaml")], "answers.yaml");
    await expectRefused(["score", join(dir, "answers.yaml"), "--output", "sub/../answers.yaml"], "answers.yaml");
  });
  it("refuses a file inside a folder given as input", () => expectRefused(["score", ".", "--format", "json", "--output", "answers.yaml"], "answers.yaml"));
  it("refuses the --baseline file", () => expectRefused(["score", "answers.yaml", "--baseline", "baseline.yaml", "--output", "baseline.yaml"], "baseline.yaml"));
  it("refuses the --questionnaire file", () => expectRefused(["score", "answers.yaml", "--questionnaire", "questionnaire.yaml", "--output", "questionnaire.yaml"], "questionnaire.yaml"));
  it("refuses the --rubric file", () => expectRefused(["score", "answers.yaml", "--rubric", "rubric.yaml", "--output", "rubric.yaml"], "rubric.yaml"));
  it("refuses the --benchmark file", () => expectRefused(["score", "answers.yaml", "--benchmark", "benchmark.yaml", "--output", "benchmark.yaml"], "benchmark.yaml"));

  it("does not write through a symlink to an input", async () => {
    const link = join(dir, "link.yaml");
    symlinkSync(join(dir, "answers.yaml"), link);
    try {
      const r = await runMain(["score", "answers.yaml", "--output", "link.yaml"], { cwd: dir });
      expect([0, 2]).toContain(r.code);
      expect(readFileSync(join(dir, "answers.yaml"), "utf8"), "answers.yaml is unchanged").toBe(original.get("answers.yaml"));
    } finally {
      rmSync(link, { force: true });
    }
  });
});

describe("--output leaves no temporary file behind", () => {
  it("template --output FILE writes FILE and nothing else", async () => {
    const dir = folder("template-output");
    const r = await runMain(["template", "--output", "answers.yaml"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(readdirSync(dir)).toEqual(["answers.yaml"]);
    expect(parse(readFileSync(join(dir, "answers.yaml"), "utf8"))).toMatchObject({ kind: "answers", questionnaire: expect.stringMatching(/^media-house/) });
  });

  it("template --output never replaces an existing (perhaps filled-in) file, and leaves nothing else", async () => {
    const dir = folder("template-replace");
    writeFileSync(join(dir, "answers.yaml"), "old\n");
    const r = await runMain(["template", "--output", "answers.yaml"], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/answers\.yaml already exists/);
    expect(readdirSync(dir)).toEqual(["answers.yaml"]);
    expect(readFileSync(join(dir, "answers.yaml"), "utf8")).toBe("old\n");
  });

  it("template --output onto a folder fails cleanly and leaves no temporary file", async () => {
    const dir = folder("template-onto-folder");
    mkdirSync(join(dir, "taken.yaml"));
    const r = await runMain(["template", "--output", "taken.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/taken\.yaml/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(dir)).toEqual(["taken.yaml"]);
    expect(readdirSync(join(dir, "taken.yaml"))).toEqual([]);
  });

  it("template --output into a missing folder fails cleanly and creates nothing", async () => {
    const dir = folder("template-missing-folder");
    const r = await runMain(["template", "--output", join("nowhere", "answers.yaml")], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nowhere/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("score --output FILE writes FILE and nothing else", async () => {
    const dir = folder("score-output");
    const answers = relative(dir, join(REPO_ROOT, "test", "fixtures", "least-mature.yaml"));
    const r = await runMain(["score", answers, "--format", "markdown", "--output", "report.md"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(["report.md"]);
  });

  it("score --output with an invalid input among valid ones leaves no temporary file", async () => {
    const dir = folder("score-output-invalid");
    const fixtures = join(REPO_ROOT, "test", "fixtures");
    const args = [relative(dir, join(fixtures, "least-mature.yaml")), relative(dir, join(fixtures, "bad", "answers", "unknown-option.yaml"))];
    const r = await runMain(["score", ...args, "--output", "report.txt"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown-option\.yaml:5:26: /);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    // The report of the valid file may be written or not; a temporary file must not stay.
    expect(readdirSync(dir).filter((f) => f !== "report.txt")).toEqual([]);
  });

  it("score --output with every input invalid leaves nothing at all", async () => {
    const dir = folder("score-output-all-invalid");
    const bad = relative(dir, join(REPO_ROOT, "test", "fixtures", "bad", "answers", "unknown-option.yaml"));
    const r = await runMain(["score", bad, "--output", "report.txt"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown-option\.yaml:5:26: /);
    expect(readdirSync(dir)).toEqual([]);
  });
});
