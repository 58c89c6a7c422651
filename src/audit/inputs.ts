import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { UsageError } from "../errors.js";

/** Characters that make an argument a pattern rather than a name (when no file has that name). */
const GLOB = /[*?[\]{}]|[@!+]\(/;

/** Whether an argument is a glob for the tool to expand: a shell that quotes it, or Windows, leaves it as typed. */
export function isPattern(input: string): boolean {
  return GLOB.test(input) && !existsSync(input);
}

/** Whether a path is a folder (following links); a missing path is not. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Expands folders to the YAML files directly inside them and quoted globs (`audits/*.yaml`, `**`) to the
 * files they match, each sorted; files pass through. A pattern that matches nothing is a usage error.
 */
export async function expandInputs(inputs: string[], folderFiles: RegExp = /\.ya?ml$/i): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (isPattern(input)) {
      out.push(...(await expandPattern(input)));
      continue;
    }
    // A name the shell passed in another encoding is not missing: say what it is.
    if (input.includes("\ufffd") && !existsSync(input)) throw new UsageError({ key: "errArgNotUtf8", params: { file: input } }, { key: "hintRenameUtf8" });
    // A missing file is reported by the loader, with its name.
    if (!isFolder(input)) {
      out.push(input);
      continue;
    }
    const found = readdirSync(input, { encoding: "buffer" })
      .map((raw) => nameOf(input, raw))
      .filter((f) => folderFiles.test(f))
      .sort()
      .map((f) => join(input, f));
    if (!found.length) throw new UsageError({ key: "errEmptyFolder", params: { folder: input } });
    out.push(...found);
  }
  return out;
}

/** The files a glob matches, sorted, relative as the pattern was (absolute for an absolute one). */
export async function expandPattern(pattern: string): Promise<string[]> {
  // Loaded only for a pattern: scoring named files need not pay for it.
  const { globSync } = await import("tinyglobby");
  // Patterns use '/'; on Windows a path typed with '\' means the same folders.
  const portable = process.platform === "win32" ? pattern.replace(/\\/g, "/") : pattern;
  const found = globSync(portable, { absolute: isAbsolute(pattern), expandDirectories: false, onlyFiles: true, dot: false });
  if (!found.length) throw new UsageError({ key: "errNoMatch", params: { pattern } });
  // Code-point order, as a folder's files are: the same on every platform and locale.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A name in a folder, as text; one in another encoding (Latin-1 from an old archive) cannot be opened by its text. */
function nameOf(folder: string, raw: Buffer): string {
  try {
    return utf8.decode(raw);
  } catch {
    const shown = raw.toString("latin1");
    if (!/\.ya?ml$/i.test(shown)) return shown;
    throw new UsageError({ key: "errFileNameNotUtf8", params: { file: join(folder, raw.toString("utf8")), latin1: join(folder, shown) } }, { key: "hintRenameUtf8" });
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
