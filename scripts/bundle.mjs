// Bundles what the package runs, so that it installs no dependencies: the command line into one CommonJS file,
// dist/bin/cli.cjs (start-up reads one file instead of resolving a hundred modules), and the library into one
// ES module, dist/lib/index.js, with its declarations in one file beside it. Both sit two folders deep, as the
// modules tsc made, so that the paths to the bundled data work out the same from either.
import { rmSync } from "node:fs";
import { build } from "esbuild";
import { rollup } from "rollup";
import { dts } from "rollup-plugin-dts";

rmSync("dist/bin", { recursive: true, force: true });
rmSync("dist/lib", { recursive: true, force: true });

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

const common = { bundle: true, platform: "node", target: "node20", logLevel: "warning" };

await build({
  ...common,
  entryPoints: { cli: "dist/cli/program.js" },
  plugins: [lazyChildProcess],
  outdir: "dist/bin",
  outExtension: { ".js": ".cjs" },
  format: "cjs",
  // Paths to the bundled data and the plugin worker are found from the module's own location.
  define: { "import.meta.url": "__import_meta_url" },
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  // A third smaller to read at every start; identifiers stay, so that a --debug stack trace still names functions.
  minifyWhitespace: true,
  minifySyntax: true,
});

// The library stays readable: a developer may step into it. The CommonJS packages inside (yaml, cli-table3)
// require Node's modules, which an ES module does through a require of its own.
await build({
  ...common,
  entryPoints: { index: "dist/index.js" },
  outdir: "dist/lib",
  format: "esm",
  banner: { js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);' },
});

// Plugins run in a worker of their own, as an ES module, beside each bundle that may start one.
for (const outdir of ["dist/bin", "dist/lib"]) {
  await build({ ...common, entryPoints: { "plugin-worker": "dist/engine/plugin-worker.js" }, outdir, format: "esm" });
}

// One declaration file instead of tsc's seventy: npm unpacks every file of a package one by one, which made up
// most of what a cold npx spent beyond a package of two files. zod's and yaml's types stay imports (see README).
const declarations = await rollup({ input: "dist/index.d.ts", plugins: [dts()], external: [/^[^./]/] });
await declarations.write({ file: "dist/lib/index.d.ts", format: "es" });
