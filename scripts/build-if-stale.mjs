// Runs the build unless dist/ was built after every file it is made from: `npm test` builds first, and a tree
// that is already built (CI builds, then tests) need not pay for it twice.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const STAMP = "dist/.build-stamp";
const inputs = ["src", "scripts", "questions", "scoring", "benchmarks", "bin", "package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json"];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
if (built && inputs.every((p) => newest(p) < built)) {
  console.log("build: dist/ is up to date");
} else {
  const r = spawnSync("npm", ["run", "build"], { stdio: "inherit", shell: process.platform === "win32" });
  process.exit(r.status ?? 1);
}
