import { Worker } from "node:worker_threads";
import { AuditError, PluginError, UsageError, type Phrase, type Problem } from "../errors.js";
import type { ScoreCommandOptions, ScoredFile } from "./score.js";

/** Files per message: enough to make the messaging cheap, few enough to keep every worker busy to the end. */
const CHUNK = 32;

/** What a worker sends back for one chunk of files. */
export type ChunkReply =
  | { id: number; results: ScoredFile[]; problems: Problem[]; warnings: Problem[] }
  | { id: number; error: { name: string; message: string; phrase?: Phrase; hint?: Phrase; suggestion?: string } };

export interface PoolOptions {
  /** The script a worker runs: the CLI's launcher, which serves chunks when started as a worker. */
  script: string;
  jobs: number;
}

/**
 * Scores files in worker threads and yields them in the order given, as scoreEach does; files that fail
 * become problems. At most a few chunks wait to be yielded, so memory does not grow with the number of files.
 */
export async function* scoreInWorkers(opts: ScoreCommandOptions, files: string[], problems: Problem[], pool: PoolOptions): AsyncGenerator<ScoredFile> {
  const chunks: string[][] = [];
  for (let i = 0; i < files.length; i += CHUNK) chunks.push(files.slice(i, i + CHUNK));
  const { files: _files, ...shared } = opts;
  const workers = Array.from({ length: Math.min(pool.jobs, chunks.length) }, () => new Worker(pool.script, { workerData: { opts: shared }, env: { ...process.env, MATURITY_AUDIT_WORKER: "score" }, stdout: false, stderr: false }));
  const done = new Map<number, ChunkReply>();
  const seenWarnings = new Set<string>();
  let next = 0;
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let closing = false;
  const pending: Worker[] = [];
  const send = (w: Worker) => {
    if (next < chunks.length) w.postMessage({ id: next, files: chunks[next++] });
  };
  for (const w of workers) {
    w.on("message", (reply: ChunkReply) => {
      done.set(reply.id, reply);
      // Keep the worker busy unless the replies waiting to be yielded pile up.
      if (done.size < workers.length * 4) send(w);
      else pending.push(w);
      wake?.();
    });
    w.on("error", (err) => ((failure = err), wake?.()));
    // A worker that ends on its own would leave its chunks unanswered: fail rather than wait for ever.
    w.on("exit", (code) => {
      if (closing) return;
      failure ??= new Error(`a worker thread stopped (exit code ${code})`);
      wake?.();
    });
    // Two chunks each: one to work on, one ready when it finishes.
    send(w);
    send(w);
  }
  try {
    for (let id = 0; id < chunks.length; id++) {
      while (!done.has(id)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const reply = done.get(id)!;
      done.delete(id);
      while (pending.length && done.size < workers.length * 4) send(pending.shift()!);
      if ("error" in reply) throw revive(reply.error);
      for (const w of reply.warnings) {
        // Every worker loads the same questionnaire and rubric: say their warnings once.
        const key = `${w.file}:${w.line}:${w.col}:${w.message}`;
        if (!seenWarnings.has(key)) (seenWarnings.add(key), problems.push(w));
      }
      problems.push(...reply.problems);
      yield* reply.results;
    }
  } finally {
    closing = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The error a worker reported, as the same kind of error here, so that the one catch words it alike. */
function revive(e: Extract<ChunkReply, { error: unknown }>["error"]): Error {
  const message = e.phrase ?? e.message;
  const suggestion = e.hint ?? e.suggestion;
  if (e.name === "UsageError") return new UsageError(message, suggestion);
  if (e.name === "PluginError") return new PluginError(message, suggestion);
  if (e.name === "AuditError") return new AuditError(message, suggestion);
  return new Error(e.message);
}
