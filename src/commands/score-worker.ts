import { parentPort, workerData } from "node:worker_threads";
import { AuditError, type Problem } from "../errors.js";
import type { ChunkReply } from "./score-pool.js";
import { Resolver } from "./resolve.js";
import { scoreEach, type ScoreCommandOptions, type ScoredFile } from "./score.js";

/** A worker of scoreInWorkers: scores the chunks of files it is sent, one chunk at a time, and replies with the results. */
export function serveScoreChunks(): void {
  const port = parentPort;
  if (!port) return;
  const opts = (workerData as { opts: Omit<ScoreCommandOptions, "files"> }).opts;
  const resolver = new Resolver(opts);
  let queue = Promise.resolve();
  port.on("message", (msg: { id: number; files: string[] }) => {
    queue = queue.then(async () => port.postMessage(await scoreChunk(msg.id, msg.files)));
  });

  async function scoreChunk(id: number, files: string[]): Promise<ChunkReply> {
    const problems: Problem[] = [];
    const results: ScoredFile[] = [];
    try {
      for await (const r of scoreEach({ ...opts, files }, files, resolver, problems, { alone: false })) results.push(r);
      return { id, results, problems, warnings: resolver.warnings.splice(0) };
    } catch (err) {
      if (err instanceof AuditError) return { id, error: { name: err.name, message: err.message, phrase: err.phrase, hint: err.hint, suggestion: err.suggestion } };
      return { id, error: { name: "Error", message: (err as Error)?.message ?? String(err) } };
    }
  }
}
