import { readdirSync, realpathSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { saveFile } from "../save/write-file.js";

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

/** Saves a whole file through the one writer: atomic, keeping mode, owner and symlinks, never replacing a device. */
export function writeFileAtomic(file: string, text: string): void {
  saveFile(file, text);
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
