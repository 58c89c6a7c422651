// Text from an answers file is data, never terminal control: escape sequences, BEL and bidi
// overrides must not reach the terminal, and a 10,000-character word must not break the layout.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { REPO_ROOT, type CliResult } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

const CLEAR = "\u001b[2J";
const TITLE = "\u001b]0;title\u0007";
const BEL = "\u0007";
const RLO = "\u202e"; // right-to-left override
const LRI = "\u2066"; // left-to-right isolate
const PDI = "\u2069"; // pop directional isolate
const LONG_WORD = "n".repeat(10_000);

const ESC_OR_BEL = /[\u001b\u0007]/;
/** Bidi embeddings, overrides and isolates: they reorder how a terminal shows the rest of the line. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

let tmp: string;
let hostile: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "maturity-audit-hostile-"));
  const answers = parse(readFileSync(join(REPO_ROOT, "test", "fixtures", "mixed-regional-shop.yaml"), "utf8")) as {
    respondent: string;
    organisation: string;
    answers: Record<string, unknown>;
  };
  answers.respondent = `${CLEAR}${TITLE}Anna ${RLO}nosnevS${BEL}`;
  answers.organisation = `${RLO}Acme${CLEAR} ${LRI}AB${PDI}${BEL}`;
  answers.answers["organisation.notes"] = `Notes ${CLEAR}${TITLE} ${RLO}desrever${BEL} ${LONG_WORD}`;
  answers.answers["channels.social-media"] = { value: "regular", note: `${LONG_WORD}${CLEAR}${RLO}${BEL}` };
  answers.answers["data.analytics"] = { value: 3, note: `Dashboard ${TITLE}reviewed${BEL} monthly ${RLO}OEC eht yb` };
  hostile = join(tmp, "hostile.yaml");
  writeFileSync(hostile, stringify(answers));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Tests that read the same run share it.
const runs = new Map<string, Promise<CliResult>>();
function run(args: string[]): Promise<CliResult> {
  const key = JSON.stringify(args);
  if (!runs.has(key)) runs.set(key, runMain(args));
  return runs.get(key)!;
}

/** Columns of a line: code points (the report has no wide characters, and bidi controls take none, so this errs high). */
const columns = (line: string) => [...line].length;

describe.concurrent.each([
  ["score", () => ["score", hostile]],
  ["score --explain", () => ["score", hostile, "--explain"]],
])("the text report (%s) of hostile answers", (_label, args) => {
  it("is written, and keeps the readable part of the text", async () => {
    const r = await run(args());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\/100/);
    expect(r.stdout).toContain("nosnevS");
  });

  it("contains no ESC and no BEL, on stdout or stderr", async () => {
    const r = await run(args());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(ESC_OR_BEL);
    expect(r.stderr).not.toMatch(ESC_OR_BEL);
  });

  it("fits 80 columns on every line, even with a 10,000-character word", async () => {
    const r = await run(args());
    expect(r.code, r.stderr).toBe(0);
    const wide = r.stdout.split("\n").filter((l) => columns(l) > 80);
    expect(wide.map((l) => `${columns(l)}: ${l.slice(0, 100)}`)).toEqual([]);
  });

  it("contains no bidi override or isolate characters", async () => {
    const r = await run(args());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(BIDI_CONTROLS);
  });
});

describe.concurrent("validate messages do not echo raw escapes", () => {
  it("checks the bad file in the first place (exit 2, located)", async () => {
    const file = join(tmp, "bad-value.yaml");
    writeFileSync(file, badValueFile());
    const r = await run(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:5:`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("an invalid value or key with escape sequences is shown without ESC or BEL", async () => {
    const file = join(tmp, "bad-value.yaml");
    writeFileSync(file, badValueFile());
    const r = await run(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not an option/);
    expect(r.stderr).toMatch(/unknown question id/);
    expect(r.stderr).not.toMatch(ESC_OR_BEL);
  });

  it("a file name with an escape sequence is shown without ESC", async () => {
    const file = join(tmp, `evil${CLEAR}${TITLE}.yaml`);
    writeFileSync(file, "kind: answers\nversion: 1\nquestionnaire: media-house\nanswers:\n  channels.social-media: sometimes\n");
    const r = await run(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/evil.*\.yaml:5:26: /);
    expect(r.stderr).not.toMatch(ESC_OR_BEL);
  });
});

function badValueFile(): string {
  return [
    "kind: answers",
    "version: 1",
    "questionnaire: media-house",
    "answers:",
    `  channels.budget-split: "\\e[2J\\e]0;pwned\\a"`,
    `  "\\e[31mred\\e[0m": 1`,
    "",
  ].join("\n");
}
