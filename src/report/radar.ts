import { escapeHtml as x } from "./escape.js";

export interface RadarSeries {
  label: string;
  /** 0-100 per axis, in axis order; null is drawn at the centre. */
  values: Array<number | null>;
  colour: string;
  dashed?: boolean;
  fill?: boolean;
  /** A stroke pattern that tells the series apart in black and white too. */
  dash?: string;
}

/** The label of each axis: the author's short title where there is one, else the whole title, which the chart wraps. */
export function radarLabels(dimensions: ReadonlyArray<{ title: string; short?: string | undefined }>): string[] {
  return dimensions.map((d) => d.short ?? d.title);
}

const FONT = 14;
const LINE = 17;
const RINGS = [25, 50, 75, 100];

// Widths in em of DejaVu Sans and its like, rounded up: a label measured too wide only costs margin.
function charWidth(ch: string): number {
  if (/[iljtf.,:;'!|()[\] ]/.test(ch)) return 0.4;
  if (/[mwMW@]/.test(ch)) return 1;
  if (/[A-ZÅÄÖÆØ0-9&%]/.test(ch)) return 0.78;
  return 0.64;
}

/** The width a line of text takes at a font size, estimated on the wide side. */
export function textWidth(text: string, size = FONT): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w * size;
}

/** Breaks a label into lines of at most `max` pixels at spaces and after hyphens; a longer word keeps a line of its own. */
export function wrapLabel(label: string, max: number, size = FONT): string[] {
  const words = label.trim().split(/\s+|(?<=-)(?=\S)/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const joined = line ? (line.endsWith("-") ? line + word : `${line} ${word}`) : word;
    if (line && textWidth(joined, size) > max) {
      lines.push(line);
      line = word;
    } else line = joined;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * An inline SVG radar chart: one axis per dimension, rings at 25/50/75/100 with their values, one polygon per series.
 * Labels are wrapped and anchored on the side of the chart they stand on, and the viewBox is grown to hold them all,
 * so that no label is clipped at any length or number of axes. `shown` are the labels drawn (short titles around
 * many axes); `axes` stay the full titles, in data-axis.
 */
export function renderRadar(axes: string[], series: RadarSeries[], ariaLabel?: string, shown: readonly string[] = axes): string {
  const n = Math.max(axes.length, 3);
  // More axes, a larger circle: the labels round it keep their room.
  const r = Math.max(120, Math.min(210, n * 13));
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const point = (i: number, v: number) => [Math.cos(angle(i)) * r * (v / 100), Math.sin(angle(i)) * r * (v / 100)] as const;
  const ring = (v: number) => Array.from({ length: n }, (_, i) => point(i, v).map((p) => p.toFixed(1)).join(",")).join(" ");
  const box: Box = { left: -r, top: -r, right: r, bottom: r };
  const grow = (b: Box) => {
    box.left = Math.min(box.left, b.left);
    box.top = Math.min(box.top, b.top);
    box.right = Math.max(box.right, b.right);
    box.bottom = Math.max(box.bottom, b.bottom);
  };

  const labels = axes.map((label, i) => {
    const cos = Math.cos(angle(i));
    const sin = Math.sin(angle(i));
    // Labels beside the chart may run wide; those above and below it stay narrow, so that neighbours do not meet.
    const gap = 12;
    // The room between neighbouring axes' labels along the circle; labels above and below the chart stay within it.
    const room = (2 * Math.PI * (r + gap)) / n - 10;
    const max = Math.abs(cos) > 0.5 ? 140 : Math.abs(cos) >= 0.2 ? 120 : Math.min(170, Math.max(80, room));
    const lines = wrapLabel(shown[i] ?? label, max);
    const ax = cos * (r + gap);
    const ay = sin * (r + gap);
    const anchor = Math.abs(cos) < 0.2 ? "middle" : cos > 0 ? "start" : "end";
    const width = Math.max(...lines.map((l) => textWidth(l)));
    const height = lines.length * LINE;
    // From the block's bottom at the point (top of the chart) to its top at the point (bottom of the chart).
    const top = ay - (height * (1 - sin)) / 2;
    const left = anchor === "start" ? ax : anchor === "end" ? ax - width : ax - width / 2;
    grow({ left, top, right: left + width, bottom: top + height });
    const tspans = lines.map((l, k) => `<tspan x="${ax.toFixed(1)}" y="${(top + k * LINE + LINE * 0.78).toFixed(1)}">${x(l)}</tspan>`).join("");
    const [ex, ey] = point(i, 100);
    return (
      `<line class="axis" data-axis="${x(label)}" x1="0" y1="0" x2="${ex.toFixed(1)}" y2="${ey.toFixed(1)}" stroke="#9aa3ab"/>\n` +
      `<text class="axis-label" text-anchor="${anchor}" font-size="${FONT}">${tspans}</text>`
    );
  });

  const parts: string[] = [];
  for (const v of RINGS) parts.push(`<polygon class="ring" points="${ring(v)}" fill="none" stroke="#c3c9cf" stroke-width="1"/>`);
  parts.push(...labels);
  for (const s of series) {
    const pts = s.values.map((v, i) => point(i, Math.max(0, Math.min(100, v ?? 0))).map((p) => p.toFixed(1)).join(",")).join(" ");
    const dash = s.dash ?? (s.dashed ? "6 4" : undefined);
    parts.push(
      `<polygon class="series" data-series="${x(s.label)}" points="${pts}" fill="${s.fill ? s.colour : "none"}" fill-opacity="${s.fill ? 0.22 : 0}" stroke="${s.colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}><title>${x(s.label)}</title></polygon>`,
    );
  }
  // The scale, on top of the polygons, beside the first axis.
  for (const v of RINGS) {
    const [, y] = point(0, v);
    parts.push(`<text class="scale" x="4" y="${(y + 4).toFixed(1)}" font-size="10" fill="#4a545e" paint-order="stroke" stroke="#fff" stroke-width="3">${v}</text>`);
  }
  const pad = 10;
  const vb = { x: box.left - pad, y: box.top - pad, w: box.right - box.left + 2 * pad, h: box.bottom - box.top + 2 * pad };
  const w = Math.ceil(vb.w);
  const h = Math.ceil(vb.h);
  return [
    `<svg class="radar" xmlns="http://www.w3.org/2000/svg" viewBox="${vb.x.toFixed(1)} ${vb.y.toFixed(1)} ${w} ${h}" width="${w}" height="${h}" role="img"${ariaLabel ? ` aria-label="${x(ariaLabel)}"` : ""}>`,
    ...parts,
    "</svg>",
  ].join("\n");
}
