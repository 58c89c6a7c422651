import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** The build, which in-process CLI tests run: Node loads it as it is, and Vite need not transform it again. */
const DIST = new RegExp(`^${fileURLToPath(new URL("./dist/", import.meta.url)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The default on two cores is one worker (cores - 1), and several files mostly wait (a browser, tmux, a
    // plugin's time limit, spawned binaries): two workers keep both cores busy.
    maxWorkers: 2,
    // Files in a worker share its modules, so src/ and the build load once per worker instead of once per file.
    // Nothing in src/ keeps state that changes a result (its caches are keyed by the objects they describe),
    // and the tests neither mock modules nor change process.env; runMain restores the working directory.
    isolate: false,
    server: { deps: { external: [DIST] } },
  },
});
