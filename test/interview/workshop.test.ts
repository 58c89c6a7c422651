import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { Asker } from "../../src/interview/asker.js";
import { runWorkshop } from "../../src/commands/run.js";
import { type Io } from "../../src/commands/io.js";

/** Answers every question with its first choice, types the given names, and steers the workshop menu. */
function autoAsker(names: string[], menu: string[]): Asker & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async select(o) {
      asked.push(o.message);
      if (/who answers next/.test(o.message)) return menu.shift() as never;
      if (/Review your answers/.test(o.message)) return o.choices[0]!.value;
      // The second choice, so that two people's answers differ from the defaults but stay valid.
      return (names.length % 2 ? o.choices[1] : o.choices[0])!.value;
    },
    async checkbox(o) {
      asked.push(o.message);
      return [o.choices[0]!.value];
    },
    async input(o) {
      asked.push(o.message);
      if (/Your name/.test(o.message)) return names.shift()!;
      return /\(0–100/.test(o.message) ? "40" : "";
    },
    async confirm() {
      return true;
    },
    note() {},
  };
}

function captureIo(): Io & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", colorLevel: 0 as const, columns: 80, quiet: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe("workshop", () => {
  it("saves each respondent in the folder, one after another, then prints the team view", async () => {
    const folder = join(mkdtempSync(join(tmpdir(), "ma-workshop-")), "acme");
    const asker = autoAsker(["Anna Berg", "Björn Dahl"], ["another", "done"]);
    const io = captureIo();
    await runWorkshop({ workshop: folder, format: "text", today: "2026-11-26" }, io, asker);
    const files = readdirSync(folder).sort();
    expect(files).toEqual(["anna-berg-2026-11-26.yaml", "bjorn-dahl-2026-11-26.yaml"]);
    const anna = parse(readFileSync(join(folder, files[0]!), "utf8"));
    expect(anna).toMatchObject({ kind: "answers", respondent: "Anna Berg" });
    expect(Object.keys(anna.answers).length).toBeGreaterThan(25);
    expect(io.stdout).toMatch(/Team view/);
    expect(io.stdout).toMatch(/2 respondents: Anna Berg, Björn Dahl/);
    expect(io.stdout).toMatch(/where the team disagrees most/);
    expect(io.stderr).toContain(`maturity-audit merge ${folder}`);
  });
});
