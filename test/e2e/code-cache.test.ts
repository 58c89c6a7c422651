// The launcher keeps a V8 code cache in the user's cache folder. Whatever is found there (nothing, a damaged file,
// one made from another bundle or with other flags) may cost compile time, never a changed or missing output.
import { execFile, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Script } from "node:vm";
import { crc32 } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BIN, REPO_ROOT } from "../helpers/cli.js";

vi.setConfig({ testTimeout: 120_000 });

/** Node 22.10 and later keep the cache themselves (module.enableCompileCache), in a format of their own. */
const NODE_OWN_CACHE = typeof (Module as unknown as { flushCompileCache?: unknown }).flushCompileCache === "function";

// score runs the most of the bundle's code; --help and --version are read through the same cache, by the same code.
const COMMANDS = [["score", "test/fixtures/mixed-regional-shop.yaml"]];

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

let root: string;
const fresh = (name: string) => mkdtempSync(join(root, `${name}-`));

/** One run of the CLI; runs are spawned side by side, so that a test's waits overlap with the machine's other work. */
function run(bin: string, args: string[], cacheHome: string, env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", NODE_OPTIONS: "", XDG_CACHE_HOME: cacheHome, ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const status = err ? (typeof err.code === "number" ? err.code : null) : 0;
        if (err && status === null) reject(err);
        else resolve({ status, stdout, stderr });
      },
    );
  });
}
/** Each command once; they keep their cache in files of their own, so they may run at the same time. */
const runAll = (bin: string, cacheHome: string, env: Record<string, string> = {}) => Promise.all(COMMANDS.map((args) => run(bin, args, cacheHome, env)));

