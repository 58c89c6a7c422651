import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { statSync } from "node:fs";
import { fork, type ChildProcess } from "node:child_process";
import { PluginError, UsageError } from "../errors.js";

import { PLUGIN_TIMEOUT_MS, scoringRubricSchema, type RubricInput, type ScoringRubric } from "./rubric.js";
import { firstIssue } from "../schema-issues.js";

export { PLUGIN_TIMEOUT_MS };
/** What a plugin may print before the rest is dropped: its output is a diagnostic, not a channel. */
const OUTPUT_LIMIT = 64 * 1024;
/** Time a child process may take to start Node before the plugin's own deadline begins. */
const START_ALLOWANCE_MS = 5_000;

export interface PluginOptions {
  /** The deadline of the load and of each evaluation, in ms. */
  timeoutMs?: number;
  /** Where the plugin's own stdout and stderr go, a line at a time (the report's stdout never). */
  onOutput?: (line: string) => void;
}

type Reply = { type: "started" } | { type: "output"; text: string } | { type: "meta"; meta: unknown; evaluate: boolean } | { type: "load-error"; message: string } | { type: "result"; id: number; result: unknown } | { type: "error"; id: number; message: string };

/**
 * Loads a rubric module named explicitly on the command line, in a child process: whatever it does (throw,
 * return garbage, print, exit, block in a read, loop for ever) becomes a PluginError naming it within the
 * deadline, never a hang. The process is killed with its own children at the deadline or when the CLI ends.
 * It is not a sandbox: the module runs with the user's rights.
 */
export async function loadRubricPlugin(file: string, options: number | PluginOptions = {}): Promise<ScoringRubric> {
  const { timeoutMs = PLUGIN_TIMEOUT_MS, onOutput = (line: string) => void process.stderr.write(`${line}\n`) } = typeof options === "number" ? { timeoutMs: options } : options;
  const path = resolve(file);
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new UsageError({ key: "errModuleMissing", params: { file } });
  // A FIFO or a device would block the import for ever; a module is a file.
  if (!st.isFile()) throw new UsageError({ key: "errModuleNotFile", params: { file } });
  const seconds = timeoutMs / 1000;
  const child = startChild(pathToFileURL(path).href, onOutput);
  const lines = lineSplitter(onOutput);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let failure: Error | undefined;
  let onLoadFailure: ((err: Error) => void) | undefined;
  const fail = (err: Error) => {
    failure ??= err;
    stop(child);
    onLoadFailure?.(failure);
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  child.on("error", (err) => fail(new PluginError({ key: "errModuleCrashed", params: { file, detail: err.message } })));
  child.on("exit", (code, signal) => {
    if (!failure && !stopped.has(child)) fail(new PluginError({ key: "errModuleExited", params: { file, code: signal ?? code ?? "?" } }));
  });

  const meta = await new Promise<{ meta: unknown; evaluate: boolean }>((ok, no) => {
    // The load's deadline counts from when Node runs in the child: its start-up on a busy machine is not the module's.
    const deadline = () => setTimeout(() => fail(new PluginError({ key: "errModuleSlow", params: { file, seconds } })), timeoutMs);
    let timer = setTimeout(() => fail(new PluginError({ key: "errModuleSlow", params: { file, seconds } })), timeoutMs + START_ALLOWANCE_MS);
    onLoadFailure = (err) => (clearTimeout(timer), no(err));
    child.on("message", (m: Reply) => {
      if (m.type === "started") (clearTimeout(timer), (timer = deadline()));
      else if (m.type === "output") lines.push(m.text);
      else if (m.type === "meta") (clearTimeout(timer), (onLoadFailure = undefined), ok(m));
      else if (m.type === "load-error") fail(new PluginError({ key: "errModuleLoad", params: { file, detail: m.message } }));
      else if (m.type === "result") pending.get(m.id)?.resolve(m.result);
      else if (m.type === "error") pending.get(m.id)?.reject(new PluginError({ key: "errModuleFailed", params: { file, detail: m.message } }));
      if (m.type === "result" || m.type === "error") pending.delete(m.id);
    });
  });

  const refuse = (err: PluginError): never => {
    stop(child);
    throw err;
  };
  const parsed = scoringRubricSchema.safeParse(meta.evaluate ? { ...(meta.meta as object), evaluate: () => undefined } : meta.meta);
  if (!parsed.success) refuse(new PluginError({ key: "errModuleExport", params: { file, detail: firstIssue(parsed.error) } }));
  const info = meta.meta as Omit<ScoringRubric, "evaluate">;
  const ids = info.stages.map((s) => s.id);
  if (!ids.includes(info.defaultTarget)) refuse(new PluginError({ key: "errModuleTarget", params: { file, stage: info.defaultTarget, stages: ids.join(", ") } }));
  if (info.stages[0]!.min !== 0 || info.stages.some((s, i) => i > 0 && s.min <= info.stages[i - 1]!.min)) refuse(new PluginError({ key: "errModuleStages", params: { file } }));

  let next = 0;
  return {
    ...info,
    evaluate(input: RubricInput) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((ok, no) => {
        const timer = setTimeout(() => fail(new PluginError({ key: "errRubricSlow", params: { id: info.id, file, seconds } })), timeoutMs);
        pending.set(id, {
          resolve: (v) => (clearTimeout(timer), ok(v as never)),
          reject: (e) => (clearTimeout(timer), no(e)),
        });
        child.send({ id, input });
      });
    },
  };
}

/** Output in chunks to whole lines, up to OUTPUT_LIMIT characters. */
function lineSplitter(onLine: (line: string) => void) {
  let rest = "";
  let seen = 0;
  return {
    push(chunk: string) {
      if (seen >= OUTPUT_LIMIT) return;
      seen += chunk.length;
      const lines = (rest + chunk).split("\n");
      rest = lines.pop()!;
      for (const line of lines) onLine(line);
    },
    end() {
      if (rest) onLine(rest);
      rest = "";
    },
  };
}

const stopped = new WeakSet<ChildProcess>();
const running = new Set<ChildProcess>();

/** Kills the plugin and whatever it started (it leads a process group of its own). */
function stop(child: ChildProcess): void {
  if (stopped.has(child)) return;
  stopped.add(child);
  running.delete(child);
  try {
    if (child.pid !== undefined) process.kill(process.platform === "win32" ? child.pid : -child.pid, "SIGKILL");
  } catch {
    // already gone
  }
  child.stdout?.destroy();
  child.stderr?.destroy();
  if (child.connected) child.disconnect();
}

// However the CLI ends, no plugin outlives it.
let exitHook = false;

function startChild(url: string, onOutput: (line: string) => void): ChildProcess {
  const worker = fileURLToPath(new URL("./plugin-worker.js", import.meta.url));
  // Serialisation as between threads: the sheet and the known answers are Maps.
  const child = fork(worker, [url], { serialization: "advanced", stdio: ["ignore", "pipe", "pipe", "ipc"], execArgv: [], detached: process.platform !== "win32" });
  running.add(child);
  if (!exitHook) {
    exitHook = true;
    process.on("exit", () => {
      for (const c of [...running]) stop(c);
    });
  }
  for (const stream of [child.stdout!, child.stderr!]) {
    const lines = lineSplitter(onOutput);
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => lines.push(chunk));
    stream.on("end", () => lines.end());
  }
  // A finished CLI does not wait for its plugin: the pipes and the channel hold no reference to the event loop.
  child.unref();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  (child.channel as unknown as { unref?: () => void } | undefined)?.unref?.();
  return child;
}
