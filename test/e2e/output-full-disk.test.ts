// --output on a full disk: the command fails with exit 2 and says so, and the report it would replace stays whole.
import { spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, FIXTURES } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

const isRoot = process.getuid?.() === 0;
const tmp = mkdtempSync(join(tmpdir(), "maturity-audit-full-disk-"));
const disk = join(tmp, "disk");
mkdirSync(disk);
// A 64 KiB disk of its own (root only, where mounting is allowed).
const mounted = isRoot && spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk]).status === 0;
// As root a broken writer could replace the machine's /dev/full; a private node of the same device keeps that out of reach.
const full = isRoot ? join(tmp, "full") : "/dev/full";
const hasFull = !isRoot || spawnSync("mknod", [full, "c", "1", "7"]).status === 0;

beforeAll(() => assertBuilt());
afterAll(() => {
  if (mounted) spawnSync("umount", [disk]);
  rmSync(tmp, { recursive: true, force: true });
});

describe("score --format json --output on a full disk", () => {
  const answers = join(FIXTURES, "least-mature.yaml");

  it.runIf(mounted)("exits 2, says the disk is full, and leaves the old report byte-identical", async () => {
    const first = await runMain(["score", answers, "--format", "json", "--output", join(disk, "report.json")]);
    expect(first.code, first.stderr).toBe(0);
    const before = readFileSync(join(disk, "report.json"));
    // Fill what is left, so that the next report cannot fit.
    const filler = spawnSync("sh", ["-c", `head -c 100000 /dev/zero > ${join(disk, "filler")}`]);
    expect(filler.status).not.toBe(0);
    const r = await runMain(["score", answers, "--format", "json", "--explain", "--output", join(disk, "report.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${join(disk, "report.json")}: the disk is full`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(join(disk, "report.json")).equals(before), "the old report is unchanged").toBe(true);
    expect(JSON.parse(before.toString("utf8"))).toHaveProperty("schemaVersion");
    expect(readdirSync(disk).sort()).toEqual(["filler", "report.json"]);
  });

  it.runIf(hasFull)("onto /dev/full exits 2 with the disk-full message, and the device stays a device", async () => {
    const r = await runMain(["score", answers, "--format", "json", "--output", full]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${full}: the disk is full`);
    expect(r.stdout).toBe("");
    expect(lstatSync(full).isCharacterDevice()).toBe(true);
  });
});