/** Every file under a folder, with its content. */
function filesIn(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

/** A new cache folder holding what another one holds. */
function copyOf(home: string): string {
  const copy = fresh("copy");
  cpSync(home, copy, { recursive: true });
  return copy;
}

/** A copy of the installed package whose bundle has a same-length edit in the text of --help. */
function editedPackage(): string {
  const dir = join(root, "edited-package");
  mkdirSync(join(dir, "bin"), { recursive: true });
  mkdirSync(join(dir, "dist", "bin"), { recursive: true });
  copyFileSync(BIN, join(dir, "bin", "maturity-audit.cjs"));
  const source = readFileSync(join(REPO_ROOT, "dist", "bin", "cli.cjs"), "utf8");
  expect(source).toContain("Strongest answers");
  writeFileSync(join(dir, "dist", "bin", "cli.cjs"), source.replace("Strongest answers", "STRONGEST answers"));
  copyFileSync(join(REPO_ROOT, "dist", "bin", "plugin-worker.js"), join(dir, "dist", "bin", "plugin-worker.js"));
  for (const shared of ["questions", "scoring", "benchmarks", "package.json"]) symlinkSync(join(REPO_ROOT, shared), join(dir, shared));
  symlinkSync(join(REPO_ROOT, "dist", "bundled"), join(dir, "dist", "bundled"));
  return join(dir, "bin", "maturity-audit.cjs");
}

let expected: Outcome[];
/** The cache folder that the runs of `expected` filled. */
let filled: string;
let edited: string;
let editedExpected: Outcome[];
let editedFilled: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "ma-cache-"));
  filled = fresh("filled");
  edited = editedPackage();
  editedFilled = fresh("edited");
  [expected, editedExpected] = await Promise.all([runAll(BIN, filled), runAll(edited, editedFilled)]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.concurrent("the code cache", () => {
  it("gives the normal output with no cache, then with the one the first run wrote to the user's cache folder", async () => {
    expect(expected.map((e) => e.status)).toEqual([0]);
    expect(expected[0]!.stdout).toContain("40/100");
    expect(filesIn(filled).size).toBeGreaterThan(0);
    expect([...filesIn(filled).keys()].every((f) => f.startsWith(join(filled, "maturity-audit")))).toBe(true);
    expect(await runAll(BIN, filled)).toEqual(expected);
  });

  it("is kept in ~/.cache/maturity-audit when XDG_CACHE_HOME is unset or relative", async () => {
    const home = fresh("home");
    for (const xdg of ["", "relative/cache"]) expect(await run(BIN, COMMANDS[0]!, xdg, { HOME: home })).toEqual(expected[0]);
    expect(filesIn(join(home, ".cache", "maturity-audit")).size).toBeGreaterThan(0);
    expect(readdirSync(home)).toEqual([".cache"]);
  });

  it("without any cache folder to be had (XDG_CACHE_HOME is a file), the output is the same", async () => {
    const file = join(fresh("file"), "not-a-folder");
    writeFileSync(file, "");
    expect(await runAll(BIN, file)).toEqual(expected);
    expect(readFileSync(file, "utf8")).toBe("");
  });

  const damage: Array<[string, (data: Buffer) => Buffer]> = [
    ["one byte flipped in the middle", (d) => ((d[d.length >> 1]! ^= 0x20), d)],
    ["one byte flipped at the end", (d) => ((d[d.length - 1]! ^= 0x80), d)],
    ["truncated to half", (d) => d.subarray(0, d.length >> 1)],
    ["empty", () => Buffer.alloc(0)],
  ];
  for (const [name, spoil] of damage) {
    it(`a cache file ${name} gives the normal output, and so does the next run`, async () => {
      const home = copyOf(filled);
      for (const [file, data] of filesIn(home)) writeFileSync(file, spoil(Buffer.from(data)));
      expect(await runAll(BIN, home)).toEqual(expected);
      // The damaged file was replaced by a good one, which the next run takes.
      expect(await runAll(BIN, home)).toEqual(expected);
    });
  }

  it("a cache made from another bundle of the same length is not used for this one", async () => {
    expect(editedExpected[0]!.stdout).toContain("STRONGEST answers");
    expect(editedExpected[0]!.stdout.replace("STRONGEST", "Strongest")).toBe(expected[0]!.stdout);
    // One cache folder, used first by the original bundle, then by the edited one, and back.
    const home = copyOf(filled);
    expect(await runAll(edited, home)).toEqual(editedExpected);
    expect(await runAll(BIN, home)).toEqual(expected);
  });

  it.skipIf(NODE_OWN_CACHE)("a cache of the original bundle put under the edited bundle's name is not used for it", async () => {
    const home = copyOf(editedFilled);
    // Each command has a file of its own, named after the command: give each the original bundle's cache.
    const commandOf = (file: string) => file.split("/").pop()!.split("-")[0];
    const original = [...filesIn(filled)];
    for (const file of filesIn(home).keys()) {
      const stale = original.find(([f]) => commandOf(f) === commandOf(file));
      expect(stale).toBeDefined();
      writeFileSync(file, stale![1]);
    }
    expect(await runAll(edited, home)).toEqual(editedExpected);
  });

  it.skipIf(NODE_OWN_CACHE)("a foreign cache behind a valid header (other flags, another script) is refused by V8 and replaced", async () => {
    const flaggedHome = fresh("flagged");
    await runAll(BIN, flaggedHome, { NODE_OPTIONS: "--max-old-space-size=64" });
    const flagged = filesIn(flaggedHome);
    const other = new Script("1 + 1").createCachedData();
    for (const foreign of [[...flagged.values()][0]!.subarray(16), other]) {
      const home = copyOf(filled);
      for (const [file, data] of filesIn(home)) {
        // "MACACHE1", then the key's CRC-32 taken from the good file, then a CRC-32 that fits the foreign data.
        const header = Buffer.from(data.subarray(0, 16));
        header.writeUInt32BE(crc32(foreign), 12);
        writeFileSync(file, Buffer.concat([header, foreign]));
      }
      expect(await runAll(BIN, home)).toEqual(expected);
      for (const data of filesIn(home).values()) expect(data.subarray(16).equals(foreign)).toBe(false);
    }
  });

  it("NODE_OPTIONS=--max-old-space-size=64 gives the normal output, and alternating runs leave each other's cache alone", async () => {
    const home = copyOf(filled);
    const flags = { NODE_OPTIONS: "--max-old-space-size=64" };
    expect(await runAll(BIN, home, flags)).toEqual(expected);
    const stamps = () => [...filesIn(home).keys()].map((f) => `${f} ${statSync(f).mtimeMs} ${statSync(f).ino}`).sort();
    const before = stamps();
    expect(before.length).toBeGreaterThan(filesIn(filled).size);
    expect(await runAll(BIN, home)).toEqual(expected);
    expect(await runAll(BIN, home, flags)).toEqual(expected);
    expect(stamps()).toEqual(before);
  });

  it.skipIf(NODE_OWN_CACHE)("a FIFO or a folder where a cache file would be neither hangs the run nor is replaced", async () => {
    const home = copyOf(filled);
    const files = [...filesIn(home).keys()];
    for (const [i, file] of files.entries()) {
      rmSync(file);
      if (i % 2) mkdirSync(file);
      else expect(spawnSync("mkfifo", [file]).status).toBe(0);
    }
    expect(await runAll(BIN, home)).toEqual(expected);
    for (const [i, file] of files.entries()) expect(i % 2 ? statSync(file).isDirectory() : statSync(file).isFIFO()).toBe(true);
  });
});
