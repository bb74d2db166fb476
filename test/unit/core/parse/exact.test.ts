import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import { abs, compare, decimalString, exact, minus, plus, sign, times } from '@/lib/core/parse/exact';

/** Decimal strings of up to 20 significant digits and 12 decimals: their products stay within Decimal's 40 digits. */
const decimalText = fc
  .tuple(fc.bigInt({ min: -(10n ** 20n) + 1n, max: 10n ** 20n - 1n }), fc.integer({ min: 0, max: 12 }))
  .map(([units, scale]) => new Decimal(units.toString()).div(new Decimal(10).pow(scale)).toFixed());

describe('exact decimal strings', () => {
  it.each([
    ['0', '0'],
    ['-0', '0'],
    ['007.500', '7.5'],
    ['-0.000100', '-0.0001'],
    ['1200', '1200'],
  ])('%s is written %s', (text, written) => {
    expect(decimalString(exact(text))).toBe(written);
  });

  it('refuses anything but a plain decimal string', () => {
    for (const text of ['', '1e5', '1.', '.5', '1,5', 'NaN', '--1']) expect(() => exact(text)).toThrow(RangeError);
  });

  it('adds, subtracts, multiplies and compares as Decimal does (property)', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const [x, y] = [exact(a), exact(b)];
        const [p, q] = [new Decimal(a), new Decimal(b)];
        expect(decimalString(plus(x, y))).toBe(p.plus(q).toFixed());
        expect(decimalString(minus(x, y))).toBe(p.minus(q).toFixed());
        expect(decimalString(times(x, y))).toBe(p.times(q).toFixed());
        expect(decimalString(abs(x))).toBe(p.abs().toFixed());
        expect(compare(x, y)).toBe(p.comparedTo(q));
        expect(sign(x)).toBe(p.isZero() ? 0 : p.isNegative() ? -1 : 1);
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});
