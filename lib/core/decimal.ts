/**
 * LiqGuard's one Decimal type. 40 significant digits: far beyond any price × size × rate product we form,
 * so intermediate results are exact for every figure the exchange publishes (8 decimals).
 */
import DecimalJs from 'decimal.js';

import { parseDisplayedNumber } from './parse/number';

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;
export type Rounding = DecimalJs.Rounding;

/** A money figure as callers may hand it over: a decimal string ("96250.5") or a Decimal. Never a JS number. */
export type DecimalInput = Decimal | string;

export const ZERO = new Decimal(0);

export function dec(value: DecimalInput): Decimal {
  return value instanceof Decimal ? value : new Decimal(value);
}

/** |value|, without a new Decimal when `value` is not negative (sizes and notionals are held absolute already). */
export const magnitude = (value: Decimal): Decimal => (value.isNegative() ? value.abs() : value);

export function sum(values: Iterable<Decimal>): Decimal {
  let total: Decimal | null = null;
  for (const value of values) total = total === null ? value : total.plus(value);
  return total ?? ZERO;
}

/**
 * A number a person typed ("1,234.5", "0.5") as a Decimal, or why not: the popup's and options' forms do their
 * math on what they parse (the page's reader keeps exact strings and needs no Decimal).
 */
export function parseDecimal(text: string): { ok: true; value: Decimal } | { ok: false; reason: string; empty: boolean } {
  const parsed = parseDisplayedNumber(text);
  return parsed.ok ? { ok: true, value: new Decimal(parsed.value) } : parsed;
}
