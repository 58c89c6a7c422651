// The live workshop in a real headless Chromium: four phones and the projector's dashboard. People join by
// the link, answer (a "don't know", a question shown only by earlier answers), one loses the network and
// comes back; the facilitator reveals, agrees and ends; the files on disk are then what merge reads, and
// merge gives the team scores the dashboard showed. Skipped where /usr/bin/chromium is missing.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runMain } from "../helpers/main.js";
import { serveWorkshop, type Served } from "./serve.js";

const CHROMIUM = "/usr/bin/chromium";
/** Where screenshots are kept to look at (`SHOTS_DIR=/tmp/shots npm test`); none are taken otherwise. */
const SHOTS = process.env.SHOTS_DIR ? join(process.env.SHOTS_DIR, "workshop") : undefined;
const shoot = async (page: Page, name: string, fullPage = false) => {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, name), fullPage });
};
const WHEN_QUESTION = "channels.platform-dependence";
// Answers that keep the platform question hidden: the fourth participant gives them.
const HIDING = ['"little-online"', '"not-used"', '"no-online-ads"'];
// The question after it: where the fourth participant, who never sees it, stops.
const AFTER_WHEN = "channels.cut-traditional";

describe.skipIf(!existsSync(CHROMIUM))("a live workshop in headless Chromium", { timeout: 120_000 }, () => {
  let tmp: string;
  let folder: string;
  let served: Served;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "maturity-audit-workshop-"));
    folder = join(tmp, "acme");
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    [served, browser] = await Promise.all([
      serveWorkshop(folder, { lang: "en" }),
      chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** A page that records every request leaving for another host and every console error or CSP report. */
  async function open(width: number, height: number, url: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(m.text()) && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("request", (r) => !r.url().startsWith(served.base) && problems.push(`request to ${r.url()}`));
    await page.goto(url);
    return page;
  }

  /** Answers one question the way person `i` would, and waits for the next one. */
  async function answerOne(page: Page, i: number): Promise<string> {
    const form = page.locator("form[data-id]");
    const id = (await form.getAttribute("data-id"))!;
    const type = (await form.getAttribute("data-type"))!;
    if (id === WHEN_QUESTION && i < 2) await form.locator(`input[value='"unknown"']`).check();
    else if (type === "number") await form.locator("input[name=number]").fill(String(10 + 25 * i));
    else if (type === "multi") await form.locator("label.choice:not(.extra) input").nth(i % 3).check();
    else {
      const values = await form.locator("label.choice:not(.extra) input").evaluateAll((inputs) => inputs.map((x) => (x as HTMLInputElement).value));
      const allowed = values.filter((v) => (i === 3 ? true : !HIDING.includes(v)));
      const hiding = values.find((v) => HIDING.includes(v));
      const pick = i === 3 && hiding ? hiding : allowed[i % allowed.length]!;
      await form.locator(`label.choice:not(.extra) input[value='${pick}']`).check();
    }
    await form.locator("button[type=submit]").click();
    try {
      await page.waitForFunction((prev) => document.querySelector("form[data-id]")?.getAttribute("data-id") !== prev, id);
    } catch (err) {
      throw new Error(`participant ${i} stayed on ${id}: ${await page.locator("main").textContent()}`, { cause: err });
    }
    return id;
  }

  const t0 = Date.now();
  const mark = (what: string) => process.env.WORKSHOP_TIMES && console.log(what, Date.now() - t0);
  it("runs from the join link to the team report, and leaves the files merge reads", async () => {
    const dashboard = await open(1280, 720, served.host);
    await expect.poll(() => dashboard.locator("#join-url").textContent()).toBe(served.join);
    mark("dashboard");
    const phones = await Promise.all([0, 1, 2, 3].map(() => open(390, 844, served.join)));
    const names = ["Anna Lindqvist", "Bjørn Ødegård", "Carla <b>Ruiz</b>", "Dag Ås"];

    const asked = await Promise.all(
      phones.map(async (page, i) => {
        await page.locator("#name").fill(names[i]!);
        if (i === 0) await page.locator("#role").fill("CEO");
        await page.locator("button[type=submit]").click();
        await page.locator("form[data-id]").waitFor();
        const ids: string[] = [];
        for (let n = 0; ; n++) {
          if (i === 1 && n === 2) {
            // The network goes: the answer waits on the phone, and goes through once it is back.
            await page.context().setOffline(true);
            await page.locator("label.choice:not(.extra) input").first().check();
            await page.locator("button[type=submit]").click();
            await page.locator("#banner:not(.hidden)").waitFor();
            await shoot(page, "phone-offline.png");
            ids.push((await page.locator("form[data-id]").getAttribute("data-id"))!);
            await page.context().setOffline(false);
            await page.waitForFunction((prev) => document.querySelector("form[data-id]")?.getAttribute("data-id") !== prev, ids.at(-1)!);
            continue;
          }
          if (i === 0 && n === 1) await shoot(page, "phone-question.png");
          const id = await answerOne(page, i);
          ids.push(id);
          if (id === (i === 3 ? AFTER_WHEN : WHEN_QUESTION)) return ids;
        }
      }),
    );
    mark("answered");
    expect(asked[0]).toContain(WHEN_QUESTION);
    expect(asked[3]).not.toContain(WHEN_QUESTION);

    // Silent scoring: the dashboard shows who and how far, never what.
    await expect.poll(() => dashboard.locator("#roster tr[data-participant]").count()).toBe(4);
    const progress = () => dashboard.locator("#roster tr[data-participant]").evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.firstElementChild!.textContent, (r.querySelector("progress") as HTMLProgressElement).value])));
    await expect.poll(progress).toEqual({ [names[0]!]: 7, [names[1]!]: 7, [names[2]!]: 7, [names[3]!]: 7 });
    expect(await dashboard.locator("#reveal section").count()).toBe(0);
    expect(await dashboard.locator("#roster").textContent()).toContain("Carla <b>Ruiz</b>");
    await shoot(dashboard, "dashboard-silent.png");

    mark("silent");
    await dashboard.locator("button[data-reveal=channels]").click();
    await expect.poll(() => dashboard.locator("#reveal section").count()).toBe(9);
    // Widest spread first.
    const agreements = await dashboard.locator("#reveal section .help").first().evaluateAll(() =>
      [...document.querySelectorAll("#reveal section > .help:first-child")].map((e) => Number(/agreement (\d+)%/.exec(e.textContent ?? "")?.[1] ?? 101)),
    );
    expect(agreements).toEqual([...agreements].sort((a, b) => a - b));
    const whenCard = dashboard.locator(`section[data-question="${WHEN_QUESTION}"]`);
    expect(await whenCard.textContent()).toContain("don't know");

    // Agree the widest-spread question as merged, and the platform question as the room decides.
    const first = dashboard.locator("#reveal section:has(button.agree)").first();
    const firstId = (await first.getAttribute("data-question"))!;
    await first.locator("button.agree").click();
    await expect.poll(() => dashboard.locator(`section[data-question="${firstId}"] .agreed`).count()).toBe(1);
    await whenCard.locator("select[name=team]").selectOption('"unknown"');
    await whenCard.locator("input[name=note]").fill("Ask the web agency for the numbers");
    await whenCard.locator("button.agree").click();
    await expect.poll(() => dashboard.locator(`section[data-question="${WHEN_QUESTION}"] .agreed`).textContent()).toBe("Agreed: don't know");
    await dashboard.locator("#names").click();
    await expect.poll(() => dashboard.locator(`section[data-question="${firstId}"] .names`).count()).toBeGreaterThan(0);
    await shoot(dashboard, "dashboard-revealed.png", true);

    mark("revealed");
    dashboard.once("dialog", (d) => void d.accept());
    await dashboard.locator("#end").click();
    await dashboard.locator("#report").waitFor();
    await phones[0]!.reload();
    await expect.poll(() => phones[0]!.locator("h1").textContent()).toContain("ended");

    mark("ended");
    const teamScore = await dashboard.locator("#team-score").getAttribute("data-score");
    const dimensions = await dashboard.locator("#team-dimensions tr").evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-dimension"), r.getAttribute("data-score")]));

    // The report the dashboard links to is merge's HTML, with the hostile name as text.
    const report = await (await fetch(`${served.host}/report.html`)).text();
    expect(report).toContain("Carla &lt;b&gt;Ruiz&lt;/b&gt;");
    expect(report).not.toContain("<b>Ruiz");

    // On disk: four ordinary answers files, the team's file and report.
    const files = readdirSync(folder).filter((f) => f.endsWith(".yaml")).sort();
    expect(files).toEqual(["anna-lindqvist-2026-12-01.yaml", "bjorn-odegard-2026-12-01.yaml", "carla-b-ruiz-b-2026-12-01.yaml", "dag-as-2026-12-01.yaml"]);
    const anna = parse(readFileSync(join(folder, files[0]!), "utf8")) as { respondent: string; answers: Record<string, unknown> };
    expect(anna.respondent).toBe("Anna Lindqvist");
    expect(anna.answers[WHEN_QUESTION]).toBe("unknown");
    expect(Object.keys(anna.answers)).toHaveLength(7);
    const bjorn = parse(readFileSync(join(folder, files[1]!), "utf8")) as { answers: Record<string, unknown> };
    expect(Object.keys(bjorn.answers)).toHaveLength(7);
    const dag = parse(readFileSync(join(folder, files[3]!), "utf8")) as { answers: Record<string, unknown> };
    expect(dag.answers[WHEN_QUESTION]).toBeUndefined();
    expect(dag.answers[AFTER_WHEN]).toBeDefined();
    expect(statSync(join(folder, "team", "team-report.html")).size).toBeGreaterThan(1000);
    const team = parse(readFileSync(join(folder, "team", "team-answers.yaml"), "utf8")) as { respondents: string[]; answers: Record<string, { note?: string } | unknown> };
    expect(team.respondents).toHaveLength(4);
    expect((team.answers[firstId] as { note: string }).note).toMatch(/Agreed by the team/);
    expect(team.answers[WHEN_QUESTION]).toEqual({ value: "unknown", note: `Agreed by the team; answered otherwise: ${names[2]}. Ask the web agency for the numbers` });

    // merge of the folder, unchanged, gives the team scores the dashboard showed.
    const merged = await runMain(["merge", folder, "--format", "json"], { env: { LANG: "en_US.UTF-8", LC_ALL: undefined } });
    expect(merged.code, merged.stderr).toBe(0);
    const view = JSON.parse(merged.stdout) as { team: { overall: { score: number | null }; dimensions: Array<{ id: string; score: number | null }> } };
    const shown = (s: number | null) => (s === null ? "—" : String(Math.round(s)));
    expect(teamScore).toBe(shown(view.team.overall.score));
    expect(dimensions).toEqual(view.team.dimensions.map((d) => [d.id, shown(d.score)]));
    const scored = await runMain(["score", join(folder, "team", "team-answers.yaml"), "--format", "json"]);
    expect(scored.code, scored.stderr).toBe(0);
    expect(shown((JSON.parse(scored.stdout) as { overall: { score: number | null } }).overall.score)).toBe(teamScore);

    expect(problems).toEqual([]);
  });
});
