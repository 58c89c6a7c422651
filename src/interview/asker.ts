/** The questions the interview can ask; the terminal lives behind this seam so that tests can script it. */
export interface AskChoice<V> {
  value: V;
  name: string;
  description?: string;
  checked?: boolean;
}

export interface Asker {
  select<V>(o: { message: string; choices: AskChoice<V>[]; default?: V }): Promise<V>;
  checkbox<V>(o: { message: string; choices: AskChoice<V>[]; validate?: (picked: V[]) => true | string }): Promise<V[]>;
  /** `maxLength`: the longest answer taken; a terminal may cut a paste just past it rather than draw all of it. */
  input(o: { message: string; default?: string; validate?: (text: string) => true | string; maxLength?: number }): Promise<string>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
  /** Shows a line of information between prompts. */
  note(text: string): void;
  /** The words of the prompts' own key hints, once the language is known. */
  keyWords?(words: KeyWords): void;
}

/** The actions the prompts' key hints name: moving, ticking, submitting, and the checkbox's tick-all and invert. */
export interface KeyWords {
  navigate: string;
  select: string;
  submit: string;
  all: string;
  invert: string;
}

/** Thrown by an Asker when the person quits (Ctrl-C). */
export class QuitError extends Error {
  override name = "QuitError";
}
