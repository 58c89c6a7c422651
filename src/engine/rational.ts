/** An exact fraction, so that a score exactly at a band's minimum is in the band whatever the arithmetic. */
export class Rational {
  private constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {}

  static readonly ZERO = new Rational(0n, 1n);

  static of(n: bigint, d: bigint = 1n): Rational {
    if (d === 0n) throw new RangeError("division by zero");
    if (d < 0n) ((n = -n), (d = -d));
    const g = gcd(n < 0n ? -n : n, d);
    return new Rational(n / g, d / g);
  }

  /**
   * The fraction a number stands for. A number written with few decimals is taken as written (0.25 is
   * 1/4); a float that ends in long digits, such as a third of 100 (33.333333333333336), is taken as the
   * fraction with a small denominator that agrees with it to 1e-9.
   */
  static from(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    const [mant, expPart] = String(Math.abs(x)).split("e");
    const exp = Number(expPart ?? 0);
    const [int = "0", frac = ""] = mant!.split(".");
    const digits = BigInt(int + frac) * (x < 0 ? -1n : 1n);
    const places = frac.length - exp;
    const written = places > 0 ? Rational.of(digits, 10n ** BigInt(places)) : Rational.of(digits * 10n ** BigInt(-places));
    if (places <= 6) return written;
    const near = nearFraction(x, 1_000_000);
    return near && Math.abs(near.toNumber() - x) <= 1e-9 * Math.max(1, Math.abs(x)) ? near : written;
  }

  add(o: Rational): Rational {
    return Rational.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Rational): Rational {
    return Rational.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.n * o.n, this.d * o.d);
  }
  div(o: Rational): Rational {
    return Rational.of(this.n * o.d, this.d * o.n);
  }
  cmp(o: Rational): number {
    const a = this.n * o.d;
    const b = o.n * this.d;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  toNumber(): number {
    return Number(this.n) / Number(this.d);
  }
  /** Rounded half away from zero to `decimals` places, as a number. */
  round(decimals: number): number {
    const f = 10n ** BigInt(decimals);
    const scaled = this.n * f * 2n;
    const twice = this.d;
    const sign = scaled < 0n ? -1n : 1n;
    const q = ((scaled < 0n ? -scaled : scaled) / twice + 1n) / 2n;
    return Number(sign * q) / Number(f);
  }
  toString(): string {
    return this.d === 1n ? String(this.n) : `${this.n}/${this.d}`;
  }
  /** Reads "7/40" or "3" back. */
  static parse(s: string): Rational {
    const m = /^(-?\d+)(?:\/(\d+))?$/.exec(s);
    if (!m) throw new RangeError(`not a fraction: ${s}`);
    return Rational.of(BigInt(m[1]!), BigInt(m[2] ?? "1"));
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}

/** The continued-fraction approximation of x with the largest denominator up to maxDen. */
function nearFraction(x: number, maxDen: number): Rational | undefined {
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let v = x;
  for (let i = 0; i < 40; i++) {
    const a = Math.floor(v);
    const [h2, k2] = [a * h1 + h0, a * k1 + k0];
    if (k2 > maxDen) break;
    [h0, h1, k0, k1] = [h1, h2, k1, k2];
    const rest = v - a;
    if (rest < 1e-12) break;
    v = 1 / rest;
  }
  return k1 ? Rational.of(BigInt(h1), BigInt(k1)) : undefined;
}
