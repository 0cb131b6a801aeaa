/**
 * Exact rational arithmetic for scores.
 *
 * Marks, maxima and weights are decimals typed by people (7.35, 33.33). Binary floats
 * cannot hold most of them exactly, so sums and means drift (0.1 + 0.2 ≠ 0.3) and a
 * result that is truly x.xx5 may round the wrong way. We therefore read each number as
 * the decimal it prints as, compute with BigInt fractions, and turn back into a float
 * only once, after rounding to hundredths.
 */

export interface Fraction {
  readonly num: bigint;
  /** Always > 0; num/den is kept in lowest terms. */
  readonly den: bigint;
}

export const ZERO: Fraction = { num: 0n, den: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function fraction(num: bigint, den: bigint = 1n): Fraction {
  if (den === 0n) throw new RangeError('fraction with zero denominator');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

/**
 * The exact value of the decimal that `x` prints as (String(x) is the shortest decimal
 * that reads back as x), so 0.1 becomes 1/10 rather than 0.1000000000000000055….
 */
export function fromNumber(x: number): Fraction {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!match) throw new RangeError(`cannot read number: ${x}`);
  const [, sign, intPart, fracPart = '', expPart = '0'] = match;
  const exp = Number(expPart) - fracPart.length;
  let num = BigInt(intPart + fracPart);
  if (sign === '-') num = -num;
  return exp >= 0 ? fraction(num * 10n ** BigInt(exp)) : fraction(num, 10n ** BigInt(-exp));
}

export const add = (a: Fraction, b: Fraction): Fraction =>
  fraction(a.num * b.den + b.num * a.den, a.den * b.den);

export const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.num, a.den * b.den);

export function div(a: Fraction, b: Fraction): Fraction {
  if (b.num === 0n) throw new RangeError('division by zero');
  return fraction(a.num * b.den, a.den * b.num);
}

export const sum = (xs: readonly Fraction[]): Fraction => xs.reduce(add, ZERO);

export function compare(a: Fraction, b: Fraction): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const equals = (a: Fraction, b: Fraction): boolean => compare(a, b) === 0;

/** Number of digits after the decimal point `x` prints with (1e-7 → 7, 1.5 → 1). */
export function decimalPlaces(x: number): number {
  let f = fromNumber(x);
  let places = 0;
  // den is 2^a·5^b for a decimal; multiply by 10 until it is an integer.
  while (f.den !== 1n) {
    f = mul(f, { num: 10n, den: 1n });
    places++;
  }
  return places;
}

/**
 * Round to `places` decimals, half away from zero (the "round half up" of score sheets;
 * for the non-negative values scores take it is plain half up), exactly.
 */
export function roundHalfUp(f: Fraction, places: number): number {
  const scale = 10n ** BigInt(places);
  const negative = f.num < 0n;
  const abs = negative ? -f.num : f.num;
  // floor(|v|·scale + 1/2) = floor((2·|num|·scale + den) / (2·den))
  const scaled = (2n * abs * scale + f.den) / (2n * f.den);
  // Integer ÷ 10^k is correctly rounded in IEEE 754, so the float prints as the decimal.
  const value = Number(scaled) / Number(scale);
  return negative && scaled !== 0n ? -value : value;
}

/** Round to hundredths, half up, exactly. */
export const toHundredths = (f: Fraction): number => roundHalfUp(f, 2);

/** Round a plain number to two decimals, half up, free of float error (1.005 → 1.01). */
export const round2 = (x: number): number => toHundredths(fromNumber(x));

/** Nearest float to the fraction (for display or tests; do not feed it back into sums). */
export const toNumber = (f: Fraction): number => Number(f.num) / Number(f.den);
