// The interactive audit in Swedish, in a real terminal: tmux runs the built CLI with --lang sv.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sv } from "../../src/i18n/catalogues/sv.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BIN = join(REPO_ROOT, "bin", "maturity-audit.js");
const hasTmux = spawnSync("tmux", ["-V"], { stdio: "ignore" }).status === 0;

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const exitStatus = (screen: string) => Number(/^EXIT=(\d+)\s*$/m.exec(screen)?.[1]);

/** A tmux server of our own (its own socket, no user config). */
class Tmux {
  readonly socket = `maturity-audit-e2e-sv-${process.pid}-${Date.now()}`;
  private env: NodeJS.ProcessEnv = { ...process.env };
  constructor() {
    delete this.env.TMUX;
  }
  tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, "-f", "/dev/null", ...args], { env: this.env, encoding: "utf8" });
  }
  start(session: string, cwd: string, command: string): void {
    const line = `env -u CI -u FORCE_COLOR NO_COLOR=1 LANG=C.UTF-8 ${command}; echo EXIT=$?; sleep 300`;
    this.tmux("new-session", "-d", "-s", session, "-x", "220", "-y", "50", "-c", cwd, line);
  }
  screen(session: string): string {
    return this.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", session);
  }
  async waitFor(session: string, re: RegExp, timeout = 10_000): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const screen = this.screen(session);
      if (re.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${re}; the screen was:\n${screen}`);
      await sleep(40);
    }
  }
  keys(session: string, ...keys: string[]): void {
    this.tmux("send-keys", "-t", session, ...keys);
  }
  text(session: string, text: string): void {
    this.tmux("send-keys", "-t", session, "-l", text);
  }
  kill(): void {
    const path = spawnSync("tmux", ["-L", this.socket, "display-message", "-p", "#{socket_path}"], { env: this.env, encoding: "utf8" }).stdout?.trim();
    spawnSync("tmux", ["-L", this.socket, "kill-server"], { env: this.env, stdio: "ignore" });
    if (path) rmSync(path, { force: true });
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const marker = (position: number) => new RegExp(`· ${position}/${TOTAL}\\b`);

describe.skipIf(!hasTmux)("interactive run in Swedish (tmux; skipped when tmux is not on PATH)", () => {
  const t = new Tmux();
  let dir: string;
  /** The screen after Ctrl-C, shared with the test of the resume hint. */
  let stopped = "";

  beforeAll(() => {
    if (!existsSync(join(REPO_ROOT, "dist", "cli", "main.js"))) throw new Error("dist/ is missing: run `npm run build` first");
    dir = mkdtempSync(join(tmpdir(), "maturity-audit-tmux-sv-"));
  });
  afterAll(() => {
    t.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("welcomes and asks in Swedish, saves option values, stops on Ctrl-C with 130, and scores in Swedish", async () => {
    const [q1, q2] = questions as [Question, Question];
    expect([q1.type, q2.type], "the test answers a number, then a single choice").toEqual(["number", "single"]);

    t.start("sv", dir, `${shellQuote(process.execPath)} ${shellQuote(BIN)} run --lang sv --respondent Anna --answers a.yaml`);
    let screen = await t.waitFor("sv", marker(1));
    expect(screen).toContain(doc.title.sv!);
    expect(screen).toContain(`${TOTAL} frågor i ${doc.sections.length} delar`);
    expect(screen).toContain(sv.welcomeSave!);
    expect(screen).toContain("Sparar svaren i a.yaml");
    expect(screen).toContain(`${doc.sections[0]!.title.sv} · 1/${TOTAL}`);
    expect(screen).toContain("Kanalanvändning · 1/35");
    expect(screen).toContain(q1.text.sv!);
    expect(screen).not.toContain(q1.text.en!);

    t.text("sv", "30");
    t.keys("sv", "Enter");
    screen = await t.waitFor("sv", marker(2));
    expect(screen).toContain(q2.text.sv!);
    expect(screen).toContain(q2.options![1]!.label.sv!);
    t.keys("sv", "Down");
    t.keys("sv", "Enter");
    await t.waitFor("sv", marker(3));
    t.keys("sv", "C-c");
    stopped = await t.waitFor("sv", /^EXIT=\d+/m);
    expect(exitStatus(stopped)).toBe(130);
    expect(stopped).toContain("maturity-audit run --resume --answers a.yaml");
    expect(stopped).not.toMatch(/at .+\.js:\d+/);

    const saved = parse(readFileSync(join(dir, "a.yaml"), "utf8"));
    expect(saved).toMatchObject({ kind: "answers", version: 1, respondent: "Anna", lang: "sv" });
    expect(saved.answers).toStrictEqual({ [q1.id]: 30, [q2.id]: q2.options![1]!.value });

    const scored = spawnSync(process.execPath, [BIN, "score", "a.yaml", "--lang", "sv"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, CI: undefined },
      timeout: 15_000,
    });
    expect(scored.status, scored.stderr).toBe(0);
    expect(scored.stdout).toContain(sv.overall!);
    expect(scored.stdout).toContain(sv.nextStepsHeading!);
    expect(scored.stdout).toMatch(new RegExp(escape(sv.colDimension!)));
    expect(scored.stdout).not.toMatch(/\bOverall\b|Next steps/);
  }, 60_000);

  it("tells how to resume in Swedish after Ctrl-C", () => {
    expect(stopped).toContain("maturity-audit run --resume --answers a.yaml");
    expect(stopped).toContain(sv.resumeWith!.replace("{command}", "maturity-audit run --resume --answers a.yaml"));
    expect(stopped).not.toMatch(/stopped: \d+ answers are saved|Resume with:/);
  });
});
