import * as fs from "node:fs";
import { hostname } from "node:os";
import { dirname, resolve } from "node:path";
import { UsageError } from "../errors.js";

/** Who holds an answers file: written into its lock file, so that a second run can say so. */
interface Holder {
  pid: number;
  host: string;
  since: string;
}

export interface FileLock {
  readonly path: string;
  release(): void;
}

/** A lock file that holds no readable holder yet (being written) is taken as stale after this long. */
const UNREADABLE_STALE_MS = 10_000;

/**
 * Takes `file`'s lock: `<file>.lock`, made with O_EXCL so that of two runs only one gets it. A lock whose
 * process is gone (killed, machine rebooted) is taken over. Own code rather than a lock library: the lock must
 * say who holds it (pid, since when), and holding it for an hour-long interview needs no timer refreshing it.
 */
export function lockFile(file: string): FileLock {
  const path = `${file}.lock`;
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let tries = 0; ; tries++) {
    try {
      const fd = fs.openSync(path, "wx", 0o644);
      try {
        fs.writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        fs.closeSync(fd);
      }
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== "EEXIST" || tries >= 2) throw lockFailure(file, path, err);
      const holder = readHolder(path);
      if (holder && !isStale(holder)) {
        throw new UsageError({ key: "errAnswersLocked", params: { file, pid: holder.pid, since: holder.since } }, { key: "hintAnswersLocked", params: { lock: path } });
      }
      if (!holder && !unreadableLongEnough(path)) {
        throw new UsageError({ key: "errAnswersLocked", params: { file, pid: "?", since: "?" } }, { key: "hintAnswersLocked", params: { lock: path } });
      }
      // Stale: the process that took it is gone. Another run may take it over at the same moment; O_EXCL decides.
      try {
        fs.unlinkSync(path);
      } catch {
        // removed meanwhile by the other run
      }
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off("exit", release);
    // Only our own lock: a run that found ours stale (it cannot be while we live, but clocks and hosts differ) keeps its.
    if (readHolder(path)?.pid !== me.pid) return;
    try {
      fs.unlinkSync(path);
    } catch {
      // gone already
    }
  };
  process.on("exit", release);
  return { path, release };
}

function readHolder(path: string): Holder | undefined {
  try {
    const h = JSON.parse(fs.readFileSync(path, "utf8")) as Partial<Holder>;
    return Number.isInteger(h.pid) && typeof h.since === "string" && typeof h.host === "string" ? (h as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/** A holder on this machine whose process no longer runs. One on another machine (a shared folder) is never stale. */
function isStale(h: Holder): boolean {
  if (h.host !== hostname()) return false;
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function unreadableLongEnough(path: string): boolean {
  try {
    return Date.now() - fs.statSync(path).mtimeMs > UNREADABLE_STALE_MS;
  } catch {
    return true;
  }
}

function lockFailure(file: string, path: string, err: unknown): UsageError {
  const code = (err as NodeJS.ErrnoException).code ?? String(err);
  if (code === "ENOENT" || code === "ENOTDIR") return new UsageError({ key: "errWriteNoFolder", params: { file, folder: dirname(resolve(file)) } });
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return new UsageError({ key: "errWriteNoPermission", params: { file } });
  return new UsageError({ key: "errCannotLock", params: { file, lock: path, detail: code } });
}
