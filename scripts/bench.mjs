// Benchmark: medians of many runs, each as a ratio to a floor measured in the same run, so that a machine that
// is busier today moves both alike. BENCH_RUNS (default 30) and BENCH_FILES (default 10000) make it shorter.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "maturity-audit.cjs");
const bundle = join(root, "dist", "bin", "cli.cjs");
const fixture = join(root, "test", "fixtures", "mixed-regional-shop.yaml");
const runs = Number(process.env.BENCH_RUNS ?? 30);
const batchCount = Number(process.env.BENCH_FILES ?? 10000);

if (!existsSync(bundle)) {
  console.error("bench: dist/ is missing: run `npm run build` first");
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "ma-bench-"));
// The code cache lives in the user's cache folder: the bench keeps its own, so that it starts from none.
const env = { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: join(work, "cache") };
delete env.CI;
delete env.NODE_OPTIONS;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(command, args, options) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, args, { env, stdio: ["ignore", "ignore", "pipe"], ...options });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Medians of several node commands, run in turn; the first two rounds warm the file cache and make the code caches. */
function timeCommands(commands) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs + 2; i++) {
    commands.forEach(({ args, fresh }, c) => {
      // A fresh cache folder for each run: what the first run of a command costs.
      const cacheHome = fresh ? mkdtempSync(join(work, "fresh-")) : undefined;
      const ms = time(process.execPath, args, cacheHome ? { env: { ...env, XDG_CACHE_HOME: cacheHome } } : {});
      if (cacheHome) rmSync(cacheHome, { recursive: true, force: true });
      if (i >= 2) times[c].push(ms);
    });
  }
  return times.map(median);
}

/**
 * Time until `pattern` appears on a pseudo-terminal (util-linux `script`). With `interrupt`, the run is then ended
 * with Ctrl-C as a user would, so that it ends normally (and writes its code cache); otherwise it is killed.
 */
function timeToOutput(command, pattern, cwd, interrupt = false) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn("script", ["-qfec", command, "/dev/null"], { env: { ...env, COLUMNS: "100", LINES: "40" }, cwd, detached: true });
    let seen = "";
    let ms;
    const kill = () => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    };
    const timer = setTimeout(() => (kill(), reject(new Error(`no '${pattern}' from: ${command}`))), 20_000);
    child.on("close", () => (clearTimeout(timer), ms === undefined ? reject(new Error(`no '${pattern}' from: ${command}`)) : resolve(ms)));
    child.stdout.on("data", (d) => {
      seen += d.toString();
      if (ms === undefined && seen.includes(pattern)) {
        ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (interrupt) child.stdin.write("\x03");
        else kill();
      }
    });
  });
}

async function timeToFirstPrompt() {
  const times = [];
  const base = [];
  for (let i = 0; i < Math.max(5, Math.floor(runs / 3)) + 1; i++) {
    const dir = mkdtempSync(join(work, "run-"));
    const b = await timeToOutput(`${process.execPath} -e "process.stdout.write('ready')"`, "ready", dir);
    const t = await timeToOutput(`${process.execPath} ${bin} run --respondent Bench --answers a.yaml`, "· 1/", dir, i === 0);
    if (i > 0) (base.push(b), times.push(t));
    rmSync(dir, { recursive: true, force: true });
  }
  return { base: median(base), value: median(times) };
}

/** Many answer files that differ, as a CI repository of audits would hold. */
function makeAudits(dir, count) {
  mkdirSync(dir, { recursive: true });
  const src = readFileSync(fixture, "utf8");
  for (let i = 0; i < count; i++) {
    const text = src.replace("Karin Lindqvist (owner)", `Respondent ${i}`).replace("data.analytics: 3", `data.analytics: ${1 + (i % 5)}`);
    writeFileSync(join(dir, `audit-${String(i).padStart(5, "0")}.yaml`), text);
  }
}

/** Wall time and peak memory of one run. */
function measureBatch(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--import", join(root, "scripts", "bench-rss.mjs"), ...args], { env, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const rss = Number(/bench-max-rss-kb (\d+)/.exec(r.stderr.toString())?.[1] ?? NaN);
  return { ms, rssMb: rss / 1024 };
}

