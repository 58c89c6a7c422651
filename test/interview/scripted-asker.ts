// A scripted Asker: plays a list of expected prompts in order and fails loudly on anything else.
import type { AskChoice, Asker } from "../../src/interview/asker.js";

export type StepKind = "select" | "checkbox" | "input" | "confirm";

/** The options a prompt was called with (the union of the Asker methods' option objects). */
export interface PromptOptions {
  message: string;
  choices?: AskChoice<unknown>[];
  default?: unknown;
  validate?: (v: never) => true | string;
}

export interface Step {
  kind: StepKind;
  /** Must match the prompt's message. */
  match: RegExp;
  /** The value to return, or a function of the prompt's options (see `choose`). */
  answer: unknown | ((o: PromptOptions) => unknown);
  /** Extra checks on the prompt (its choices, default...), run before answering. */
  check?: (o: PromptOptions) => void;
}

/** An answer that picks the choice whose visible name matches: the way to reach "Skip for now" and the other extras. */
export function choose(name: RegExp): (o: PromptOptions) => unknown {
  return (o) => {
    const hit = (o.choices ?? []).find((c) => name.test(c.name));
    if (!hit) throw new Error(`no choice matching ${name} in:\n${(o.choices ?? []).map((c) => `  - ${c.name}`).join("\n")}`);
    return hit.value;
  };
}

/** The names of a prompt's choices. */
export const choiceNames = (o: PromptOptions): string[] => (o.choices ?? []).map((c) => c.name);

export class ScriptedAsker implements Asker {
  readonly notes: string[] = [];
  /** Every prompt seen, in order: its kind and message. */
  readonly asked: { kind: StepKind; message: string }[] = [];
  private next = 0;

  constructor(private readonly steps: Step[]) {}

  private play(kind: StepKind, o: PromptOptions): unknown {
    this.asked.push({ kind, message: o.message });
    const step = this.steps[this.next];
    const where = `prompt #${this.next + 1} (${kind}: ${JSON.stringify(o.message)})`;
    if (!step) throw new Error(`unexpected ${where}: the script has only ${this.steps.length} steps`);
    if (step.kind !== kind || !step.match.test(o.message)) {
      throw new Error(`unexpected ${where}; the script expected ${step.kind} matching ${step.match}`);
    }
    this.next++;
    step.check?.(o);
    let value = typeof step.answer === "function" ? (step.answer as (o: PromptOptions) => unknown)(o) : step.answer;
    // An inquirer input returns (and validates) its default when the person just presses Enter.
    if (kind === "input" && value === "" && o.default !== undefined) value = o.default;
    if (o.validate) {
      const verdict = o.validate(value as never);
      if (verdict !== true) throw new Error(`${where}: the scripted answer ${JSON.stringify(value)} fails validation: ${verdict}`);
    }
    if ((kind === "select" || kind === "checkbox") && o.choices) {
      const values = o.choices.map((c) => c.value);
      const picked = kind === "select" ? [value] : (value as unknown[]);
      for (const v of picked) if (!values.includes(v)) throw new Error(`${where}: ${String(v)} is not one of its choices`);
    }
    return value;
  }

  select<V>(o: { message: string; choices: AskChoice<V>[]; default?: V }): Promise<V> {
    return Promise.resolve().then(() => this.play("select", o as PromptOptions) as V);
  }
  checkbox<V>(o: { message: string; choices: AskChoice<V>[]; validate?: (picked: V[]) => true | string }): Promise<V[]> {
    return Promise.resolve().then(() => this.play("checkbox", o as PromptOptions) as V[]);
  }
  input(o: { message: string; default?: string; validate?: (text: string) => true | string }): Promise<string> {
    return Promise.resolve().then(() => this.play("input", o as PromptOptions) as string);
  }
  confirm(o: { message: string; default?: boolean }): Promise<boolean> {
    return Promise.resolve().then(() => this.play("confirm", o as PromptOptions) as boolean);
  }
  note(text: string): void {
    this.notes.push(text);
  }

  /** Fails unless every scripted step was played. */
  assertDone(): void {
    if (this.next !== this.steps.length) {
      const rest = this.steps.slice(this.next).map((s) => `  - ${s.kind} ${s.match}`).join("\n");
      throw new Error(`${this.steps.length - this.next} scripted prompts were never asked:\n${rest}`);
    }
  }
}
