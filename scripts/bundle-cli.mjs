// Bundles the command line into dist/bin/ (one file per lazily loaded command), so that start-up reads a
// few files instead of a hundred modules. The library build in dist/ stays as tsc made it.
import { rmSync } from "node:fs";
import { build } from "esbuild";

// Chunk names carry hashes: clear the last build so that stale chunks are not shipped.
rmSync("dist/bin", { recursive: true, force: true });

await build({
  entryPoints: { main: "dist/cli/main.js", "plugin-worker": "dist/engine/plugin-worker.js" },
  outdir: "dist/bin",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "[name]-[hash]",
  // Some dependencies are CommonJS; give the bundle a require() of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: "warning",
});