/** `npm pack` of a folder into `dest`: the tarball's path and npm's figures for it. */
function pack(dir, dest) {
  const r = spawnSync("npm", ["pack", "--json", "--pack-destination", dest], { cwd: dir, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`npm pack in ${dir} failed: ${r.stderr}`);
  const [info] = JSON.parse(r.stdout);
  return { file: join(dest, info.filename), size: info.size, unpackedSize: info.unpackedSize, files: info.entryCount };
}

/** A command-line package with no dependencies and a one-line bin: what npx costs at the least. */
function makeTinyPackage(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "tiny-cli", version: "1.0.0", bin: { "tiny-cli": "bin.js" } }));
  writeFileSync(join(dir, "bin.js"), '#!/usr/bin/env node\nconsole.log("1.0.0");\n');
}

function folderSize(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

/**
 * Cold `npx --package ./x.tgz <bin> --version` in an empty folder: npm's download cache is warm (the first run
 * fills it and is not counted), npx's own install folder is removed before every run.
 */
function timeNpx(tarballs) {
  const npmCache = join(work, "npm-cache");
  const npmEnv = { ...env, npm_config_cache: npmCache, npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false", npm_config_loglevel: "error" };
  const times = tarballs.map(() => []);
  const installed = [];
  const n = Math.max(5, Math.ceil(runs / 3));
  for (let i = 0; i < n + 1; i++) {
    tarballs.forEach(({ file, binName }, t) => {
      rmSync(join(npmCache, "_npx"), { recursive: true, force: true });
      const dir = mkdtempSync(join(work, "npx-"));
      copyFileSync(file, join(dir, "x.tgz"));
      const ms = time("npx", ["--yes", "--package", "./x.tgz", binName, "--version"], { cwd: dir, env: npmEnv });
      if (i > 0) times[t].push(ms);
      else {
        // What the install put on disk: every package but the root, and their size.
        const [npx] = readdirSync(join(npmCache, "_npx"));
        const lock = JSON.parse(readFileSync(join(npmCache, "_npx", npx, "node_modules", ".package-lock.json"), "utf8"));
        installed[t] = { packages: Object.keys(lock.packages).filter((p) => p.startsWith("node_modules/")).length, bytes: folderSize(join(npmCache, "_npx", npx, "node_modules")) };
      }
      rmSync(dir, { recursive: true, force: true });
    });
  }
  return { medians: times.map(median), installed };
}

try {
  // The same bundle without the code cache: what the launcher would be without one.
  const plain = join(work, "plain-launcher.cjs");
  writeFileSync(plain, `require(${JSON.stringify(bundle)}).main(process.argv).then((code) => { process.exitCode = code; });\n`);

  const [node, version, help, scoreOne, versionPlain, helpPlain, scorePlain, scoreFirst] = timeCommands([
    { args: ["-e", "0"] },
    { args: [bin, "--version"] },
    { args: [bin, "--help"] },
    { args: [bin, "score", fixture] },
    { args: [plain, "--version"] },
    { args: [plain, "--help"] },
    { args: [plain, "score", fixture] },
    { args: [bin, "score", fixture], fresh: true },
  ]);
  const first = await timeToFirstPrompt();

  makeAudits(join(work, "small"), Math.max(1, Math.floor(batchCount / 5)));
  makeAudits(join(work, "all"), batchCount);
  const ndjson = spawnSync(process.execPath, [bin, "score", fixture, "--format", "ndjson"], { env, stdio: "ignore" }).status === 0;
  // Each batch right after parsing the same files, its floor: a run takes long enough for the machine to change.
  const paired = (args) => {
    const floor = measureBatch([join(root, "scripts", "bench-parse.mjs"), join(work, "all")]);
    return { ...measureBatch(args), floor };
  };
  const batchText = paired([bin, "score", join(work, "all")]);
  const batchJson = paired([bin, "score", "--format", "json", join(work, "all")]);
  const batchNdjson = ndjson ? paired([bin, "score", "--format", "ndjson", join(work, "all")]) : undefined;
  const floors = [batchText, batchJson, batchNdjson].filter(Boolean).map((b) => b.floor);
  const parseOnly = { ms: median(floors.map((f) => f.ms)), rssMb: median(floors.map((f) => f.rssMb)) };
  const batchSmall = measureBatch([bin, "score", join(work, "small")]);
  rmSync(join(work, "all"), { recursive: true, force: true });
  rmSync(join(work, "small"), { recursive: true, force: true });

  mkdirSync(join(work, "packs"));
  const pkg = pack(root, join(work, "packs"));
  makeTinyPackage(join(work, "tiny"));
  const tiny = pack(join(work, "tiny"), join(work, "packs"));
  const npx = timeNpx([
    { file: pkg.file, binName: "maturity-audit" },
    { file: tiny.file, binName: "tiny-cli" },
  ]);

  const rows = [
    ["--version", version, node, 1.3],
    ["--help", help, node, 1.3],
    ["score one.yaml (text)", scoreOne, node, 2],
    ["run: first question on screen", first.value, first.base, 3],
    [`score ${batchCount} files (text)`, batchText.ms, batchText.floor.ms, 1.5],
    [`score ${batchCount} files --format json`, batchJson.ms, batchJson.floor.ms, 1.5],
    [`score ${batchCount} files --format ndjson`, batchNdjson?.ms, batchNdjson?.floor.ms, 1.5],
    ["cold npx --version (warm npm cache)", npx.medians[0], npx.medians[1], 1.5],
  ];
  const info = [
    ["  --version without the code cache", versionPlain, node],
    ["  --help without the code cache", helpPlain, node],
    ["  score one.yaml without the code cache", scorePlain, node],
    ["  score one.yaml, first run (writes it)", scoreFirst, node],
  ];

  const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(`maturity-audit benchmark, medians of ${runs} runs; ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
  console.log(
    `baselines: node -e 0 = ${node.toFixed(1)} ms; node on a pty = ${first.base.toFixed(1)} ms; yaml.parse of ${batchCount} files = ${parseOnly.ms.toFixed(0)} ms (median of the floors measured before each batch); cold npx of a zero-dependency one-line CLI = ${npx.medians[1].toFixed(0)} ms`,
  );
  console.log("");
  console.log("what".padEnd(42) + "ms".padStart(9) + "ratio".padStart(8) + "goal".padStart(8));
  for (const [name, ms, base, goal] of rows) {
    if (ms === undefined) {
      console.log(name.padEnd(42) + "n/a".padStart(9) + "n/a".padStart(8) + `${goal}x`.padStart(8));
      continue;
    }
    const ratio = ms / base;
    console.log(name.padEnd(42) + ms.toFixed(1).padStart(9) + `${ratio.toFixed(2)}x`.padStart(8) + `${goal}x`.padStart(8) + (ratio <= goal ? "  ok" : "  over"));
  }
  for (const [name, ms, base] of info) console.log(name.padEnd(42) + ms.toFixed(1).padStart(9) + `${(ms / base).toFixed(2)}x`.padStart(8));
  console.log("");
  const saved = (withCache, without) => `${(100 * (1 - withCache / without)).toFixed(0)}%`;
  console.log(`code cache saves ${saved(version, versionPlain)} on --version, ${saved(help, helpPlain)} on --help, ${saved(scoreOne, scorePlain)} on score`);
  console.log(
    `package: tarball ${mb(pkg.size)} (${mb(pkg.unpackedSize)} unpacked, ${pkg.files} files); a user installs ${npx.installed[0].packages} package(s), ${mb(npx.installed[0].bytes)} (maturity-audit and ${npx.installed[0].packages - 1} dependencies)`,
  );
  console.log(
    `peak memory: parsing ${batchCount} files ${parseOnly.rssMb.toFixed(0)} MB; scoring ${Math.floor(batchCount / 5)} files ${batchSmall.rssMb.toFixed(0)} MB, ${batchCount} files ${batchText.rssMb.toFixed(0)} MB (flat is the goal: ${(batchText.rssMb / batchSmall.rssMb).toFixed(2)}x for 5x the files); json ${batchJson.rssMb.toFixed(0)} MB${batchNdjson ? `, ndjson ${batchNdjson.rssMb.toFixed(0)} MB` : ""}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
