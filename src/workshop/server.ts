import { timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { streamSSE } from "hono/streaming";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import * as z from "zod";
import { AuditError } from "../errors.js";
import { LANGUAGES } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { answerValueSchema } from "../model/answers.js";
import { renderRadar } from "../report/radar.js";
import { formatScore } from "../report/numbers.js";
import { MAX_TEXT, RefusedError, WorkshopSession, type WorkshopEvent } from "../commands/workshop.js";
import { DASHBOARD_SCRIPT, PARTICIPANT_SCRIPT, STYLE } from "./assets.js";
import { dashboardPage, pageTexts, participantPage, refusalPage } from "./pages.js";

/** A request body larger than this is refused before it is read whole. */
export const MAX_BODY = 16 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  // The secret is in every address: no other site may see it.
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cache-control": "no-store",
  "cross-origin-resource-policy": "same-origin",
};
// The team report is the same page `merge --format html` writes: inline styles, no script.
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'";

const joinSchema = z.strictObject({ name: z.string().max(200), role: z.string().max(200).optional(), lang: z.string().max(10).optional() });
const answerSchema = z.strictObject({
  question: z.string().max(200),
  value: z.union([answerValueSchema, z.string().max(MAX_TEXT)]).optional(),
  skip: z.boolean().optional(),
  note: z.string().max(MAX_TEXT).optional(),
  lang: z.string().max(10).optional(),
});
const revealSchema = z.strictObject({ scope: z.string().max(200) });
const namesSchema = z.strictObject({ show: z.boolean() });
const agreeSchema = z.strictObject({ question: z.string().max(200), value: answerValueSchema, note: z.string().max(MAX_TEXT).optional() });

/** A token bucket per client: a burst, then a steady rate. */
class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {}
  take(key: string, now = Date.now()): boolean {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size > 10_000) this.buckets.clear();
      this.buckets.set(key, (b = { tokens: this.burst, at: now }));
    }
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

const langOf = (wanted: string | undefined, fallback: string) => (wanted && (LANGUAGES as readonly string[]).includes(wanted) ? wanted : fallback);

export interface WorkshopServerOptions {
  /** The address participants are given; it is in the join link and the QR code. */
  publicUrl: (path: string) => string;
  /** Where unexpected failures are told (the terminal). */
  report?: (text: string) => void;
  /** Requests a client may make at once, and per second after that: one who has not joined, and one who has. */
  limits?: { anonymous: [number, number]; identified: [number, number] };
}

/** Enough for a room of phones behind one address, and for a participant who taps quickly; not for guessing. */
export const RATE_LIMITS = { anonymous: [120, 10], identified: [60, 20] } as { anonymous: [number, number]; identified: [number, number] };

/** The workshop's web application: every route, without a socket, so that tests can call it in-process too. */
/** A request's own language, once its body has said which: its problems are worded in it. */
type Env = { Variables: { lang?: string } };

