import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { InterruptedError, InvalidInputError, UsageError } from "../errors.js";
import type { Answers } from "../model/answers.js";
import { resolveText } from "../i18n/text.js";
import { fill, messages } from "../i18n/messages.js";
import { rendererOf, type Format } from "../report/formats.js";
import { Audit } from "../audit/pipeline.js";
import { QuitError, type Asker } from "../interview/asker.js";
import { interview } from "../interview/interview.js";
import { saveFile } from "../save/write-file.js";
import { lockFile, type FileLock } from "../save/lock.js";
import { NAME_MAX } from "../model/answers.js";
import { slugOf } from "../text/slug.js";
import { type Io } from "./io.js";

export interface RunOptions {
  questionnaire?: string;
  rubric?: string;
  lang?: string;
  answers?: string;
  resume?: boolean;
  respondent?: string;
  format: Format;
  target?: string;
  explain?: boolean;
  /** A folder where each respondent's answers are saved as their own file, one after another. */
  workshop?: string;
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
  for (;;) {
    await runAudit({ ...opts, ...(first ? {} : { respondent: undefined, answers: undefined, resume: false }) }, io, asker);
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
    io.err(`${fill(t.workshopFolder, { folder: opts.workshop })}\n`);
    return;
  }
}

/** The interactive audit: asks, saves after every answer, reviews, then prints the gap report. */
export async function runAudit(opts: RunOptions, io: Io, asker: Asker): Promise<void> {
  assertRunOptions(opts);
  // The answers file is this run's until it ends: a second run on it would lose one's answers when the other saves.
  const locks: FileLock[] = [];
  try {
    await interviewAndReport(opts, io, asker, (f) => {
      if (!locks.length) locks.push(lockFile(f));
    });
  } finally {
    for (const l of locks) l.release();
  }
}

async function interviewAndReport(opts: RunOptions, io: Io, asker: Asker, lock: (file: string) => void): Promise<void> {
  const audit = new Audit({ ...opts, notice: (t) => io.err(t) });
  let start: Answers | undefined;
  let file = opts.answers;
  if (opts.resume) {
    if (!file) throw new UsageError({ key: "errResumeNeedsFile" });
    if (existsSync(file)) lock(file);
    try {
      start = (await audit.read(file)).answers;
    } catch (err) {
      if (err instanceof InvalidInputError) throw new InvalidInputError(err.problems, { key: "hintResumeNotFit" });
      throw err;
    }
  } else if (file && existsSync(file)) {
    throw new UsageError({ key: "errFileExists", params: { file } }, { key: "hintResume", params: { file } });
  }
  const q = audit.resolver.questionnaire(start?.questionnaire);
  const rubric = await audit.resolver.rubric(q.value);
  const lang = opts.lang ?? start?.lang ?? "en";
  const count = q.value.sections.reduce((n, s) => n + s.questions.length, 0);
  const t = messages(lang);
  asker.keyWords?.({ navigate: t.keyNavigate, select: t.keySelect, submit: t.keySubmit });

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
  try {
    if (!respondent) respondent = (await asker.input({ message: t.askName, validate: (v) => (!v.trim() ? t.nameNeeded : v.trim().length > NAME_MAX ? fill(t.nameTooLong, { max: NAME_MAX }) : true) })).trim();
  } catch (err) {
    if (err instanceof QuitError) throw new InterruptedError(t.stoppedNothing);
    throw err;
  }
  // In a workshop every respondent gets a file of their own, also two whose names read alike in Latin letters.
  file ??= opts.workshop ? join(opts.workshop, defaultAnswersFile(respondent, opts.today, (f) => existsSync(join(opts.workshop!, f)))) : defaultAnswersFile(respondent, opts.today);
  if (!opts.resume && existsSync(file)) throw new UsageError({ key: "errFileExists", params: { file } }, { key: "hintResume", params: { file } });
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
  const resumeHint = `maturity-audit run --resume --answers ${file}`;
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
  const card = await audit.score(await audit.checkValue(final));
  io.err(`${fill(t.savedIn, { file })}\n\n`);
  const render = rendererOf(opts.format, "card") ?? rendererOf("text", "card")!;
  io.out(await render({ file, card }, { colorLevel: io.colorLevel, width: io.columns, explain: opts.explain }));
}
