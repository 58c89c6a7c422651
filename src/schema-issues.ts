import type { z } from "zod";
import { say, type PathIssue } from "./errors.js";
import { cliMessages, type CliKey } from "./i18n/cli-messages.js";
import type { Phrase } from "./i18n/phrase.js";

/** Turns zod issues into path issues with messages a file author understands. */
export function zodIssues(error: { issues: z.core.$ZodIssue[] }): PathIssue[] {
  const out: PathIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path as PropertyKey[];
    const field: string | Phrase = path.length ? path.map(String).join(".") : { key: "theFile" };
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ path: [...path, key], atKey: true, ...(path.length ? say("errUnknownKeyIn", { key, field }) : say("errUnknownKey", { key })) });
      continue;
    }
    if (issue.code === "invalid_union" && "errors" in issue && Array.isArray(issue.errors)) {
      // Report the branch that got furthest, rather than "invalid input".
      const branches = issue.errors as z.core.$ZodIssue[][];
      const best = branches.slice().sort((a, b) => depth(b) - depth(a))[0];
      if (best && best.length && depth(best) > 0) {
        out.push(...zodIssues({ issues: best.map((i) => ({ ...i, path: [...path, ...i.path] })) }));
        continue;
      }
    }
    const phrase = describeIssue(issue, field);
    out.push({ path, ...say(phrase.key, phrase.params) });
  }
  return out;
}

/** The first issue, in words, for a message that names only one (what a plugin or a JSON file got wrong). */
export function firstIssue(error: { issues: z.core.$ZodIssue[] }): string | Phrase {
  const first = zodIssues(error)[0];
  return first?.phrase ?? first?.message ?? "";
}

const typeWords: Record<string, CliKey> = {
  string: "typeText",
  number: "typeNumber",
  int: "typeWholeNumber",
  boolean: "typeBoolean",
  object: "typeMapping",
  record: "typeMapping",
  map: "typeMapping",
  array: "typeList",
  tuple: "typeList",
  null: "typeNothing",
};

function yamlNumber(n: number): string {
  return Number.isNaN(n) ? ".nan" : n > 0 ? ".inf" : "-.inf";
}

function typeOfValue(v: unknown): Phrase {
  const t = v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
  return { key: typeWords[t] ?? "typeValue" };
}

/** The schemas' own messages (a format or a refinement) are message keys, worded here. */
function ownPhrase(message: string): Phrase | undefined {
  return Object.prototype.hasOwnProperty.call(cliMessages, message) ? { key: message as CliKey } : undefined;
}

function describeIssue(issue: z.core.$ZodIssue, field: string | Phrase): Phrase {
  const limit = (n: number | bigint) => Number(n);
  switch (issue.code) {
    case "invalid_type":
      if (!("input" in issue) || issue.input === undefined) return { key: "errMissingField", params: { field, expected: { key: typeWords[issue.expected] ?? "typeValue" } } };
      // .nan and .inf are numbers to YAML and not to a schema: "expected a number, got a number" would say nothing.
      if (typeof issue.input === "number" && !Number.isFinite(issue.input)) return { key: "errNotFinite", params: { field, value: yamlNumber(issue.input) } };
      return { key: "errWrongType", params: { field, expected: { key: typeWords[issue.expected] ?? "typeValue" }, received: typeOfValue(issue.input) } };
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? { key: "errEmptyText", params: { field } } : { key: "errMinChars", params: { field, limit: limit(issue.minimum) } };
      if (issue.origin === "array" || issue.origin === "set") return { key: "errMinItems", params: { field, limit: limit(issue.minimum) } };
      return { key: issue.inclusive === false ? "errAbove" : "errAtLeast", params: { field, limit: limit(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string") return { key: "errMaxChars", params: { field, limit: limit(issue.maximum) } };
      if (issue.origin === "array" || issue.origin === "set") return { key: "errMaxItems", params: { field, limit: limit(issue.maximum) } };
      return { key: issue.inclusive === false ? "errBelow" : "errAtMost", params: { field, limit: limit(issue.maximum) } };
    case "invalid_value":
      return { key: "errOneOf", params: { field, values: issue.values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ") } };
    case "invalid_format": {
      const own = ownPhrase(issue.message);
      return own ? { key: "errExpected", params: { field, expected: own } } : { key: "errBadForm", params: { field } };
    }
    case "invalid_key":
      return issue.issues[0] ? describeIssue(issue.issues[0] as z.core.$ZodIssue, field) : { key: "errBadForm", params: { field } };
    case "invalid_union":
      if ("input" in issue && issue.input === undefined) return { key: "errMissingField", params: { field, expected: { key: "typeValue" } } };
      return { key: "errNoForm", params: { field } };
    case "custom": {
      const params = issue.params as Phrase["params"] & { key?: CliKey } | undefined;
      if (params?.key && params.key in cliMessages) {
        const { key, ...rest } = params;
        return { key: "errField", params: { field, detail: { key, params: rest } } };
      }
      const own = ownPhrase(issue.message);
      return { key: "errField", params: { field, detail: own ?? issue.message } };
    }
    default:
      return { key: "errField", params: { field, detail: issue.message } };
  }
}

function depth(issues: z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length + (i.code === "invalid_type" ? 0 : 1)));
}
