// Fuzzing: valid files of every kind, mutated (wrong types, prototype names, huge and non-finite numbers, deep
// nesting, control characters, duplicate keys, cut short), run through every command with random options in
// process. Whatever the input, the CLI ends with 0, 1 or 2: never an internal error (70), a stack trace, or a
// control character other than newline and tab on stdout or stderr. The seed is fixed, so a failure reproduces;
// FUZZ_SEED and FUZZ_RUNS explore further.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { REPO_ROOT } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const DIR = join(tmpdir(), `maturity-audit-fuzz-${process.pid}`);

const OK = "test/fixtures/bad/accepted";
const PN_Q = `${OK}/prototype-names-questionnaire.yaml`;
const PN_R = `${OK}/prototype-names-rubric.yaml`;
const PN_A = `${OK}/prototype-names-answers.yaml`;
const PN_A2 = `${OK}/prototype-names-answers-2.yaml`;
const ANSWERS = "test/fixtures/least-mature.yaml";

const TEAM = `kind: answers
version: 1
questionnaire: media-house
respondent: "Team (2): Ada, Ben"
respondents: [Ada, Ben]
date: 2026-03-01
answers:
  channels.social-media: regular
  data.benchmarking: true
  data.analytics: 3
  channels.print-share: 40
  relationship.direct-channels: [email-newsletter]
`;

type Kind = "questionnaire" | "rubric" | "answers" | "benchmark" | "team";

const seedText = (file: string) => readFileSync(join(REPO_ROOT, file), "utf8").replace(/^\uFEFF/, "");
const SEEDS: Record<Kind, string> = {
  questionnaire: seedText(PN_Q),
  rubric: seedText(PN_R),
  answers: seedText(ANSWERS),
  benchmark: seedText(`${OK}/bom-benchmark.yaml`),
  team: TEAM,
};

/** The commands that read a file of each kind, with the file in place of FILE. */
const COMMANDS: Record<Kind, string[][]> = {
  questionnaire: [["validate", "FILE"], ["template", "--questionnaire", "FILE"], ["score", PN_A, "--questionnaire", "FILE", "--rubric", PN_R], ["merge", PN_A, PN_A2, "--questionnaire", "FILE", "--rubric", PN_R, "--save", "SAVE"]],
  rubric: [["validate", "FILE", "--questionnaire", PN_Q], ["score", PN_A, "--questionnaire", PN_Q, "--rubric", "FILE"], ["roadmap", PN_A, "--questionnaire", PN_Q, "--rubric", "FILE"], ["merge", PN_A, PN_A2, "--questionnaire", PN_Q, "--rubric", "FILE", "--save", "SAVE"]],
  answers: [["validate", "FILE"], ["score", "FILE"], ["roadmap", "FILE"], ["compare", ANSWERS, "FILE"], ["merge", "FILE", ANSWERS], ["benchmark", "build", "FILE", "--id", "fuzz"]],
  benchmark: [["validate", "FILE"], ["score", ANSWERS, "--benchmark", "FILE"]],
  team: [["validate", "FILE"], ["score", "FILE"], ["merge", "FILE", ANSWERS, "--save", "SAVE"]],
};

const PROTO = ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf", "prototype"];
const CONTROL = ["\u001b[2J\u001b]0;owned\u0007", "\u0000", "\r", "\u009b31m", "\u0008\u0008", "a\u2028b"];
const NUMBERS = [1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1, -0, 1e-320, 2 ** 53 + 1, 0.5, 101];

const deep = (n: number, leaf: unknown, map: boolean): unknown => {
  let v = leaf;
  for (let i = 0; i < n; i++) v = map ? { a: v } : [v];
  return v;
};

