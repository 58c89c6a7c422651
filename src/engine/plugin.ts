import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { PluginError, UsageError } from "../errors.js";

import { scoringRubricSchema, type RubricInput, type ScoringRubric } from "./rubric.js";
import { firstIssue } from "../schema-issues.js";

/** How long a plugin may take to load, and to answer one evaluation. */
export const PLUGIN_TIMEOUT_MS = 5000;

type Reply = { type: "meta"; meta: unknown; evaluate: boolean } | { type: "load-error"; message: string } | { type: "result"; id: number; result: unknown } | { type: "error"; id: number; message: string };

/**
 * Loads a rubric module named explicitly on the command line, in a worker thread: whatever it does
 * (throw, return garbage, never return, loop for ever) becomes a PluginError naming it, never a hang.
 */
export async function loadRubricPlugin(file: string, timeoutMs = PLUGIN_TIMEOUT_MS): Promise<ScoringRubric> {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError({ key: "errModuleMissing", params: { file } });
  const worker = new Worker(new URL("./plugin-worker.js", import.meta.url), { workerData: { url: pathToFileURL(path).href }, stdout: false, stderr: false });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let failure: Error | undefined;
  const fail = (err: Error) => {
    failure ??= err;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
    void worker.terminate();
  };
  const meta = await new Promise<{ meta: unknown; evaluate: boolean }>((ok, no) => {
    const timer = setTimeout(() => no(new PluginError({ key: "errModuleSlow", params: { file, seconds: timeoutMs / 1000 } })), timeoutMs);
    worker.on("message", (m: Reply) => {
      if (m.type === "meta") (clearTimeout(timer), ok(m));
      else if (m.type === "load-error") (clearTimeout(timer), no(new PluginError({ key: "errModuleLoad", params: { file, detail: m.message } })));
      else if (m.type === "result") pending.get(m.id)?.resolve(m.result);
      else if (m.type === "error") pending.get(m.id)?.reject(new PluginError({ key: "errModuleFailed", params: { file, detail: m.message } }));
      if (m.type === "result" || m.type === "error") pending.delete(m.id);
    });
    worker.on("error", (err) => {
      clearTimeout(timer);
      const e = new PluginError({ key: "errModuleCrashed", params: { file, detail: err.message } });
      no(e);
      fail(e);
    });
    // After the listeners: adding one takes a reference again, and a finished CLI must not wait for the plugin.
    worker.unref();
  }).catch((err: Error) => {
    void worker.terminate();
    throw err;
  });

  const parsed = scoringRubricSchema.safeParse(meta.evaluate ? { ...(meta.meta as object), evaluate: () => undefined } : meta.meta);
  if (!parsed.success) {
    void worker.terminate();
    throw new PluginError({ key: "errModuleExport", params: { file, detail: firstIssue(parsed.error) } });
  }
  const info = meta.meta as Omit<ScoringRubric, "evaluate">;
  const ids = info.stages.map((s) => s.id);
  if (!ids.includes(info.defaultTarget)) {
    void worker.terminate();
    throw new PluginError({ key: "errModuleTarget", params: { file, stage: info.defaultTarget, stages: ids.join(", ") } });
  }
  if (info.stages[0]!.min !== 0 || info.stages.some((s, i) => i > 0 && s.min <= info.stages[i - 1]!.min)) {
    void worker.terminate();
    throw new PluginError({ key: "errModuleStages", params: { file } });
  }

  let next = 0;
  return {
    ...info,
    evaluate(input: RubricInput) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((ok, no) => {
        const timer = setTimeout(() => fail(new PluginError({ key: "errRubricSlow", params: { id: info.id, file, seconds: timeoutMs / 1000 } })), timeoutMs);
        pending.set(id, {
          resolve: (v) => (clearTimeout(timer), ok(v as never)),
          reject: (e) => (clearTimeout(timer), no(e)),
        });
        worker.postMessage({ id, input });
      });
    },
  };
}
