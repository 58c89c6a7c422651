// The QR encoder's core and its two text renderers. The package's main entry also loads its PNG renderer and
// a PNG library, a quarter of a megabyte in the bundle that nothing here draws with.
import { create } from "qrcode/lib/core/qrcode.js";
import { render as renderSvg } from "qrcode/lib/renderer/svg-tag.js";
import { render as renderUtf8 } from "qrcode/lib/renderer/utf8.js";

const options = { margin: 2 };

/** The code as block characters, for the terminal (no colour codes: it prints as plain text). */
export function qrText(url: string): string {
  return renderUtf8(create(url, { errorCorrectionLevel: "M" }), options);
}

/** The code as an SVG image, for the dashboard on the projector. */
export function qrSvg(url: string): string {
  return renderSvg(create(url, { errorCorrectionLevel: "M" }), options);
}
