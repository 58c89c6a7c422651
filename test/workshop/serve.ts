// A workshop served in this process on 127.0.0.1 and a free port, as the command serves it.
import { WorkshopSession, type WorkshopOptions } from "../../src/commands/workshop.js";
import { createWorkshopApp, listen, type WorkshopServerOptions } from "../../src/workshop/server.js";

export interface Served {
  session: WorkshopSession;
  base: string;
  join: string;
  host: string;
  close(): Promise<void>;
}

export async function serveWorkshop(folder: string, options: Partial<WorkshopOptions> = {}, limits?: WorkshopServerOptions["limits"]): Promise<Served> {
  const session = await WorkshopSession.open({ folder, today: "2026-12-01", ...options });
  let port = 0;
  const { app, closeStreams } = createWorkshopApp(session, { publicUrl: (path) => `http://127.0.0.1:${port}${path}`, ...(limits ? { limits } : {}) });
  const running = await listen(app, closeStreams, "127.0.0.1", 0);
  port = running.port;
  const base = `http://127.0.0.1:${port}`;
  return { session, base, join: `${base}/j/${session.joinSecret}`, host: `${base}/f/${session.hostSecret}`, close: () => running.close() };
}

/** A participant's calls, with the cookie the server set at joining. */
export function participant(join: string) {
  let cookie = "";
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(join + path, {
      method,
      headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...(cookie ? { cookie } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = r.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0]!;
    return { status: r.status, body: (await r.json()) as { error?: string; view?: { question?: { id: string; type: string; options?: Array<{ value: string }> }; progress: { answered: number; shown: number } } } };
  };
  return {
    call,
    join: (name: string, role?: string) => call("POST", "/api/join", { name, ...(role ? { role } : {}) }),
    answer: (question: string, value: unknown, note?: string) => call("POST", "/api/answer", { question, value, ...(note ? { note } : {}) }),
    get cookie() {
      return cookie;
    },
  };
}
