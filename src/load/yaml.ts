import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from "yaml";
import type { z } from "zod";
import { RESERVED_KEYS } from "../model/common.js";
import type { Problem } from "../errors.js";

export type Path = ReadonlyArray<PropertyKey>;

/** A parsed YAML file that can still answer "where is this path?". */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** An issue found by pure validation, before it is placed in a file. */
export interface PathIssue {
  path: Path;
  message: string;
  severity?: "error" | "warning";
  /** Point at the key rather than the value (e.g. an unknown key). */
  atKey?: boolean;
}

export function parseYaml(file: string, text: string): { source: YamlSource; data: unknown; problems: Problem[] } {
  try {
    return parseYamlUnguarded(file, text);
  } catch (err) {
    // The parser recurses; a document nested thousands deep exhausts the stack before any of our checks.
    if (err instanceof RangeError) {
      const lineCounter = new LineCounter();
      return { source: { file, doc: new Document() as Document.Parsed, lineCounter }, data: undefined, problems: [{ file, line: 1, col: 1, message: "the document is nested too deeply", severity: "error" }] };
    }
    throw err;
  }
}

function parseYamlUnguarded(file: string, text: string): { source: YamlSource; data: unknown; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const source: YamlSource = { file, doc, lineCounter };
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? (e.pos ? lineCounter.linePos(e.pos[0]) : undefined);
    problems.push({
      file,
      line: pos?.line ?? 1,
      col: pos?.col ?? 1,
      message: describeYamlError(e.code, e.message),
      severity: "error",
    });
  }
  if (problems.length > 0) return { source, data: undefined, problems };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const text = String((err as Error).message);
    if (/unresolved alias/i.test(text)) {
      // Point at the alias that names no anchor.
      let where: { file: string; line?: number; col?: number } = { file, line: 1, col: 1 };
      let name = "";
      visit(doc, {
        Alias(_, node) {
          if (!name && node.resolve(doc) === undefined) ((where = at(source, node)), (name = node.source));
        },
      });
      problems.push({ ...where, message: `the alias *${name} refers to no anchor &${name} set before it`, severity: "error" });
      return { source, data: undefined, problems };
    }
    const message = err instanceof ReferenceError || /alias/i.test(text)
        ? "too many aliases (possible alias bomb); expand them or use fewer"
        : err instanceof RangeError
          ? "the document is nested too deeply"
          : `cannot be read as YAML: ${(err as Error).message}`;
    problems.push({ file, line: 1, col: 1, message, severity: "error" });
    return { source, data: undefined, problems };
  }
  // Keys that reach Object.prototype are refused wherever they are; found on the plain data, placed through the document.
  const reserved = reservedKeyPaths(data);
  if (reserved.length) {
    for (const path of reserved) problems.push({ ...locate(source, path, true), message: `the key '${String(path.at(-1))}' is not allowed`, severity: "error" });
    return { source, data: undefined, problems };
  }
  if (data === null || data === undefined) {
    problems.push({ file, line: 1, col: 1, message: "is empty: expected a YAML mapping starting with 'kind:'", severity: "error" });
  } else if (typeof data !== "object" || Array.isArray(data)) {
    problems.push({ file, line: 1, col: 1, message: "expected a YAML mapping starting with 'kind:'", severity: "error" });
  }
  return { source, data, problems };
}

function reservedKeyPaths(value: unknown, path: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  if (Array.isArray(value)) value.forEach((v, i) => reservedKeyPaths(v, [...path, i], out));
  else if (value && typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (RESERVED_KEYS.has(key)) out.push([...path, key]);
      else reservedKeyPaths((value as Record<string, unknown>)[key], [...path, key], out);
    }
  }
  return out;
}

function describeYamlError(code: string, message: string): string {
  // yaml's messages end with a position and code excerpt; keep the first sentence.
  const first = message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  switch (code) {
    case "MULTIPLE_DOCS":
      return "holds several YAML documents ('---'); give one document per file";
    case "DUPLICATE_KEY":
      return `duplicate key: ${first}`;
    case "TAB_AS_INDENT":
      return "tabs are not allowed for indentation in YAML; use spaces";
    default:
      if (/maximum call stack/i.test(first)) return "the document is nested too deeply";
      return first;
  }
}

function at(source: YamlSource, node: { range?: [number, number, number] | null } | null | undefined): { file: string; line?: number; col?: number } {
  const offset = node?.range?.[0];
  if (offset === undefined) return { file: source.file };
  const { line, col } = source.lineCounter.linePos(offset);
  return { file: source.file, line, col };
}

/** Finds the node at a path, or the nearest ancestor that exists. */
export function locate(source: YamlSource, path: Path, atKey = false): { file: string; line?: number; col?: number } {
  let node: unknown = source.doc.contents;
  let keyNode: unknown;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number" && node.items[seg] !== undefined) {
      keyNode = undefined;
      node = node.items[seg];
    } else break;
  }
  const target = atKey && keyNode ? keyNode : ((node ?? keyNode) as Node | undefined);
  const loc = at(source, target as Node | undefined);
  return loc.line === undefined ? { file: source.file, line: 1, col: 1 } : loc;
}

export function placeIssues(source: YamlSource, issues: PathIssue[]): Problem[] {
  return issues.map((i) => ({ ...locate(source, i.path, i.atKey), message: i.message, severity: i.severity ?? "error" }));
}

/** Turns zod issues into path issues with messages a file author understands. */
export function zodIssues(error: z.ZodError): PathIssue[] {
  const out: PathIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path as PropertyKey[];
    const field = path.length ? path.map(String).join(".") : "the file";
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ path: [...path, key], atKey: true, message: `unknown key '${key}'${path.length ? ` in ${field}` : ""}` });
      continue;
    }
    if (issue.code === "invalid_union" && "errors" in issue && Array.isArray(issue.errors)) {
      // Report the branch that got furthest, rather than "invalid input".
      const branches = issue.errors as z.core.$ZodIssue[][];
      const best = branches.slice().sort((a, b) => depth(b) - depth(a))[0];
      if (best && best.length && depth(best) > 0) {
        const nested = zodIssues({ issues: best.map((i) => ({ ...i, path: [...path, ...i.path] })) } as z.ZodError);
        out.push(...nested);
        continue;
      }
    }
    out.push({ path, message: `${field}: ${issue.message}` });
  }
  return out;
}

function depth(issues: z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length + (i.code === "invalid_type" ? 0 : 1)));
}
