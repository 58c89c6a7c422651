// Bundles the command line into one CommonJS file, dist/bin/cli.cjs, so that start-up reads one file instead of
// resolving a hundred modules. Its V8 code cache is made by the launcher at run time, in the user's cache folder.
// The library build in dist/ stays as tsc made it.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist/bin", { recursive: true, force: true });

// commander requires node:child_process for executable subcommands, which this CLI has none of; loading it
// (and the networking modules it pulls in) only when used saves start-up time.
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (/commander/.test(args.importer) ? { path: "lazy-child-process", namespace: "lazy" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });',
      loader: "js",
    }));
  },
};

await build({
  entryPoints: { cli: "dist/cli/program.js" },
  plugins: [lazyChildProcess],
  outdir: "dist/bin",
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  // Paths to the bundled data and the plugin worker are found from the module's own location.
  define: { "import.meta.url": "__import_meta_url" },
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  // A third smaller to read at every start; identifiers stay, so that a --debug stack trace still names functions.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
});

// Plugins run in a worker of their own, as an ES module.
await build({
  entryPoints: { "plugin-worker": "dist/engine/plugin-worker.js" },
  outdir: "dist/bin",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
});
