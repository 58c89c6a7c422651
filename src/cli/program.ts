import { Command, CommanderError, Help, Option } from "commander";
import { AuditError, InvalidInputError, ThresholdError, UsageError } from "../errors.js";
import type { CliKey } from "../i18n/cli-messages.js";
import { colorLevelFor, ioFrom, processHost, type Host } from "./io.js";

import { LANGUAGES, languageFrom } from "../i18n/lang.js";
import { english, type Phrase, type Wording } from "../i18n/phrase.js";
import { stripControl } from "../text/terminal.js";
import type { Io } from "../commands/io.js";
import { formatsFor } from "../report/formats.js";
import { TEXT_ANSWER_MAX } from "../interview/limits.js";

const VERSION = "0.1.0";

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

interface GlobalOptions {
  color?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

/** --lang, checked, else the environment's language; undefined lets a file's own language decide. */
function langIn(env: NodeJS.ProcessEnv) {
  return (o: { lang?: string }): string | undefined => {
    if (o.lang !== undefined && !(LANGUAGES as readonly string[]).includes(o.lang)) {
      throw new UsageError({ key: "errLangUnavailable", params: { lang: o.lang } }, { key: "hintChooseOne", params: { choices: LANGUAGES.join(", ") } });
    }
    return languageFrom(o.lang, env);
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function numberOption(flag: string, raw: string | undefined, min: number, max: number, whole = false): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n))) throw new UsageError({ key: "errFlagNumber", params: { flag, min, max, value: raw } });
  return n;
}

/** `--rubric ''` names no file: refused, rather than read as "no option given" and silently defaulted. */
function refuseEmptyPaths(cmd: Command): void {
  for (const option of cmd.options) {
    if (!/<[^>]*(file|folder)[^>]*>/.test(option.flags)) continue;
    const value: unknown = cmd.getOptionValue(option.attributeName());
    if (value === "" || (Array.isArray(value) && value.includes(""))) throw new UsageError({ key: "errEmptyOptionValue", params: { option: option.long ?? option.flags } });
  }
}

/** Turns commander's strings into checked, typed options; a bad value is a usage error (exit 2). */
function normaliseScoreOptions(o: Record<string, unknown>) {
  // A null prototype: --min __proto__=50 must reach the dimension check, not vanish into the object's prototype.
  const min = Object.create(null) as Record<string, number>;
  for (const pair of (o.min as string[] | undefined) ?? []) {
    const m = /^([A-Za-z0-9._-]+)=(.+)$/.exec(pair);
    if (!m) throw new UsageError({ key: "errMinPair", params: { value: pair } });
    min[m[1]!] = numberOption(`--min ${m[1]}`, m[2], 0, 100)!;
  }
  return {
    ...(o as { format: "text"; questionnaire?: string; rubric?: string; lang?: string; target?: string; explain?: boolean; output?: string; requireStage?: string; baseline?: string; benchmark?: string }),
    failUnder: numberOption("--fail-under", o.failUnder as string | undefined, 0, 100),
    tolerance: numberOption("--tolerance", o.tolerance as string | undefined, 0, 100),
    depth: numberOption("--depth", o.depth as string | undefined, 1, 20, true),
    min: Object.keys(min).length ? min : undefined,
  };
}

