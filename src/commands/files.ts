import { readdirSync, realpathSync, renameSync, statSync, writeFileSync, unlinkSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";

/** Expands folders to the YAML files directly inside them, sorted; files pass through. */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      // A missing file is reported by the loader, with its name.
    }
    if (!isDir) {
      out.push(input);
      continue;
    }
    const found = readdirSync(input)
      .filter((f) => /\.ya?ml$/i.test(f))
      .sort()
      .map((f) => join(input, f));
    if (!found.length) throw new UsageError({ key: "errEmptyFolder", params: { folder: input } });
    out.push(...found);
  }
  return out;
}

/** Writes a file atomically: a temporary file beside it, then a rename, so a reader never sees half of it. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text, { encoding: "utf8", flag: "wx" });
    renameSync(tmp, file);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw new UsageError({ key: "errCannotWrite", params: { file, detail: (err as NodeJS.ErrnoException).code ?? (err as Error).message } });
  }
}

/** Refuses an --output that would overwrite one of the inputs (following symlinks). Names are files given to any option. */
export function assertOutputNotInput(output: string, inputs: Array<string | undefined>): void {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const target = real(output);
  if (inputs.some((i) => i !== undefined && real(i) === target)) throw new UsageError({ key: "errOutputIsInput", params: { file: output } });
}
