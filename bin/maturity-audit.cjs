#!/usr/bin/env node
// Checks the runtime, then runs the bundled CLI with a V8 code cache kept in the user's cache folder: without it,
// compiling the bundle is most of what a command spends beyond starting Node.
// CommonJS on purpose: an ES module entry costs Node's module loader more start-up time than this whole file.
// Written for old Node too (no ?? or ?.), so that an old one gets the message below and not a syntax error.
"use strict";
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`maturity-audit needs Node.js 20.19 or newer; this is ${process.versions.node}. Install a current Node.js from nodejs.org.\n`);
  process.exitCode = 2;
} else {
  const { join } = require("node:path");
  const file = join(__dirname, "..", "dist", "bin", "cli.cjs");
  const folder = cacheFolder();
  const Module = require("node:module");
  let cli;
  let saveCache;
  if (typeof Module.flushCompileCache === "function") {
    // Node's own cache checks source and data and writes through a temporary file (since 22.10, with flushCompileCache).
    if (folder) {
      try {
        Module.enableCompileCache(join(folder, "node"));
      } catch {
        // no cache: compile as usual
      }
    }
    cli = require(file);
  } else {
    ({ cli, saveCache } = loadWithCodeCache(file, folder));
  }
  cli.main(process.argv).then((code) => {
    process.exitCode = code;
    if (saveCache) saveCache();
  });
}

/** The user's cache folder for this tool, or undefined when there is none to be had. */
function cacheFolder() {
  const { isAbsolute, join } = require("node:path");
  // The XDG spec says to ignore a relative path.
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, "maturity-audit");
  let home = "";
  try {
    home = require("node:os").homedir();
  } catch {
    // no home folder: no cache
  }
  return home && isAbsolute(home) ? join(home, ".cache", "maturity-audit") : undefined;
}

/**
 * Compiles the bundle with a cache made by an earlier run of the same command, and offers to save one when there
 * was none or V8 refused it. V8 checks little itself (a cache damaged in place can be taken and crash the process;
 * it tells sources apart by their length only), so a cache file is
 *   "MACACHE1" | CRC-32 of its key | CRC-32 of the data | V8's data
 * and is used only when both match, as Node's own compile cache does. The key holds the source's CRC, Node's and
 * V8's versions and the flags, so that runs with other flags keep their own file instead of replacing another's.
 * CRC-32, because zlib loads in half the time of node:crypto and nothing here is a secret: whoever can write the
 * cache folder can write the user's shell profile too.
 */
function loadWithCodeCache(file, folder) {
  const { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } = require("node:fs");
  const { crc32 } = require("node:zlib");
  const { dirname, join } = require("node:path");
  const { Script } = require("node:vm");
  const Module = require("node:module");
  const MAGIC = Buffer.from("MACACHE1");
  const HEADER = MAGIC.length + 8;

  const source = readFileSync(file);
  // Each command compiles its own share of the bundle; --version and --help a small one.
  const first = process.argv[2] === undefined ? "run" : process.argv[2];
  const command = /^-{0,2}[a-z][a-z-]{0,19}$/.test(first) ? first.replace(/^-+/, "") : "other";
  const key = crc32(JSON.stringify([crc32(source), source.length, process.version, process.versions.v8, process.arch, process.execArgv, process.env.NODE_OPTIONS || "", command]));
  const cacheFile = folder && join(folder, `${command}-${key.toString(16).padStart(8, "0")}.v8cache`);

  let cachedData;
  if (cacheFile) {
    let fd;
    try {
      // Only a regular file: opening or reading a FIFO put in its place would wait for ever.
      fd = openSync(cacheFile, constants.O_RDONLY | constants.O_NONBLOCK);
      if (fstatSync(fd).isFile()) {
        const buf = readFileSync(fd);
        const data = buf.subarray(HEADER);
        const fits = buf.length > HEADER && buf.subarray(0, MAGIC.length).equals(MAGIC) && buf.readUInt32BE(MAGIC.length) === key;
        if (fits && buf.readUInt32BE(MAGIC.length + 4) === crc32(data)) cachedData = data;
      }
    } catch {
      // no cache yet, or unreadable: compile as usual
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  const script = new Script(Module.wrap(source.toString("utf8")), { filename: file, cachedData });
  const cli = { exports: {} };
  script.runInThisContext()(cli.exports, Module.createRequire(file), cli, file, dirname(file));

  const saveCache = () => {
    if (!cacheFile || (cachedData && !script.cachedDataRejected)) return;
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      // Never replace what is not a cache file of ours (a link, a FIFO, a folder).
      const existing = lstatSync(cacheFile, { throwIfNoEntry: false });
      if (existing && !existing.isFile()) return;
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      // Called after the command, the data holds every function the command compiled, not only the top level.
      const data = script.createCachedData();
      const header = Buffer.alloc(8);
      header.writeUInt32BE(key, 0);
      header.writeUInt32BE(crc32(data), 4);
      writeFileSync(tmp, Buffer.concat([MAGIC, header, data]), { flag: "wx", mode: 0o600 });
      renameSync(tmp, cacheFile);
      pruneCaches(folder, cacheFile);
    } catch {
      // a cache folder that cannot be written: compile every time, as without a cache
      try {
        unlinkSync(tmp);
      } catch {
        // never made
      }
    }
  };

  /** Keeps the folder small: other versions, Nodes and flags leave caches that nothing reads any more. */
  function pruneCaches(dir, keep) {
    const now = Date.now();
    const files = readdirSync(dir)
      .filter((name) => /\.v8cache(\.\d+\.tmp)?$/.test(name))
      .map((name) => {
        const path = join(dir, name);
        try {
          return { path, tmp: name.endsWith(".tmp"), time: statSync(path).mtimeMs };
        } catch {
          return undefined;
        }
      })
      .filter((f) => f && f.path !== keep)
      .sort((a, b) => b.time - a.time);
    let kept = 0;
    for (const f of files) {
      // A temporary file an hour old belongs to a run that was killed while writing.
      const stale = f.tmp ? now - f.time > 3600e3 : ++kept >= 32;
      if (stale) {
        try {
          unlinkSync(f.path);
        } catch {
          // removed meanwhile by another run
        }
      }
    }
  }

  return { cli: cli.exports, saveCache };
}
