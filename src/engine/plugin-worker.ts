// Runs a rubric module in its own thread, so that a plugin stuck in a loop can be stopped.
import { parentPort, workerData } from "node:worker_threads";

const port = parentPort!;
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

try {
  const mod = (await import((workerData as { url: string }).url)) as Record<string, unknown>;
  const rubric = (mod.default ?? mod.rubric) as Record<string, unknown> | undefined;
  const meta = rubric && typeof rubric === "object" ? Object.fromEntries(Object.entries(rubric).filter(([, v]) => typeof v !== "function")) : rubric;
  port.postMessage({ type: "meta", meta, evaluate: typeof rubric?.evaluate === "function" });
  port.on("message", async (msg: { id: number; input: unknown }) => {
    try {
      const result = await (rubric!.evaluate as (input: unknown) => unknown)(msg.input);
      port.postMessage({ type: "result", id: msg.id, result });
    } catch (err) {
      port.postMessage({ type: "error", id: msg.id, message: message(err) });
    }
  });
} catch (err) {
  port.postMessage({ type: "load-error", message: message(err) });
}
