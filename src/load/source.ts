import { readFileSync, statSync } from "node:fs";
import { InvalidInputError, fileProblem } from "../errors.js";
import { type Phrase } from "../i18n/phrase.js";

/** Hand-written audit files are small; anything bigger is a mistake or an attack. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

function fail(file: string, key: Phrase["key"], params?: Phrase["params"]): never {
  throw new InvalidInputError([fileProblem(file, key, params)]);
}

/** Reads a text file defensively: existence, type, size, encoding. */
export function readSource(file: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) fail(file, "errIsFolder");
    if (!st.isFile()) fail(file, "errNotRegularFile");
    size = st.size;
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    fail(file, code === "ENOENT" ? "errNoSuchFile" : "errCannotRead", { code: code ?? "?" });
  }
  if (size > MAX_FILE_BYTES) {
    fail(file, "errTooBig", { size: (size / 1024 / 1024).toFixed(1), limit: MAX_FILE_BYTES / 1024 / 1024 });
  }
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fail(file, code === "EACCES" ? "errPermissionDenied" : "errCannotRead", { code: code ?? "?" });
  }
  if (buf.includes(0)) fail(file, "errBinary");
  let text = buf.toString("utf8");
  if (text.includes("\uFFFD")) fail(file, "errNotUtf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}
