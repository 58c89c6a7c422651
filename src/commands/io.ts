/** What a command writes to: reports and data to `out`, messages to `err` (the CLI strips control sequences from them). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** chalk level for stdout (0 = plain). */
  colorLevel: 0 | 1 | 2 | 3;
  columns: number;
  quiet: boolean;
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
