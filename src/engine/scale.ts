import { Rational } from "./rational.js";

export interface ScaleInfo {
  min: number;
  max: number;
  decimals: number;
}

/** A number written in the scale, on 0-100 (as a float, for the fields that have always been 0-100). */
export function toHundred(x: number, scale: { min: number; max: number }): number {
  return ((x - scale.min) / (scale.max - scale.min)) * 100;
}

/** A number written in the scale (or on 0-100 without one), exactly on 0-100. */
export function exactHundred(x: number, scale: ScaleInfo | undefined): Rational {
  const r = Rational.from(x);
  if (!scale) return r;
  return r.sub(Rational.from(scale.min)).mul(Rational.of(100n)).div(Rational.from(scale.max).sub(Rational.from(scale.min)));
}

/** A 0-100 score, exactly, in the scale. */
export function toScale(score: Rational, scale: ScaleInfo): Rational {
  return Rational.from(scale.min).add(score.mul(Rational.from(scale.max).sub(Rational.from(scale.min))).div(Rational.of(100n)));
}

/** The scorecard's fields for a score in the scale: rounded for reports, and the exact fraction. */
export function scaledFields(score: Rational | null, scale: ScaleInfo | undefined): { scaled?: number | null; exact?: string | null } {
  if (!scale) return {};
  if (score === null) return { scaled: null, exact: null };
  const x = toScale(score, scale);
  return { scaled: x.round(scale.decimals), exact: x.toString() };
}
