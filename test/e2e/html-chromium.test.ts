// The HTML reports in a real browser (headless Debian Chromium through playwright-core): offline,
// the radar chart, the gap table and ladder, a screenshot, the print stylesheet and a PDF, and
// hostile answers that must stay text. The single, team, comparison, trend and a fifteen-dimension
// report are laid out on a projector's 1280x800 and on A4: no label outside its chart, nothing wider
// than its box, and each printed to a PDF whose pages and size are reported (copies in /tmp/html-shots/).
// Skipped where /usr/bin/chromium is missing (CI installs it).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
const TEAM = ["test/fixtures/least-mature.yaml", MIXED, "test/fixtures/most-mature.yaml", "test/fixtures/small-cafe-online-only.yaml"];
const FIFTEEN = "test/fixtures/fifteen-dimensions";
/** Where screenshots and PDFs are kept to look at (`SHOTS_DIR=/tmp/shots npm test`); none are written otherwise. */
const SHOTS = process.env.SHOTS_DIR ? join(process.env.SHOTS_DIR, "html") : undefined;
/** A4's width less the print stylesheet's 14 mm margins, in CSS pixels: the width a printed page lays out in. */
const A4_CONTENT = Math.floor(((210 - 2 * 14) / 25.4) * 96);
const ESC = "\u001b";
const EVIL_VISIBLE = "<script>alert(1)</script> | pipes | **bold**";
const EVIL = `${EVIL_VISIBLE} ${ESC}[31mred${ESC}[0m`;
// The assertions read English labels: pin the language whatever the machine's locale.
const ENGLISH = { env: { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: "en_US.UTF-8" } };

interface Card {
  respondent?: string;
  overall: { stage: { id: string; name: string } };
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
  const layouts: Record<string, string> = {};

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

