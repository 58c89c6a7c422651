import * as nodeFs from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { type Phrase } from "../i18n/phrase.js";

/** The file-system calls the writer makes; a test swaps one to make the disk fail at a chosen moment. */
export interface SaveFs {
  lstatSync(path: string): nodeFs.Stats;
  statSync(path: string): nodeFs.Stats;
  readlinkSync(path: string): string;
  openSync(path: string, flags: string | number, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

export interface SaveOptions {
  fs?: Partial<SaveFs>;
}

/** A file being written: chunks, then `commit` (the file appears whole) or `abort` (nothing is left behind). */
export interface FileSink {
  write(text: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}

/** Where the bytes go: a temporary file renamed over `path`, or straight into a device, FIFO or descriptor. */
type Place = { how: "replace"; path: string; old?: nodeFs.Stats } | { how: "through"; path: string; append: boolean };

const MAX_LINKS = 40;
let sequence = 0;

/** Saves a whole text: the old file stays as it was unless the new one is complete on disk. */
export function saveFile(file: string, text: string | Uint8Array, options: SaveOptions = {}): void {
  const sink = openFileSink(file, options);
  try {
    sink.write(text);
  } catch (err) {
    sink.abort();
    throw err;
  }
  sink.commit();
}

/**
 * Saves several files as one: every place is opened (its folder found, a temporary file made) before any is
 * written, so that a bad last name leaves the first file as it was; then all are written, then all renamed.
 */
export function saveFiles(files: Array<{ file: string; text: string | Uint8Array }>, options: SaveOptions = {}): void {
  const sinks: FileSink[] = [];
  try {
    for (const f of files) sinks.push(openFileSink(f.file, options));
    files.forEach((f, i) => sinks[i]!.write(f.text));
  } catch (err) {
    for (const s of sinks) s.abort();
    throw err;
  }
  for (const s of sinks) s.commit();
}

/**
 * Opens `file` for writing in chunks. A regular (or new) file is written beside itself and renamed over
 * the old one on commit, keeping its mode and owner; a symlink stays and what it points to is replaced;
 * a terminal, /dev/null, a FIFO or a descriptor such as /dev/stdout is written into, never replaced.
 */
export function openFileSink(file: string, options: SaveOptions = {}): FileSink {
  const fs: SaveFs = { ...nodeFs, ...options.fs } as SaveFs;
  const place = locate(fs, file);
  return place.how === "through" ? openThrough(fs, file, place) : openReplace(fs, file, place);
}

/** Follows symlinks one link at a time, so that a dangling link still names the file to create. */
function locate(fs: SaveFs, file: string): Place {
  let path = resolve(file);
  for (let links = 0; ; links++) {
    let st: nodeFs.Stats;
    try {
      st = fs.lstatSync(path);
    } catch (err) {
      if (codeOf(err) === "ENOENT") return { how: "replace", path };
      throw failure(file, err);
    }
    if (st.isSymbolicLink()) {
      if (links >= MAX_LINKS) throw new UsageError({ key: "errWriteLinkLoop", params: { file } });
      // /proc links name open descriptors (pipes, a terminal, a file opened by the shell), not paths.
      if (path.startsWith("/proc/")) return throughDescriptor(fs, file);
      // The kernel reads a relative link from the folder it really sits in, which matters when that folder is a link.
      path = resolve(realFolder(dirname(path)), readLink(fs, file, path));
      continue;
    }
    return placeOf(file, path, st, false);
  }
}

function realFolder(folder: string): string {
  try {
    return nodeFs.realpathSync(folder);
  } catch {
    return folder;
  }
}

function readLink(fs: SaveFs, file: string, path: string): string {
  try {
    return fs.readlinkSync(path);
  } catch (err) {
    throw failure(file, err);
  }
}

function throughDescriptor(fs: SaveFs, file: string): Place {
  let st: nodeFs.Stats;
  try {
    st = fs.statSync(file);
  } catch (err) {
    throw failure(file, err);
  }
  return placeOf(file, file, st, true);
}

function placeOf(file: string, path: string, st: nodeFs.Stats, descriptor: boolean): Place {
  if (st.isDirectory()) throw new UsageError({ key: "errWriteFolder", params: { file } });
  if (st.isSocket()) throw new UsageError({ key: "errWriteSocket", params: { file } });
  // A report written over a disk would destroy it; no one means that.
  if (st.isBlockDevice()) throw new UsageError({ key: "errWriteBlockDevice", params: { file } });
  if (st.isFIFO() || st.isCharacterDevice()) return { how: "through", path, append: false };
  // A file the shell opened for this process (--output /dev/stdout > file): add to it, as the shell's stream would.
  if (descriptor) return { how: "through", path, append: true };
  return { how: "replace", path, old: st };
}

function openThrough(fs: SaveFs, file: string, place: Extract<Place, { how: "through" }>): FileSink {
  // No O_CREAT: if the device went away meanwhile, fail rather than leave a regular file in its place.
  const flags = nodeFs.constants.O_WRONLY | (place.append ? nodeFs.constants.O_APPEND : 0);
  let fd: number;
  try {
    fd = fs.openSync(place.path, flags);
  } catch (err) {
    throw failure(file, err);
  }
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    fs.closeSync(fd);
  };
  return {
    write(text) {
      if (!open) throw new Error(`${file} is already closed`);
      try {
        writeAll(fs, fd, text);
      } catch (err) {
        closeQuietly(close);
        throw failure(file, err);
      }
    },
    commit() {
      if (!open) throw new Error(`${file} is already closed`);
      try {
        close();
      } catch (err) {
        throw failure(file, err);
      }
    },
    abort: () => closeQuietly(close),
  };
}

function openReplace(fs: SaveFs, file: string, place: Extract<Place, { how: "replace" }>): FileSink {
  const folder = dirname(place.path);
  const { old } = place;
  const unchanged = old ? { key: "hintFileUnchanged" as const, params: { file } } : undefined;
  let tmp = "";
  let fd = -1;
  for (let tries = 0; ; tries++) {
    tmp = join(folder, `.${basename(place.path)}.${process.pid}.${Date.now()}${String(sequence++ % 1000).padStart(3, "0")}.tmp`);
    try {
      fd = fs.openSync(tmp, "wx", old ? old.mode & 0o777 : 0o666);
      break;
    } catch (err) {
      if (codeOf(err) !== "EEXIST" || tries >= 100) throw failure(file, err, folder, unchanged);
    }
  }
  let state: "open" | "closed" | "done" = "open";
  const cleanUp = () => {
    if (state === "open") closeQuietly(() => fs.closeSync(fd));
    if (state !== "done") {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
    state = "done";
  };
  const guarded = (step: () => void) => {
    try {
      step();
    } catch (err) {
      cleanUp();
      throw failure(file, err, folder, unchanged);
    }
  };
  if (old) keepOwnerAndMode(fs, fd, old);
  return {
    write(text) {
      if (state !== "open") throw new Error(`${file} is already closed`);
      guarded(() => writeAll(fs, fd, text));
    },
    commit() {
      if (state !== "open") throw new Error(`${file} is already closed`);
      guarded(() => {
        // On disk before the rename, or a crash could leave the new name on an empty file.
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        state = "closed";
        fs.renameSync(tmp, place.path);
        state = "done";
      });
      syncFolder(fs, folder);
    },
    abort: cleanUp,
  };
}

/**
 * The new file gets the old one's owner and mode; owner first, as chown can clear set-id bits. Both are best
 * effort: a user keeps the group only if they belong to it, and some file systems (FAT) keep neither. The file
 * was opened with the old mode already, so a failure never makes it more readable than before.
 */
function keepOwnerAndMode(fs: SaveFs, fd: number, old: nodeFs.Stats): void {
  try {
    if (process.getuid?.() === 0) fs.fchownSync(fd, old.uid, old.gid);
    else if (old.gid !== process.getgid?.()) fs.fchownSync(fd, -1, old.gid);
  } catch {
    // the file becomes the writer's, as with any editor
  }
  try {
    fs.fchmodSync(fd, old.mode & 0o7777);
  } catch {
    // see above
  }
}

/** Makes the rename itself durable; some file systems cannot sync a folder, which costs nothing but that. */
function syncFolder(fs: SaveFs, folder: string): void {
  let fd = -1;
  try {
    fd = fs.openSync(folder, "r");
    fs.fsyncSync(fd);
  } catch {
    // the file is saved either way
  } finally {
    if (fd >= 0) closeQuietly(() => fs.closeSync(fd));
  }
}

function writeAll(fs: SaveFs, fd: number, text: string | Uint8Array): void {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}

function closeQuietly(close: () => void): void {
  try {
    close();
  } catch {
    // the write already failed; that is the error to report
  }
}

function codeOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** The error a failed write of `file` (or "stdout") is reported with: one message naming it. */
export function describeWriteFailure(file: string, err: unknown): UsageError {
  return failure(file, err);
}

/** Puts a failed system call into words that name the file and say what the user can do. */
function failure(file: string, err: unknown, folder = dirname(resolve(file)), hint?: Phrase): UsageError {
  const code = codeOf(err);
  const params = { file };
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return new UsageError({ key: "errDiskFull", params }, hint);
    case "EIO":
      return new UsageError({ key: "errWriteIo", params }, hint);
    case "ENAMETOOLONG":
      return new UsageError({ key: "errWriteNameTooLong", params });
    case "EISDIR":
      return new UsageError({ key: "errWriteFolder", params });
    case "ENOENT":
    case "ENOTDIR":
      return new UsageError({ key: "errWriteNoFolder", params: { file, folder } });
    case "EACCES":
    case "EPERM":
      return new UsageError({ key: "errWriteNoPermission", params }, hint);
    case "EROFS":
      return new UsageError({ key: "errWriteReadOnly", params }, hint);
    case "ELOOP":
      return new UsageError({ key: "errWriteLinkLoop", params });
    case "EPIPE":
      return new UsageError({ key: "errWriteReaderGone", params });
    default:
      return new UsageError({ key: "errCannotWrite", params: { file, detail: code ?? (err as Error)?.message ?? String(err) } }, hint);
  }
}
