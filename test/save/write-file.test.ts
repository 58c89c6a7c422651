// Everything the tool saves goes through one writer: the old file or the new one, never half of either;
// mode, owner and symlinks kept; devices and FIFOs written into, never replaced; every failure a clear UsageError.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, writeSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { openFileSink, saveFile, type SaveFs } from "../../src/save/write-file.js";

const isRoot = process.getuid?.() === 0;
// Made while the tests are collected, as the tmpfs mounts are decided then too.
const tmp = mkdtempSync(join(tmpdir(), "maturity-audit-save-"));
const mounts: string[] = [];

afterAll(() => {
  for (const m of mounts) spawnSync("umount", [m]);
  rmSync(tmp, { recursive: true, force: true });
});

function folder(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A tmpfs of its own (root only, where the container allows mounting); undefined when it cannot be had. */
function tmpfs(name: string, options: string): string | undefined {
  if (!isRoot) return undefined;
  const dir = folder(name);
  if (spawnSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir]).status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}

/** The error a call throws, so that its key, words and effects can all be checked. */
function failureOf(action: () => void): UsageError {
  try {
    action();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return err as UsageError;
  }
  throw new Error("expected the write to fail");
}

function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".tmp"));
}

/** A file-system call that fails with `code`, as the kernel would. */
function failing(code: string): () => never {
  return () => {
    throw Object.assign(new Error(`${code}: simulated`), { code });
  };
}

describe("a regular file", () => {
  it("is replaced whole and keeps mode 0600", () => {
    const file = join(folder("mode"), "answers.yaml");
    writeFileSync(file, "old\n", { mode: 0o600 });
    chmodSync(file, 0o600);
    saveFile(file, "new\n");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(leftovers(join(tmp, "mode"))).toEqual([]);
  });

  it("keeps a group-writable 0664, which the umask alone would turn into 0644, through a streamed write too", () => {
    const file = join(folder("mode-stream"), "report.md");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o664);
    const sink = openFileSink(file);
    sink.write("# Report\n");
    sink.write("body\n");
    sink.commit();
    expect(readFileSync(file, "utf8")).toBe("# Report\nbody\n");
    expect(statSync(file).mode & 0o777).toBe(0o664);
  });

  it.runIf(isRoot)("keeps its owner and group when written as root", () => {
    const file = join(folder("owner"), "answers.yaml");
    writeFileSync(file, "old\n");
    chownSync(file, 1234, 1234);
    saveFile(file, "new\n");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(statSync(file)).toMatchObject({ uid: 1234, gid: 1234 });
  });

  it("is created with the usual mode when new, and nothing else appears", () => {
    const dir = folder("new");
    saveFile(join(dir, "fresh.yaml"), "kind: answers\n");
    const umask = process.umask();
    expect(statSync(join(dir, "fresh.yaml")).mode & 0o777).toBe(0o666 & ~umask);
    expect(readdirSync(dir)).toEqual(["fresh.yaml"]);
  });
});

describe("a symlink", () => {
  it("stays a link, and the file it points to gets the new content", () => {
    const dir = folder("link");
    mkdirSync(join(dir, "real"));
    writeFileSync(join(dir, "real", "answers.yaml"), "old\n");
    chmodSync(join(dir, "real", "answers.yaml"), 0o600);
    symlinkSync(join("real", "answers.yaml"), join(dir, "current.yaml"));
    saveFile(join(dir, "current.yaml"), "new\n");
    expect(lstatSync(join(dir, "current.yaml")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "current.yaml"))).toBe(join("real", "answers.yaml"));
    expect(readFileSync(join(dir, "real", "answers.yaml"), "utf8")).toBe("new\n");
    expect(statSync(join(dir, "real", "answers.yaml")).mode & 0o777).toBe(0o600);
    expect([...leftovers(dir), ...leftovers(join(dir, "real"))]).toEqual([]);
  });

  it("through a chain of links, and a dangling link creates the file it names", () => {
    const dir = folder("link-chain");
    symlinkSync("b.yaml", join(dir, "a.yaml"));
    symlinkSync("c.yaml", join(dir, "b.yaml"));
    saveFile(join(dir, "a.yaml"), "first\n");
    expect(lstatSync(join(dir, "a.yaml")).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, "b.yaml")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "c.yaml"), "utf8")).toBe("first\n");
  });

  it("with a relative target inside a linked folder is read the way the system reads it", () => {
    const dir = folder("link-in-linked-folder");
    mkdirSync(join(dir, "real", "sub"), { recursive: true });
    symlinkSync(join("..", "target.yaml"), join(dir, "real", "sub", "link.yaml"));
    symlinkSync(join("real", "sub"), join(dir, "alias"));
    saveFile(join(dir, "alias", "link.yaml"), "through two links\n");
    expect(readFileSync(join(dir, "real", "target.yaml"), "utf8")).toBe("through two links\n");
    expect(readdirSync(dir).sort()).toEqual(["alias", "real"]);
  });

  it("that loops is refused with a message naming it", () => {
    const dir = folder("link-loop");
    symlinkSync("y.yaml", join(dir, "x.yaml"));
    symlinkSync("x.yaml", join(dir, "y.yaml"));
    const err = failureOf(() => saveFile(join(dir, "x.yaml"), "text\n"));
    expect(err.phrase?.key).toBe("errWriteLinkLoop");
    expect(err.message).toContain("x.yaml");
    expect(readdirSync(dir).sort()).toEqual(["x.yaml", "y.yaml"]);
  });
});

