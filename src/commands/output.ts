import { closeSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError } from "../errors.js";
import { type Io } from "./io.js";

/** Where a report goes: stdout, or a file that appears whole or not at all (a temporary file, renamed at the end). */
export interface Sink {
  write(text: string): void;
  commit(): void;
  abort(): void;
}

export function openSink(io: Io, output?: string): Sink {
  if (!output) return { write: (t) => io.out(t), commit: () => {}, abort: () => {} };
  const tmp = join(dirname(output), `.${basename(output)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, "wx");
  } catch (err) {
    throw new UsageError({ key: "errCannotWrite", params: { file: output, detail: (err as NodeJS.ErrnoException).code ?? (err as Error).message } });
  }
  let open = true;
  const close = () => {
    if (open) (closeSync(fd), (open = false));
  };
  return {
    write: (t) => void writeSync(fd, t),
    commit: () => {
      close();
      renameSync(tmp, output);
    },
    abort: () => {
      close();
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
    },
  };
}