export function buildProgram(words: Wording = english, host: Host = processHost(), script?: string): Command {
  const ioFor = (cmd: Command): Io => ioFrom(host, cmd.optsWithGlobals<GlobalOptions>());
  const langOf = langIn(host.env);
  const h = (key: CliKey) => words({ key });
  const examples = (...lines: string[]) => `\n${h(lines.length > 1 ? "helpExamples" : "helpExample")}\n${lines.map((l) => `  $ ${l}`).join("\n")}`;
  // Options several commands share, worded once.
  const opt = {
    questionnaire: () => new Option("--questionnaire <name|file>", h("helpOptQuestionnaire")),
    rubric: () => new Option("--rubric <name|file>", h("helpOptRubric")),
    lang: () => new Option("--lang <lang>", h("helpOptLang")),
    format: (choices: readonly string[]) => new Option("-f, --format <format>", h("helpOptFormat")).choices(choices).default("text"),
    target: () => new Option("--target <stage>", h("helpOptTarget")),
    output: () => new Option("-o, --output <file>", h("helpOptOutput")),
    pluginTimeout: () => new Option("--plugin-timeout <seconds>", h("helpOptPluginTimeout")).argParser((raw) => numberOption("--plugin-timeout", raw, 0.1, 3600)),
  };
  const titles: Record<string, CliKey> = {
    "Usage:": "helpUsage",
    "Options:": "helpOptions",
    "Commands:": "helpCommands",
    "Arguments:": "helpArguments",
    "Global Options:": "helpGlobalOptions",
  };
  const program = new Command("maturity-audit")
    .description(h("helpProgram"))
    .version(VERSION, "-v, --version", h("helpShowVersion"))
    .helpOption("-h, --help", h("helpShowHelp"))
    .helpCommand("help [command]", h("helpShowHelp"))
    .configureHelp({
      styleTitle: (title) => (titles[title] ? h(titles[title]) : title),
      optionDescription(option) {
        return localiseExtras(Help.prototype.optionDescription.call(this, option), h);
      },
      argumentDescription(argument) {
        return localiseExtras(Help.prototype.argumentDescription.call(this, argument), h);
      },
    })
    .option("--no-color", h("helpNoColor"))
    .option("-q, --quiet", h("helpQuiet"))
    .option("--debug", h("helpDebug"))
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (str) => void host.stdout.write(str),
      writeErr: (str) => void host.stderr.write(str),
      // Commander would ask process.stdout and process.env; the host is where this run's output goes.
      getOutHelpWidth: () => (host.stdout.isTTY && host.stdout.columns) || 80,
      getErrHelpWidth: () => (host.stderr.isTTY && host.stderr.columns) || 80,
      getOutHasColors: () => colorLevelFor(host.stdout, false, host.env) > 0,
      getErrHasColors: () => colorLevelFor(host.stderr, false, host.env) > 0,
      outputError: (str, write) => write(`${commanderMessage(str, words)}\n`),
    })
    .exitOverride()
    .addHelpText("after", `\n${h("helpProgramExamples")}`)
    .hook("preAction", (_, action) => refuseEmptyPaths(action));

  program
    .command("run", { isDefault: true })
    .description(h("helpRun"))
    .addOption(opt.questionnaire())
    .addOption(opt.rubric())
    .addOption(opt.pluginTimeout())
    .addOption(opt.lang())
    .option("--answers <file>", h("helpRunAnswers"))
    .option("--resume", h("helpRunResume"))
    .option("--respondent <name>", h("helpRunRespondent"))
    .option("--organisation <name>", h("helpRunOrganisation"))
    .option("--workshop <folder>", h("helpRunWorkshop"))
    .option("--quick", h("helpRunQuick"))
    .addOption(opt.format(formatsFor("card")))
    .addOption(opt.target())
    .option("--explain", h("helpRunExplain"))
    .addHelpText(
      "after",
      `\n${words({ key: "helpRunAnswering", params: { max: TEXT_ANSWER_MAX } })}\n` +
      examples("npx maturity-audit", "npx maturity-audit run --quick", 'maturity-audit run --respondent "Acme AB" --answers acme.yaml', "maturity-audit run --resume --answers acme.yaml", "maturity-audit run --lang sv --workshop ./acme"),
    )
    .action(async (o, cmd: Command) => {
      const { runAudit, runWorkshop, assertInteractive, assertRunOptions } = await import("../commands/run.js");
      const { invocationOf } = await import("../commands/invocation.js");
      assertRunOptions(o);
      assertInteractive(host.env, host.stdinIsTTY);
      const { createInquirerAsker } = await import("../interview/inquirer-asker.js");
      if (o.quick && o.questionnaire) throw new UsageError({ key: "errQuickAndQuestionnaire" });
      const options = { ...o, ...(o.quick ? { questionnaire: "media-house-quick" } : {}), lang: langOf(o), today: today(), invocation: invocationOf(host.env, script) };
      if (o.workshop) await runWorkshop(options, ioFor(cmd), createInquirerAsker());
      else await runAudit(options, ioFor(cmd), createInquirerAsker());
    });

  program
    .command("score")
    .description(h("helpScore"))
    .argument("<answers...>", h("helpScoreAnswers"))
    .addOption(opt.questionnaire())
    .option("--rubric <name|file>", h("helpScoreRubric"))
    .addOption(opt.pluginTimeout())
    .addOption(opt.lang())
    .addOption(opt.format(formatsFor("card")))
    .addOption(opt.target())
    .option("--explain", h("helpScoreExplain"))
    .option("--roadmap", h("helpScoreRoadmap"))
    .option("--depth <levels>", h("helpScoreDepth"))
    .addOption(opt.output())
    .option("--fail-under <score>", h("helpScoreFailUnder"))
    .option("--require-stage <stage>", h("helpScoreRequireStage"))
    .option("--min <dimension=score>", h("helpScoreMin"), collect, [])
    .option("--baseline <file|folder>", h("helpScoreBaseline"))
    .option("--tolerance <points>", h("helpScoreTolerance"), "0")
    .option("--benchmark <name|file>", h("helpScoreBenchmark"))
    .addHelpText(
      "after",
      examples(
        "maturity-audit score acme.yaml --target 3.0 --explain",
        "maturity-audit score acme.yaml --format json > acme.json",
        'maturity-audit score audits/ --format markdown --require-stage 2.0 >> "$GITHUB_STEP_SUMMARY"',
        "maturity-audit score 'audits/**/*.yaml' --format junit --output junit.xml --min data=50",
        "maturity-audit score acme.yaml --baseline acme-last-year.yaml --tolerance 2",
        "maturity-audit score audits/ --baseline audits-2025/ --format markdown",
        "maturity-audit score acme.yaml --rubric my-model.yaml --depth 2",
        "maturity-audit score acme.yaml --benchmark capital-leader --format html --output acme.html",
      ),
    )
    .action(async (files: string[], o, cmd: Command) => {
      const { runScore } = await import("../commands/score.js");
      await runScore({ ...normaliseScoreOptions(o), lang: langOf(o), files, today: today() }, ioFor(cmd));
    });

  program
    .command("roadmap")
    .description(h("helpRoadmap"))
    .argument("<answers>", h("helpRoadmapAnswers"))
    .addOption(opt.questionnaire())
    .addOption(opt.rubric())
    .addOption(opt.pluginTimeout())
    .addOption(opt.lang())
    .addOption(opt.format(formatsFor("card")))
    .addOption(opt.target())
    .addOption(opt.output())
    .addHelpText("after", examples("maturity-audit roadmap acme.yaml", "maturity-audit roadmap acme.yaml --target 3.0 --format markdown --output plan.md"))
    .action(async (file: string, o, cmd: Command) => {
      const { runScore } = await import("../commands/score.js");
      await runScore({ ...o, lang: langOf(o), files: [file], roadmap: true, today: today() }, ioFor(cmd));
    });

  const benchmark = program.command("benchmark").description(h("helpBenchmark"));
  benchmark
    .command("build")
    .description(h("helpBenchmarkBuild"))
    .argument("<audits...>", h("helpBenchmarkAudits"))
    .requiredOption("--id <id>", h("helpBenchmarkId"))
    .option("--title <title>", h("helpBenchmarkTitle"))
    .option("--where <question=value>", h("helpBenchmarkWhere"), collect, [])
    .addOption(opt.questionnaire())
    .addOption(opt.rubric())
    .addOption(opt.pluginTimeout())
    .addOption(opt.lang())
    .addOption(opt.output())
    .addHelpText("after", examples("maturity-audit benchmark build audits/ --id my-clients-2026 --output my-clients.yaml", "maturity-audit benchmark build audits/ --id regional --where context.region=regional-town", "maturity-audit score acme.yaml --benchmark my-clients.yaml"))
    .action(async (files: string[], o, cmd: Command) => {
      const where: Record<string, string> = {};
      for (const pair of o.where as string[]) {
        const m = /^([A-Za-z0-9._-]+)=(.+)$/.exec(pair);
        if (!m) throw new UsageError({ key: "errWherePair", params: { value: pair } });
        where[m[1]!] = m[2]!;
      }
      const { runBenchmarkBuild } = await import("../commands/benchmark.js");
      await runBenchmarkBuild({ ...o, where: Object.keys(where).length ? where : undefined, lang: langOf(o), files, today: today() }, ioFor(cmd));
    });

  program
    .command("compare")
    .description(h("helpCompare"))
    .argument("<audits...>", h("helpCompareAudits"))
    .addOption(opt.questionnaire())
    .option("--rubric <name|file>", h("helpCompareRubric"))
    .addOption(opt.pluginTimeout())
    .addOption(opt.lang())
    .addOption(opt.format(formatsFor("comparison", "trend")))
    .addOption(opt.output())
    .addHelpText("after", examples("maturity-audit compare acme-2025.yaml acme-2026.yaml", "maturity-audit compare audits/acme-*.yaml --format markdown"))
    .action(async (files: string[], o, cmd: Command) => {
      const { runCompare } = await import("../commands/compare.js");
      await runCompare({ ...o, lang: langOf(o), files, today: today() }, ioFor(cmd));
    });

  program
    .command("merge")
    .description(h("helpMerge"))
    .argument("<answers...>", h("helpMergeAnswers"))
    .addOption(opt.questionnaire())
    .addOption(opt.rubric())
    .addOption(opt.pluginTimeout())
    .addOption(opt.lang())
    .addOption(opt.format(formatsFor("team")))
    .addOption(opt.target())
    .addOption(opt.output())
    .option("--save <file>", h("helpMergeSave"))
    .addHelpText("after", examples("maturity-audit merge ./acme", "maturity-audit merge ./acme --format html --output acme.html", "maturity-audit merge anna.yaml bjorn.yaml --save team.yaml"))
    .action(async (files: string[], o, cmd: Command) => {
      const { runMerge } = await import("../commands/merge.js");
      await runMerge({ ...o, lang: langOf(o), files, today: today() }, ioFor(cmd));
    });

  program
    .command("workshop")
    .description(h("helpWorkshop"))
    .argument("<folder>", h("helpWorkshopFolder"))
    .addOption(opt.questionnaire())
    .addOption(opt.rubric())
    .addOption(opt.lang())
    .addOption(opt.target())
    .option("--port <port>", h("helpWorkshopPort"))
    .option("--host <address>", h("helpWorkshopHost"))
    .addHelpText("after", examples("npx maturity-audit workshop ./acme --lang sv", "maturity-audit workshop ./acme --port 8080", "maturity-audit workshop ./acme --host 127.0.0.1", "maturity-audit merge ./acme --format html --output acme.html"))
    .action(async (folder: string, o, cmd: Command) => {
      const port = numberOption("--port", o.port as string | undefined, 0, 65535, true);
      const host = o.host === undefined ? undefined : String(o.host).trim();
      if (host !== undefined && !/^[A-Za-z0-9.:%[\]-]{1,253}$/.test(host)) throw new UsageError({ key: "errWorkshopListen", params: { address: host, reason: "--host" } });
      const { runLiveWorkshop } = await import("../workshop/run.js");
      // Ctrl-C ends the workshop cleanly: the server closes, the team's files are written, exit 130.
      const stop = new AbortController();
      const abort = () => stop.abort();
      process.once("SIGINT", abort);
      process.once("SIGTERM", abort);
      try {
        await runLiveWorkshop({ folder, questionnaire: o.questionnaire, rubric: o.rubric, target: o.target, lang: langOf(o), today: today(), port, host }, ioFor(cmd), stop.signal);
      } finally {
        process.off("SIGINT", abort);
        process.off("SIGTERM", abort);
      }
    });

  program
    .command("validate")
    .description(h("helpValidate"))
    .argument("<files...>", h("helpValidateFiles"))
    .option("--questionnaire <name|file>", h("helpValidateQuestionnaire"))
    .option("--rubric <name|file>", h("helpValidateRubric"))
    .addOption(opt.lang())
    .addHelpText(
      "after",
      examples("maturity-audit validate acme.yaml", "maturity-audit validate --lang sv acme.yaml", "maturity-audit validate my-questionnaire.yaml my-rubric.yaml --questionnaire my-questionnaire.yaml"),
    )
    .action(async (files: string[], o, cmd: Command) => {
      const { runValidate } = await import("../commands/validate.js");
      await runValidate({ ...o, lang: langOf(o), files }, ioFor(cmd));
    });

  program
    .command("template")
    .description(h("helpTemplate"))
    .option("--questionnaire <name|file>", h("helpTemplateQuestionnaire"), "media-house")
    .addOption(opt.lang())
    .addOption(opt.output())
    .addHelpText("after", examples("maturity-audit template > acme.yaml && $EDITOR acme.yaml && maturity-audit score acme.yaml"))
    .action(async (o, cmd: Command) => {
      const { runTemplate } = await import("../commands/template.js");
      runTemplate({ ...o, lang: langOf(o), today: today() }, ioFor(cmd));
    });

  program
    .command("list")
    .description(h("helpList"))
    .addOption(opt.format(["text", "json"]))
    .addOption(opt.lang())
    .action(async (o, cmd: Command) => {
      const { runList } = await import("../commands/list.js");
      runList({ ...o, lang: langOf(o) }, ioFor(cmd));
    });

  program
    .command("schema")
    .description(h("helpSchema"))
    .argument("<kind>", h("helpSchemaKind"))
    .action(async (kind: string, _o, cmd: Command) => {
      const { jsonSchemaFor, SCHEMA_KINDS } = await import("../model/json-schema.js");
      if (!(SCHEMA_KINDS as readonly string[]).includes(kind)) {
        const { UsageError } = await import("../errors.js");
        throw new UsageError({ key: "errUnknownSchemaKind", params: { kind } }, { key: "hintChooseOne", params: { choices: SCHEMA_KINDS.join(", ") } });
      }
      ioFor(cmd).out(JSON.stringify(jsonSchemaFor(kind as "rubric"), null, 2) + "\n");
    });

  return program;
}