export function createWorkshopApp(session: WorkshopSession, options: WorkshopServerOptions): { app: Hono<Env>; closeStreams: () => void } {
  const app = new Hono<Env>();
  const lang = session.lang;
  const m = messages(lang);
  const limits = options.limits ?? RATE_LIMITS;
  const anonymous = new RateLimiter(...limits.anonymous);
  const identified = new RateLimiter(...limits.identified);
  const streams = new Set<() => void>();
  const joinBase = `/j/${session.joinSecret}`;
  const hostBase = `/f/${session.hostSecret}`;
  // The port is known once the server listens: the address is asked for when a page needs it.
  const joinUrl = () => options.publicUrl(joinBase);

  const clientOf = (c: Context) => {
    try {
      return getConnInfo(c).remote.address ?? "local";
    } catch {
      return "local";
    }
  };
  const refuse = (c: Context, status: 403 | 404 | 413 | 429, text: string, json: boolean) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
    if (status === 429) c.header("retry-after", "2");
    return json ? c.json({ error: text }, status) : c.html(refusalPage(lang, text), status);
  };
  const wantsJson = (c: Context) => c.req.path.includes("/api/");

  app.use("*", async (c, next) => {
    const path = c.req.path;
    const [, area, key] = path.split("/");
    const secret = area === "j" ? session.joinSecret : area === "f" ? session.hostSecret : undefined;
    const token = cookieOf(c.req.header("cookie"), "ma_p");
    const who = area === "f" && secret && key && same(key, secret) ? "host" : session.participantOf(token);
    if (!(who ? identified : anonymous).take(who ?? clientOf(c))) return refuse(c, 429, m.wsTooMany, wantsJson(c));
    if (!secret || !key || !same(key, secret)) return refuse(c, 403, m.wsForbidden, wantsJson(c));
    // A write must come from the workshop's own pages: a JSON body (which another site cannot send without asking first) from no other origin.
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const origin = c.req.header("origin");
      const host = c.req.header("host");
      if (!(c.req.header("content-type") ?? "").startsWith("application/json") || (origin && host && origin.replace(/^https?:\/\//, "") !== host)) return refuse(c, 403, m.wsForbidden, true);
    }
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!c.res.headers.has(k)) c.res.headers.set(k, v);
  });
  app.use("*", bodyLimit({ maxSize: MAX_BODY, onError: (c) => refuse(c, 413, m.wsTooLarge, true) }));

  const read = async <T>(c: Context<Env>, schema: z.ZodType<T>): Promise<T> => {
    let data: unknown;
    try {
      data = await c.req.json();
    } catch {
      throw new RefusedError(400, { key: "errWorkshopBadRequest" });
    }
    const r = schema.safeParse(data);
    if (!r.success) throw new RefusedError(400, { key: "errWorkshopBadRequest" });
    const said = (r.data as { lang?: unknown }).lang;
    if (typeof said === "string") c.set("lang", said);
    return r.data;
  };

  app.onError((err, c) => {
    const words = langOf(c.get("lang") ?? c.req.query("lang"), lang);
    const text = WorkshopSession.problemText(err, words);
    if (text !== undefined && err instanceof AuditError) {
      const status = err instanceof RefusedError ? err.status : 422;
      return c.json({ error: text }, status as 400);
    }
    options.report?.(`${(err as Error)?.stack ?? String(err)}\n`);
    return c.json({ error: messages(words).internalError.replace("{detail}", "") }, 500);
  });
  app.notFound((c) => refuse(c, 404, m.wsNotFound, wantsJson(c)));

  // Participants
  const participant = new Hono<Env>();
  participant.get("/", (c) => c.html(participantPage(langOf(c.req.query("lang"), lang), joinBase)));
  participant.get("/app.js", (c) => c.body(PARTICIPANT_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8" }));
  participant.get("/style.css", (c) => c.body(STYLE, 200, { "content-type": "text/css; charset=utf-8" }));
  const me = (c: Context) => session.participantOf(cookieOf(c.req.header("cookie"), "ma_p"));
  const viewOf = (c: Context, id: string, words: string, question?: string) => c.json({ view: session.view(id, words, question), texts: pageTexts(words) });
  participant.get("/api/state", (c) => {
    const words = langOf(c.req.query("lang"), lang);
    const id = me(c);
    if (!id) return c.json({ texts: pageTexts(words) }, 401);
    return viewOf(c, id, words, c.req.query("q") || undefined);
  });
  participant.post("/api/join", async (c) => {
    const body = await read(c, joinSchema);
    const words = langOf(body.lang, lang);
    const known = me(c);
    const id = known ?? (await session.join(body.name, body.role)).id;
    const token = session.tokenOf(id);
    // A year: a phone that is locked or reloaded comes back as the same participant; the path keeps it to this workshop.
    if (!known && token) c.header("set-cookie", `ma_p=${token}; Path=${joinBase}; HttpOnly; SameSite=Strict; Max-Age=31536000`);
    return viewOf(c, id, words);
  });
  participant.post("/api/answer", async (c) => {
    const body = await read(c, answerSchema);
    const words = langOf(body.lang, lang);
    const id = me(c);
    if (!id) return c.json({ error: messages(words).errWorkshopNotJoined, texts: pageTexts(words) }, 401);
    await session.answer(id, body.question, { ...(body.value !== undefined ? { value: body.value } : {}), ...(body.skip ? { skip: true } : {}), ...(body.note !== undefined ? { note: body.note } : {}) });
    return viewOf(c, id, words);
  });
  app.route(joinBase, participant);

  // The facilitator
  const host = new Hono<Env>();
  host.get("/", (c) => c.html(dashboardPage(lang, hostBase, joinUrl())));
  host.get("/dashboard.js", (c) => c.body(DASHBOARD_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8" }));
  host.get("/style.css", (c) => c.body(STYLE, 200, { "content-type": "text/css; charset=utf-8" }));
  host.get("/qr.svg", async (c) => {
    const { qrSvg } = await import("./qr.js");
    return c.body(qrSvg(joinUrl()), 200, { "content-type": "image/svg+xml" });
  });
  host.get("/radar.svg", async (c) => {
    const { card } = await session.teamScores();
    const svg = renderRadar(
      card.dimensions.map((d) => d.title),
      [{ label: m.wsTeamAnswer, values: card.dimensions.map((d) => d.score), colour: "#2b5fb4", fill: true }],
    );
    return c.body(svg, 200, { "content-type": "image/svg+xml", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" });
  });
  host.get("/report.html", async (c) => c.body(await session.teamHtml(), 200, { "content-type": "text/html; charset=utf-8", "content-security-policy": REPORT_CSP }));
  host.get("/api/state", async (c) => c.json(await dashboardState(session)));
  host.post("/api/reveal", async (c) => {
    await session.reveal((await read(c, revealSchema)).scope);
    return c.json({ ok: true });
  });
  host.post("/api/names", async (c) => {
    await session.showNames((await read(c, namesSchema)).show);
    return c.json({ ok: true });
  });
  host.post("/api/agree", async (c) => {
    const body = await read(c, agreeSchema);
    await session.agree(body.question, body.value, body.note);
    return c.json({ ok: true });
  });
  host.post("/api/end", async (c) => {
    await session.end();
    return c.json({ ok: true });
  });
  // Live updates; a client that reconnects says the last event it saw (Last-Event-ID) and gets what it missed.
  host.get("/api/events", (c) =>
    streamSSE(c, async (stream) => {
      const given = Number(c.req.header("last-event-id") ?? c.req.query("after") ?? session.latestEventId);
      const after = Number.isInteger(given) && given >= 0 ? given : session.latestEventId;
      let sent = after;
      let chain = Promise.resolve();
      const send = (e: WorkshopEvent) => {
        if (e.id <= sent) return;
        sent = e.id;
        chain = chain.then(() => stream.writeSSE({ id: String(e.id), event: e.type, data: JSON.stringify(e.data) })).catch(() => {});
      };
      const stop = session.subscribe(send);
      const missed = session.eventsSince(after);
      if (missed) for (const e of missed) send(e);
      else {
        sent = session.latestEventId;
        chain = chain.then(() => stream.writeSSE({ id: String(sent), event: "reset", data: "{}" }));
      }
      const ping = setInterval(() => void stream.write(": ping\n\n").catch(() => {}), 15_000);
      await new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        streams.add(resolve);
      });
      clearInterval(ping);
      stop();
    }),
  );
  app.route(hostBase, host);

  return { app, closeStreams: () => [...streams].forEach((close) => close()) };
}

/** Everything the dashboard shows: who has joined and how far, what is revealed, the team's scores. */
async function dashboardState(session: WorkshopSession) {
  const { card } = await session.teamScores();
  return {
    eventId: session.latestEventId,
    ended: session.ended,
    names: session.showsNames,
    revealed: session.revealed,
    sections: session.questionnaire.sections.map((s) => ({ id: s.id, title: session.entries.find((e) => e.sectionId === s.id)?.sectionTitle ?? s.id })),
    roster: session.roster(),
    reveal: session.revealView(),
    team: {
      score: formatScore(card.overall.score),
      stage: card.overall.stage.name,
      dimensions: card.dimensions.map((d) => ({ id: d.id, title: d.title, score: formatScore(d.score), stage: d.stage.name })),
    },
  };
}

export interface RunningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Listens on the address given, and nowhere else. */
export function listen(app: Hono<Env>, closeStreams: () => void, hostname: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname, port }) as Server;
    server.requestTimeout = 30_000;
    server.headersTimeout = 10_000;
    server.once("error", reject);
    server.once("listening", () => {
      server.off("error", reject);
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            closeStreams();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
