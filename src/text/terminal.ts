/** Removes control characters (ANSI escapes included) so hostile text cannot drive the terminal. */
export function stripControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)?/g, "")
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "");
}

/** Wraps text to a width, keeping words whole where they fit. */
export function wrap(text: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let w = word;
      while (w.length > width - indent.length) {
        if (line) (lines.push(indent + line), (line = ""));
        lines.push(indent + w.slice(0, width - indent.length));
        w = w.slice(width - indent.length);
      }
      if (!w) continue;
      if (!line) line = w;
      else if (indent.length + line.length + 1 + w.length <= width) line += " " + w;
      else (lines.push(indent + line), (line = w));
    }
    lines.push(indent + line);
  }
  return lines;
}

export function truncate(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, Math.max(0, max - 1)) + "…";
}
