import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { parse, stringify } from "yaml";
import { InterruptedError, InvalidInputError, UsageError } from "../errors.js";
import type { Answers } from "../model/answers.js";
import { resolveText } from "../i18n/text.js";
import { fill, messages, type Messages } from "../i18n/messages.js";
import type { Scorecard } from "../engine/scorecard.js";
import { rendererOf, type Format } from "../report/formats.js";
import { Audit } from "../audit/pipeline.js";
import { QuitError, type Asker } from "../interview/asker.js";
import { interview } from "../interview/interview.js";
import type { Questionnaire } from "../model/questionnaire.js";
import { PLUGIN_EXTENSIONS, type ResolvedRubric } from "../audit/resolve.js";
import { saveFile } from "../save/write-file.js";
import { lockFile, type FileLock } from "../save/lock.js";
import { NAME_MAX } from "../model/answers.js";
import { slugOf } from "../text/slug.js";
import { type Io } from "./io.js";
import { commandLine } from "./invocation.js";

export interface RunOptions {
  questionnaire?: string;
  rubric?: string;
  lang?: string;
  answers?: string;
  resume?: boolean;
  respondent?: string;
  /** The business or organisation audited; asked for when neither this nor a resumed file gives it. */
  organisation?: string;
  format: Format;
  target?: string;
  explain?: boolean;
  /** A folder where each respondent's answers are saved as their own file, one after another. */
  workshop?: string;
  /** How the tool was started (e.g. ["npx", "maturity-audit"]), for the commands it prints. */
  invocation?: string[];
  today: string;
}

export function serializeAnswers(a: Answers): string {
  return `# Saved by maturity-audit. Score it with: maturity-audit score <this file>\n${stringify(a, { lineWidth: 0 })}`;
}

/** `<name>-<date>.yaml`, the name in Latin letters whatever its script; `taken` numbers it on past the names in use. */
export function defaultAnswersFile(respondent: string, today: string, taken: (file: string) => boolean = () => false): string {
  const stem = `${slugOf(respondent) || "audit"}-${today}`;
  let file = `${stem}.yaml`;
  for (let n = 2; taken(file); n++) file = `${stem}-${n}.yaml`;
  return file;
}

/** What can be refused before anything is asked: a name longer than an answers file may hold, a workshop folder that is a file. */
export function assertRunOptions(opts: { respondent?: string; workshop?: string }): void {
  // A longer name would be saved, then refused when the file is read back.
  if (opts.respondent !== undefined && opts.respondent.length > NAME_MAX) throw new UsageError({ key: "errRespondentTooLong", params: { length: opts.respondent.length, max: NAME_MAX } });
  if (opts.workshop !== undefined && statSync(opts.workshop, { throwIfNoEntry: false })?.isDirectory() === false) throw new UsageError({ key: "errWorkshopNotFolder", params: { folder: opts.workshop } });
}

/** A file name from a name and a date that no file in the folder has yet. */
function freeName(folder: string, name: string, today: string, ext: string): string {
  const stem = `${slugOf(name) || "audit"}-${today}`;
  for (let n = 1; ; n++) {
    const file = join(folder, `${stem}${n > 1 ? `-${n}` : ""}.${ext}`);
    if (!existsSync(file)) return folder === "." ? file.replace(/^\.[\\/]/, "") : file;
  }
}

/** A path as an answers file records it: relative to the answers file's folder, with forward slashes. */
function recordedPath(answersFile: string, file: string): string {
  return relative(dirname(resolve(answersFile)), resolve(file)).split(sep).join("/");
}

/** The organisation a workshop folder's earlier answers name, so that it is asked once per folder. */
function organisationIn(folder: string): string | undefined {
  for (const f of readdirSync(folder).filter((x) => /\.ya?ml$/i.test(x)).sort()) {
    try {
      const data = parse(readFileSync(join(folder, f), "utf8")) as { kind?: unknown; organisation?: unknown } | null;
      if (data?.kind === "answers" && typeof data.organisation === "string" && data.organisation.trim()) return data.organisation.trim();
    } catch {
      // not an answers file: it names nothing
    }
  }
  return undefined;
}

/** Whether prompts can be shown here; CI and piped stdin get a clear message instead of a hang. */
export function assertInteractive(env = process.env, stdinIsTTY = !!process.stdin.isTTY): void {
  if (env.CI || !stdinIsTTY) {
    throw new UsageError(
      { key: env.CI ? "errNoTerminalCi" : "errNoTerminalStdin" },
      { key: "hintNoTerminal" },
    );
  }
}

