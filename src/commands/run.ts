import { existsSync, mkdirSync, readdirSync } from "node:fs";
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

export function defaultAnswersFile(respondent: string, today: string): string {
  const slug = respondent.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "audit";
  return `${slug}-${today}.yaml`;
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
  mkdirSync(opts.workshop, { recursive: true });
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
  const audit = new Audit({ ...opts, notice: (t) => io.err(t) });
  let start: Answers | undefined;
  let file = opts.answers;
  if (opts.resume) {
    if (!file) throw new UsageError({ key: "errResumeNeedsFile" });
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
    if (!respondent) respondent = (await asker.input({ message: t.askName, validate: (v) => (v.trim() ? true : t.nameNeeded) })).trim();
  } catch (err) {
    if (err instanceof QuitError) throw new InterruptedError(t.stoppedNothing);
    throw err;
  }
  file ??= opts.workshop ? join(opts.workshop, defaultAnswersFile(respondent, opts.today)) : defaultAnswersFile(respondent, opts.today);
  if (!opts.resume && existsSync(file)) throw new UsageError({ key: "errFileExists", params: { file } }, { key: "hintResume", params: { file } });

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
