import { escapeHtml as x } from "./escape.js";
import { shortTitles } from "./short-titles.js";

export interface RadarSeries {
  label: string;
  /** 0-100 per axis, in axis order; null is drawn at the centre. */
  values: Array<number | null>;
  colour: string;
  dashed?: boolean;
  fill?: boolean;
}

/** The label of each axis: the whole title beside a few axes; a short one, told apart from the others, around many. */
export function radarLabels(dimensions: ReadonlyArray<{ title: string; short?: string | undefined }>): string[] {
  return dimensions.length <= 8 ? shortTitles(dimensions, 40, true) : shortTitles(dimensions, 14);
}

/** An inline SVG radar chart: one axis per dimension, rings at 25/50/75/100, one polygon per series. */
export function renderRadar(axes: string[], series: RadarSeries[], size = 420, labels: readonly string[] = axes): string {
  const c = size / 2;
  const r = size / 2 - 90;
  const n = Math.max(axes.length, 3);
  const point = (i: number, v: number) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [c + Math.cos(a) * r * (v / 100), c + Math.sin(a) * r * (v / 100)] as const;
  };
  const ring = (v: number) => Array.from({ length: n }, (_, i) => point(i, v).map((p) => p.toFixed(1)).join(",")).join(" ");
  const parts: string[] = [];
  parts.push(`<svg class="radar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="Radar chart of ${axes.length} dimensions">`);
  for (const v of [25, 50, 75, 100]) parts.push(`<polygon class="ring" points="${ring(v)}" fill="none" stroke="#ccc" stroke-width="1"/>`);
  axes.forEach((label, i) => {
    const [ex, ey] = point(i, 100);
    const [lx, ly] = point(i, 118);
    const anchor = Math.abs(lx - c) < 5 ? "middle" : lx > c ? "start" : "end";
    parts.push(`<line class="axis" data-axis="${x(label)}" x1="${c}" y1="${c}" x2="${ex.toFixed(1)}" y2="${ey.toFixed(1)}" stroke="#bbb"/>`);
    parts.push(`<text class="axis-label" x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" text-anchor="${anchor}" dominant-baseline="middle" font-size="12">${x(labels[i] ?? label)}</text>`);
  });
  for (const s of series) {
    const pts = s.values.map((v, i) => point(i, Math.max(0, Math.min(100, v ?? 0))).map((p) => p.toFixed(1)).join(",")).join(" ");
    parts.push(
      `<polygon class="series" data-series="${x(s.label)}" points="${pts}" fill="${s.fill ? s.colour : "none"}" fill-opacity="${s.fill ? 0.25 : 0}" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}><title>${x(s.label)}</title></polygon>`,
    );
  }
  parts.push("</svg>");
  return parts.join("\n");
}
