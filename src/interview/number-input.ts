/**
 * A number as a person types it: digits with one decimal separator (a comma too, in languages that write one), and a
 * percent sign where the question counts in percent. Anything else, such as 0x10, 0b11, 1e3 or 1_000, which
 * JavaScript's Number() would take, is not a number here.
 */
export function readTypedNumber(text: string, lang: string, percent: boolean): number | undefined {
  let s = text.trim();
  if (percent) s = s.replace(/\s*%$/, "");
  const pattern = lang === "en" ? /^[+-]?\d+(\.\d+)?$/ : /^[+-]?\d+([.,]\d+)?$/;
  if (!pattern.test(s)) return undefined;
  return Number(s.replace(",", "."));
}