/**
 * The device to write to. As root a broken writer could replace the machine's own /dev/null, so root gets a
 * private node of the same device (where the file system allows device nodes); anyone else uses the real one.
 */
function device(name: "null" | "full"): string {
  if (!isRoot) return `/dev/${name}`;
  const node = join(folder("devices"), name);
  const made = spawnSync("mknod", [node, "c", "1", name === "null" ? "3" : "7"]).status === 0;
  if (!made || spawnSync("sh", ["-c", `: > ${node}`]).status !== 0) return "";
  return node;
}

describe("devices and FIFOs are written into, never replaced", () => {
  const devNull = device("null");
  const devFull = device("full");

  it.runIf(devNull !== "")("/dev/null stays a character device", () => {
    saveFile(devNull, "a report nobody keeps\n");
    const sink = openFileSink(devNull);
    sink.write("streamed");
    sink.commit();
    expect(lstatSync(devNull).isCharacterDevice()).toBe(true);
  });

  it("a FIFO with a reader receives the text and stays a FIFO", async () => {
    const fifo = join(folder("fifo"), "report.pipe");
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("cat", [fifo], { stdio: ["ignore", "pipe", "inherit"] });
    let received = "";
    reader.stdout.setEncoding("utf8").on("data", (d: string) => (received += d));
    const done = new Promise<number | null>((resolve) => reader.on("close", resolve));
    try {
      const sink = openFileSink(fifo);
      sink.write("line 1\n");
      sink.write("line 2\n");
      sink.commit();
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(await done).toBe(0);
      expect(received).toBe("line 1\nline 2\n");
    } finally {
      reader.kill("SIGKILL");
    }
  });

  it.runIf(devFull !== "")("/dev/full says the disk is full, and stays a device", () => {
    const err = failureOf(() => saveFile(devFull, "{}\n"));
    expect(err.phrase?.key).toBe("errDiskFull");
    expect(err.message).toBe(`cannot write ${devFull}: the disk is full`);
    expect(err.exitCode).toBe(2);
    expect(lstatSync(devFull).isCharacterDevice()).toBe(true);
  });
});

describe("a full disk or an I/O error", () => {
  const OLD = "kind: answers\nversion: 1\nrespondent: Kept\n";

  function prepared(name: string): { dir: string; file: string } {
    const dir = folder(name);
    const file = join(dir, "report.json");
    writeFileSync(file, OLD);
    return { dir, file };
  }

  /** A write that puts some bytes down, then meets a full disk. */
  function fullAfter(bytes: number, code = "ENOSPC"): Pick<SaveFs, "writeSync"> {
    let written = 0;
    return {
      writeSync(fd, buffer, offset, length) {
        if (written >= bytes) failing(code)();
        const n = writeSync(fd, buffer, offset, Math.min(length, bytes - written));
        written += n;
        return n;
      },
    };
  }

  it("in the middle of a write leaves the old file byte-identical, no temporary file, and says the disk is full", () => {
    const { dir, file } = prepared("enospc");
    const err = failureOf(() => saveFile(file, JSON.stringify({ big: "x".repeat(100_000) }), { fs: fullAfter(4096) }));
    expect(err.phrase?.key).toBe("errDiskFull");
    expect(err.message).toContain(file);
    expect(err.suggests()).toBe(`${file} is as it was before.`);
    expect(readFileSync(file, "utf8")).toBe(OLD);
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });

  it("over quota (EDQUOT) while streaming, the old file stays and nothing is left", () => {
    const { dir, file } = prepared("edquot");
    const sink = openFileSink(file, { fs: fullAfter(10, "EDQUOT") });
    sink.write("[");
    const err = failureOf(() => sink.write('{"a":1},'.repeat(100)));
    sink.abort();
    expect(err.phrase?.key).toBe("errDiskFull");
    expect(readFileSync(file, "utf8")).toBe(OLD);
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });

  it("at fsync or rename, the old file stays and nothing is left", () => {
    for (const [step, code, key] of [
      ["fsyncSync", "EIO", "errWriteIo"],
      ["renameSync", "ENOSPC", "errDiskFull"],
      ["closeSync", "EDQUOT", "errDiskFull"],
    ] as const) {
      const { dir, file } = prepared(`fail-${step}`);
      const err = failureOf(() => saveFile(file, "new\n", { fs: { [step]: failing(code) } }));
      expect(err.phrase?.key, step).toBe(key);
      expect(readFileSync(file, "utf8"), step).toBe(OLD);
      expect(readdirSync(dir), step).toEqual(["report.json"]);
    }
  });

  const small = tmpfs("tiny-disk", "size=64k");
  it.runIf(small !== undefined)("on a real 64 KiB disk: the old report stays valid and no temporary file is left", () => {
    const file = join(small!, "report.json");
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, score: 38 }));
    const err = failureOf(() => saveFile(file, JSON.stringify({ schemaVersion: 1, notes: "n".repeat(200_000) })));
    expect(err.phrase?.key).toBe("errDiskFull");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ schemaVersion: 1, score: 38 });
    expect(readdirSync(small!)).toEqual(["report.json"]);
  });
});

