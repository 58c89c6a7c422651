// The workshop's server in this process: secrets, limits, checks and resuming, as a phone or an attacker on
// the same network would meet them.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PARTICIPANT_CAP } from "../../src/commands/workshop.js";
import { participant, serveWorkshop, type Served } from "./serve.js";

let tmp: string;
beforeAll(() => void (tmp = mkdtempSync(join(tmpdir(), "maturity-audit-ws-server-"))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
const fresh = () => join(tmp, `w${++n}`);
const yamlFiles = (folder: string) => readdirSync(folder).filter((f) => f.endsWith(".yaml")).sort();

describe("a workshop's server", () => {
  let w: Served;
  let folder: string;
  beforeAll(async () => {
    folder = fresh();
    w = await serveWorkshop(folder);
  });
  afterAll(() => w.close());

  it("has secrets of at least 128 bits, and answers 403 to every request without the right one", async () => {
    for (const s of [w.session.joinSecret, w.session.hostSecret]) expect(Buffer.from(s, "base64url").length).toBeGreaterThanOrEqual(16);
    expect(w.session.joinSecret).not.toBe(w.session.hostSecret);
    const wrong = "A".repeat(w.session.joinSecret.length);
    const paths = ["/", "/favicon.ico", `/j/${wrong}`, `/j/${wrong}/app.js`, `/f/${wrong}/api/state`, `/f/${w.session.joinSecret}`, `/j/${w.session.hostSecret}`, `/j/${w.session.joinSecret.slice(0, -1)}`];
    for (const path of paths) {
      const r = await fetch(w.base + path, { headers: { origin: "http://evil.example" } });
      expect(r.status, path).toBe(403);
      expect(r.headers.get("access-control-allow-origin")).toBeNull();
      const text = await r.text();
      expect(text).toContain("Ask the facilitator");
      expect(text).not.toContain(w.session.joinSecret);
    }
    const post = await fetch(`${w.base}/f/${wrong}/api/end`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(post.status).toBe(403);
    expect(w.session.ended).toBe(false);
  });

  it("serves its pages and assets itself, under a policy that allows no inline script and no other site", async () => {
    for (const path of ["", "/app.js", "/style.css"]) {
      const r = await fetch(w.join + path);
      expect(r.status).toBe(200);
      const csp = r.headers.get("content-security-policy")!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(r.headers.get("referrer-policy")).toBe("no-referrer");
      expect(r.headers.get("access-control-allow-origin")).toBeNull();
    }
    const page = await (await fetch(w.join)).text();
    expect(page).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    expect(page.match(/<script(?![^>]*type="application\/json")[^>]*>/g)).toEqual([`<script src="/j/${w.session.joinSecret}/app.js" defer>`]);
    const other = await fetch(`${w.join}/api/join`, { method: "OPTIONS", headers: { origin: "http://evil.example", "access-control-request-method": "POST" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const cross = await fetch(`${w.join}/api/join`, { method: "POST", headers: { origin: "http://evil.example", "content-type": "application/json" }, body: JSON.stringify({ name: "Mallory" }) });
    expect(cross.status).toBe(403);
    const form = await fetch(`${w.join}/api/join`, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ name: "Mallory" }) });
    expect(form.status).toBe(403);
    expect(w.session.roster().map((r) => r.name)).not.toContain("Mallory");
  });

  it("turns an answer that does not fit into a message on the page, leaving the file as it was", async () => {
    const p = participant(w.join);
    expect((await p.join("Eva")).status).toBe(200);
    const file = join(folder, "eva-2026-12-01.yaml");
    const before = readFileSync(file, "utf8");
    const cases: Array<[string, unknown, number, RegExp]> = [
      ["channels.print-share", "most", 422, /takes a number/],
      ["channels.print-share", 250, 422, /100/],
      ["channels.budget-split", "no-such-option", 422, /no-such-option/],
      ["channels.online-presence", ["website", "website-twice"], 422, /website-twice/],
      ["no.such-question", 1, 400, /no\.such-question/],
      ["channels.budget-split", { nested: true }, 400, /could not be read/],
    ];
    for (const [question, value, status, message] of cases) {
      const r = await p.answer(question, value);
      expect(r.status, `${question} ${JSON.stringify(value)}`).toBe(status);
      expect(r.body.error).toMatch(message);
    }
    const broken = await fetch(`${w.join}/api/answer`, { method: "POST", headers: { "content-type": "application/json", cookie: p.cookie }, body: "{not json" });
    expect(broken.status).toBe(400);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect((await p.answer("channels.print-share", 40)).status).toBe(200);
    expect((parse(readFileSync(file, "utf8")) as { answers: Record<string, unknown> }).answers["channels.print-share"]).toBe(40);
  });

  it("refuses a body over the limit before reading it, with a message", async () => {
    const p = participant(w.join);
    await p.join("Finn");
    const r = await p.call("POST", "/api/answer", { question: "channels.print-share", value: 1, note: "x".repeat(40_000) });
    expect(r.status).toBe(413);
    expect(r.body.error).toMatch(/more text than/);
    expect((parse(readFileSync(join(folder, "finn-2026-12-01.yaml"), "utf8")) as { answers: object }).answers).toEqual({});
  });

  it("answers in the participant's language", async () => {
    const p = participant(w.join);
    await p.join("Gustav");
    const r = await p.call("POST", "/api/answer", { question: "channels.print-share", value: "most", lang: "sv" });
    expect(r.status).toBe(422);
    expect(r.body.error).not.toMatch(/takes a number/);
    const view = await p.call("GET", "/api/state?lang=nb");
    expect((view.body as { texts: Record<string, string> }).texts.wsNext).toBe("Lagre og fortsett");
  });
});

describe("participants' files", () => {
  it("get a name of their own for any name, inside the folder", async () => {
    const folder = fresh();
    const w = await serveWorkshop(folder);
    try {
      const names = ["Anna", "anna", "ANNA", "Änna", "Åsa Ødegård", "李小龙", "王芳", "../../etc/passwd", "CON", "a".repeat(100), "Anna-2026-12-01"];
      for (const name of names) expect((await participant(w.join).join(name)).status, name).toBe(200);
      const files = yamlFiles(folder);
      expect(files).toHaveLength(names.length);
      expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(names.length);
      for (const f of files) expect(f).toMatch(/^[a-z0-9-]+\.yaml$/);
      expect(files).toContain("asa-odegard-2026-12-01.yaml");
      const respondents = files.map((f) => (parse(readFileSync(join(folder, f), "utf8")) as { respondent: string }).respondent).sort();
      expect(respondents).toEqual([...names].sort());
      expect((await participant(w.join).join("   ")).status).toBe(400);
    } finally {
      await w.close();
    }
  });

  it(`stop at ${PARTICIPANT_CAP} participants`, async () => {
    const folder = fresh();
    const w = await serveWorkshop(folder);
    try {
      for (let i = 0; i < PARTICIPANT_CAP; i++) w.session.join(`P${i}`);
      const r = await participant(w.join).join("One too many");
      expect(r.status).toBe(409);
      expect(r.body.error).toMatch(/at most 60/);
      expect(yamlFiles(folder)).toHaveLength(PARTICIPANT_CAP);
    } finally {
      await w.close();
    }
  });
});

describe("a restart", () => {
  it("resumes with the same links, participants, answers, agreements and reveal", async () => {
    const folder = fresh();
    const first = await serveWorkshop(folder);
    const anna = participant(first.join);
    const bo = participant(first.join);
    await anna.join("Anna", "CEO");
    await bo.join("Bo");
    await anna.answer("channels.print-share", 20, "From the 2025 budget");
    await bo.answer("channels.print-share", 60);
    await bo.call("POST", "/api/answer", { question: "channels.budget-split", skip: true });
    first.session.reveal("channels");
    await first.session.agree("channels.print-share", 40, "We split the difference");
    const secrets = [first.session.joinSecret, first.session.hostSecret];
    await first.close();

    const again = await serveWorkshop(folder);
    try {
      expect([again.session.joinSecret, again.session.hostSecret]).toEqual(secrets);
      // The cookie from before still says who this is; Bo's skipped question stays passed over.
      const r = await fetch(`${again.join}/api/state`, { headers: { cookie: bo.cookie } });
      const { view } = (await r.json()) as { view: { name: string; question: { id: string } } };
      expect(view.name).toBe("Bo");
      expect(view.question.id).toBe("channels.channel-choice");
      expect(again.session.roster().map((p) => [p.name, p.role, p.answered])).toEqual([
        ["Anna", "CEO", 1],
        ["Bo", undefined, 1],
      ]);
      const print = again.session.revealView().find((q) => q.id === "channels.print-share")!;
      expect(print.agreed).toMatchObject({ value: 40, note: "We split the difference", disagreed: ["Anna", "Bo"] });
      const team = parse(readFileSync(join(folder, "team", "team-answers.yaml"), "utf8")) as { answers: Record<string, { value: unknown; note: string }> };
      expect(team.answers["channels.print-share"]!.value).toBe(40);
      expect(team.answers["channels.print-share"]!.note).toMatch(/Anna, Bo.*We split the difference/);
    } finally {
      await again.close();
    }
  });

  it("refuses a state file that is not one, rather than starting over it", async () => {
    const folder = fresh();
    const w = await serveWorkshop(folder);
    await w.close();
    writeFileSync(join(folder, ".workshop", "state.json"), "{ broken");
    await expect(serveWorkshop(folder)).rejects.toThrow(/not a workshop's saved state/);
  });
});

describe("live updates", () => {
  /** Reads server-sent events until `count` have come, as an EventSource would after a reconnect. */
  async function events(url: string, lastId: number | undefined, count: number): Promise<Array<{ id: number; event: string }>> {
    const controller = new AbortController();
    const r = await fetch(url, { headers: lastId === undefined ? {} : { "last-event-id": String(lastId) }, signal: controller.signal });
    expect(r.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = r.body!.getReader();
    const got: Array<{ id: number; event: string }> = [];
    let buffer = "";
    while (got.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += Buffer.from(value).toString("utf8");
      let at: number;
      while ((at = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const id = /^id: (\d+)$/m.exec(block)?.[1];
        const event = /^event: (\w+)$/m.exec(block)?.[1];
        if (id && event) got.push({ id: Number(id), event });
      }
    }
    controller.abort();
    return got;
  }

  it("resume from Last-Event-ID without losing an event, and need the facilitator's secret", async () => {
    const folder = fresh();
    const w = await serveWorkshop(folder);
    try {
      const p = participant(w.join);
      await p.join("Ida");
      await p.answer("channels.print-share", 10);
      w.session.reveal("channels");
      await w.session.agree("channels.print-share", 10);
      const all = await events(`${w.host}/api/events?after=0`, undefined, 4);
      expect(all.map((e) => e.event)).toEqual(["progress", "progress", "reveal", "agree"]);
      expect(all.map((e) => e.id)).toEqual([1, 2, 3, 4]);
      // Gone after the second event: the rest come on reconnecting, then new ones as they happen.
      const pending = events(`${w.host}/api/events`, 2, 3);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await p.answer("channels.budget-split", "little-online");
      expect(await pending).toEqual([
        { id: 3, event: "reveal" },
        { id: 4, event: "agree" },
        { id: 5, event: "progress" },
      ]);
      expect((await fetch(`${w.join}/api/events`)).status).toBe(404);
    } finally {
      await w.close();
    }
  });
});

describe("rate limits", () => {
  it("slow down a client that keeps guessing, and not one that has joined", async () => {
    // A small bucket, so that a busy machine cannot refill it while the test runs.
    const w = await serveWorkshop(fresh(), {}, { anonymous: [10, 0.1], identified: [10, 0.1] });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 14; i++) statuses.push((await fetch(`${w.base}/j/guess${i}`)).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(403));
      expect(statuses.slice(10)).toEqual(Array(4).fill(429));
      const limited = await fetch(`${w.base}/j/guess`);
      expect(limited.headers.get("retry-after")).toBe("2");
      expect(await limited.text()).toContain("wait a moment");
      // Someone who has joined has a bucket of their own, not the guesser's.
      w.session.join("Joined before");
      const token = w.session.tokenOf(w.session.roster()[0]!.id)!;
      expect((await fetch(`${w.join}/api/state`, { headers: { cookie: `ma_p=${token}` } })).status).toBe(200);
    } finally {
      await w.close();
    }
  });
});
