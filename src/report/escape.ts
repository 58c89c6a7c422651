import { stripControl } from "../text/terminal.js";

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return stripControl(s).replace(/[&<>"']/g, (c) => HTML[c]!);
}

/** Escapes text for a Markdown table cell or inline text: no markup, no HTML, one line. */
export function escapeMarkdown(s: string): string {
  return stripControl(s)
    .replace(/\s*\n\s*/g, " ")
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    // What would start a heading, quote, list or rule at the start of a line.
    .replace(/^(\s*)([#=+-])(?=\s|$)/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2");
}

/** Text for inside a Markdown code span in a table: no backticks, pipes escaped (tables honour \| even there). */
export function escapeMarkdownCode(s: string): string {
  return stripControl(s).replace(/\s+/g, " ").replace(/`/g, "'").replace(/\|/g, "\\|");
}

/** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot hold. */
export function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "").replace(/[&<>"']/g, (c) => HTML[c]!);
}
