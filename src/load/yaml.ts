import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from "yaml";
import { RESERVED_KEYS } from "../model/common.js";
import { say, type Problem, type Path, type PathIssue } from "../errors.js";
import type { Phrase } from "../i18n/phrase.js";

/** A parsed YAML file that can still answer "where is this path?". */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export function parseYaml(file: string, text: string): { source: YamlSource; data: unknown; problems: Problem[] } {
  try {
    return parseYamlUnguarded(file, text);
  } catch (err) {
    // The parser recurses; a document nested thousands deep exhausts the stack before any of our checks.
    if (err instanceof RangeError) {
      const lineCounter = new LineCounter();
      return { source: { file, doc: new Document() as Document.Parsed, lineCounter }, data: undefined, problems: [{ file, line: 1, col: 1, ...say("errNestedTooDeeply"), severity: "error" }] };
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
      ...describeYamlError(e.code, e.message),
      severity: "error",
    });
  }
  if (problems.length > 0) return { source, data: undefined, problems };

  const overflow = aliasOverflow(doc);
  if (overflow) {
    problems.push({ ...at(source, overflow), ...say("errAliasBomb"), severity: "error" });
    return { source, data: undefined, problems };
  }

  let data: unknown;
  try {
    // The size of what the aliases expand to is bounded above; yaml's own count refuses the 101st reference to one anchor, however small.
    data = doc.toJS({ maxAliasCount: -1 });
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
      problems.push({ ...where, ...say("errUnresolvedAlias", { name }), severity: "error" });
      return { source, data: undefined, problems };
    }
    const said = err instanceof ReferenceError || /alias/i.test(text)
        ? say("errAliasBomb")
        : err instanceof RangeError
          ? say("errNestedTooDeeply")
          : say("errNotYaml", { detail: text });
    problems.push({ file, line: 1, col: 1, ...said, severity: "error" });
    return { source, data: undefined, problems };
  }
  // Keys that reach Object.prototype are refused wherever they are; found on the plain data, placed through the document.
  const reserved = reservedKeyPaths(data);
  if (reserved.length) {
    for (const path of reserved) problems.push({ ...locate(source, path, true), ...say("errReservedKey", { key: String(path.at(-1)) }), severity: "error" });
    return { source, data: undefined, problems };
  }
  if (data === null || data === undefined) {
    problems.push({ file, line: 1, col: 1, ...say("errEmptyFile"), severity: "error" });
  } else if (typeof data !== "object" || Array.isArray(data)) {
    problems.push({ file, line: 1, col: 1, ...say("errNotMapping"), severity: "error" });
  }
  return { source, data, problems };
}

/**
 * How many values a document may hold once its aliases are expanded: far above a hand-written questionnaire
 * that shares its answer sets a thousand times, far below what the checks after parsing can walk quickly.
 */
export const MAX_EXPANDED_NODES = 1_000_000;

/**
 * The alias at which the expanded document outgrows MAX_EXPANDED_NODES, or one that contains itself; undefined
 * when neither. One walk in document order: an alias resolves to the last anchor of its name before it, as in
 * yaml, and an anchored node's expanded size is known before any alias to it is reached.
 */
function aliasOverflow(doc: Document.Parsed): Node | undefined {
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  let total = 0;
  let over: Node | undefined;
  const walk = (node: unknown): number => {
    if (over || !node) return 0;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      // An unresolved alias is reported by toJS with its name.
      if (!target) return 1;
      const size = open.has(target) ? Infinity : sizes.get(target)!;
      total += size;
      if (total > MAX_EXPANDED_NODES) over = node;
      return size;
    }
    const n = node as Node;
    if (n.anchor) anchors.set(n.anchor, n);
    total++;
    let size = 1;
    if (isMap(n) || isSeq(n)) {
      open.add(n);
      for (const item of n.items as unknown[]) size += isPair(item) ? walk(item.key) + walk(item.value) : walk(item);
      open.delete(n);
    }
    sizes.set(n, size);
    return size;
  };
  walk(doc.contents);
  return over;
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

function describeYamlError(code: string, message: string): { message: string; phrase: Phrase } {
  // yaml's messages end with a position and code excerpt; keep the first sentence.
  const first = message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  switch (code) {
    case "MULTIPLE_DOCS":
      return say("errSeveralDocuments");
    case "DUPLICATE_KEY":
      return say("errDuplicateKey", { detail: first });
    case "TAB_AS_INDENT":
      return say("errTabIndent");
    default:
      if (/maximum call stack/i.test(first)) return say("errNestedTooDeeply");
      return say("errYamlSyntax", { detail: first });
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
  return issues.map((i) => ({ ...locate(source, i.path, i.atKey), message: i.message, ...(i.phrase ? { phrase: i.phrase } : {}), severity: i.severity ?? "error" }));
}
