import type { Progress } from "../commands/io.js";

/** Where a spinner may draw: the CLI's stderr, or a test's stand-in for it. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  quiet: boolean;
  color: boolean;
  /** Work shorter than this shows nothing. */
  delayMs?: number;
}

export type StartProgress = (total: number, say: (n: number, total: number) => string) => Progress;

const NONE: Progress = { tick: () => undefined, done: () => {} };

/** How often a long loop gives way to the event loop, so that the spinner turns (and output drains) while it runs. */
const YIELD_MS = 80;

/**
 * A spinner with a count on stderr for work that takes over a second, only on a terminal: never in CI, into a
 * pipe or with --quiet. Commands that prompt never start one. ora is loaded only when a count starts.
 */
export function progressFor(stream: ProgressStream, env: NodeJS.ProcessEnv, opts: ProgressOptions): StartProgress {
  if (opts.quiet || !stream.isTTY || env.CI) return () => NONE;
  return (total, say) => {
    const delay = opts.delayMs ?? 1000;
    const started = performance.now();
    let lastYield = started;
    let n = 0;
    let stopped = false;
    let make: typeof import("ora").default | undefined;
    let spinner: import("ora").Ora | undefined;
    void import("ora").then(
      (m) => void (make = m.default),
      () => undefined,
    );
    const show = () => {
      if (stopped) return;
      const text = say(n, total);
      if (spinner) {
        spinner.text = text;
        spinner.render();
      } else if (make && performance.now() - started >= delay) {
        // No stdin handling and no cursor hiding: nothing is left changed if the run ends abruptly.
        spinner = make({ text, stream: terminalOf(stream) as unknown as NodeJS.WritableStream, isEnabled: true, discardStdin: false, hideCursor: false, color: opts.color ? "cyan" : false }).start();
      }
    };
    return {
      tick() {
        n++;
        const now = performance.now();
        if (stopped || now - lastYield < YIELD_MS) return undefined;
        lastYield = now;
        return new Promise<void>((resolve) => setImmediate(() => (show(), resolve())));
      },
      done() {
        stopped = true;
        spinner?.stop();
        spinner = undefined;
      },
    };
  };
}

/** The cursor movements ora asks of a TTY stream, as the escape sequences a terminal takes, on any writable. */
function terminalOf(s: ProgressStream) {
  const write = (t: string) => (s.write(t), true);
  const csi = (n: number, up: string, down: string) => (n < 0 ? `\u001b[${-n}${up}` : n > 0 ? `\u001b[${n}${down}` : "");
  return {
    isTTY: true,
    get columns() {
      return s.columns || 80;
    },
    write: (chunk: unknown) => write(String(chunk)),
    cursorTo: (x: number) => write(`\u001b[${x + 1}G`),
    moveCursor: (dx: number, dy: number) => write(csi(dx, "D", "C") + csi(dy, "A", "B")),
    clearLine: (dir: number) => write(dir < 0 ? "\u001b[1K" : dir > 0 ? "\u001b[0K" : "\u001b[2K"),
    on() {
      return this;
    },
    once() {
      return this;
    },
    removeListener() {
      return this;
    },
  };
}
