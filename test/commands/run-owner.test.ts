// The owner's run, in-process: the commands it prints work as printed, the answers file remembers its questionnaire
// and rubric, and the business is named once and names what is saved.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runAudit, runWorkshop } from "../../src/commands/run.js";
import { commandLine, invocationOf, quoteForShell } from "../../src/commands/invocation.js";
import { InterruptedError } from "../../src/errors.js";
import { QuitError, type Asker } from "../../src/interview/asker.js";
import type { Io } from "../../src/commands/io.js";
import { REPO_ROOT } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

/** Answers with the first choice (a number question with 40), the names given, and quits after `stopAfter` questions. */
function owner(names: { respondent?: string; organisation?: string }, stopAfter = Infinity, html = false): Asker & { asked: string[] } {
  const asked: string[] = [];
  let questions = 0;
  const count = () => {
    if (++questions > stopAfter) throw new QuitError("quit");
  };
  return {
    asked,
    async select(o) {
      asked.push(o.message);
      if (/HTML/.test(o.message)) return (html ? o.choices[0]! : o.choices[1]!).value;
      if (!/Review your answers/.test(o.message)) count();
      return o.choices[0]!.value;
    },
    async checkbox(o) {
      asked.push(o.message);
      count();
      return [o.choices[0]!.value];
    },
    async input(o) {
      asked.push(o.message);
      if (/Your name/.test(o.message)) return names.respondent ?? "";
      if (/business or organisation/.test(o.message)) return names.organisation ?? "";
      count();
      return /\d–\d/.test(o.message) ? "40" : "";
    },
    async confirm() {
      return false;
    },
    note() {},
  };
}

function captureIo(): Io & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", colorLevel: 0 as const, columns: 80, quiet: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

/** A questionnaire and rubric of the tool's own making, as an author would keep them: files, not bundled. */
function customModel(dir: string): { questionnaire: string; rubric: string } {
  mkdirSync(join(dir, "model"));
  const q = readFileSync(join(REPO_ROOT, "questions", "media-house-quick.yaml"), "utf8").replace(/^id: media-house-quick$/m, "id: acme-quick");
  const r = readFileSync(join(REPO_ROOT, "scoring", "media-house-quick.yaml"), "utf8").replace(/^id: media-house-quick$/m, "id: acme-rubric").replace(/^questionnaire: media-house-quick$/m, "questionnaire: acme-quick");
  writeFileSync(join(dir, "model", "acme questions.yaml"), q);
  writeFileSync(join(dir, "model", "acme-rubric.yaml"), r);
  return { questionnaire: join("model", "acme questions.yaml"), rubric: join("model", "acme-rubric.yaml") };
}

const inFolder = async <T>(dir: string, task: () => Promise<T>): Promise<T> => {
  const home = process.cwd();
  process.chdir(dir);
  try {
    return await task();
  } finally {
    process.chdir(home);
  }
};

