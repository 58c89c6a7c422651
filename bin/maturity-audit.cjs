#!/usr/bin/env node
// Checks the runtime, then runs the bundled CLI. The bundle is compiled with the V8 code cache made at build
// time, which spares most of the compiling a run would do; a Node with another V8 ignores the cache.
// CommonJS on purpose: an ES module entry costs Node's module loader more start-up time than this whole file.
"use strict";
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`maturity-audit needs Node.js 20.19 or newer; this is ${process.versions.node}. Install a current Node.js from nodejs.org.\n`);
  process.exitCode = 2;
} else {
  // A reader that stops early (| head) closes the pipe: the output it wanted was written, so end quietly.
  process.stdout.on("error", (err) => {
    if (err.code !== "EPIPE") throw err;
    process.exit(process.exitCode ?? 0);
  });
  const { readFileSync, renameSync, writeFileSync } = require("node:fs");
  const Module = require("node:module");
  const { join } = require("node:path");
  const { Script } = require("node:vm");

  const dir = join(__dirname, "..", "dist", "bin");
  const file = join(dir, "cli.cjs");
  // --version and --help need a fraction of the code; their own, smaller cache is quicker to take in.
  const light = process.argv.length === 3 && ["--version", "-v", "--help", "-h"].includes(process.argv[2]);
  const cacheFile = `${file}.${light ? "light." : ""}cache`;
  let cachedData;
  try {
    // A cache being made starts from none, or it would hold all of the one it started from.
    if (!process.env.MATURITY_AUDIT_WRITE_CODE_CACHE) cachedData = readFileSync(cacheFile);
  } catch {
    // no cache: compile as usual
  }
  const script = new Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
  const saveCache = (name) => {
    const tmp = join(dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, join(dir, name));
  };
  const cli = { exports: {} };
  script.runInThisContext()(cli.exports, Module.createRequire(file), cli, file, dir);
  // Batch scoring runs this file in worker threads too, marked in their environment; they serve work instead
  // of a command line. The mark alone is not enough, so that a stray variable cannot silence the CLI.
  if (process.env.MATURITY_AUDIT_WORKER && !require("node:worker_threads").isMainThread) cli.exports.serveWorker();
  else if (process.env.MATURITY_AUDIT_WRITE_CODE_CACHE) {
    // The build runs typical commands (a JSON list of argument lists) and then writes the cache named by the
    // variable, which so holds every function they compiled, not only the top level.
    (async () => {
      const { cache, runs } = JSON.parse(process.env.MATURITY_AUDIT_WRITE_CODE_CACHE);
      for (const args of runs) process.exitCode ||= await cli.exports.main([process.argv[0], file, ...args]);
      saveCache(cache);
    })();
  } else {
    cli.exports.main(process.argv).then((code) => {
      process.exitCode = code;
      // No cache, or one made by another Node's V8 (refused): make this Node's own, once, if the package may be written to.
      if (!cachedData || script.cachedDataRejected) {
        try {
          saveCache(cacheFile.slice(dir.length + 1));
        } catch {
          // a read-only install: compile every time, as without a cache
          require("node:fs").rmSync(join(dir, `.${cacheFile.slice(dir.length + 1)}.${process.pid}.tmp`), { force: true });
        }
      }
    });
  }
}