/** Runs the CLI and returns the exit code; the one place where errors become messages. */
export async function main(argv: string[], host: Host = processHost()): Promise<number> {
  const code = await runCommand(argv, host);
  const failed = await host.stdoutFailure?.();
  if (!failed) return code;
  // The report did not reach its reader: that outweighs a threshold's verdict, which is on stderr either way.
  const { describeWriteFailure } = await import("../save/write-file.js");
  const words = await wordsOf(argv, host.env);
  const err = describeWriteFailure("stdout", failed);
  host.stderr.write(stripControl(`maturity-audit: ${err.says(words)}\n`));
  return 2;
}

async function runCommand(argv: string[], host: Host): Promise<number> {
  const words = await wordsOf(argv, host.env);
  const program = buildProgram(words, host, argv[1]);
  const stderr = (text: string) => void host.stderr.write(stripControl(text));
  const debug = argv.includes("--debug");
  try {
    const first = argv[2];
    const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
    if (first !== undefined && !first.startsWith("-") && !names.includes(first)) {
      const near = names.filter((n) => distance(n, first) <= 2);
      throw new UsageError(near.length ? { key: "errUnknownCommandNear", params: { command: first, near: near.join(", ") } } : { key: "errUnknownCommand", params: { command: first } }, { key: "hintHelp" });
    }
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return 0;
      stderr(`${words({ key: "hintHelp" })}\n`);
      return 2;
    }
    if (err instanceof ThresholdError) {
      stderr(err.reasons(words).map((r) => `maturity-audit: ${words({ key: "thresholdNotMet", params: { reason: r } })}\n`).join(""));
      return err.exitCode;
    }
    if (err instanceof AuditError) {
      const prefix = err instanceof InvalidInputError ? "" : "maturity-audit: ";
      const suggestion = err.suggests(words);
      stderr(`${prefix}${err.says(words)}\n${suggestion ? `${suggestion}\n` : ""}`);
      if (debug) stderr(`${err.stack}\n`);
      return err.exitCode;
    }
    const detail = (err as Error)?.message ?? String(err);
    stderr(`maturity-audit: ${words({ key: "internalError", params: { detail } })}\n${words({ key: debug ? "hintBugDebug" : "hintBug" })}\n`);
    if (debug) stderr(`${(err as Error)?.stack}\n`);
    return 70;
  }
}

