// The workshop as the built command runs it: killed outright in the middle of saving, it leaves only whole
// files and every answer it had confirmed; started again it resumes; Ctrl-C ends it with exit 130, the team's
// files written and the next commands printed.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BIN, REPO_ROOT, assertBuilt, cliEnv } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";
import { participant } from "./serve.js";

const QUESTIONS: Array<[string, unknown]> = [
  ["channels.print-share", 30],
  ["channels.budget-split", "little-online"],
  ["channels.channel-choice", "habit"],
  ["channels.online-presence", ["website"]],
  ["channels.social-media", "not-used"],
  ["channels.online-ads", "no-online-ads"],
  ["channels.cut-traditional", true],
];

interface Started {
  child: ChildProcess;
  join: string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function start(folder: string): Promise<Started> {
  const child = spawn(process.execPath, [BIN, "workshop", folder, "--host", "127.0.0.1", "--port", "0", "--lang", "en"], { cwd: REPO_ROOT, env: cliEnv({}), stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.on("data", (d: Buffer) => {
      err += d.toString("utf8");
      const join = /join at: (http:\/\/\S+)/.exec(err)?.[1];
      if (join && /Ctrl-C/.test(err)) resolve({ child, join, stderr: () => err, exit });
    });
    void exit.then((code) => reject(new Error(`exited ${code}: ${err}`)));
  });
}

describe("the workshop command", { timeout: 60_000 }, () => {
  let tmp: string;
  beforeAll(() => {
    assertBuilt();
    tmp = mkdtempSync(join(tmpdir(), "maturity-audit-ws-process-"));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("survives kill -9 while saving, resumes, and ends on Ctrl-C with exit 130", async () => {
    const folder = join(tmp, "acme");
    const first = await start(folder);
    const people = [participant(first.join), participant(first.join), participant(first.join)];
    await Promise.all(people.map((p, i) => p.join(`Person ${i}`)));
    // Everyone answers as fast as they can; the server is killed while answers are being written.
    const confirmed: Array<Map<string, unknown>> = people.map(() => new Map());
    let killed = false;
    const answering = people.map(async (p, i) => {
      for (let round = 0; !killed; round++) {
        const [question, value] = QUESTIONS[round % QUESTIONS.length]!;
        const given = question === "channels.print-share" ? round : value;
        try {
          const r = await p.answer(question, given);
          if (r.status === 200) confirmed[i]!.set(question, given);
        } catch {
          return;
        }
      }
    });
    // Killed once everyone has had answers confirmed, while the next ones are on their way.
    while (!confirmed.every((c) => c.size >= 2)) await new Promise((resolve) => setTimeout(resolve, 10));
    killed = true;
    first.child.kill("SIGKILL");
    await Promise.all(answering);
    expect(await first.exit).toBeNull();

    // Only whole files: every answers file is valid, the state reads, and nothing confirmed is missing.
    const files = readdirSync(folder).filter((f) => f.endsWith(".yaml")).sort();
    expect(files).toHaveLength(3);
    const valid = await runMain(["validate", folder]);
    expect(valid.code, valid.stderr + valid.stdout).toBe(0);
    JSON.parse(readFileSync(join(folder, ".workshop", "state.json"), "utf8"));
    for (const [i, file] of files.entries()) {
      const saved = (parse(readFileSync(join(folder, file), "utf8")) as { answers: Record<string, unknown> }).answers;
      for (const [question, value] of confirmed[i]!) {
        // The last confirmed answer, or one the server took after it but before the kill.
        if (question === "channels.print-share") expect(saved[question] as number).toBeGreaterThanOrEqual(value as number);
        else expect(saved[question]).toEqual(value);
      }
    }

    // Started again: the same link, the same people, who carry on.
    const second = await start(folder);
    try {
      expect(second.join.replace(/:\d+\//, ":PORT/")).toBe(first.join.replace(/:\d+\//, ":PORT/"));
      const again = await fetch(`${second.join}/api/state`, { headers: { cookie: people[0]!.cookie } });
      expect(again.status).toBe(200);
      const { view } = (await again.json()) as { view: { name: string; progress: { answered: number } } };
      expect(view.name).toBe("Person 0");
      expect(view.progress.answered).toBeGreaterThanOrEqual(confirmed[0]!.size);
    } finally {
      second.child.kill("SIGINT");
    }
    expect(await second.exit).toBe(130);
    const said = second.stderr();
    expect(said).toMatch(/Workshop ended: 3 participants/);
    expect(said).toContain(`maturity-audit merge ${folder} --format html`);
    expect(said).toContain(`maturity-audit score ${join(folder, "team", "team-answers.yaml")}`);
    expect(said).toContain(`maturity-audit workshop ${folder} --lang en`);
    const team = parse(readFileSync(join(folder, "team", "team-answers.yaml"), "utf8")) as { kind: string; respondents: string[] };
    expect(team.kind).toBe("answers");
    expect([...team.respondents].sort()).toEqual(["Person 0", "Person 1", "Person 2"]);
  });
});
