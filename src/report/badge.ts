import type { Scorecard } from "../engine/scorecard.js";
import { escapeXml as x } from "./escape.js";
import { outOf, shownScore } from "./common.js";

const COLOURS = ["#9f3a38", "#c27c0e", "#2f7d32", "#1b5e20", "#0d47a1"];

// Verdana 11px averages about 6.5 px per character; a badge only needs to be close.
const textWidth = (s: string) => Math.round(s.length * 6.5 + 10);

/** A small self-contained SVG badge (stage and score) for a README. */
export function renderBadge(card: Scorecard): string {
  const label = "digital maturity";
  const value = `${card.overall.stage.id} · ${shownScore(card, card.overall)}${outOf(card)}`;
  const idx = Math.max(0, card.stages.findIndex((s) => s.id === card.overall.stage.id));
  const colour = COLOURS[Math.min(COLOURS.length - 1, Math.round((idx / Math.max(1, card.stages.length - 1)) * 3))]!;
  const lw = textWidth(label);
  const vw = textWidth(value);
  const w = lw + vw;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${x(label)}: ${x(value)}">
  <title>${x(label)}: ${x(value)} (${x(card.overall.stage.name)})</title>
  <rect width="${lw}" height="20" fill="#555"/>
  <rect x="${lw}" width="${vw}" height="20" fill="${colour}"/>
  <g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
    <text x="${lw / 2}" y="14">${x(label)}</text>
    <text x="${lw + vw / 2}" y="14">${x(value)}</text>
  </g>
</svg>
`;
}
