// The interactive audit in Swedish, in a real terminal: tmux runs the built CLI with --lang sv.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Tmux, exitStatus, hasTmux } from "../helpers/tmux.js";
import { BIN, REPO_ROOT, assertBuilt } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";
import { sv } from "../../src/i18n/catalogues/sv.js";
import { displayOrder } from "../../src/interview/display-order.js";


type Texts = Record<string, string>;
interface Question {
  id: string;
  type: string;
  text: Texts;
  options?: { value: string; label: Texts }[];
}
const doc = parse(readFileSync(join(REPO_ROOT, "questions", "media-house.yaml"), "utf8")) as {
  title: Texts;
  sections: { title: Texts; questions: Question[] }[];
};
const questions = doc.sections.flatMap((s) => s.questions);
const TOTAL = questions.length;

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;


const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const marker = (position: number) => new RegExp(`· ${position}/${TOTAL}\\b`);

// One session, in order: the second test reads the screen the first one stopped on.
describe.skipIf(!hasTmux)("interactive run in Swedish (tmux; skipped when tmux is not on PATH)", { shuffle: false }, () => {
  const t = new Tmux("e2e-sv", { width: 220, height: 50 }, "LANG=C.UTF-8");
  let dir: string;
  /** The screen after Ctrl-C, shared with the test of the resume hint. */
  let stopped = "";

  beforeAll(() => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), "maturity-audit-tmux-sv-"));
  });
  afterAll(() => {
    t.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("welcomes and asks in Swedish, saves option values, stops on Ctrl-C with 130, and scores in Swedish", async () => {
    const [q1, q2] = questions as [Question, Question];
    expect([q1.type, q2.type], "the test answers a number, then a single choice").toEqual(["number", "single"]);
    // The second option on screen, which may not be the file's second.
    const second = displayOrder(q2.id, q2.options!)[1]!;

    t.start("sv", dir, `${shellQuote(process.execPath)} ${shellQuote(BIN)} run --lang sv --respondent Anna --organisation Anna --answers a.yaml`);
    let screen = await t.waitFor("sv", marker(1));
    expect(screen).toContain(doc.title.sv!);
    expect(screen).toContain(`${TOTAL} frågor i ${doc.sections.length} delar`);
    expect(screen).toContain(sv.welcomeSave!);
    expect(screen).toContain("Sparar svaren i a.yaml");
    expect(screen).toContain(`${doc.sections[0]!.title.sv} · 1/${TOTAL}`);
    expect(screen).toContain("Kanalanvändning · 1/39");
    expect(screen).toContain(q1.text.sv!);
    expect(screen).not.toContain(q1.text.en!);

    t.text("sv", "30");
    t.keys("sv", "Enter");
    screen = await t.waitFor("sv", marker(2));
    expect(screen).toContain(q2.text.sv!);
    expect(screen).toContain(second.label.sv!);
    t.keys("sv", "Down");
    t.keys("sv", "Enter");
    await t.waitFor("sv", marker(3));
    t.keys("sv", "C-c");
    stopped = await t.waitFor("sv", /^EXIT=\d+/m);
    expect(exitStatus(stopped)).toBe(130);
    expect(stopped).toContain(`node ${BIN} run --resume --answers a.yaml`);
    expect(stopped).not.toMatch(/at .+\.js:\d+/);

    const saved = parse(readFileSync(join(dir, "a.yaml"), "utf8"));
    expect(saved).toMatchObject({ kind: "answers", version: 1, respondent: "Anna", lang: "sv" });
    expect(saved.answers).toStrictEqual({ [q1.id]: 30, [q2.id]: second.value });

    const scored = await runMain(["score", "a.yaml", "--lang", "sv"], { cwd: dir, env: { CI: undefined } });
    expect(scored.code, scored.stderr).toBe(0);
    expect(scored.stdout).toContain(sv.overall!);
    expect(scored.stdout).toContain(sv.topStepsHeading!);
    expect(scored.stdout).toMatch(new RegExp(escape(sv.colDimension!)));
    expect(scored.stdout).not.toMatch(/\bOverall\b|Next steps/);
  }, 60_000);

  it("tells how to resume in Swedish after Ctrl-C", () => {
    expect(stopped).toContain(sv.resumeWith!.replace("{command}", `node ${BIN} run --resume --answers a.yaml`));
    expect(stopped).not.toMatch(/stopped: \d+ answers are saved|Resume with:/);
  });
});