describe("the commands run prints", () => {
  it("start the tool again the way it was started", () => {
    const npx = { npm_command: "exec", npm_lifecycle_event: "npx", npm_lifecycle_script: "'maturity-audit'", npm_config_user_agent: "npm/11.19.1 node/v20.20.2" };
    expect(invocationOf({ ...npx, npm_config_package: "./maturity-audit-0.1.0.tgz" }, "/x/.bin/maturity-audit")).toEqual(["npx", "--package", "./maturity-audit-0.1.0.tgz", "maturity-audit"]);
    expect(invocationOf({ ...npx }, "/x/.bin/maturity-audit")).toEqual(["npx", "maturity-audit"]);
    expect(invocationOf({ ...npx, npm_config_yes: "true", npm_config_package: "./x.tgz" }, "/x/.bin/maturity-audit")).toEqual(["npx", "--yes", "--package", "./x.tgz", "maturity-audit"]);
    expect(invocationOf({ ...npx, npm_config_package: "maturity-audit@0.1.0" }, "/x/.bin/maturity-audit")).toEqual(["npx", "maturity-audit@0.1.0"]);
    const start = { npm_lifecycle_event: "start", npm_lifecycle_script: "node bin/maturity-audit.cjs", npm_config_user_agent: "npm/11.19.1 node/v20.20.2" };
    expect(invocationOf(start, join(REPO_ROOT, "bin", "maturity-audit.cjs"))).toEqual(["npm", "start", "--"]);
    // npm's variables are inherited: under `npm test` they speak of the test runner, not of this tool.
    const underTest = { npm_lifecycle_event: "test", npm_lifecycle_script: "vitest run", npm_command: "test", npm_config_user_agent: "npm/11" };
    expect(invocationOf(underTest, join(REPO_ROOT, "bin", "maturity-audit.cjs"), REPO_ROOT, "/nowhere/node")).toEqual(["/nowhere/node", "./bin/maturity-audit.cjs"]);
    expect(invocationOf({ PATH: "" }, "/opt/tools/maturity-audit")).toEqual(["/opt/tools/maturity-audit"]);
  });

  it("quote every path so that a POSIX shell reads it back unchanged", () => {
    for (const path of ["a.yaml", "Järn & Trädgård AB.yaml", "it's here/a b.yaml", "$HOME/`x`.yaml", "-dash.yaml", "tab\there", ""]) {
      const echoed = execFileSync("sh", ["-c", `printf '%s' ${quoteForShell(path)}`], { encoding: "utf8" });
      expect(echoed, path).toBe(path);
    }
    expect(commandLine(["npm", "start", "--"], ["run", "--resume", "--answers", "my audit.yaml"])).toBe("npm start -- run --resume --answers 'my audit.yaml'");
  });
});

