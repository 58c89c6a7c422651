import { accessSync, constants, realpathSync } from "node:fs";
import { basename, delimiter, isAbsolute, join, relative } from "node:path";

/** Characters a POSIX shell takes literally in a word. */
const SAFE_WORD = /^[A-Za-z0-9_./:=@%+,-]+$/;

/** One word for a POSIX shell: as it is when nothing in it is special, else in single quotes. */
export function quoteForShell(word: string): string {
  if (word !== "" && SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The words that start this tool again the way the user started it, before the command's own arguments. */
export function invocationOf(env: NodeJS.ProcessEnv, script: string | undefined, cwd = process.cwd(), execPath = process.execPath): string[] {
  // npm exec / npx: the package spec (a tarball, a version) must be named again, or npx fetches another one.
  // npm's variables pass on to every child: they speak of this process only when npm's command line names the tool.
  const npmLine = env.npm_lifecycle_script ?? "";
  if ((env.npm_command === "exec" || env.npm_lifecycle_event === "npx") && /^'?maturity-audit'?(\s|$)/.test(npmLine)) {
    const specs = (env.npm_config_package ?? "").split(/\n+/).map((s) => s.trim()).filter(Boolean);
    const own = specs.length === 0 || (specs.length === 1 && /^maturity-audit(@.*)?$/.test(specs[0]!));
    // npx installs a tarball again each time and asks first; --yes given then is needed again.
    const npx = env.npm_config_yes === "true" ? ["npx", "--yes"] : ["npx"];
    if (own && specs.length === 1) return [...npx, specs[0]!];
    if (own) return [...npx, "maturity-audit"];
    return [...npx, ...specs.flatMap((s) => ["--package", s]), "maturity-audit"];
  }
  // An npm script: its arguments follow "--".
  const event = env.npm_lifecycle_event;
  if (event && /^npm\//.test(env.npm_config_user_agent ?? "") && /(^|[\s/])maturity-audit(\.c?js)?(\s|$)/.test(npmLine)) return event === "start" ? ["npm", "start", "--"] : ["npm", "run", event, "--"];
  if (script && basename(script) === "maturity-audit" && onPath("maturity-audit", script, env)) return ["maturity-audit"];
  if (script && isAbsolute(script)) {
    const rel = relative(cwd, script);
    const shown = rel && !rel.startsWith("..") && !isAbsolute(rel) ? `./${rel}` : script;
    return basename(script) === "maturity-audit" ? [shown] : [onPath("node", execPath, env) ? "node" : execPath, shown];
  }
  return ["maturity-audit"];
}

/** Whether `name` on PATH is the very file given. */
function onPath(name: string, file: string, env: NodeJS.ProcessEnv): boolean {
  let target: string;
  try {
    target = realpathSync(file);
  } catch {
    return false;
  }
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return realpathSync(candidate) === target;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** A command line to print: the invocation, then the arguments, each quoted for the shell. */
export function commandLine(invocation: readonly string[], args: readonly string[]): string {
  return [...invocation, ...args].map(quoteForShell).join(" ");
}
