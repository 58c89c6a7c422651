// Whatever the tool writes it reads back, writes whole or not at all, and prints without control sequences:
// merge's two outputs, the team file, workshop names, the answers file's lock, stdout that fails, wide text.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { Asker } from "../../src/interview/asker.js";
import { QuitError } from "../../src/interview/asker.js";
import { defaultAnswersFile, runAudit, runWorkshop } from "../../src/commands/run.js";
import type { Io } from "../../src/commands/io.js";
import { slugOf } from "../../src/text/slug.js";
import { saveFile } from "../../src/save/write-file.js";
import { displayWidth, stripForTerminal, wrap } from "../../src/text/terminal.js";
import { BIN, REPO_ROOT, cliEnv } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

const VALID = join(REPO_ROOT, "test", "fixtures", "mixed-regional-shop.yaml");
const LOCK_JS = pathToFileURL(join(REPO_ROOT, "dist", "save", "lock.js")).href;
const ESC_OR_BEL = /[\u001b\u0007]/;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "maturity-audit-saves-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function respondents(dir: string, n: number): string[] {
  const text = readFileSync(VALID, "utf8");
  return Array.from({ length: n }, (_, i) => {
    const file = join(dir, `r${i + 1}.yaml`);
    writeFileSync(file, text.replace(/^respondent: .*$/m, `respondent: Respondent number ${i + 1} of the regional shop`));
    return file;
  });
}

function captureIo(): Io & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", colorLevel: 0 as const, columns: 80, quiet: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

