import { stripControl, stripForTerminal } from "../text/terminal.js";
import type { Io } from "../commands/io.js";
import { progressFor } from "./progress.js";

/** Decides colour once: --no-color and NO_COLOR win, then FORCE_COLOR, then whether the stream is a terminal. */
export function colorLevelFor(stream: { isTTY?: boolean }, noColorFlag: boolean, env = process.env): 0 | 1 | 2 | 3 {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== "")) return 0;
  if (env.FORCE_COLOR !== undefined) {
    const n = env.FORCE_COLOR === "" || env.FORCE_COLOR === "true" ? 1 : Number(env.FORCE_COLOR);
    return (Number.isFinite(n) ? Math.max(0, Math.min(3, n)) : 1) as 0 | 1 | 2 | 3;
  }
  if (!stream.isTTY || env.TERM === "dumb") return 0;
  // What chalk would detect, without loading it for commands that print no colour.
  if (env.COLORTERM === "truecolor" || env.COLORTERM === "24bit") return 3;
  if (/-256(color)?$/i.test(env.TERM ?? "")) return 2;
  return 1;
}

/** Where the CLI runs: its streams and environment; the process's own, or a test's. */
export interface Host {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** After the command: waits for stdout to take what was written, and gives the error it met (never a closed pipe's). */
  stdoutFailure?(): Promise<NodeJS.ErrnoException | undefined>;
}

export function processHost(): Host {
  const stdout = guardStdout(process.stdout);
  // Messages have nowhere else to go: a closed stderr (2>&1 | head) must not end the run with a stack trace.
  process.stderr.on("error", () => {});
  return { stdout, stderr: process.stderr, stdinIsTTY: !!process.stdin.isTTY, env: process.env, stdoutFailure: stdout.failure };
}

/**
 * stdout that cannot throw: a reader that stopped early (| head) closed the pipe, and what it wanted was written,
 * so the rest is dropped quietly and the command runs on to its exit code (a threshold not met is still 1); any
 * other error (a full disk behind > file) is kept for the one catch to report.
 */
function guardStdout(stream: NodeJS.WriteStream) {
  let gone = false;
  let failed: NodeJS.ErrnoException | undefined;
  const note = (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE" || gone) gone = true;
    else failed ??= err;
  };
  stream.on("error", note);
  return {
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    write(text: string) {
      if (gone || failed) return false;
      try {
        return stream.write(text);
      } catch (err) {
        note(err as NodeJS.ErrnoException);
        return false;
      }
    },
    failure: () =>
      new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
        const done = () => setImmediate(() => resolve(failed));
        if (gone || failed || stream.destroyed) return done();
        stream.write("", done);
      }),
  };
}

/** The one place where the CLI's text reaches its streams: messages lose control sequences on the way. */
export function ioFrom(host: Host, opts: { color?: boolean; quiet?: boolean }): Io {
  const noColor = opts.color === false;
  const colorLevel = colorLevelFor(host.stdout, noColor, host.env);
  return {
    // Reports quote files, plugins and arguments: only the colour the renderers add gets through.
    out: (t) => void host.stdout.write(stripForTerminal(t, colorLevel > 0)),
    // Messages quote file content and names; neither may drive the terminal.
    err: (t) => void host.stderr.write(stripControl(t)),
    colorLevel,
    columns: host.stdout.isTTY ? host.stdout.columns || 80 : 80,
    quiet: !!opts.quiet,
    progress: progressFor(host.stderr, host.env, { quiet: !!opts.quiet, color: colorLevelFor(host.stderr, noColor, host.env) > 0 }),
  };
}
