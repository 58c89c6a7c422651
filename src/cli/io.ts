export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** chalk level for stdout and stderr (0 = plain). */
  colorLevel: 0 | 1 | 2 | 3;
  errColorLevel: 0 | 1 | 2 | 3;
  columns: number;
  quiet: boolean;
}

/** Decides colour once: --no-color and NO_COLOR win, then FORCE_COLOR, then whether the stream is a terminal. */
export function colorLevelFor(stream: NodeJS.WriteStream, noColorFlag: boolean, env = process.env): 0 | 1 | 2 | 3 {
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

export function processIo(opts: { color?: boolean; quiet?: boolean }): Io {
  const noColor = opts.color === false;
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    colorLevel: colorLevelFor(process.stdout, noColor),
    errColorLevel: colorLevelFor(process.stderr, noColor),
    columns: process.stdout.isTTY ? process.stdout.columns || 80 : 80,
    quiet: !!opts.quiet,
  };
}
