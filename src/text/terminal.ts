import stringWidth from "string-width";

// Control sequences: OSC (to BEL or ST), CSI, other two-character escapes; then any control character left.
// eslint-disable-next-line no-control-regex
const OSC = /\x1b\][^\x07\x1b]*(\x07|\x1b\\)?|\x9d[^\x07\x1b\x9c]*(\x07|\x1b\\|\x9c)?/g;
// eslint-disable-next-line no-control-regex
const CSI = /(\x1b\[|\x9b)[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const ESCAPE = /\x1b[@-Z\\-_]|\x1b[ -/]*[0-~]/g;
// C0 but \t and \n, DEL and C1, and the bidi embeddings, overrides and isolates that reorder the rest of a line.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** SGR (colour) sequences as chalk writes them. */
// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/g;

/** Removes control sequences and characters (ANSI escapes included) so hostile text cannot drive the terminal. */
export function stripControl(s: string): string {
  return s.replace(OSC, "").replace(CSI, "").replace(ESCAPE, "").replace(CONTROL, "");
}

/**
 * What may reach a terminal of text the CLI made: colour (SGR) when `keepColour`, because the renderers add it
 * themselves; every other sequence and control character is taken out, whatever file or plugin it came from.
 */
export function stripForTerminal(s: string, keepColour: boolean): string {
  if (!keepColour) return stripControl(s);
  let out = "";
  let last = 0;
  for (const m of s.matchAll(SGR)) {
    out += stripControl(s.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + stripControl(s.slice(last));
}

/** A file name as it can be shown on one line: line breaks, tabs and other controls as \n, \t, \xNN. */
export function showName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`));
}

/** Columns a string takes in a terminal: East Asian wide characters take two, combining marks and colour none. */
export function displayWidth(s: string): number {
  return stringWidth(s);
}

// Made on first use: building a segmenter costs ~20 ms, which --version and most reports never need.
let segmenter: Intl.Segmenter | undefined;
const graphemes = (s: string) => (segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" })).segment(s);

/** Splits a word into pieces of at most `width` columns, never inside a character and its marks. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  let used = 0;
  for (const { segment } of graphemes(word)) {
    const w = stringWidth(segment);
    if (used + w > width && piece) (pieces.push(piece), (piece = ""), (used = 0));
    piece += segment;
    used += w;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Wraps text to a width in columns, keeping words whole where they fit; wide characters count twice. */
export function wrap(text: string, width: number, indent = ""): string[] {
  const room = Math.max(1, width - stringWidth(indent));
  const lines: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    let used = 0;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      for (const piece of stringWidth(word) > room ? breakWord(word, room) : [word]) {
        const w = stringWidth(piece);
        if (!line) (line = piece), (used = w);
        else if (used + 1 + w <= room) (line += " " + piece), (used += 1 + w);
        else (lines.push(indent + line), (line = piece), (used = w));
      }
    }
    lines.push(indent + line);
  }
  return lines;
}

/** Cuts a string to at most `max` columns, with an ellipsis where it was cut. */
export function truncate(s: string, max: number): string {
  if (stringWidth(s) <= max) return s;
  let out = "";
  let used = 0;
  for (const { segment } of graphemes(s)) {
    const w = stringWidth(segment);
    if (used + w > max - 1) break;
    out += segment;
    used += w;
  }
  return out + "…";
}
