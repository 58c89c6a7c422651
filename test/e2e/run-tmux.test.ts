// The interactive audit in a real terminal: tmux runs the built CLI, the test reads the screen and types keys.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Tmux, exitStatus, hasTmux } from "../helpers/tmux.js";
import { BIN, REPO_ROOT, assertBuilt } from "../helpers/cli.js";
import { displayOrder } from "../../src/interview/display-order.js";
import { runMain } from "../helpers/main.js";


interface Question {
  id: string;
  type: "single" | "multi" | "scale" | "number" | "boolean" | "text";
  options?: { value: string }[];
  min?: number;
  max?: number;
  when?: unknown;
}
const questions: Question[] = (parse(readFileSync(join(REPO_ROOT, "questions", "media-house.yaml"), "utf8")) as { sections: { questions: Question[] }[] })
  .sections.flatMap((s) => s.questions);
const TOTAL = questions.length;

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;


/** The progress marker of the question at 1-based `position`, as the prompt shows it. */
const marker = (position: number) => new RegExp(`· ${position}/${TOTAL}\\b`);
/** Every question position the screen shows a prompt for, in order. */
const positionsOn = (screen: string) => [...screen.matchAll(new RegExp(`· (\\d+)/${TOTAL}\\b`, "g"))].map((m) => Number(m[1]));

/** The answer that pressing Enter alone gives, by question type; undefined when it skips. */
function enterAnswer(q: Question): unknown {
  switch (q.type) {
    case "single":
      return displayOrder(q.id, q.options!)[0]!.value; // the first option on screen
    case "scale":
      return q.min;
    case "multi":
      return [];
    case "boolean":
      return true; // the confirm's default, or "Yes", the first choice of the select
    case "number":
    case "text":
      return undefined;
  }
}

describe.skipIf(!hasTmux)("interactive run in a real terminal (tmux; skipped when tmux is not on PATH)", () => {
  const t = new Tmux("e2e");
  let dir: string;

  beforeAll(() => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), "maturity-audit-tmux-"));
  });
  afterAll(() => {
    t.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("answers a few questions, stops on Ctrl-C with 130, resumes at the first unanswered one and prints the gap report", async () => {
    const node = shellQuote(process.execPath);
    const bin = shellQuote(BIN);

    // --- First session: four answers, then Ctrl-C.
    const first = questions.slice(0, 4);
    expect(first.map((q) => q.type), "the first questions should still cover a number, a single and a multi").toEqual(
      expect.arrayContaining(["number", "single", "multi"]),
    );
    expect(first.some((q) => q.when)).toBe(false);
    const given: Record<string, unknown> = {};

    t.start("first", dir, `${node} ${bin} run --respondent 'Test Co' --organisation 'Test Co' --answers audit.yaml`);
    await t.waitFor("first", /Saving answers to audit\.yaml/);
    for (const [i, q] of first.entries()) {
      await t.waitFor("first", marker(i + 1));
      switch (q.type) {
        case "number":
          t.text("first", "30");
          t.keys("first", "Enter");
          given[q.id] = 30;
          break;
        case "multi":
          t.keys("first", "Space");
          t.keys("first", "Enter");
          given[q.id] = [q.options![0]!.value];
          break;
        case "single":
        case "scale":
          t.keys("first", "Enter");
          given[q.id] = enterAnswer(q);
          break;
        default:
          throw new Error(`this test does not know how to answer a ${q.type} question first`);
      }
    }
    await t.waitFor("first", marker(5));
    t.keys("first", "C-c");
    let screen = await t.waitFor("first", /^EXIT=\d+/m);
    expect(screen).toMatch(/stopped: 4 answers are saved in audit\.yaml/);
    // The command as it was started: node and the launcher's path.
    expect(screen).toContain(`Resume with: node ${BIN} run --resume --answers audit.yaml`);
    expect(screen).not.toMatch(/at .+\.js:\d+/); // no stack trace
    expect(exitStatus(screen)).toBe(130);

    const saved = parse(readFileSync(join(dir, "audit.yaml"), "utf8"));
    expect(saved).toMatchObject({ kind: "answers", version: 1, respondent: "Test Co", questionnaire: expect.stringMatching(/^media-house/) });
    expect(saved.answers).toStrictEqual(given);

    // --- Second session: resume, Enter on everything, then score from the review.
    t.start("resume", dir, `${node} ${bin} run --resume --answers audit.yaml`);
    screen = await t.waitFor("resume", (s) => positionsOn(s).length > 0);
    expect(screen).toContain("Resuming audit.yaml");
    expect(positionsOn(screen)).toEqual([5]);

    let current = 5;
    for (let guard = 0; ; guard++) {
      if (guard > TOTAL) throw new Error(`the review never came; the screen was:\n${t.screen("resume")}`);
      t.keys("resume", "Enter");
      const at = current;
      screen = await t.waitFor("resume", (s) => /Review your answers/.test(s) || Math.max(...positionsOn(s)) > at);
      if (/Review your answers/.test(screen)) break;
      current = Math.max(...positionsOn(screen));
    }
    const asked = positionsOn(screen);
    expect(asked[0]).toBe(5);
    expect(asked, "each question asked once, in order").toEqual([...new Set(asked)].sort((a, b) => a - b));
    expect(asked.at(-1)).toBe(TOTAL);

    t.keys("resume", "Enter"); // the review's default: score them
    await t.waitFor("resume", /Save the report as HTML/);
    t.keys("resume", "Enter");
    screen = await t.waitFor("resume", /^EXIT=\d+/m);
    expect(screen).toMatch(/The first three steps/);
    expect(screen).toMatch(/Report saved in test-co-\d{4}-\d\d-\d\d\.html/);
    expect(screen).toMatch(/\d+\/100/);
    expect(exitStatus(screen)).toBe(0);

    // The file holds the first session's answers and exactly what Enter gave on each question asked since.
    const final = parse(readFileSync(join(dir, "audit.yaml"), "utf8"));
    const expected: Record<string, unknown> = { ...given };
    for (const p of asked) {
      const q = questions[p - 1]!;
      const a = enterAnswer(q);
      if (a !== undefined) expected[q.id] = a;
    }
    expect(final.answers).toStrictEqual(expected);

    // `score` on the saved file gives the same headline as the end of the interactive run.
    const scored = await runMain(["score", "audit.yaml"], { cwd: dir, env: { CI: undefined } });
    expect(scored.code, scored.stderr).toBe(0);
    const headline = scored.stdout.split("\n").find((l) => /\d+\/100/.test(l));
    expect(headline).toBeDefined();
    expect(screen.split("\n").map((l) => l.trimEnd())).toContain(headline!.trimEnd());
  }, 90_000);
});
