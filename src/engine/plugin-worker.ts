// Runs a rubric module in a process of its own: one stuck in a loop, a blocking read or a child process can be
// killed outright, and what it prints reaches the CLI through pipes, never its stdout.
const send = (m: unknown) => process.send!(m);
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
// What the module prints travels with its answers, in order, so that none of it is lost when the CLI ends
// right after the last answer; writes below console (to fd 1 and 2) still reach the CLI's pipes.
for (const stream of [process.stdout, process.stderr]) {
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    send({ type: "output", text: typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8") });
    const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof stream.write;
}
// The CLI gone (it met its deadline, or finished): nothing is left to answer.
process.on("disconnect", () => process.exit(0));

// Node has started: from here the module's own time is counted.
send({ type: "started" });

try {
  const mod = (await import(process.argv[2]!)) as Record<string, unknown>;
  const rubric = (mod.default ?? mod.rubric) as Record<string, unknown> | undefined;
  const meta = rubric && typeof rubric === "object" ? Object.fromEntries(Object.entries(rubric).filter(([, v]) => typeof v !== "function")) : rubric;
  send({ type: "meta", meta, evaluate: typeof rubric?.evaluate === "function" });
  process.on("message", async (msg: { id: number; input: unknown }) => {
    try {
      const result = await (rubric!.evaluate as (input: unknown) => unknown)(msg.input);
      send({ type: "result", id: msg.id, result });
    } catch (err) {
      send({ type: "error", id: msg.id, message: message(err) });
    }
  });
} catch (err) {
  send({ type: "load-error", message: message(err) });
}
