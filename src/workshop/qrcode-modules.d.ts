// The parts of the qrcode package used here, which its own declarations do not describe.
declare module "qrcode/lib/core/qrcode.js" {
  export function create(text: string, options?: { errorCorrectionLevel?: "L" | "M" | "Q" | "H" }): object;
}
declare module "qrcode/lib/renderer/utf8.js" {
  export function render(data: object, options?: { margin?: number }): string;
}
declare module "qrcode/lib/renderer/svg-tag.js" {
  export function render(data: object, options?: { margin?: number }): string;
}