    for (const name of ["single-sv", "team", "compare", "trend", "fifteen"]) layouts[name] = join(tmp, `${name}.html`);
    const fifteen = ["--questionnaire", `${FIFTEEN}/questionnaire.yaml`, "--rubric", `${FIFTEEN}/rubric.yaml`];
    const [html, json, evil, launched, ...made] = await Promise.all([
      runMain(["score", MIXED, "--benchmark", "capital-leader", "--format", "html", "--output", report], ENGLISH),
      runMain(["score", MIXED, "--benchmark", "capital-leader", "--format", "json"], ENGLISH),
      runMain(["score", hostile, "--format", "html", "--explain", "--output", hostileReport], ENGLISH),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
      }),
      runMain(["score", MIXED, "--format", "html", "--lang", "sv", "--output", layouts["single-sv"]!]),
      runMain(["merge", ...TEAM, "--format", "html", "--output", layouts.team!], ENGLISH),
      runMain(["compare", TEAM[0]!, MIXED, "--format", "html", "--lang", "sv", "--output", layouts.compare!]),
      runMain(["compare", ...TEAM, "--format", "html", "--output", layouts.trend!], ENGLISH),
      runMain(["score", `${FIFTEEN}/answers.yaml`, ...fifteen, "--format", "html", "--output", layouts.fifteen!], ENGLISH),
    ]);
    browser = launched;
    for (const r of made) expect(r.code, r.stderr).toBe(0);
    expect(html.code, html.stderr).toBe(0);
    expect(json.code, json.stderr).toBe(0);
    expect(evil.code, evil.stderr).toBe(0);
    card = JSON.parse(json.stdout) as Card;
  }, 60_000);

  afterAll(async () => {
    await shared?.close();
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

  let shared: Page | undefined;
  /** One page for the tests that only read: a new page costs more than loading another file into it. */
  async function reuse(file: string): Promise<Page> {
    shared ??= await browser!.newPage();
    await shared.emulateMedia({ media: "screen" });
    await shared.setViewportSize({ width: 1280, height: 800 });
    await shared.goto(pathToFileURL(file).href, { waitUntil: "load" });
    return shared;
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
    const page = await reuse(report);
    const radar = page.locator("svg.radar");
    await expect(radar.count()).resolves.toBe(1);
    expect(card.dimensions).toHaveLength(4);
    expect(await radar.locator("line.axis").count()).toBe(card.dimensions.length);
    expect(await radar.locator("line.axis").evaluateAll((ls) => ls.map((l) => l.getAttribute("data-axis")))).toEqual(card.dimensions.map((d) => d.title));
    const series = await radar.locator("polygon.series").evaluateAll((ps) => ps.map((p) => p.getAttribute("data-series")));
    expect(series).toHaveLength(3);
    const [target, benchmark, audit] = series as [string, string, string];
    expect(target).toMatch(new RegExp(`^target: media house ${card.target.stage.id.replace(".", "\\.")}$`, "i"));
    // An illustrative profile says so wherever it is named, the radar's legend too.
    expect(card.benchmark!.illustrative).toBe(true);
    expect(benchmark.toLowerCase()).toBe(`benchmark: ${card.benchmark!.title} (an illustrative profile, not survey data)`.toLowerCase());
    expect(audit).toBe(card.respondent);
    const box = await radar.boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(100);
  });

  it("has a gap table with a row per dimension and the overall row", async () => {
    const page = await reuse(report);
    const rows = page.locator("table.gaps tbody tr");
    expect(await rows.count()).toBe(5);
    const first = await rows.allInnerTexts();
    card.dimensions.forEach((d, i) => expect(first[i]).toContain(d.title));
    expect(first[4]).toContain("Overall");
    // The benchmark column is there.
    expect(await page.locator("table.gaps thead").innerText()).toContain(card.benchmark!.title);
  });

  it("the ladder marks the current stage", async () => {
    const page = await reuse(report);
    const current = page.locator(".ladder .band.current");
    expect(await current.count()).toBe(1);
    // The stage's short name in the report's language, never its id.
    expect((await current.innerText()).split("\n")[0]).toBe(card.overall.stage.name.split(":")[0]);
    await expect(current.isVisible()).resolves.toBe(true);
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
  /** Labels of a chart that reach outside its SVG, and elements wider than the box they sit in. */
  async function misfits(page: Page): Promise<{ charts: number; labels: number; outside: string[]; overflowing: string[] }> {
    return page.evaluate(() => {
      const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
      const charts = [...document.querySelectorAll("svg.radar, svg.trend")];
      const outside: string[] = [];
      let labels = 0;
      for (const svg of charts) {
        const box = svg.getBoundingClientRect();
        for (const t of svg.querySelectorAll("text")) {
          labels++;
          const r = t.getBoundingClientRect();
          if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) outside.push(name(t));
        }
      }
      const overflowing: string[] = [];
      for (const el of document.querySelectorAll("main *")) {
        if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
        const parent = el.parentElement!;
        const r = el.getBoundingClientRect();
        if (!r.width) continue;
        const p = parent.getBoundingClientRect();
        if (r.left < p.left - 1 || r.right > p.right + 1) overflowing.push(`${name(el)} in ${name(parent)}`);
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible") overflowing.push(`${name(el)} clips its content`);
      }
      if (document.documentElement.scrollWidth > window.innerWidth) overflowing.push(`the page is ${document.documentElement.scrollWidth}px wide`);
      return { charts: charts.length, labels, outside, overflowing };
    });
  }

  /** Pages of a PDF as Chromium writes them: one page object each. */
  const pagesOf = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

  // What each page must show besides a layout that fits.
  const shows: Record<string, (page: Page) => Promise<void>> = {
    fifteen: async (page) => {
      const radar = page.locator("svg.radar");
      expect(await radar.locator("line.axis").count()).toBe(15);
      expect(await radar.locator("text.axis-label").count()).toBe(15);
      expect(await radar.locator("text.scale").allTextContents()).toEqual(["25", "50", "75", "100"]);
      // The longest title, seventy characters, is there in full, over several lines.
      const label = radar.locator("text.axis-label", { hasText: "Privacy" });
      expect((await label.textContent())!.replace(/\s+/g, "")).toBe("Privacy and transparency towards the customers who hand over their data".replace(/\s+/g, ""));
      expect(await label.locator("tspan").count()).toBeGreaterThan(1);
    },
    team: async (page) => {
      const head = await page.locator("table.team thead th").allInnerTexts();
      expect(head).toEqual(["Dimension", "Team", "least", "Karin Lindqvist (owner)", "most", "Mette Holm", "Spread"]);
      const overall = (await page.locator("table.team tbody tr").last().innerText()).split("\t");
      expect(overall[0]).toBe("Overall");
      const scores = overall.slice(2, 6).map(Number);
      expect(Number(overall[6])).toBe(Math.max(...scores) - Math.min(...scores));
      expect(await page.locator("section.team-view ol.steps > li").count()).toBeGreaterThan(0);
    },
    compare: async (page) => {
      expect(await page.locator("svg.radar polygon.series").count()).toBe(2);
      // The change is the difference of the two numbers shown beside it.
      for (const row of await page.locator("table.changes tbody tr").allInnerTexts()) {
        const [, before, after, change] = row.split("\t");
        expect(Number(change!.replace("±", ""))).toBe(Number(after) - Number(before));
      }
    },
    trend: async (page) => {
      expect(await page.locator("svg.trend polyline.series").count()).toBe(5);
      expect(await page.locator("table.trend tbody tr").count()).toBe(4);
    },
  };

  // What the print stylesheet must do, besides a layout that fits.
  const printShows: Record<string, (page: Page) => Promise<void>> = {
    "single-sv": async (page) => {
      expect(await page.evaluate(() => matchMedia("print").matches)).toBe(true);
      // Each section starts a page, and the radar keeps to 120 mm.
      expect(await page.locator("section.sheet").first().evaluate((el) => getComputedStyle(el).breakBefore)).toBe("page");
      expect(await page.locator("svg.radar").evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(Math.ceil((120 / 25.4) * 96));
      // The collapsed score explanation is printed open, without its summary line.
      expect(await page.locator("details table").first().isVisible()).toBe(true);
      expect(await page.locator("details > summary").isVisible()).toBe(false);
    },
  };

  for (const name of ["single-sv", "team", "compare", "trend", "fifteen"]) {
    it(`${name}: every chart label inside its chart and nothing wider than its box, on a projector and on A4`, async () => {
      const page = await reuse(layouts[name]!);
      {
        const screen = await misfits(page);
        expect(screen.charts).toBeGreaterThan(0);
        expect(screen.labels).toBeGreaterThan(4);
        expect(screen.outside).toEqual([]);
        expect(screen.overflowing).toEqual([]);
        await shows[name]?.(page);
        // No glyph a font may lack: icons are drawn.
        expect(await page.locator("main").innerText()).not.toMatch(/[\u{1F300}-\u{1FAFF}\u2753-\u2755\u2717\u2713\u2714\u2605]/u);
        if (SHOTS) {
          mkdirSync(SHOTS, { recursive: true });
          await page.screenshot({ path: join(SHOTS, `${name}.png`) });
        }

        await page.emulateMedia({ media: "print" });
        await page.setViewportSize({ width: A4_CONTENT, height: 1000 });
        await printShows[name]?.(page);
        const print = await misfits(page);
        expect(print.outside).toEqual([]);
        expect(print.overflowing).toEqual([]);
        const pdf = await page.pdf({ format: "A4" });
        if (SHOTS) writeFileSync(join(SHOTS, `${name}.pdf`), pdf);
        const pages = pagesOf(pdf);
        console.log(`${name}: A4 PDF of ${pages} pages, ${pdf.length} bytes; ${screen.labels} chart labels`);
        // A title page and at least one section after it, each section starting its own page.
        expect(pages).toBeGreaterThanOrEqual(2);
        expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        expect(pdf.length).toBeGreaterThan(10 * 1024);
      }
    });
  }

});
