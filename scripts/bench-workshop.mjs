// Load test of the live workshop: the built command serves on 127.0.0.1, 60 simulated participants join and
// answer the whole questionnaire at once while a dashboard listens to the live events. It stops by itself
// (BENCH_TIMEOUT seconds, default 120; at most BENCH_REQUESTS requests per participant, default 200) and
// reports whether every confirmed answer is in the files, the response times and the server's peak memory.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "maturity-audit.cjs");
const participants = Number(process.env.BENCH_PARTICIPANTS ?? 60);
const timeoutMs = Number(process.env.BENCH_TIMEOUT ?? 120) * 1000;
const maxRequests = Number(process.env.BENCH_REQUESTS ?? 200);

if (!existsSync(join(root, "dist", "bin", "cli.cjs"))) {
  console.error("bench-workshop: dist/ is missing: run `npm run build` first");
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "ma-bench-workshop-"));
const folder = join(work, "acme");
const env = { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: join(work, "cache") };
delete env.CI;
delete env.NODE_OPTIONS;

const server = spawn(process.execPath, [bin, "workshop", folder, "--host", "127.0.0.1", "--port", "0", "--lang", "en", "--quiet"], { env, stdio: ["ignore", "ignore", "pipe"] });
let said = "";
const exited = new Promise((resolve) => server.on("exit", (code) => resolve(code)));
const { join: joinUrl, host: hostUrl } = await new Promise((resolve, reject) => {
  server.stderr.on("data", (d) => {
    said += d;
    const j = /join at: (http:\/\/\S+)/.exec(said)?.[1];
    const h = /\(keep this link to yourself\): (http:\/\/\S+)/.exec(said)?.[1];
    if (j && h) resolve({ join: j, host: h });
  });
  exited.then((code) => reject(new Error(`the server exited ${code}: ${said}`)));
});

/** Peak resident memory of the server so far (Linux), in MiB. */
function peakMiB() {
  try {
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1]);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return NaN;
  }
}

const deadline = Date.now() + timeoutMs;
const times = [];
let limited = 0;
let failed = 0;

async function call(cookie, method, path, body) {
  for (;;) {
    if (Date.now() > deadline) throw new Error("deadline");
    const t0 = performance.now();
    const r = await fetch(joinUrl + path, {
      method,
      headers: { ...(body ? { "content-type": "application/json" } : {}), ...(cookie.value ? { cookie: cookie.value } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = await r.json();
    times.push(performance.now() - t0);
    const set = r.headers.get("set-cookie");
    if (set) cookie.value = set.split(";")[0];
    if (r.status === 429) {
      limited++;
      await new Promise((resolve) => setTimeout(resolve, Number(r.headers.get("retry-after") ?? 1) * 1000));
      continue;
    }
    return { status: r.status, json };
  }
}

function valueFor(q, i) {
  switch (q.type) {
    case "single":
      return q.options[(i + q.position) % q.options.length].value;
    case "multi":
      return [q.options[i % q.options.length].value];
    case "scale":
      return q.min + ((i + q.position) % (q.max - q.min + 1));
    case "number":
      return (q.min ?? 0) + (i % 10);
    case "boolean":
      return i % 2 === 0;
    default:
      return `Participant ${i} on ${q.id}`;
  }
}

/** One participant: join, then answer whatever comes next until nothing is left. */
async function participant(i, result) {
  const cookie = { value: "" };
  let r = await call(cookie, "POST", "/api/join", { name: result.name });
  for (let n = 0; n < maxRequests && r.status === 200 && r.json.view.question; n++) {
    const q = r.json.view.question;
    const value = q.allowUnknown && i % 7 === 0 ? "unknown" : valueFor(q, i);
    r = await call(cookie, "POST", "/api/answer", { question: q.id, value });
    if (r.status === 200) result.confirmed.set(q.id, value);
    else failed++;
  }
  result.done = r.status === 200 && !!r.json.view?.review;
}

// A dashboard listening to the live events, as the projector would.
const events = { count: 0 };
const listening = new AbortController();
void fetch(`${hostUrl}/api/events?after=0`, { signal: listening.signal })
  .then(async (r) => {
    for await (const chunk of r.body) events.count += (Buffer.from(chunk).toString("utf8").match(/^event: /gm) ?? []).length;
  })
  .catch(() => {});

const started = performance.now();
// What each participant had confirmed stays counted even when the deadline stops them.
const results = Array.from({ length: participants }, (_, i) => ({ name: `Participant ${i}`, confirmed: new Map(), done: false }));
await Promise.all(results.map((r, i) => participant(i, r).catch(() => {})));
const wall = performance.now() - started;
const peak = peakMiB();
listening.abort();
server.kill("SIGINT");
const code = await exited;

// No answer lost: every confirmed answer is in its participant's file, and nothing else is.
let lost = 0;
let answers = 0;
const byName = new Map();
for (const f of readdirSync(folder).filter((x) => x.endsWith(".yaml"))) {
  const a = parse(readFileSync(join(folder, f), "utf8"));
  byName.set(a.respondent, a.answers ?? {});
}
for (const r of results) {
  const saved = byName.get(r.name) ?? {};
  for (const [id, value] of r.confirmed) {
    answers++;
    if (JSON.stringify(saved[id]) !== JSON.stringify(value)) lost++;
  }
}
const sorted = [...times].sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(1);
const report = {
  participants,
  finished: results.filter((r) => r.done).length,
  answersConfirmed: answers,
  answersLost: lost,
  refused: failed,
  rateLimited: limited,
  requests: times.length,
  wallSeconds: Math.round(wall / 100) / 10,
  requestsPerSecond: Math.round(times.length / (wall / 1000)),
  p50ms: Number(pct(50)),
  p95ms: Number(pct(95)),
  p99ms: Number(pct(99)),
  dashboardEvents: events.count,
  serverPeakRssMiB: peak,
  serverExit: code,
};
console.log(JSON.stringify(report, null, 2));
rmSync(work, { recursive: true, force: true });
process.exitCode = lost === 0 && report.finished === participants && code === 130 ? 0 : 1;