/** A workshop: respondents answer one after another on one machine, each into their own file, then the team view. */
export async function runWorkshop(opts: RunOptions & { workshop: string }, io: Io, asker: Asker): Promise<void> {
  assertRunOptions(opts);
  try {
    mkdirSync(opts.workshop, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || code === "ENOTDIR") throw new UsageError({ key: "errWorkshopNotFolder", params: { folder: opts.workshop } });
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new UsageError({ key: "errWriteNoPermission", params: { file: opts.workshop } });
    throw err;
  }
  const t = messages(opts.lang ?? "en");
  let first = true;
  let organisation = opts.organisation ?? organisationIn(opts.workshop);
  for (;;) {
    const saved = await runAudit({ ...opts, organisation, ...(first ? {} : { respondent: undefined, answers: undefined, resume: false }) }, io, asker);
    organisation ??= saved.organisation;
    first = false;
    let next: string;
    try {
      next = await asker.select({
        message: t.workshopNext,
        choices: [
          { value: "another", name: t.workshopAnother },
          { value: "done", name: t.workshopDone },
          { value: "stop", name: t.workshopStop },
        ],
      });
    } catch (err) {
      if (err instanceof QuitError) next = "stop";
      else throw err;
    }
    if (next === "another") continue;
    const files = readdirSync(opts.workshop).filter((f) => /\.ya?ml$/i.test(f));
    if (next === "done" && files.length >= 2) {
      const { runMerge } = await import("./merge.js");
      await runMerge({ files: [opts.workshop], questionnaire: opts.questionnaire, rubric: opts.rubric, lang: opts.lang, format: "text", target: opts.target, today: opts.today }, io);
    }
    io.err(`${fill(t.workshopFolder, { folder: opts.workshop, command: commandLine(opts.invocation ?? ["maturity-audit"], ["merge", opts.workshop, "--format", "html", "--output", join(opts.workshop, "team.html")]) })}\n`);
    return;
  }
}

/** The interactive audit: asks, saves after every answer, reviews, then prints the gap report; returns the answers saved. */
export async function runAudit(opts: RunOptions, io: Io, asker: Asker): Promise<Answers> {
  assertRunOptions(opts);
  // The answers file is this run's until it ends: a second run on it would lose one's answers when the other saves.
  const locks: FileLock[] = [];
  try {
    return await interviewAndReport(opts, io, asker, (f) => {
      if (!locks.length) locks.push(lockFile(f));
    });
  } finally {
    for (const l of locks) l.release();
  }
}

