/**
 * Exact arithmetic on the decimal strings a page shows, for the reader's own checks (does a row agree with
 * itself, what is left of an order). BigInt-based and small, so that the content script, which runs in the
 * exchange's page, carries no Decimal library: every figure LiqGuard shows is worked out with `Decimal`
 * (lib/core/decimal.ts) in the background worker. Sums, differences and products only: they are exact here.
 */
import { memoByText } from '../memo';

/** units × 10^-scale. */
export interface Exact {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_STRING = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A decimal string as an Exact (remembered: a ticking page's reads parse the same sizes and entries each time). */
export const exact: (value: string) => Exact = memoByText((value) => {
  const match = DECIMAL_STRING.exec(value);
  if (!match) throw new RangeError(`not a decimal string: "${value.slice(0, 40)}"`);
  const fraction = match[3] ?? '';
  const units = BigInt(match[2]! + fraction);
  return { units: match[1] ? -units : units, scale: fraction.length };
});

const unitsAt = (value: Exact, scale: number) => value.units * 10n ** BigInt(scale - value.scale);

function aligned(a: Exact, b: Exact): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [unitsAt(a, scale), unitsAt(b, scale), scale];
}

export function plus(a: Exact, b: Exact): Exact {
  const [x, y, scale] = aligned(a, b);
  return { units: x + y, scale };
}

export const negated = (a: Exact): Exact => ({ units: -a.units, scale: a.scale });
export const minus = (a: Exact, b: Exact): Exact => plus(a, negated(b));
export const times = (a: Exact, b: Exact): Exact => ({ units: a.units * b.units, scale: a.scale + b.scale });
export const abs = (a: Exact): Exact => (a.units < 0n ? negated(a) : a);
export const sign = (a: Exact): -1 | 0 | 1 => (a.units < 0n ? -1 : a.units > 0n ? 1 : 0);

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Exact, b: Exact): -1 | 0 | 1 {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Written as `Decimal#toFixed()` writes it: no exponent, no trailing zeros, "0" for zero (never "-0"). */
export function decimalString(value: Exact): string {
  if (value.units === 0n) return '0';
  const digits = (value.units < 0n ? -value.units : value.units).toString();
  const sign = value.units < 0n ? '-' : '';
  if (value.scale <= 0) return `${sign}${digits}${'0'.repeat(-value.scale)}`;
  const padded = digits.padStart(value.scale + 1, '0');
  const whole = padded.slice(0, -value.scale);
  const fraction = padded.slice(-value.scale).replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
