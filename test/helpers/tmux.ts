import { execFileSync, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

export const hasTmux = spawnSync("tmux", ["-V"], { stdio: "ignore" }).status === 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The exit status the session's shell printed after the command (EXIT=<status>). */
export const exitStatus = (screen: string) => Number(/^EXIT=(\d+)\s*$/m.exec(screen)?.[1]);

/** A tmux server of our own (its own socket, no user config), with helpers to read the screen and type. */
export class Tmux {
  readonly socket: string;
  private env: NodeJS.ProcessEnv = { ...process.env };

  constructor(
    name: string,
    private readonly size: { width: number; height: number } = { width: 100, height: 40 },
    /** Extra VAR=value words for the command's environment, e.g. LANG=C.UTF-8. */
    private readonly extraEnv = "",
  ) {
    this.socket = `maturity-audit-${name}-${process.pid}-${Date.now()}`;
    delete this.env.TMUX; // works the same when the tests themselves run inside tmux
  }
  tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, "-f", "/dev/null", ...args], { env: this.env, encoding: "utf8" });
  }
  /** Starts `command` in a detached session; the shell then prints EXIT=<status> and waits. */
  start(session: string, cwd: string, command: string): void {
    const line = `env -u CI -u FORCE_COLOR NO_COLOR=1 ${this.extraEnv} ${command}; echo EXIT=$?; sleep 300`;
    this.tmux("new-session", "-d", "-s", session, "-x", String(this.size.width), "-y", String(this.size.height), "-c", cwd, line);
  }
  /** Everything the session has printed, wrapped lines joined. */
  screen(session: string): string {
    return this.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", session);
  }
  /** Polls the screen until `re` matches it; fails with the screen after `timeout` ms. */
  async waitFor(session: string, re: RegExp | ((screen: string) => boolean), timeout = 10_000): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const screen = this.screen(session);
      if (typeof re === "function" ? re(screen) : re.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${re}; the screen was:\n${screen}`);
      await sleep(40);
    }
  }
  keys(session: string, ...keys: string[]): void {
    this.tmux("send-keys", "-t", session, ...keys);
  }
  text(session: string, text: string): void {
    this.tmux("send-keys", "-t", session, "-l", text);
  }
  /** Stops our server and removes its socket file, which tmux leaves behind. */
  kill(): void {
    const path = spawnSync("tmux", ["-L", this.socket, "display-message", "-p", "#{socket_path}"], { env: this.env, encoding: "utf8" }).stdout?.trim();
    spawnSync("tmux", ["-L", this.socket, "kill-server"], { env: this.env, stdio: "ignore" });
    if (path) rmSync(path, { force: true });
  }
}
