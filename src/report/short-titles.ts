import { stripControl } from "../text/terminal.js";

/** Cuts a file name at its start, where audits of one business share a prefix, and keeps the end that tells them apart. */
export function truncateStart(text: string, n: number): string {
  return text.length <= n ? text : "…" + text.slice(text.length - Math.max(0, n - 1));
}

/** Words of a title that carry meaning: small lower-case joining words (and, of, och, og) drop out of abbreviations. */
function wordsOf(title: string): string[] {
  const all = stripControl(title).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const kept = all.filter((w, i) => i === 0 || w.length > 3 || w !== w.toLowerCase());
  return kept.length ? kept : all;
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Whole words of a title up to a width; the first word cut when even it is too long. */
function fit(words: string[], width: number): string {
  let out = "";
  for (const w of words) {
    const next = out ? `${out} ${w}` : w;
    if (next.length > width) break;
    out = next;
  }
  return out || words[0]?.slice(0, width) || "";
}

/** The first word's initial, then the next word: GStr, or "G. Strategy" where there is room. */
function initialled(words: string[], width: number): string {
  if (words.length < 2) return fit(words, width);
  const head = words[0]!.charAt(0).toUpperCase();
  return width <= 6 ? head + cap(words[1]!).slice(0, width - 1) : `${head}. ${fit(words.slice(1), width - 3)}`;
}

function initials(words: string[], width: number): string {
  return words.map((w) => w.charAt(0).toUpperCase()).join("").slice(0, width);
}

/**
 * A label of at most `width` characters for each title, different from the others: the author's short title
 * where given (with `titleFirst`, only where the title does not fit), else the title itself when it fits, else
 * its first words; where two would read alike, the first word's initial and the next word, then initials,
 * then a number.
 */
export function shortTitles(items: ReadonlyArray<{ title: string; short?: string | undefined }>, width: number, titleFirst = false): string[] {
  const words = items.map((d) => wordsOf(d.title));
  const fits = items.map((d) => stripControl(d.title).length <= width);
  const given = items.map((d, i) => !!d.short && !(titleFirst && fits[i]));
  const out = items.map((d, i) => (given[i] ? stripControl(d.short!).slice(0, width) : fits[i] ? stripControl(d.title) : fit(words[i]!, width)));
  for (const rewrite of [initialled, initials]) {
    for (const group of clashes(out)) {
      const next = group.map((i) => (given[i] ? out[i]! : rewrite(words[i]!, width) || out[i]!));
      // A rewrite that tells none of them apart would only lose letters.
      if (new Set(next.map((l) => l.toLowerCase())).size > 1) group.forEach((i, n) => (out[i] = next[n]!));
    }
  }
  for (const group of clashes(out)) {
    group.forEach((i, n) => {
      const tag = String(n + 1);
      out[i] = out[i]!.slice(0, Math.max(1, width - tag.length)) + tag;
    });
  }
  return out;
}

function clashes(labels: string[]): number[][] {
  const by = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const k = l.toLowerCase();
    by.set(k, [...(by.get(k) ?? []), i]);
  });
  return [...by.values()].filter((g) => g.length > 1);
}