describe("run with a questionnaire and rubric of one's own", () => {
  it("records them beside the answers, so that resume and score need no flags; a flag still wins; a moved file is exit 2 with the flag", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ma-run-owner-"));
    const model = customModel(dir);
    mkdirSync(join(dir, "audits"));
    const answers = join("audits", "acme.yaml");
    const opts = { format: "text" as const, today: "2026-12-01", answers, invocation: ["npx", "--package", "./maturity-audit-0.1.0.tgz", "maturity-audit"] };

    // The first session: two questions, then Ctrl-C.
    const stopped = await inFolder(dir, () =>
      runAudit({ ...opts, questionnaire: model.questionnaire, rubric: model.rubric }, captureIo(), owner({ respondent: "Karin", organisation: "Lindqvist Järn & Trädgård AB" }, 2)).catch((e: unknown) => e),
    );
    expect(stopped).toBeInstanceOf(InterruptedError);
    const hint = (stopped as InterruptedError).suggestion!;
    expect(hint).toBe("Resume with: npx --package ./maturity-audit-0.1.0.tgz maturity-audit run --resume --answers audits/acme.yaml");
    const saved = parse(readFileSync(join(dir, answers), "utf8"));
    expect(saved).toMatchObject({ questionnaire: "acme-quick@1", rubric: "acme-rubric", organisation: "Lindqvist Järn & Trädgård AB", sources: { questionnaire: "../model/acme questions.yaml", rubric: "../model/acme-rubric.yaml" } });
    expect(Object.keys(saved.answers)).toHaveLength(2);

    // The printed command, as printed: no --questionnaire, no --rubric.
    const io = captureIo();
    await inFolder(dir, () => runAudit({ ...opts, resume: true }, io, owner({})));
    expect(io.stderr).toContain("Answers saved in audits/acme.yaml. Score them again any time with: npx --package ./maturity-audit-0.1.0.tgz maturity-audit score audits/acme.yaml");
    expect(io.stdout.split("\n").slice(0, 2).join(" ")).toMatch(/^Lindqvist Järn & Trädgård AB — .+ · \d+\/100 · +target /);
    expect(Object.keys(parse(readFileSync(join(dir, answers), "utf8")).answers).length).toBeGreaterThan(10);

    const scored = await runMain(["score", answers, "--format", "json"], { cwd: dir });
    expect(scored.code, scored.stderr).toBe(0);
    expect(JSON.parse(scored.stdout)).toMatchObject({ questionnaire: { id: "acme-quick" }, rubric: { id: "acme-rubric" }, organisation: "Lindqvist Järn & Trädgård AB" });

    // merge and compare read the same record: a second respondent's file beside the first needs no flag either.
    cpSync(join(dir, answers), join(dir, "audits", "acme-2.yaml"));
    for (const command of ["merge", "compare"]) {
      const r = await runMain([command, answers, join("audits", "acme-2.yaml")], { cwd: dir });
      expect(r.code, `${command}: ${r.stderr}`).toBe(0);
    }

    renameSync(join(dir, "model"), join(dir, "elsewhere"));
    const gone = await runMain(["score", answers], { cwd: dir });
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/^audits\/acme\.yaml:\d+:\d+: the questionnaire file \.\.\/model\/acme questions\.yaml these answers were made with is no longer there; name it with --questionnaire FILE$/m);
    expect(gone.stderr).not.toMatch(/at .+\.js:\d+/);
    // An explicit flag wins over what the file records.
    const named = await runMain(["score", answers, "--questionnaire", join("elsewhere", "acme questions.yaml"), "--rubric", join("elsewhere", "acme-rubric.yaml")], { cwd: dir });
    expect(named.code, named.stderr).toBe(0);
  });

  it("asks for the business once, names the answers file after it, and offers the HTML report beside it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ma-run-owner-"));
    cpSync(join(REPO_ROOT, "questions", "media-house-quick.yaml"), join(dir, "unused.yaml"));
    const io = captureIo();
    const asker = owner({ respondent: "Karin", organisation: "Lindqvist Järn & Trädgård AB" }, Infinity, true);
    await inFolder(dir, () => runAudit({ format: "text", today: "2026-12-01", questionnaire: "media-house-quick" }, io, asker));
    expect(asker.asked.filter((m) => /business or organisation/.test(m))).toHaveLength(1);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(["lindqvist-jarn-tradgard-ab-2026-12-01.html", "lindqvist-jarn-tradgard-ab-2026-12-01.yaml", "unused.yaml"]);
    expect(asker.asked.find((m) => /HTML/.test(m))).toBe("Save the report as HTML, for print or a projector, in lindqvist-jarn-tradgard-ab-2026-12-01.html?");
    expect(io.stderr).toContain("Report saved in lindqvist-jarn-tradgard-ab-2026-12-01.html");
    expect(readFileSync(join(dir, "lindqvist-jarn-tradgard-ab-2026-12-01.html"), "utf8")).toContain("Lindqvist Järn &amp; Trädgård AB");
    expect(parse(readFileSync(join(dir, files[1]!), "utf8"))).not.toHaveProperty("sources");
  });

  it("in a workshop, takes the organisation from the folder's earlier answers instead of asking again", async () => {
    const folder = join(mkdtempSync(join(tmpdir(), "ma-run-owner-")), "acme");
    mkdirSync(folder);
    writeFileSync(join(folder, "anna-2026-11-30.yaml"), "kind: answers\nversion: 1\nquestionnaire: media-house-quick@1\nrespondent: Anna\norganisation: Acme AB\nanswers: {}\n");
    const asker = owner({ respondent: "Björn" });
    const menu = ["stop"];
    const steered: Asker = { ...asker, select: async (o) => (/who answers next/.test(o.message) ? (menu.shift() as never) : asker.select(o)) };
    await runWorkshop({ workshop: folder, format: "text", today: "2026-12-01", questionnaire: "media-house-quick" }, captureIo(), steered);
    expect(asker.asked.some((m) => /business or organisation/.test(m))).toBe(false);
    expect(parse(readFileSync(join(folder, "bjorn-2026-12-01.yaml"), "utf8"))).toMatchObject({ respondent: "Björn", organisation: "Acme AB" });
  });
});