/** A value to put somewhere it does not belong. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>("x", 1, true, false, null, [], {}, "unknown", "n/a", "2026-02-30", "yes"),
  fc.constantFrom(...PROTO),
  fc.constantFrom(...NUMBERS),
  fc.constantFrom(...CONTROL),
  fc.record({ n: fc.integer({ min: 50, max: 400 }), map: fc.boolean() }).map(({ n, map }) => deep(n, "x", map)),
  fc.constantFrom("x".repeat(5_000), ["a", "a"], [1, "a", null]),
);

type Mutation =
  | { op: "set"; pick: number; value: unknown }
  | { op: "rename"; pick: number; key: string }
  | { op: "retext"; pick: number; text: string }
  | { op: "renumber"; pick: number; value: number }
  | { op: "drop"; pick: number }
  | { op: "text"; at: number; insert: string }
  | { op: "duplicate-line"; at: number }
  | { op: "cut"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("set" as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant("retext" as const), pick: fc.nat(), text: fc.constantFrom(...PROTO, ...CONTROL, "x".repeat(300), "Ольга 李 🎉", "") }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("renumber" as const), pick: fc.nat(), value: fc.oneof(fc.constantFrom(...NUMBERS), fc.double(), fc.integer()) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("rename" as const), pick: fc.nat(), key: fc.constantFrom(...PROTO, "", "kind", "x\u001by") }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("drop" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("text" as const), at: fc.nat(), insert: fc.constantFrom(...CONTROL, "\t", ": :", "&a", "*a", "!!binary", "\n---\n", "{", "'") }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("duplicate-line" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("cut" as const), at: fc.nat() }) },
);

type Node = Record<string, unknown> | unknown[];

/** Every container in the data with the key or index inside it, in document order. */
function slots(data: unknown, out: Array<{ parent: Node; key: string | number }> = []): Array<{ parent: Node; key: string | number }> {
  if (Array.isArray(data)) data.forEach((v, i) => (out.push({ parent: data, key: i }), slots(v, out)));
  else if (data && typeof data === "object") for (const [k, v] of Object.entries(data)) (out.push({ parent: data as Node, key: k }), slots(v, out));
  return out;
}

