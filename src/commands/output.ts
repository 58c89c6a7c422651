import { openFileSink, type FileSink } from "../save/write-file.js";
import type { Io } from "./io.js";

/** Where a report goes: stdout, or a file that appears whole or not at all. */
export type Sink = FileSink;

export function openSink(io: Io, output?: string): Sink {
  if (!output) return { write: (t) => io.out(typeof t === "string" ? t : Buffer.from(t).toString("utf8")), commit: () => {}, abort: () => {} };
  return openFileSink(output);
}
