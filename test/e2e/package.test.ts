// The package as npm publishes it: unpacked where nothing else is installed, it must run on its own, write
// nothing inside itself, and give the same output and library results as the working copy.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BIN, REPO_ROOT } from "../helpers/cli.js";

vi.setConfig({ testTimeout: 120_000 });

// --help reads the most of the bundle's text, score runs the most of its code and reads the bundled data.
const COMMANDS = [["--help"], ["score", "test/fixtures/mixed-regional-shop.yaml"]];

let root: string;
/** The unpacked package, as `npm install` lays it out in node_modules/maturity-audit. */
let pkg: string;
let packed: string[];

function run(bin: string, args: string[], cwd = REPO_ROOT) {
  const cache = mkdtempSync(join(root, "cache-"));
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", NODE_OPTIONS: "", XDG_CACHE_HOME: cache } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, cache };
}

/** Every path under a folder with what would show a change: size, time, mode. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => {
      const path = join(e.parentPath, e.name);
      const s = statSync(path);
      return `${relative(dir, path)} ${s.size} ${s.mtimeMs} ${s.mode.toString(8)}`;
    })
    .sort();
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ma-package-"));
  const r = spawnSync("npm", ["pack", "--json", "--pack-destination", root], { cwd: REPO_ROOT, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  const [info] = JSON.parse(r.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = info!.files.map((f) => f.path);
  const install = join(root, "install");
  mkdirSync(install);
  expect(spawnSync("tar", ["-xzf", join(root, info!.filename), "-C", install]).status).toBe(0);
  pkg = join(install, "package");
});
afterAll(() => {
  spawnSync("chmod", ["-R", "u+w", root]);
  rmSync(root, { recursive: true, force: true });
});

describe("the published package", () => {
  it("installs no dependencies and ships the bundles, not the modules they were made from", () => {
    const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) as Record<string, Record<string, unknown> | undefined>;
    // Not even optional peers: npx looks each of them up in the registry on every first run.
    for (const field of ["dependencies", "optionalDependencies", "peerDependencies"]) expect(manifest[field] ?? {}).toEqual({});
    expect(packed).toContain("bin/maturity-audit.cjs");
    expect(packed).toContain("dist/bin/cli.cjs");
    expect(packed).toContain("dist/lib/index.js");
    // One declaration file: npm unpacks a package file by file, and tsc's seventy cost a cold npx most of a second.
    expect(packed.filter((f) => f.endsWith(".d.ts"))).toEqual(["dist/lib/index.d.ts"]);
    expect(packed.filter((f) => f.startsWith("dist/") && /\.(c?js|map)$/.test(f) && !/^dist\/(bin|lib)\//.test(f))).toEqual([]);
    expect(packed.filter((f) => /\.(v8)?cache$/.test(f))).toEqual([]);
  });

  it("installed read-only, runs as the working copy does and writes nothing inside its folder", () => {
    const before = listing(pkg);
    expect(spawnSync("chmod", ["-R", "a-w", pkg]).status).toBe(0);
    const bin = join(pkg, "bin", "maturity-audit.cjs");
    for (const args of COMMANDS) {
      const expected = run(BIN, args);
      expect(expected.status).toBe(0);
      const got = run(bin, args);
      expect({ status: got.status, stdout: got.stdout, stderr: got.stderr }).toEqual({ status: 0, stdout: expected.stdout, stderr: expected.stderr });
      // Its code cache went to the user's cache folder instead (that a cache gives the same output, the code-cache tests show).
      expect(readdirSync(got.cache).length).toBeGreaterThan(0);
    }
    // Run as root, chmod does not stop a write: the listing shows whether one happened.
    expect(spawnSync("chmod", ["-R", "u+w", pkg]).status).toBe(0);
    expect(listing(pkg)).toEqual(before);
  });

  it("as a library, imports without output or dependencies and scores as the command line does", () => {
    const app = join(root, "app");
    mkdirSync(join(app, "node_modules"), { recursive: true });
    symlinkSync(pkg, join(app, "node_modules", "maturity-audit"));
    writeFileSync(join(app, "quiet.mjs"), 'import "maturity-audit";\n');
    const quiet = spawnSync(process.execPath, ["quiet.mjs"], { cwd: app, encoding: "utf8" });
    expect({ status: quiet.status, stdout: quiet.stdout, stderr: quiet.stderr }).toEqual({ status: 0, stdout: "", stderr: "" });

    writeFileSync(
      join(app, "score.mjs"),
      [
        'import { scoreFile } from "maturity-audit";',
        "// The same pipeline as the command line: questionnaire and rubric found from the file, answers checked once.",
        "const d = new Date();",
        'const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;',
        "const { scorecard } = await scoreFile(process.argv[2], { today });",
        "process.stdout.write(JSON.stringify(scorecard));",
      ].join("\n"),
    );
    const fixture = join(REPO_ROOT, "test", "fixtures", "mixed-regional-shop.yaml");
    const lib = spawnSync(process.execPath, ["score.mjs", fixture], { cwd: app, encoding: "utf8" });
    expect(lib.stderr).toBe("");
    const cli = run(BIN, ["score", fixture, "--format", "json"]);
    expect(JSON.parse(lib.stdout)).toEqual(JSON.parse(cli.stdout));
  });

  it("for TypeScript, gives the real types once the project has zod and yaml", () => {
    const app = join(root, "typed");
    // A copy, not a link: TypeScript looks for zod and yaml from where the package really is.
    cpSync(pkg, join(app, "node_modules", "maturity-audit"), { recursive: true });
    for (const lib of ["zod", "yaml"]) symlinkSync(join(REPO_ROOT, "node_modules", lib), join(app, "node_modules", lib));
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, noEmit: true, types: [] } }),
    );
    writeFileSync(
      join(app, "audit.ts"),
      [
        'import { loadAnswers, loadQuestionnaire, loadRubric, questionnaireSchema, scoreAnswers, type Scorecard } from "maturity-audit";',
        'const card: Scorecard = scoreAnswers(loadQuestionnaire("q.yaml").value, loadRubric("r.yaml").value, loadAnswers("a.yaml").value);',
        "const score: number | null = card.overall.score;",
        // Were the types `any`, this directive would have nothing to expect, which tsc reports.
        "// @ts-expect-error: a score is no string",
        "const wrong: string = card.overall.score;",
        "console.log(score, wrong, questionnaireSchema.safeParse({}).success);",
      ].join("\n"),
    );
    const tsc = spawnSync(process.execPath, [join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", app], { encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});
