import { join } from "node:path";
import { InterruptedError, UsageError } from "../errors.js";
import { fill, messages } from "../i18n/messages.js";
import type { Io } from "../commands/io.js";
import { WorkshopSession, teamAnswersFile, type WorkshopOptions } from "../commands/workshop.js";
import { chooseBind, urlHost } from "./network.js";
import { createWorkshopApp, listen, type RunningServer } from "./server.js";

export interface LiveWorkshopOptions extends WorkshopOptions {
  host?: string;
  /** Without one, the first free port from DEFAULT_PORT: the same address on every run, so links keep working. */
  port?: number;
}

export const DEFAULT_PORT = 8787;
const STATUS_EVERY_MS = 2000;

/** A word for the shell: quoted when it holds anything but plain path characters. */
const shellWord = (s: string) => (/^[A-Za-z0-9_./:@=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * Runs a live workshop until `signal` aborts (Ctrl-C): serves the pages, prints the join link and QR code,
 * keeps the terminal told of joins and answers; at the end writes the team's files and says what to run next.
 */
export async function runLiveWorkshop(opts: LiveWorkshopOptions, io: Io, signal: AbortSignal): Promise<never> {
  const session = await WorkshopSession.open({ ...opts, notice: (t) => io.err(t) });
  const t = messages(session.lang);
  const bind = chooseBind(opts.host);
  let port = opts.port ?? DEFAULT_PORT;
  const { app, closeStreams } = createWorkshopApp(session, {
    publicUrl: (path) => `http://${urlHost(bind.host)}:${port}${path}`,
    report: (text) => io.err(text),
  });
  let running: RunningServer | undefined;
  for (let tries = 0; !running; tries++) {
    try {
      running = await listen(app, closeStreams, bind.host, port);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE" && opts.port === undefined && tries < 20) {
        port++;
        continue;
      }
      throw new UsageError({ key: "errWorkshopListen", params: { address: `${urlHost(bind.host)}:${port}`, reason: code ?? String(err) } });
    }
  }
  port = running.port;
  const joinUrl = `http://${urlHost(bind.host)}:${port}/j/${session.joinSecret}`;
  const hostUrl = `http://${urlHost(bind.host)}:${port}/f/${session.hostSecret}`;
  const { qrText } = await import("./qr.js");
  const why = bind.why.key === "wsWhyLan" ? fill(t.wsWhyLan, { iface: bind.why.iface }) : t[bind.why.key];
  io.err(
    [
      fill(t.wsListening, { address: `${urlHost(bind.host)}:${port}`, why }),
      qrText(joinUrl),
      fill(t.wsJoinLink, { url: joinUrl }),
      fill(t.wsDashboardLink, { url: hostUrl }),
      t.wsStopHint,
      "",
    ].join("\n"),
  );

  // The terminal hears of progress at most every two seconds, and only when something changed.
  let said = "";
  const status = () => {
    const s = session.summary();
    const line = fill(t.wsStatus, { joined: s.participants, answered: s.answered, agreed: s.agreed });
    if (line !== said && !io.quiet) io.err(`${line}\n`);
    said = line;
  };
  const timer = setInterval(status, STATUS_EVERY_MS);

  await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve(), { once: true })));
  clearInterval(timer);
  await running.close();
  await session.finish();
  const s = session.summary();
  const folder = shellWord(opts.folder);
  const again = ["maturity-audit workshop", folder, ...(opts.lang ? ["--lang", opts.lang] : [])].join(" ");
  throw new InterruptedError(
    fill(t.wsSummary, { participants: s.participants, answered: s.answered, agreed: s.agreed, folder: opts.folder }),
    fill(t.wsNextCommands, {
      merge: `maturity-audit merge ${folder} --format html --output ${shellWord(join(opts.folder, "team", "merged.html"))}`,
      score: `maturity-audit score ${shellWord(teamAnswersFile(opts.folder))}`,
      resume: again,
    }),
  );
}
