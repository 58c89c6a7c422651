import { readFileSync, statSync } from "node:fs";
import { InvalidInputError } from "../errors.js";

/** Hand-written audit files are small; anything bigger is a mistake or an attack. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

function fail(file: string, message: string): never {
  throw new InvalidInputError([{ file, message, severity: "error" }]);
}

/** Reads a text file defensively: existence, type, size, encoding. */
export function readSource(file: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) fail(file, "is a folder, not a file");
    if (!st.isFile()) fail(file, "is not a regular file");
    size = st.size;
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    fail(file, code === "ENOENT" ? "no such file" : `cannot be read (${code ?? "unknown error"})`);
  }
  if (size > MAX_FILE_BYTES) {
    fail(file, `is ${(size / 1024 / 1024).toFixed(1)} MiB; audit files are limited to ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
  }
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fail(file, code === "EACCES" ? "cannot be read: permission denied" : `cannot be read (${code ?? "unknown error"})`);
  }
  if (buf.includes(0)) fail(file, "is a binary file, not YAML text");
  let text = buf.toString("utf8");
  if (text.includes("\uFFFD")) fail(file, "is not valid UTF-8 text");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}
