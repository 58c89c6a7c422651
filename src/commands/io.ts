/** What a command writes to: reports and data to `out`, messages to `err` (the CLI strips control sequences from them). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** chalk level for stdout (0 = plain). */
  colorLevel: 0 | 1 | 2 | 3;
  columns: number;
  quiet: boolean;
}
