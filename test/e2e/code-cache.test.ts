// The launcher runs the bundle with V8's code cache from the build; a cache that does not fit (another Node,
// a damaged file) or no cache at all must change nothing but the speed.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.js";

let root: string;

/** A copy of the installed package whose dist/bin holds the bundle and the given caches. */
function packageWith(name: string, caches: Record<string, Buffer | string | undefined>): string {
  const dir = join(root, name);
  mkdirSync(join(dir, "bin"), { recursive: true });
  mkdirSync(join(dir, "dist", "bin"), { recursive: true });
  copyFileSync(join(REPO_ROOT, "bin", "maturity-audit.cjs"), join(dir, "bin", "maturity-audit.cjs"));
  copyFileSync(join(REPO_ROOT, "dist", "bin", "cli.cjs"), join(dir, "dist", "bin", "cli.cjs"));
  for (const [file, data] of Object.entries(caches)) if (data !== undefined) writeFileSync(join(dir, "dist", "bin", file), data);
  for (const shared of ["questions", "scoring", "benchmarks", "package.json"]) symlinkSync(join(REPO_ROOT, shared), join(dir, shared));
  symlinkSync(join(REPO_ROOT, "dist", "bundled"), join(dir, "dist", "bundled"));
  return join(dir, "bin", "maturity-audit.cjs");
}

const run = (bin: string, args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ma-cache-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the code cache", () => {
  const expected = run(join(REPO_ROOT, "bin", "maturity-audit.cjs"), ["score", "test/fixtures/mixed-regional-shop.yaml"]);

  it("is made by the build for commands and for --version/--help", () => {
    expect(expected.status).toBe(0);
    const size = (cache: string) => statSync(join(REPO_ROOT, "dist", "bin", cache)).size;
    // The light cache holds what --version and --help compile, well under what a score compiles.
    expect(size("cli.cjs.light.cache")).toBeGreaterThan(50_000);
    expect(size("cli.cjs.cache")).toBeGreaterThan(2 * size("cli.cjs.light.cache"));
  });

  for (const [name, caches] of [
    ["no cache", {}],
    ["damaged caches", { "cli.cjs.cache": Buffer.alloc(4096, 7), "cli.cjs.light.cache": "not a cache" }],
    ["empty caches", { "cli.cjs.cache": "", "cli.cjs.light.cache": "" }],
  ] as const) {
    it(`with ${name}, the CLI gives the same report and version`, () => {
      const bin = packageWith(name.replace(/\s/g, "-"), caches);
      const score = run(bin, ["score", "test/fixtures/mixed-regional-shop.yaml"]);
      expect(score.stderr).toBe("");
      expect(score.status).toBe(0);
      expect(score.stdout).toBe(expected.stdout);
      const version = run(bin, ["--version"]);
      expect(version.status).toBe(0);
      expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
      // Each run made this Node's own cache in place of the missing or refused one.
      const dist = join(bin, "..", "..", "dist", "bin");
      expect(statSync(join(dist, "cli.cjs.cache")).size).toBeGreaterThan(100_000);
      expect(statSync(join(dist, "cli.cjs.light.cache")).size).toBeGreaterThan(50_000);
      expect(run(bin, ["score", "test/fixtures/mixed-regional-shop.yaml"]).stdout).toBe(expected.stdout);
    });
  }

  it("when the cache cannot be written, the run still succeeds and leaves no temporary file behind", () => {
    // A folder where the cache would go makes writing it fail, even for root (a read-only install does so for others).
    const bin = packageWith("unwritable", {});
    const dist = join(bin, "..", "..", "dist", "bin");
    mkdirSync(join(dist, "cli.cjs.cache"));
    const score = run(bin, ["score", "test/fixtures/mixed-regional-shop.yaml"]);
    expect(score.stderr).toBe("");
    expect(score.status).toBe(0);
    expect(score.stdout).toBe(expected.stdout);
    expect(readdirSync(dist).sort()).toEqual(["cli.cjs", "cli.cjs.cache"]);
  });
});