/** How errors are put into words: in the language of --lang, else of the environment; the catalogues load only for another language than English. */
async function wordsOf(argv: string[], env: NodeJS.ProcessEnv): Promise<Wording> {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const flag = i < 0 ? undefined : argv[i]!.includes("=") ? argv[i]!.slice("--lang=".length) : argv[i + 1];
  const lang = languageFrom(flag && (LANGUAGES as readonly string[]).includes(flag) ? flag : undefined, env);
  if (!lang || lang === "en") return english;
  const { wordsFor } = await import("../i18n/messages.js");
  return wordsFor(lang);
}

/** Commander's "(choices: ...)" and "(default: ...)" after a description, in the help's language. */
function localiseExtras(text: string, h: (key: CliKey) => string): string {
  // Commander appends them as one parenthesis: "(choices: ..., default: ...)".
  return text.replace(/\((choices: .*|default: .*)\)$/s, (all: string) =>
    all.replace(/(\(|, )(choices|default): /g, (_, before: string, word: string) => `${before}${h(word === "choices" ? "helpChoices" : "helpDefault")}: `),
  );
}

/** Commander's own messages, in the words of the tool; one it does not know stays as commander wrote it. */
function commanderMessage(str: string, words: Wording): string {
  const text = str.trim();
  const say = (p: Phrase) => `maturity-audit: ${words(p)}`;
  let m: RegExpExecArray | null;
  if ((m = /^error: unknown option '([^']+)'(?:\s*\(Did you mean (.+)\?\))?$/s.exec(text))) {
    return say(m[2] ? { key: "cmdUnknownOptionNear", params: { option: m[1]!, near: m[2] } } : { key: "cmdUnknownOption", params: { option: m[1]! } });
  }
  if ((m = /^error: missing required argument '([^']+)'$/.exec(text))) return say({ key: "cmdMissingArgument", params: { name: m[1]! } });
  if ((m = /^error: option '([^']+)' argument missing$/.exec(text))) return say({ key: "cmdOptionValueMissing", params: { option: m[1]! } });
  if ((m = /^error: too many arguments(?: for '[^']+')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(text))) {
    return say({ key: "cmdTooManyArguments", params: { expected: Number(m[1]), got: Number(m[2]) } });
  }
  if ((m = /^error: option '([^']+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/s.exec(text))) {
    return say({ key: "cmdInvalidChoice", params: { option: m[1]!, value: m[2]!, choices: m[3]! } });
  }
  return text;
}

/** Edit distance, for suggesting the command someone meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
