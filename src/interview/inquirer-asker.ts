import { PassThrough } from "node:stream";
import { styleText } from "node:util";
import { checkbox, confirm, input, select } from "@inquirer/prompts";
import { stripControl, wrap } from "../text/terminal.js";
import { QuitError, type Asker, type KeyWords } from "./asker.js";

type PromptContext = { output?: NodeJS.WritableStream; input?: NodeJS.ReadableStream; signal?: AbortSignal };
type Prompt<C, V> = (config: C, context?: PromptContext) => Promise<V>;

export interface PromptSet {
  select: typeof select;
  checkbox: typeof checkbox;
  input: typeof input;
  confirm: typeof confirm;
}

/** What a runner may want to know of a prompt besides its config: its kind, and for text the longest answer taken. */
export interface PromptMeta {
  kind: "select" | "checkbox" | "input" | "confirm";
  maxLength?: number;
}

/** Runs one prompt; tests replace this to drive real prompts with @inquirer/testing. `signal` ends it as a quit. */
export type PromptRunner = <C, V>(prompt: Prompt<C, V>, config: C, signal: AbortSignal, meta: PromptMeta) => Promise<V>;

const isQuit = (err: unknown) => err instanceof Error && (err.name === "ExitPromptError" || err.name === "AbortPromptError");

/**
 * Input in which a paste arrives as one keypress. Readline turns every character of a chunk into a keypress and the
 * prompt redraws the whole answer after each one, so a long paste costs time in the square of its length; one
 * keypress carrying the whole text inserts it in one step. Line breaks inside a paste become spaces (a text answer
 * is one line); a line break at its very end is Enter, as typed. A paste longer than `maxLength` is cut just past it,
 * so that the prompt refuses it as too long without drawing all of it.
 */
export function pasteAwareInput(source: NodeJS.ReadStream, maxLength = Infinity): { stream: NodeJS.ReadableStream; close(): void } {
  const through = new PassThrough() as PassThrough & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  through.isTTY = source.isTTY;
  through.setRawMode = (mode: boolean) => (source.isTTY && source.setRawMode?.(mode), through);
  const onData = (chunk: Buffer | string) => {
    const text = typeof chunk === "string" ? chunk : chunk.toString("utf8");
    // eslint-disable-next-line no-control-regex
    const paste = /^([^\u0000-\u001f\u007f]|[\t\r\n])*$/.test(text) && text.replace(/[\r\n]+$/, "").length > 1;
    if (!paste) return void through.write(chunk);
    const body = text.replace(/[\r\n]+$/, "");
    const flat = body.replace(/\r\n|[\r\n\t]/g, " ").slice(0, maxLength + 1);
    through.emit("keypress", flat, { sequence: flat, name: undefined, ctrl: false, meta: false, shift: false });
    if (body.length < text.length) through.write("\r");
  };
  source.on("data", onData);
  // The previous prompt paused it; a paused stream stays paused when a listener is added.
  source.resume();
  return {
    stream: through,
    close() {
      source.off("data", onData);
      source.pause();
    },
  };
}

/** The default runner: prompts on stderr (stdout stays for the report), text pastes taken in one step. */
const terminalRunner: PromptRunner = async (prompt, config, signal, meta) => {
  if (meta.kind !== "input" || !process.stdin.isTTY) return prompt(config, { output: process.stderr, signal });
  const paste = pasteAwareInput(process.stdin, meta.maxLength);
  try {
    return await prompt(config, { output: process.stderr, input: paste.stream, signal });
  } finally {
    paste.close();
  }
};

/** A prompt's message wrapped at word boundaries within the terminal's width, each line keeping its indent. */
export function wrapMessage(message: string, columns: number): string {
  const width = Math.max(20, columns - 3);
  return message
    .split("\n")
    .map((line) => {
      const indent = /^ */.exec(line)![0];
      return wrap(line.slice(indent.length), width, indent).join("\n");
    })
    .join("\n");
}

/** A choice's name wrapped under the prompt's pointer, its later lines indented to the text. */
function wrapChoice(name: string, columns: number, lead: number): string {
  const lines = wrap(name, Math.max(16, columns - lead - 1));
  return lines.map((l, i) => (i ? " ".repeat(lead) + l : l)).join("\n");
}

/** The Asker backed by @inquirer/prompts, drawing on stderr so that stdout stays for the report. */
export function createInquirerAsker(
  run: PromptRunner = terminalRunner,
  note: (text: string) => void = (t) => void process.stderr.write(`${wrapMessage(t, process.stderr.columns || 80)}\n`),
  columns: () => number = () => process.stderr.columns || 80,
): Asker {
  // SIGTERM and SIGHUP end the open prompt as Ctrl-C does: the prompt restores the terminal and the audit says how to resume.
  const guard = async <V>(start: (signal: AbortSignal) => Promise<V>): Promise<V> => {
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.on("SIGTERM", stop);
    process.on("SIGHUP", stop);
    try {
      return await start(controller.signal);
    } catch (err) {
      if (isQuit(err)) throw new QuitError("quit");
      throw err;
    } finally {
      process.off("SIGTERM", stop);
      process.off("SIGHUP", stop);
    }
  };
  const pageSize = 12;
  // The prompts name their keys in English; the hint line is drawn here with the audit's own words for them.
  let words: Record<string, string> = {};
  const theme = {
    style: {
      keysHelpTip: (keys: [string, string][]) =>
        keys.map(([key, action]) => `${styleText("bold", key)} ${styleText("dim", words[action] ?? action)}`).join(styleText("dim", " • ")),
    },
  };
  // Questionnaire texts reach the terminal here, past the CLI's streams: none may retitle it or move the cursor.
  const clean = stripControl;
  const msg = (m: string) => wrapMessage(clean(m), columns());
  const named = <C extends { name: string; description?: string }>(choices: C[], lead: number) =>
    choices.map((c) => ({ ...c, name: wrapChoice(clean(c.name), columns(), lead), ...(c.description !== undefined ? { description: clean(c.description) } : {}) }));
  return {
    keyWords: (w: KeyWords) => void (words = { navigate: clean(w.navigate), select: clean(w.select), submit: clean(w.submit), all: clean(w.all), invert: clean(w.invert) }),
    select: (o) => guard((signal) => run(select as Prompt<unknown, never>, { message: msg(o.message), choices: named(o.choices, 2), default: o.default, pageSize, loop: false, theme }, signal, { kind: "select" })),
    checkbox: (o) =>
      guard((signal) =>
        run(
          checkbox as Prompt<unknown, never>,
          {
            message: msg(o.message),
            choices: named(o.choices, 4),
            pageSize,
            loop: false,
            theme,
            validate: o.validate ? (picked: ReadonlyArray<{ value: unknown }>) => o.validate!(picked.map((c) => c.value) as never) : undefined,
          },
          signal,
          { kind: "checkbox" },
        ),
      ),
    input: (o) => guard((signal) => run(input as Prompt<unknown, string>, { message: msg(o.message), default: o.default === undefined ? undefined : clean(o.default), validate: o.validate, theme }, signal, { kind: "input", maxLength: o.maxLength })),
    confirm: (o) => guard((signal) => run(confirm as Prompt<unknown, boolean>, { message: msg(o.message), default: o.default, theme }, signal, { kind: "confirm" })),
    note: (text) => note(clean(text)),
  };
}
