// In-process: benchmark build from one's own audits, the roadmap command's output, and the quick audit.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBenchmarkBuild } from "../../src/commands/benchmark.js";
import { runScore } from "../../src/commands/score.js";
import type { Io } from "../../src/commands/io.js";
import { UsageError } from "../../src/errors.js";
import { loadBenchmarkFile } from "../../src/load/load.js";
import { FIXTURES } from "../helpers/cli.js";

function io(): Io & { stdout: string; stderr: string } {
  const o = { stdout: "", stderr: "", colorLevel: 0 as const, columns: 80, quiet: false, out: (t: string) => void (o.stdout += t), err: (t: string) => void (o.stderr += t) };
  return o;
}

let dir: string;
const mixed = readFileSync(join(FIXTURES, "mixed-regional-shop.yaml"), "utf8");
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ma-bench-build-"));
  for (let i = 0; i < 7; i++) {
    const region = i < 5 ? "regional-town" : "capital";
    const text = mixed.replace("Karin Lindqvist (owner)", `Owner ${i}`).replace("data.analytics: 3", `data.analytics: ${1 + (i % 5)}`).replace(/date: "2026-03-12"/, `date: "2026-0${1 + i}-01"`);
    writeFileSync(join(dir, `audit-${i}.yaml`), text.replace("context.region: regional-town", `context.region: ${region}`));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("benchmark build", () => {
  it("makes a valid profile with medians, quartiles, how many audits and their dates", async () => {
    const out = join(dir, "..", `ma-profile-${process.pid}.yaml`);
    const o = io();
    await runBenchmarkBuild({ files: [dir], id: "my-clients", title: "My clients", output: out, today: "2026-12-01" }, o);
    const profile = loadBenchmarkFile(out).value;
    expect(profile).toMatchObject({ id: "my-clients", title: "My clients", illustrative: false, n: 7, dates: { from: "2026-01-01", to: "2026-07-01" } });
    for (const [id, q] of Object.entries(profile.quartiles!)) {
      expect(q[0], id).toBeLessThanOrEqual(q[1]);
      expect(q[1], id).toBeLessThanOrEqual(q[2]);
      if (id !== "overall") expect(profile.scores[id], id).toBe(q[1]);
    }
    expect(o.stderr).toContain("from 7 audits");

    // The profile then says where it comes from, and which quarter an audit falls in.
    const s = io();
    await runScore({ files: [join(FIXTURES, "small-cafe-online-only.yaml")], format: "text", benchmark: out, today: "2026-12-01" }, s);
    expect(s.stdout.replace(/\s+/g, " ")).toContain("based on 7 audits, 2026-01-01 to 2026-07-01");
    expect(s.stdout).toMatch(/quarter of the profile's audits/);
    rmSync(out, { force: true });
  });

  it("refuses a group smaller than five, also after a filter, and writes nothing", async () => {
    const out = join(dir, "..", `ma-profile-small-${process.pid}.yaml`);
    await expect(runBenchmarkBuild({ files: [dir], id: "capital", where: { "context.region": "capital" }, output: out, today: "2026-12-01" }, io())).rejects.toThrow(UsageError);
    await expect(runBenchmarkBuild({ files: [dir], id: "capital", where: { "context.region": "capital" }, output: out, today: "2026-12-01" }, io())).rejects.toThrow(/at least 5 audits.*found 2/);
    expect(() => readFileSync(out)).toThrow();
    const o = io();
    await runBenchmarkBuild({ files: [dir], id: "regional", where: { "context.region": "regional-town" }, today: "2026-12-01" }, o);
    expect(o.stdout).toMatch(/^n: 5$/m);
  });
});

describe("the roadmap", () => {
  it("lists every step, phased, with the smallest plan starred, where the text report shows five", async () => {
    const file = join(FIXTURES, "mixed-regional-shop.yaml");
    const json = io();
    await runScore({ files: [file], format: "json", today: "2026-12-01" }, json);
    const card = JSON.parse(json.stdout) as { nextSteps: Array<{ id: string; title: string; inMinimalPlan: boolean; phase: { name: string } }>; roadmap: { minimal: string[]; phases: Array<{ steps: string[] }> } };
    expect(card.nextSteps.length).toBeGreaterThan(5);
    expect(card.roadmap.phases.flatMap((p) => p.steps)).toEqual(card.nextSteps.map((s) => s.id));

    const full = io();
    await runScore({ files: [file], format: "text", roadmap: true, today: "2026-12-01" }, full);
    const text = full.stdout.replace(/\s+/g, " ");
    for (const s of card.nextSteps) expect(text).toContain(s.title);
    for (const name of new Set(card.nextSteps.map((s) => s.phase.name))) expect(text).toContain(`Toward ${name}`);
    expect(text).toContain(`★ = in the smallest set of changes that reaches Media house 2.0: ${card.roadmap.minimal.length} answers.`);

    const short = io();
    await runScore({ files: [file], format: "text", today: "2026-12-01" }, short);
    expect(short.stdout.replace(/\s+/g, " ")).toContain(`…and ${card.nextSteps.length - 5} more steps: run the same command with --roadmap to list them all.`);
  });
});
