// The HTML report in a real browser (headless Debian Chromium through playwright-core): offline,
// the radar chart, the gap table and ladder, a screenshot, the print stylesheet and a PDF, and
// hostile answers that must stay text. Skipped where /usr/bin/chromium is missing (CI installs it).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { REPO_ROOT } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

const CHROMIUM = "/usr/bin/chromium";
const MIXED = "test/fixtures/mixed-regional-shop.yaml";
const ESC = "\u001b";
const EVIL_VISIBLE = "<script>alert(1)</script> | pipes | **bold**";
const EVIL = `${EVIL_VISIBLE} ${ESC}[31mred${ESC}[0m`;
// The assertions read English labels: pin the language whatever the machine's locale.
const ENGLISH = { env: { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: "en_US.UTF-8" } };

interface Card {
  respondent?: string;
  overall: { stage: { id: string } };
  target: { stage: { id: string } };
  dimensions: Array<{ id: string; title: string }>;
  benchmark?: { title: string };
}

interface Opened {
  page: Page;
  requests: string[];
  dialogs: string[];
  consoleErrors: string[];
}

describe.skipIf(!existsSync(CHROMIUM))("the HTML report in headless Chromium", { timeout: 60_000 }, () => {
  let tmp: string;
  let browser: Browser | undefined;
  let report: string;
  let hostileReport: string;
  let card: Card;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "maturity-audit-chromium-"));
    report = join(tmp, "mixed.html");
    hostileReport = join(tmp, "hostile.html");

    const doc = parseDocument(readFileSync(join(REPO_ROOT, MIXED), "utf8"));
    doc.set("respondent", EVIL);
    doc.set("organisation", `${EVIL} Ltd`);
    doc.setIn(["answers", "channels.cut-traditional"], { value: true, note: `${EVIL} ${"W".repeat(5_000)}` });
    const hostile = join(tmp, "hostile.yaml");
    writeFileSync(hostile, doc.toString());

    const [html, json, evil, launched] = await Promise.all([
      runMain(["score", MIXED, "--benchmark", "capital-leader", "--format", "html", "--output", report], ENGLISH),
      runMain(["score", MIXED, "--benchmark", "capital-leader", "--format", "json"], ENGLISH),
      runMain(["score", hostile, "--format", "html", "--explain", "--output", hostileReport], ENGLISH),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
      }),
    ]);
    browser = launched;
    expect(html.code, html.stderr).toBe(0);
    expect(json.code, json.stderr).toBe(0);
    expect(evil.code, evil.stderr).toBe(0);
    card = JSON.parse(json.stdout) as Card;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** A fresh page on the file, recording every request, dialog and console error. */
  async function open(file: string): Promise<Opened> {
    const page = await browser!.newPage();
    const opened: Opened = { page, requests: [], dialogs: [], consoleErrors: [] };
    page.on("request", (r) => opened.requests.push(r.url()));
    page.on("dialog", (d) => {
      opened.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on("console", (m) => {
      if (m.type() === "error") opened.consoleErrors.push(m.text());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    return opened;
  }

  it("makes no request but the file itself", async () => {
    const { page, requests, consoleErrors } = await open(report);
    try {
      await page.waitForLoadState("networkidle");
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((u) => /^https?:/i.test(u))).toEqual([]);
      expect(requests.every((u) => u === pathToFileURL(report).href)).toBe(true);
      // No Content-Security-Policy violation, nothing blocked.
      expect(consoleErrors).toEqual([]);
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toMatch(/default-src 'none'/);
    } finally {
      await page.close();
    }
  });

  it("draws the radar with an axis per dimension and polygons for the target, the benchmark and the audit", async () => {
    const { page } = await open(report);
    try {
      const radar = page.locator("svg.radar");
      await expect(radar.count()).resolves.toBe(1);
      expect(card.dimensions).toHaveLength(4);
      expect(await radar.locator("line.axis").count()).toBe(card.dimensions.length);
      expect(await radar.locator("line.axis").evaluateAll((ls) => ls.map((l) => l.getAttribute("data-axis")))).toEqual(card.dimensions.map((d) => d.title));
      const series = await radar.locator("polygon.series").evaluateAll((ps) => ps.map((p) => p.getAttribute("data-series")));
      expect(series).toHaveLength(3);
      const [target, benchmark, audit] = series as [string, string, string];
      expect(target).toMatch(new RegExp(`^target ${card.target.stage.id.replace(".", "\\.")}$`, "i"));
      // An illustrative profile says so wherever it is named, the radar's legend too.
      expect(card.benchmark!.illustrative).toBe(true);
      expect(benchmark.toLowerCase()).toBe(`benchmark: ${card.benchmark!.title} (an illustrative profile, not survey data)`.toLowerCase());
      expect(audit).toBe(card.respondent);
      const box = await radar.boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(100);
    } finally {
      await page.close();
    }
  });

  it("has a gap table with a row per dimension and the overall row", async () => {
    const { page } = await open(report);
    try {
      const rows = page.locator("table.gaps tbody tr");
      expect(await rows.count()).toBe(5);
      const first = await rows.allInnerTexts();
      card.dimensions.forEach((d, i) => expect(first[i]).toContain(d.title));
      expect(first[4]).toContain("Overall");
      // The benchmark column is there.
      expect(await page.locator("table.gaps thead").innerText()).toContain(card.benchmark!.title);
    } finally {
      await page.close();
    }
  });

  it("the ladder marks the current stage", async () => {
    const { page } = await open(report);
    try {
      const current = page.locator(".ladder .band.current");
      expect(await current.count()).toBe(1);
      expect((await current.innerText()).split("\n")[0]).toBe(card.overall.stage.id);
      await expect(current.isVisible()).resolves.toBe(true);
    } finally {
      await page.close();
    }
  });

  it("takes a full-page screenshot", async () => {
    const { page } = await open(report);
    try {
      const png = join(tmp, "report.png");
      await page.screenshot({ path: png, fullPage: true });
      expect(statSync(png).size).toBeGreaterThan(10 * 1024);
      expect(readFileSync(png).subarray(0, 8).toString("latin1")).toBe("\x89PNG\r\n\x1a\n");
    } finally {
      await page.close();
    }
  });

  it("prints to an A4 PDF with the print stylesheet", async () => {
    const { page } = await open(report);
    try {
      await page.emulateMedia({ media: "print" });
      expect(await page.evaluate(() => matchMedia("print").matches)).toBe(true);
      // The print rules apply: the radar shrinks to fit beside the table on A4.
      expect(await page.locator("svg.radar").evaluate((el) => getComputedStyle(el).width)).toBe("330px");
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.length).toBeGreaterThan(10 * 1024);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    } finally {
      await page.close();
    }
  });

  it("print shows the collapsed score explanation and hides its summary", async () => {
    const { page } = await open(report);
    try {
      await page.emulateMedia({ media: "print" });
      expect(await page.locator("details table").first().isVisible()).toBe(true);
      expect(await page.locator("details > summary").isVisible()).toBe(false);
    } finally {
      await page.close();
    }
  });

  it("shows hostile answers as text: no script, no dialog", async () => {
    const html = readFileSync(hostileReport, "utf8");
    expect(html).not.toMatch(/<script/i);
    const { page, dialogs, requests } = await open(hostileReport);
    try {
      await page.waitForLoadState("networkidle");
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => document.scripts.length)).toBe(0);
      const meta = await page.locator("header .meta").innerText();
      expect(meta).toContain(EVIL_VISIBLE);
      expect(meta).not.toContain(ESC);
      const label = await page.locator("svg.radar polygon.series").last().getAttribute("data-series");
      expect(label).toContain(EVIL_VISIBLE);
      expect(label).not.toContain(ESC);
      expect(await page.locator("details").textContent()).toContain(EVIL_VISIBLE);
      expect(requests.filter((u) => /^https?:/i.test(u))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("the radar's series label is the same stripped text as the legend", async () => {
    const { page } = await open(hostileReport);
    try {
      const legend = await page.locator("figcaption.legend span").last().innerText();
      expect(legend).toBe(`${EVIL_VISIBLE} red`);
      expect(await page.locator("svg.radar polygon.series").last().getAttribute("data-series")).toBe(legend);
      expect(await page.locator("svg.radar polygon.series title").last().textContent()).toBe(legend);
    } finally {
      await page.close();
    }
  });
});