async function interviewAndReport(opts: RunOptions, io: Io, asker: Asker, lock: (file: string) => void): Promise<Answers> {
  const audit = new Audit({ ...opts, notice: (t) => io.err(t) });
  const invocation = opts.invocation ?? ["maturity-audit"];
  let start: Answers | undefined;
  let file = opts.answers;
  let resumed: { questionnaire: Questionnaire; rubric: ResolvedRubric } | undefined;
  // A plugin is run only when named: its path is never taken from a file, so a printed command names it.
  const pluginFlag = () => (opts.rubric && PLUGIN_EXTENSIONS.test(opts.rubric) ? ["--rubric", opts.rubric] : []);
  const resumeCommand = (f: string) => commandLine(invocation, ["run", "--resume", "--answers", f, ...pluginFlag()]);
  if (opts.resume) {
    if (!file) throw new UsageError({ key: "errResumeNeedsFile" });
    if (existsSync(file)) lock(file);
    try {
      const checked = await audit.read(file);
      start = checked.answers;
      resumed = { questionnaire: checked.questionnaire, rubric: checked.rubric };
    } catch (err) {
      if (err instanceof InvalidInputError && !err.problems.some((p) => p.phrase?.key.startsWith("errRecorded"))) throw new InvalidInputError(err.problems, { key: "hintResumeNotFit" });
      throw err;
    }
  } else if (file && existsSync(file)) {
    throw new UsageError({ key: "errFileExists", params: { file } }, { key: "hintResume", params: { command: resumeCommand(file) } });
  }
  const q = resumed ? { value: resumed.questionnaire } : audit.resolver.questionnaire();
  const rubric = resumed?.rubric ?? (await audit.resolver.rubric(q.value));
  const lang = opts.lang ?? start?.lang ?? "en";
  const count = q.value.sections.reduce((n, s) => n + s.questions.length, 0);
  const t = messages(lang);
  asker.keyWords?.({ navigate: t.keyNavigate, select: t.keySelect, submit: t.keySubmit, all: t.keyAll, invert: t.keyInvert });

  if (!start) {
    io.err(
      [
        "",
        resolveText(q.value.title, lang),
        fill(t.welcomeParts, { count, parts: q.value.sections.length, titles: q.value.sections.map((s) => resolveText(s.title, lang)).join(", ") }),
        fill(t.welcomeTime, { minutes: q.value.estimatedMinutes ?? Math.ceil(count / 3) }),
        t.welcomeSave,
        "",
      ].join("\n") + "\n",
    );
  }

  let respondent = opts.respondent ?? start?.respondent;
  let organisation = opts.organisation ?? start?.organisation;
  const limit = (v: string) => (v.trim().length > NAME_MAX ? fill(t.nameTooLong, { max: NAME_MAX }) : true);
  try {
    if (!respondent) respondent = (await asker.input({ message: t.askName, validate: (v) => (v.trim() ? limit(v) : t.nameNeeded) })).trim();
    if (!organisation) organisation = (await asker.input({ message: t.askOrganisation, validate: limit })).trim() || undefined;
  } catch (err) {
    if (err instanceof QuitError) throw new InterruptedError(t.stoppedNothing);
    throw err;
  }
  // A workshop's files are the respondents' (two whose names read alike in Latin letters get one each); a single audit's file is named after the business.
  file ??= opts.workshop ? join(opts.workshop, defaultAnswersFile(respondent, opts.today, (f) => existsSync(join(opts.workshop!, f)))) : freeName(".", organisation ?? respondent, opts.today, "yaml");
  if (!opts.resume && existsSync(file)) throw new UsageError({ key: "errFileExists", params: { file } }, { key: "hintResume", params: { command: resumeCommand(file) } });
  lock(file);

  const base: Answers = start ?? {
    kind: "answers",
    version: 1,
    questionnaire: `${q.value.id}@${q.value.revision}`,
    respondent,
    date: opts.today,
    ...(lang !== "en" ? { lang } : {}),
    answers: {},
  };
  if (start && opts.respondent) base.respondent = opts.respondent;
  if (organisation) base.organisation = organisation;
  // What the audit was made with, so that resuming and scoring it need no flags; bundled files by name only.
  const qFile = audit.resolver.fileOf(q.value);
  const rFile = rubric.kind === "yaml" ? audit.resolver.fileOf(rubric.loaded) : undefined;
  base.rubric = rubric.kind === "yaml" ? rubric.loaded.value.id : rubric.rubric.id;
  const sources = { ...(qFile ? { questionnaire: recordedPath(file, qFile) } : {}), ...(rFile ? { rubric: recordedPath(file, rFile) } : {}) };
  if (Object.keys(sources).length) base.sources = sources;
  else delete base.sources;
  const resumeHint = resumeCommand(file);
  io.err(`${fill(opts.resume ? t.resuming : t.savingTo, { file })}\n`);
  let latest = base;
  const save = (a: Answers) => {
    latest = a;
    saveFile(file!, serializeAnswers(a));
  };
  if (!start) save(base);

  let final: Answers;
  try {
    final = await interview(q.value, asker, base, { lang, rubric: rubric.kind === "yaml" ? rubric.loaded.value : rubric.rubric, onChange: save });
  } catch (err) {
    if (err instanceof QuitError) {
      const n = Object.values(latest.answers).filter((v) => v !== null).length;
      throw new InterruptedError(fill(n === 1 ? t.stoppedSavedOne : t.stoppedSaved, { n, file: file! }), fill(t.resumeWith, { command: resumeHint }));
    }
    throw err;
  }
  save(final);
  const card = await audit.score(await audit.checkValue(final, { questionnaire: q.value, ...(rFile ? { rubric: rFile } : {}) }));
  const scoreCommand = commandLine(invocation, ["score", file, ...pluginFlag()]);
  io.err(`${fill(t.savedIn, { file, command: scoreCommand })}\n\n`);
  const render = rendererOf(opts.format, "card") ?? rendererOf("text", "card")!;
  // On a terminal the end of the output is what stays on screen: the first screen of the report, and where the rest is.
  const summary = opts.format === "text" && !opts.explain;
  io.out(await render({ file, card }, { colorLevel: io.colorLevel, width: io.columns, explain: opts.explain, summary }));
  if (summary) io.err(`\n${fill(t.wholeReport, { command: scoreCommand })}\n`);
  if (!opts.workshop && opts.format === "text") await offerHtml(file, final, card, io, asker, t);
  return final;
}

/** After the report: the HTML version for printing or a projector, beside the answers, named after the business. */
async function offerHtml(file: string, answers: Answers, card: Scorecard, io: Io, asker: Asker, t: Messages): Promise<void> {
  const html = freeName(dirname(file), answers.organisation ?? answers.respondent ?? "audit", answers.date ?? "report", "html");
  let wanted: boolean;
  try {
    // A choice rather than a confirm: its y/n keys are English.
    const yes = t.yes[0]!.toUpperCase() + t.yes.slice(1);
    const no = t.no[0]!.toUpperCase() + t.no.slice(1);
    wanted = await asker.select({ message: fill(t.offerHtml, { file: html }), choices: [{ value: true, name: yes }, { value: false, name: no }], default: true });
  } catch (err) {
    if (err instanceof QuitError) return;
    throw err;
  }
  if (!wanted) return;
  saveFile(html, await rendererOf("html", "card")!({ file, card }, { colorLevel: 0, width: 80 }));
  io.err(`${fill(t.htmlSaved, { file: html })}\n`);
}
