// Errors, warnings and validate's summaries in the language of --lang or of the environment, from main() of the build.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

const C = { LANG: "C", LC_ALL: undefined, LC_MESSAGES: undefined };
let dir: string;
let badAnswers: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ma-i18n-"));
  badAnswers = join(dir, "bad.yaml");
  writeFileSync(
    badAnswers,
    "kind: answers\nversion: 1\nquestionnaire: media-house\nanswers:\n  channels.channel-choice: sometimes-maybe\n  no.such.question: yes\n  channels.print-share: 150\n",
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The located lines of a run's stderr: "file:line:col: message". */
const located = (r: CliResult) => r.stderr.split("\n").filter((l) => /:\d+:\d+: /.test(l));
const where = (line: string) => /^(.*?:\d+:\d+): /.exec(line)![1];
const said = (line: string) => line.replace(/^.*?:\d+:\d+: /, "");

describe("the same mistakes, told in four languages", () => {
  const runs: Record<string, CliResult> = {};
  beforeAll(async () => {
    for (const lang of ["en", "sv", "nb", "da"]) runs[lang] = await runMain(["validate", "--lang", lang, badAnswers], { env: C });
  });

  it("every language points at the same file, line and column, with exit 2", () => {
    const english = located(runs.en!);
    expect(english.length).toBe(3);
    for (const lang of ["sv", "nb", "da"]) {
      expect(runs[lang]!.code).toBe(2);
      expect(located(runs[lang]!).map(where)).toEqual(english.map(where));
    }
  });

  it("each message is in its own language, not English with another heading", () => {
    const english = located(runs.en!).map(said);
    expect(english.join("\n")).toMatch(/is not an option of 'channels.channel-choice'/);
    expect(english.join("\n")).toMatch(/unknown question id 'no.such.question'/);
    for (const lang of ["sv", "nb", "da"]) {
      const messages = located(runs[lang]!).map(said);
      messages.forEach((m, i) => expect(m, `${lang}: ${m}`).not.toBe(english[i]));
      // Identifiers the user wrote stay as written.
      expect(messages.join("\n")).toContain("'sometimes-maybe'");
      expect(messages.join("\n")).toContain("'no.such.question'");
      expect(messages.join("\n")).not.toMatch(/is not an option|unknown question id|is out of range/);
    }
    expect(located(runs.sv!).map(said).join("\n")).toMatch(/okänd fråga|finns inte|inget alternativ|inte ett alternativ/i);
  });
});

describe("the language comes from --lang, else from the environment", () => {
  it("LANG=nb_NO says a missing file is missing, in Norwegian", async () => {
    const r = await runMain(["score", join(dir, "nowhere.yaml")], { env: { ...C, LANG: "nb_NO.UTF-8" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nowhere.yaml: finnes ikke");
  });

  it("an unknown --lang is refused in the environment's language, naming the choices", async () => {
    const r = await runMain(["score", "--lang", "fr", "test/fixtures/mixed-regional-shop.yaml"], { env: { ...C, LANG: "da_DK.UTF-8" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--lang fr");
    expect(r.stderr).toContain("en, sv, nb, da");
    expect(r.stderr).not.toMatch(/is not available|Choose one of/);
  });

  it("commander's own complaints are translated too", async () => {
    const en = await runMain(["score", "--frmat", "json", "x.yaml"], { env: C });
    const da = await runMain(["score", "--frmat", "json", "x.yaml", "--lang", "da"], { env: C });
    expect(en.stderr).toContain("unknown option '--frmat' (did you mean --format?)");
    expect(da.code).toBe(2);
    expect(da.stderr).toContain("'--frmat'");
    expect(da.stderr).toContain("--format");
    expect(da.stderr).not.toMatch(/unknown option|for usage/);
  });

  it("a threshold not met is said in Swedish, with exit 1", async () => {
    const r = await runMain(["score", "test/fixtures/mixed-regional-shop.yaml", "--fail-under", "90", "--lang", "sv"], { env: C });
    expect(r.code).toBe(1);
    const line = r.stderr.split("\n").find((l) => l.includes("--fail-under 90"));
    expect(line).toBeDefined();
    expect(line).not.toMatch(/threshold not met|is below/);
    // The score as the report shows it (40.1 is shown as 40).
    expect(line).toMatch(/totalpoäng: 40, /);
  });

  it("validate's summary of a good file is in the chosen language", async () => {
    const en = await runMain(["validate", "questions/media-house.yaml"], { env: C });
    const sv = await runMain(["validate", "--lang", "sv", "questions/media-house.yaml"], { env: C });
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/questionnaire 'media-house' revision \d+: 5 sections, 39 questions/);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toMatch(/'media-house'.*39/);
    expect(sv.stdout.replace(/^.*?\.yaml: /, "")).not.toMatch(/sections|questions|revision/);
  });
});

describe("help in the chosen language", () => {
  const flags = (text: string) => [...text.matchAll(/^\s+(-[-\w, <>|.]+?)\s{2,}/gm)].map((m) => m[1]);

  it("score --help: the same flags and examples, headings and descriptions in Swedish", async () => {
    const en = await runMain(["score", "--help"], { env: C });
    const sv = await runMain(["score", "--help", "--lang", "sv"], { env: C });
    expect(en.code).toBe(0);
    expect(sv.code).toBe(0);
    expect(flags(sv.stdout)).toEqual(flags(en.stdout));
    expect(flags(en.stdout)).toContain("--fail-under <score>");
    const examples = (t: string) => t.split("\n").filter((l) => l.trim().startsWith("$ maturity-audit"));
    expect(examples(sv.stdout)).toEqual(examples(en.stdout));
    expect(en.stdout).toMatch(/^Usage: maturity-audit score/m);
    expect(en.stdout).toMatch(/^Options:/m);
    expect(sv.stdout).not.toMatch(/^(Usage|Options|Arguments|Examples):/m);
    expect(sv.stdout).not.toMatch(/write to a file|exit 1 when|\(choices:|default:/);
  });

  it("LANG=nb_NO gives the overview in Norwegian, commands unchanged", async () => {
    const en = await runMain(["--help"], { env: C });
    const nb = await runMain(["--help"], { env: { ...C, LANG: "nb_NO.UTF-8" } });
    const commands = (t: string) => [...t.matchAll(/^  (run|score|compare|merge|validate|template|list|schema|help)\b/gm)].map((m) => m[1]);
    expect(commands(nb.stdout)).toEqual(commands(en.stdout));
    expect(commands(en.stdout)).toHaveLength(9);
    expect(nb.stdout).not.toMatch(/display help for command|the interactive audit|Exit codes/);
  });
});
