// Start-up benchmark: medians of many runs, as ratios to bare `node` measured in the same run.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "maturity-audit.cjs");
const fixture = join(root, "test", "fixtures", "mixed-regional-shop.yaml");
const runs = Number(process.env.BENCH_RUNS ?? 30);
const env = { ...process.env, NO_COLOR: "1" };
delete env.CI;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Medians of several commands, run in turn so that a machine that slows down or speeds up meanwhile affects them alike. */
function timeCommands(commands) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs + 2; i++) {
    commands.forEach((args, c) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { env, stdio: ["ignore", "ignore", "ignore"] });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
      if (i >= 2) times[c].push(ms); // the first runs warm the file cache
    });
  }
  return times.map(median);
}

/** Time until `pattern` appears on a pseudo-terminal (util-linux `script`). */
function timeToOutput(command, pattern, cwd) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn("script", ["-qfec", command, "/dev/null"], { env: { ...env, COLUMNS: "100", LINES: "40" }, cwd, detached: true });
    let seen = "";
    const timer = setTimeout(() => (kill(), reject(new Error(`no '${pattern}' from: ${command}`))), 10_000);
    const kill = () => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    };
    child.stdout.on("data", (d) => {
      seen += d.toString();
      if (seen.includes(pattern)) {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        clearTimeout(timer);
        kill();
        resolve(ms);
      }
    });
  });
}

async function timeToFirstPrompt() {
  const times = [];
  const base = [];
  for (let i = 0; i < Math.max(5, Math.floor(runs / 3)) + 1; i++) {
    const dir = mkdtempSync(join(tmpdir(), "ma-bench-"));
    try {
      const b = await timeToOutput(`${process.execPath} -e "process.stdout.write('ready')"`, "ready", dir);
      const t = await timeToOutput(`${process.execPath} ${bin} run --respondent Bench --answers a.yaml`, "1/35", dir);
      if (i > 0) (base.push(b), times.push(t));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

const [node, version, help, scoreOne] = timeCommands([["-e", "0"], [bin, "--version"], [bin, "--help"], [bin, "score", fixture]]);
const rows = [
  ["--version", version, node, 1.3],
  ["--help", help, node, 1.3],
  ["score one file (text)", scoreOne, node, 2],
];
const first = await timeToFirstPrompt();
rows.push(["run: first question on screen", first.value, first.base, 3]);

const batchCount = Number(process.env.BENCH_FILES ?? 10000);
const work = mkdtempSync(join(tmpdir(), "ma-bench-batch-"));
let batch;
try {
  makeAudits(join(work, "small"), Math.max(1, Math.floor(batchCount / 5)));
  makeAudits(join(work, "all"), batchCount);
  const parseOnly = measureBatch([join(root, "scripts", "bench-parse.mjs"), join(work, "all")]);
  const scoreAll = measureBatch([bin, "score", join(work, "all")]);
  const scoreSmall = measureBatch([bin, "score", join(work, "small")]);
  // The same in one thread, for machines with one core and for comparison.
  const scoreOneThread = measureBatch([bin, "score", "--jobs", "1", join(work, "all")]);
  batch = { parseOnly, scoreAll, scoreSmall, scoreOneThread };
} finally {
  rmSync(work, { recursive: true, force: true });
}
rows.push([`score ${batchCount} files (vs parsing them)`, batch.scoreAll.ms, batch.parseOnly.ms, 1.5]);
const info = [[`  the same with --jobs 1 (one thread)`, batch.scoreOneThread.ms, batch.parseOnly.ms]];

console.log(`maturity-audit start-up, median of ${runs} runs; ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
console.log(`baseline: node -e 0 = ${node.toFixed(1)} ms; node on a pty = ${first.base.toFixed(1)} ms`);
console.log("");
console.log("what".padEnd(40) + "ms".padStart(9) + "ratio".padStart(8) + "goal".padStart(8));
for (const [name, ms, base, goal] of rows) {
  const ratio = ms / base;
  console.log(name.padEnd(40) + ms.toFixed(1).padStart(9) + `${ratio.toFixed(2)}x`.padStart(8) + `${goal}x`.padStart(8) + (ratio <= goal ? "  ok" : "  over"));
}
for (const [name, ms, base] of info) console.log(name.padEnd(40) + ms.toFixed(1).padStart(9) + `${(ms / base).toFixed(2)}x`.padStart(8));
console.log("");
console.log(
  `peak memory: parsing ${batchCount} files ${batch.parseOnly.rssMb.toFixed(0)} MB; scoring ${Math.floor(batchCount / 5)} files ${batch.scoreSmall.rssMb.toFixed(0)} MB, ${batchCount} files ${batch.scoreAll.rssMb.toFixed(0)} MB (flat is the goal: ${(batch.scoreAll.rssMb / batch.scoreSmall.rssMb).toFixed(2)}x for 5x the files); one thread ${batch.scoreOneThread.rssMb.toFixed(0)} MB`,
);
