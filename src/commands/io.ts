/** What a command writes to: reports and data to `out`, messages to `err` (the CLI strips control sequences from them). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** chalk level for stdout (0 = plain). */
  colorLevel: 0 | 1 | 2 | 3;
  columns: number;
  quiet: boolean;
  /** Starts a count of `total` items, shown on a terminal once the work takes over a second; absent, nothing shows. */
  progress?(total: number, say: (n: number, total: number) => string): Progress;
}

/** A count of work done. `tick` after each item, and await what it returns: now and then it gives way for the count to show. */
export interface Progress {
  tick(): Promise<void> | undefined;
  done(): void;
}

/** The command's count, or one that does nothing. */
export function startProgress(io: Io, total: number, say: (n: number, total: number) => string): Progress {
  return io.progress?.(total, say) ?? { tick: () => undefined, done: () => {} };
}

/** What every command that reads answer files is given: the files, how to resolve and word them, where the output goes. */
export interface FileCommandOptions {
  files: string[];
  questionnaire?: string;
  rubric?: string;
  lang?: string;
  output?: string;
  /** Today, YYYY-MM-DD, for the lag estimate of undated answers. */
  today: string;
}