/** Renames a key in place, keeping the order of the others; `__proto__` becomes an own key, as YAML makes it. */
function rename(parent: Record<string, unknown>, from: string, to: string): void {
  const entries = Object.entries(parent).map(([k, v]) => [k === from ? to : k, v] as const);
  for (const k of Object.keys(parent)) delete parent[k];
  for (const [k, v] of entries) Object.defineProperty(parent, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function mutate(text: string, mutations: Mutation[]): string {
  let data: unknown = parse(text);
  let out = text;
  for (const m of mutations) {
    if (m.op === "text" || m.op === "duplicate-line" || m.op === "cut") {
      if (m.op === "text") out = out.slice(0, m.at % (out.length + 1)) + m.insert + out.slice(m.at % (out.length + 1));
      else if (m.op === "cut") out = out.slice(0, m.at % (out.length + 1));
      else {
        const lines = out.split("\n");
        const i = m.at % lines.length;
        lines.splice(i, 0, lines[i]!);
        out = lines.join("\n");
      }
      continue;
    }
    // A text stays text and a number a number (the schema's type holds), so that the value reaches the engine and the reports.
    const typed = m.op === "retext" ? "string" : m.op === "renumber" ? "number" : undefined;
    const all = typed ? slots(data).filter((x) => typeof (x.parent as Record<string | number, unknown>)[x.key] === typed) : slots(data);
    if (!all.length) continue;
    const { parent, key } = all[m.pick % all.length]!;
    if (m.op === "set" || m.op === "retext" || m.op === "renumber") (parent as Record<string | number, unknown>)[key] = m.op === "set" ? m.value : m.op === "retext" ? m.text : m.value;
    else if (m.op === "drop") Array.isArray(parent) ? parent.splice(key as number, 1) : delete (parent as Record<string, unknown>)[key as string];
    else if (!Array.isArray(parent)) rename(parent, key as string, m.key);
    out = stringify(data, { lineWidth: 0 });
    data = parse(out);
  }
  return out;
}

/** Options the commands take, with values that fit (most runs should get past the command line) ... */
const validOption: fc.Arbitrary<string[]> = fc.oneof(
  fc.constantFrom("text", "json", "markdown", "html", "junit").map((f) => ["--format", f]),
  fc.constantFrom("en", "sv", "nb", "da").map((l) => ["--lang", l]),
  fc.constantFrom("2.0", "valueOf", "toString").map((t) => ["--target", t]),
  fc.constantFrom("50", "0", "100").map((n) => ["--fail-under", n]),
  fc.constantFrom("data=50", "toString=1").map((m) => ["--min", m]),
  fc.constantFrom(["--explain"], ["--roadmap"], ["--quiet"], ["--no-color"], ["--benchmark", "capital-leader"], ["--baseline", ANSWERS], ["--require-stage", "2.0"]),
  fc.constant(["--output", join(DIR, "out.txt")]),
);
/** ... and values that do not. */
const hostileOption: fc.Arbitrary<string[]> = fc.oneof(
  fc.constantFrom("yaml", "").map((f) => ["--format", f]),
  fc.constantFrom("xx", "", "toString").map((l) => ["--lang", l]),
  fc.constantFrom("__proto__", "", "9.9", "constructor").map((t) => ["--target", t]),
  fc.constantFrom("NaN", "1e308", "-1", "", "0x10").map((n) => ["--fail-under", n]),
  fc.constantFrom("__proto__=50", "constructor=1", "x", "data=1e999", "hasOwnProperty=NaN").map((m) => ["--min", m]),
  fc.constantFrom("__proto__", "").map((s) => ["--require-stage", s]),
  fc.constantFrom("-5", "Infinity").map((t) => ["--tolerance", t]),
  fc.constantFrom(["--benchmark", ""], ["--rubric", ""], ["--questionnaire", ""], ["--output", ""], ["--output", DIR], ["--baseline", join(DIR, "missing.yaml")]),
);
const option = fc.oneof({ weight: 4, arbitrary: validOption }, { weight: 1, arbitrary: hostileOption });

/** The options each command takes besides the global ones; any other is (rightly) an unknown option. */
const TAKES: Record<string, string[]> = {
  validate: ["--lang"],
  template: ["--lang", "--output"],
  score: ["--format", "--lang", "--target", "--fail-under", "--min", "--require-stage", "--tolerance", "--explain", "--roadmap", "--benchmark", "--baseline", "--output", "--rubric", "--questionnaire"],
  roadmap: ["--format", "--lang", "--target", "--output", "--rubric"],
  compare: ["--format", "--lang", "--output"],
  merge: ["--format", "--lang", "--target", "--output", "--rubric"],
  benchmark: ["--lang", "--output"],
};
const GLOBAL = ["--quiet", "--no-color"];
/** Most runs give only options the command takes; one in eight keeps any, to reach commander's own refusals. */
const fits = (command: string, opt: string[], anything: boolean) => anything || GLOBAL.includes(opt[0]!) || TAKES[command]!.includes(opt[0]!);

const KINDS = Object.keys(SEEDS) as Kind[];
const input = fc.record({
  kind: fc.constantFrom(...KINDS),
  command: fc.nat(),
  mutations: fc.array(mutation, { maxLength: 2 }),
  options: fc.array(option, { maxLength: 2 }),
  anything: fc.nat(7).map((n) => n === 0),
});

// A control character other than \n and \t (C0, DEL, C1): what lets a file retitle or clear a terminal.
// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let n = 0;

beforeAll(() => mkdirSync(DIR, { recursive: true }));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe("fuzzing every file kind through every command", () => {
  it(`ends with 0, 1 or 2, no stack trace and no control character (${RUNS} runs, seed ${SEED})`, async () => {
    const kindsSeen = new Set<Kind>();
    const codes = new Map<number | null, number>();
    await fc.assert(
      fc.asyncProperty(input, async ({ kind, command, mutations, options, anything }) => {
        const file = join(DIR, `input-${n++}.yaml`);
        writeFileSync(file, mutate(SEEDS[kind], mutations));
        const commands = COMMANDS[kind];
        const base = commands[command % commands.length]!;
        const args = [...base.map((a) => (a === "FILE" ? file : a === "SAVE" ? join(DIR, `team-${n}.yaml`) : a)), ...options.filter((o) => fits(base[0]!, o, anything)).flat()];
        const r = await runMain(args, { env: { CI: undefined }, timeoutMs: 10_000 });
        kindsSeen.add(kind);
        codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
        const context = `${args.join(" ")}\n--- input ---\n${readFileSync(file, "utf8").slice(0, 1500)}\n--- stderr ---\n${r.stderr.slice(0, 1500)}`;
        expect([0, 1, 2], context).toContain(r.code);
        expect(r.stderr, context).not.toMatch(/^\s+at /m);
        expect(r.stderr, context).not.toMatch(/internal error/);
        expect(CONTROL_CHAR.exec(r.stderr)?.[0], `control character on stderr\n${context}`).toBeUndefined();
        expect(CONTROL_CHAR.exec(r.stdout)?.[0], `control character on stdout\n${context}\n--- stdout ---\n${r.stdout.slice(0, 1500)}`).toBeUndefined();
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // A fuzzer that only ever hits one refusal tests nothing: every kind is reached, and some runs get through.
    expect([...kindsSeen].sort()).toEqual([...KINDS].sort());
    expect(codes.get(2) ?? 0).toBeGreaterThan(0);
    expect((codes.get(0) ?? 0) + (codes.get(1) ?? 0)).toBeGreaterThan(0);
  }, 30_000);
});
