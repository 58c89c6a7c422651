// Start-up benchmark: medians of many runs, as ratios to bare `node` measured in the same run.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "maturity-audit.js");
const fixture = join(root, "test", "fixtures", "mixed-regional-shop.yaml");
const runs = Number(process.env.BENCH_RUNS ?? 30);
const env = { ...process.env, NO_COLOR: "1" };
delete env.CI;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeCommand(args) {
  const times = [];
  for (let i = 0; i < runs + 2; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env, stdio: ["ignore", "ignore", "ignore"] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
    if (i >= 2) times.push(ms); // the first runs warm the file cache
  }
  return median(times);
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

const node = timeCommand(["-e", "0"]);
const rows = [
  ["--version", timeCommand([bin, "--version"]), node, 1.3],
  ["--help", timeCommand([bin, "--help"]), node, 1.3],
  ["score one file (text)", timeCommand([bin, "score", fixture]), node, 2],
];
const first = await timeToFirstPrompt();
rows.push(["run: first question on screen", first.value, first.base, 3]);

console.log(`maturity-audit start-up, median of ${runs} runs; ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
console.log(`baseline: node -e 0 = ${node.toFixed(1)} ms; node on a pty = ${first.base.toFixed(1)} ms`);
console.log("");
console.log("what".padEnd(32) + "ms".padStart(8) + "ratio".padStart(8) + "goal".padStart(8) + "  ");
for (const [name, ms, base, goal] of rows) {
  const ratio = ms / base;
  console.log(name.padEnd(32) + ms.toFixed(1).padStart(8) + `${ratio.toFixed(2)}x`.padStart(8) + `${goal}x`.padStart(8) + (ratio <= goal ? "  ok" : "  over"));
}
