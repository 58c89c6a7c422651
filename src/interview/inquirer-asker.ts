import { styleText } from "node:util";
import { checkbox, confirm, input, select } from "@inquirer/prompts";
import { QuitError, type Asker } from "./asker.js";
import { stripControl } from "../text/terminal.js";

type Prompt<C, V> = (config: C, context?: { output?: NodeJS.WritableStream; input?: NodeJS.ReadableStream }) => Promise<V>;

export interface PromptSet {
  select: typeof select;
  checkbox: typeof checkbox;
  input: typeof input;
  confirm: typeof confirm;
}

/** Runs one prompt; tests replace this to drive real prompts with @inquirer/testing. */
export type PromptRunner = <C, V>(prompt: Prompt<C, V>, config: C) => Promise<V>;

const isQuit = (err: unknown) => err instanceof Error && (err.name === "ExitPromptError" || err.name === "AbortPromptError");

/** The Asker backed by @inquirer/prompts, drawing on stderr so that stdout stays for the report. */
export function createInquirerAsker(
  run: PromptRunner = (prompt, config) => prompt(config, { output: process.stderr }),
  note: (text: string) => void = (t) => void process.stderr.write(`${t}\n`),
): Asker {
  const guard = async <V>(p: Promise<V>): Promise<V> => {
    try {
      return await p;
    } catch (err) {
      if (isQuit(err)) throw new QuitError("quit");
      throw err;
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
  const cleanChoices = <T extends { name?: string; description?: string }>(choices: readonly T[]) =>
    choices.map((c) => ({ ...c, ...(c.name !== undefined ? { name: clean(c.name) } : {}), ...(c.description !== undefined ? { description: clean(c.description) } : {}) }));
  return {
    keyWords: (w) => void (words = Object.fromEntries(Object.entries(w).map(([k, v]) => [k, clean(v)]))),
    select: (o) => guard(run(select as Prompt<unknown, never>, { message: clean(o.message), choices: cleanChoices(o.choices), default: o.default, pageSize, loop: false, theme })),
    checkbox: (o) =>
      guard(
        run(checkbox as Prompt<unknown, never>, {
          message: clean(o.message),
          choices: cleanChoices(o.choices),
          pageSize,
          loop: false,
          theme,
          validate: o.validate ? (picked: ReadonlyArray<{ value: unknown }>) => o.validate!(picked.map((c) => c.value) as never) : undefined,
        }),
      ),
    input: (o) => guard(run(input as Prompt<unknown, string>, { message: clean(o.message), default: o.default === undefined ? undefined : clean(o.default), validate: o.validate })),
    confirm: (o) => guard(run(confirm as Prompt<unknown, boolean>, { message: clean(o.message), default: o.default })),
    note: (text) => note(clean(text)),
  };
}
