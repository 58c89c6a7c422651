// Bundles the command line into one CommonJS file, dist/bin/cli.cjs, and makes V8's code cache for it, so that
// start-up reads two files and compiles little instead of resolving and compiling a hundred modules.
// The library build in dist/ stays as tsc made it.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
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

// Typical runs, then a cache holding the functions they compiled: one for commands, a small one for --version
// and --help.
const caches = {
  "cli.cjs.light.cache": [["--version"], ["--help"]],
  "cli.cjs.cache": [["score", "test/fixtures/mixed-regional-shop.yaml"], ["--help"]],
};
for (const [cache, runs] of Object.entries(caches)) {
  const run = spawnSync(process.execPath, ["bin/maturity-audit.cjs"], {
    env: { ...process.env, MATURITY_AUDIT_WRITE_CODE_CACHE: JSON.stringify({ cache, runs }), NO_COLOR: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (run.status !== 0 || !existsSync(`dist/bin/${cache}`)) {
    console.error(`bundle-cli: the bundled CLI failed on ${JSON.stringify(runs)}; see above`);
    process.exit(1);
  }
}