describe("a target that cannot be written", () => {
  it("a folder is a UsageError naming it, and stays empty", () => {
    const dir = folder("onto-folder");
    mkdirSync(join(dir, "taken.yaml"));
    const err = failureOf(() => saveFile(join(dir, "taken.yaml"), "text\n"));
    expect(err.phrase?.key).toBe("errWriteFolder");
    expect(err.message).toBe(`cannot write ${join(dir, "taken.yaml")}: it is a folder`);
    expect(readdirSync(join(dir, "taken.yaml"))).toEqual([]);
    expect(readdirSync(dir)).toEqual(["taken.yaml"]);
  });

  it("a missing parent folder is named, and nothing is created", () => {
    const dir = folder("missing-parent");
    const err = failureOf(() => saveFile(join(dir, "nowhere", "answers.yaml"), "text\n"));
    expect(err.phrase?.key).toBe("errWriteNoFolder");
    expect(err.message).toBe(`cannot write ${join(dir, "nowhere", "answers.yaml")}: there is no folder ${join(dir, "nowhere")}`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a parent that is a file is named like a missing folder", () => {
    const dir = folder("parent-is-file");
    writeFileSync(join(dir, "plain"), "");
    const err = failureOf(() => saveFile(join(dir, "plain", "answers.yaml"), "text\n"));
    expect(err.phrase?.key).toBe("errWriteNoFolder");
  });

  // Root ignores permission bits, so as root the read-only folder is a read-only mount.
  const readOnly = isRoot ? tmpfs("read-only", "ro,size=16k") : folder("read-only");
  it.runIf(readOnly !== undefined)("a read-only folder is a UsageError naming the file, and the folder stays empty", () => {
    if (!isRoot) chmodSync(readOnly!, 0o555);
    try {
      const err = failureOf(() => saveFile(join(readOnly!, "answers.yaml"), "text\n"));
      expect(isRoot ? "errWriteReadOnly" : "errWriteNoPermission").toBe(err.phrase?.key);
      expect(err.message).toContain(join(readOnly!, "answers.yaml"));
      expect(err.exitCode).toBe(2);
      expect(readdirSync(readOnly!)).toEqual([]);
    } finally {
      if (!isRoot) chmodSync(readOnly!, 0o755);
    }
  });
});

describe("streaming", () => {
  it("shows readers the old file until commit, then the whole new one", () => {
    const dir = folder("stream-commit");
    const file = join(dir, "report.md");
    writeFileSync(file, "old report\n");
    const sink = openFileSink(file);
    for (let i = 0; i < 1000; i++) sink.write(`| row ${i} | ${"x".repeat(50)} |\n`);
    expect(readFileSync(file, "utf8")).toBe("old report\n");
    sink.commit();
    const text = readFileSync(file, "utf8");
    expect(text.split("\n")).toHaveLength(1001);
    expect(text.endsWith("| row 999 | " + "x".repeat(50) + " |\n")).toBe(true);
    expect(readdirSync(dir)).toEqual(["report.md"]);
  });

  it("on abort leaves the old file as it was, or no file at all when there was none", () => {
    const dir = folder("stream-abort");
    writeFileSync(join(dir, "old.md"), "old report\n");
    for (const name of ["old.md", "new.md"]) {
      const sink = openFileSink(join(dir, name));
      sink.write("half a report");
      sink.abort();
      sink.abort();
    }
    expect(readdirSync(dir)).toEqual(["old.md"]);
    expect(readFileSync(join(dir, "old.md"), "utf8")).toBe("old report\n");
  });

  it("refuses to write after commit, rather than lose the text silently", () => {
    const file = join(folder("stream-closed"), "report.md");
    const sink = openFileSink(file);
    sink.write("done\n");
    sink.commit();
    expect(() => sink.write("more")).toThrow(/already closed/);
    expect(readFileSync(file, "utf8")).toBe("done\n");
  });
});