/** Types the names given, answers every question with its first choice, and ends the workshop after them. */
function namesAsker(names: string[]): Asker {
  return {
    async select(o) {
      if (/who answers next/.test(o.message)) return (names.length ? "another" : "stop") as never;
      return o.choices[0]!.value;
    },
    async checkbox(o) {
      return [o.choices[0]!.value];
    },
    async input(o) {
      if (/Your name/.test(o.message)) return names.shift()!;
      return /\(0–100/.test(o.message) ? "40" : "";
    },
    async confirm() {
      return true;
    },
    note() {},
  };
}

/** Quits at the first question: enough to see whether a run got past its answers file's lock. */
const quitter: Asker = {
  select: () => Promise.reject(new QuitError("quit")),
  checkbox: () => Promise.reject(new QuitError("quit")),
  input: () => Promise.reject(new QuitError("quit")),
  confirm: () => Promise.reject(new QuitError("quit")),
  note() {},
};

describe("merge writes what it reads back, all or nothing", () => {
  it("--save with an --output into a missing folder writes neither", async () => {
    const dir = folder("merge-nothing");
    const [a, b] = respondents(dir, 2);
    const save = join(dir, "team.yaml");
    const r = await runMain(["merge", a!, b!, "--save", save, "--output", join(dir, "nowhere", "x.txt")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, "nowhere", "x.txt"));
    expect(existsSync(save)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["r1.yaml", "r2.yaml"]);
  });

  it("the team file of 10 respondents passes validate, and a second merge leaves it out", async () => {
    const dir = folder("merge-ten");
    respondents(dir, 10);
    const save = join(dir, "team.yaml");
    const merged = await runMain(["merge", dir, "--save", save]);
    expect(merged.code, merged.stderr).toBe(0);
    const checked = await runMain(["validate", save]);
    expect(checked.code, checked.stderr).toBe(0);
    const again = await runMain(["merge", dir, "--format", "json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/team\.yaml: warning: is a team file written by merge --save \(10 respondents\)/);
    expect(JSON.parse(again.stdout).respondents).toHaveLength(10);
  });
});

describe("a write refused by the system", () => {
  it("EACCES is one message naming the file, and nothing is left behind", () => {
    const dir = folder("eacces");
    const file = join(dir, "report.txt");
    const denied = () => {
      throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    };
    expect(() => saveFile(file, "report", { fs: { openSync: denied } })).toThrow(`cannot write ${file}: permission denied`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a file name with a line break is validated on one line", async () => {
    const file = join(folder("newline-validate"), "first\nsecond.yaml");
    writeFileSync(file, readFileSync(VALID));
    const r = await runMain(["validate", file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^✓ .*first\\nsecond\.yaml: answers to 'media-house'/);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
  });
});

describe("run holds its answers file", () => {
  it("a second run says who holds it; once that process is gone, its lock is taken over", async () => {
    const dir = folder("locked");
    const file = join(dir, "shared.yaml");
    writeFileSync(file, readFileSync(VALID));
    // Another process takes the lock and keeps it until killed.
    const holder = spawn(process.execPath, ["--input-type=module", "-e", `const { lockFile } = await import(${JSON.stringify(LOCK_JS)}); lockFile(${JSON.stringify(file)}); console.log("held"); setInterval(() => {}, 1000);`], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    try {
      const opts = { answers: file, resume: true, format: "text" as const, today: "2026-11-26" };
      await expect(runAudit(opts, captureIo(), quitter)).rejects.toThrow(new RegExp(`shared\\.yaml is open in another maturity-audit run \\(process ${holder.pid}, since \\d{4}-`));
      const text = readFileSync(file, "utf8");
      holder.kill("SIGKILL");
      await new Promise((resolve) => holder.once("exit", resolve));
      // The stale lock is recovered: the run gets as far as its first question, and lets go of the file after.
      await expect(runAudit(opts, captureIo(), quitter)).rejects.toMatchObject({ name: "InterruptedError" });
      expect(readFileSync(file, "utf8")).toBe(text);
      expect(existsSync(`${file}.lock`)).toBe(false);
    } finally {
      holder.kill("SIGKILL");
    }
  });
});

describe("names", () => {
  it("workshop files are distinct for names in any script, and alike in Latin letters", async () => {
    const dir = join(folder("workshop"), "team");
    await runWorkshop({ workshop: dir, questionnaire: "media-house-quick", format: "text", today: "2026-11-26" }, captureIo(), namesAsker(["Ольга", "Olga"]));
    const files = readdirSync(dir).sort();
    expect(files).toEqual(["olga-2026-11-26-2.yaml", "olga-2026-11-26.yaml"]);
    const names = files.map((f) => (parse(readFileSync(join(dir, f), "utf8")) as { respondent: string }).respondent);
    expect(names).toEqual(["Olga", "Ольга"]);
  });

  it("a name with no Latin reading gets a numbered file of its own", () => {
    const taken = new Set(["audit-2026-11-26.yaml"]);
    expect(defaultAnswersFile("山田", "2026-11-26", (f) => taken.has(f))).toBe("audit-2026-11-26-2.yaml");
    expect(defaultAnswersFile("Иван", "2026-11-26")).toBe("ivan-2026-11-26.yaml");
  });

  it("transliterates Cyrillic, Greek and the Nordic letters", () => {
    expect(["Ольга", "Андрей Щукин", "Σωκράτης", "Bjørn Ærø", "Åsa Öberg", "Þóra"].map(slugOf)).toEqual(["olga", "andrey-shchukin", "sokratis", "bjorn-aero", "asa-oberg", "thora"]);
  });
});

describe("text that reaches the terminal", () => {
  it("template and score show a hostile questionnaire's texts and a rubric's stage ids without ESC or BEL", async () => {
    const dir = folder("hostile");
    const q = parse(readFileSync(join(REPO_ROOT, "questions", "media-house.yaml"), "utf8")) as { title: unknown; languages?: unknown; sections: Array<{ title: unknown; questions: Array<{ text: unknown }> }> };
    delete q.languages;
    q.title = "\u001b]0;retitled\u0007Audit\u001b[2J";
    q.sections[0]!.title = "Channels\u001b[31m\u009b2J";
    q.sections[0]!.questions[0]!.text = "Print \u001b]8;;http://x\u0007share\u001b]8;;\u0007?";
    const file = join(dir, "q.yaml");
    writeFileSync(file, stringify(q));
    const template = await runMain(["template", "--questionnaire", file]);
    expect(template.code, template.stderr).toBe(0);
    expect(template.stdout).toContain("Audit");
    expect(template.stdout).not.toMatch(ESC_OR_BEL);
    const scored = await runMain(["score", VALID, "--questionnaire", file, "--explain"]);
    expect(scored.code, scored.stderr).toBe(0);
    expect(scored.stdout + scored.stderr).not.toMatch(/[\u001b\u0007\u009b]/);
  });

  it("colour codes the renderer adds survive; any other sequence does not", () => {
    expect(stripForTerminal("\u001b[1mbold\u001b[22m \u001b]0;t\u0007\u001b[2Jx\u0007", true)).toBe("\u001b[1mbold\u001b[22m x");
    expect(stripForTerminal("\u001b[1mbold\u001b[22m", false)).toBe("bold");
  });

  it("a CJK questionnaire's text report stays within 80 columns", async () => {
    const dir = folder("cjk");
    const q = parse(readFileSync(join(REPO_ROOT, "questions", "media-house.yaml"), "utf8")) as { title: unknown; languages?: unknown; sections: Array<{ title: unknown; questions: Array<{ text: unknown; help?: unknown }> }> };
    const cjk = "数字化成熟度审计媒体之家阶段渠道使用数据驱动实践客户关系所有权沟通与组织";
    delete q.languages;
    q.title = cjk + cjk;
    for (const s of q.sections) {
      s.title = `${cjk.slice(0, 24)}が̈`;
      for (const x of s.questions) x.text = cjk + cjk;
    }
    const file = join(dir, "q.yaml");
    writeFileSync(file, stringify(q));
    const r = await runMain(["score", VALID, "--questionnaire", file, "--explain"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("数字化");
    const wide = r.stdout.split("\n").filter((l) => stringWidth(l) > 80);
    expect(wide).toEqual([]);
  });

  it("wraps by display width: wide characters take two columns, combining marks none", () => {
    expect(displayWidth("山田e\u0301")).toBe(5);
    const lines = wrap("山".repeat(50), 20);
    expect(lines.map(displayWidth)).toEqual([20, 20, 20, 20, 20]);
  });
});

describe.concurrent("stdout that fails", () => {
  const sh = (script: string) => spawnSync("bash", ["-c", script], { cwd: REPO_ROOT, env: cliEnv({ CI: undefined }), encoding: "utf8", timeout: 20_000 });

  it("a full disk behind stdout is one message and exit 2, no stack trace", () => {
    const r = sh(`node ${JSON.stringify(BIN)} score ${JSON.stringify(VALID)} > /dev/full`);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toBe("maturity-audit: cannot write stdout: the disk is full\n");
  });

  it("a reader that stops early keeps the threshold's exit code 1 under pipefail", () => {
    const dir = folder("pipefail");
    respondents(dir, 6);
    const r = sh(`set -o pipefail; node ${JSON.stringify(BIN)} score ${JSON.stringify(dir)} --require-stage 3.0 | true`);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/threshold not met/i);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
