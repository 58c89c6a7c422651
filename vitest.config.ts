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
    server: { deps: { external: [DIST] } },
  },
});
