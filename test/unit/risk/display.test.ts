import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import { formatAmount, formatPercent, formatPrice, tickAt, tickDecimals, toTick } from '@/lib/risk';

const d = (value: string) => new Decimal(value);

describe('display rounding (math.md §1.8)', () => {
  it('formats prices to the tick: 26,316.8933089 at 0.01 → 26,316.89; 33,599.4186 at 0.1 → 33,599.4', () => {
    expect(formatPrice(d('26316.8933089'), d('0.01'))).toBe('26,316.89');
    expect(formatPrice(d('33599.4186'), d('0.1'))).toBe('33,599.4');
    expect(formatPrice(d('0.000012205'), d('0.0000001'))).toBe('0.0000122');
  });

  it('truncates the way Binance shows margins: 2.486011688 → 2.48601168', () => {
    expect(formatAmount(d('2.486011688'), 8, 'truncate')).toBe('2.48601168');
    expect(formatAmount(d('-1234567.891'), 2, 'truncate')).toBe('-1,234,567.89');
  });

  it('rounds to ticks that are not powers of ten', () => {
    expect(toTick(d('101.7'), d('5')).toFixed()).toBe('100');
    expect(toTick(d('102.5'), d('5')).toFixed()).toBe('105');
    expect(toTick(d('104.9'), d('5'), 'floor').toFixed()).toBe('100');
    expect(tickDecimals(d('0.10'))).toBe(1);
    expect(tickDecimals(d('5'))).toBe(0);
  });

  it('shows distance as a percentage with two decimals and no space, as the exchanges write it', () => {
    expect(formatPercent(d('0.064'))).toBe('6.40%');
    expect(formatPercent(d('-0.00125'))).toBe('-0.13%');
  });
});

describe('a tick that grows with the price (Hyperliquid’s “Tick and lot size”: five significant figures, at most 6 − szDecimals decimals, integers always)', () => {
  /** Whether `price` is a valid perpetual price for an asset of `szDecimals`, by the rule as LiqGuard applies it. */
  const valid = (price: string, szDecimals: number) =>
    d(price)
      .mod(tickAt(new Decimal(10).pow(szDecimals - 6), 5, d(price)))
      .isZero();

  it.each([
    // The published perp examples.
    ['1234.5', 0, true],
    ['1234.56', 0, false],
    ['0.001234', 0, true],
    ['0.0012345', 0, false],
    ['0.01234', 1, true],
    ['0.012345', 1, false],
    ['123456', 0, true],
    ['12345.6', 0, false],
  ] as const)('%s at szDecimals %i is %s', (price, szDecimals, expected) => expect(valid(price, szDecimals)).toBe(expected));

  it('is the step of the fifth figure, never finer than the decimals allow nor coarser than 1', () => {
    const eth = d('0.01'); // szDecimals 4
    expect(tickAt(eth, 5, d('3143.3')).toFixed()).toBe('0.1');
    expect(tickAt(eth, 5, d('96250')).toFixed()).toBe('1');
    expect(tickAt(eth, 5, d('123456.7')).toFixed()).toBe('1');
    expect(tickAt(eth, 5, d('9.99')).toFixed()).toBe('0.01');
    expect(tickAt(d('0.000001'), 5, d('0.00012345')).toFixed()).toBe('0.000001');
    expect(tickAt(d('0.1'), null, d('3143.37')).toFixed()).toBe('0.1');
  });

  it('a price rounded at its own tick is valid, also where rounding carries it past a power of ten', () => {
    for (const [price, expected] of [
      ['9.99996', '10'],
      ['99999.6', '100000'],
      ['3143.36', '3143.4'],
    ] as const) {
      const placed = toTick(d(price), tickAt(d('0.0001'), 5, d(price)));
      expect(placed.toFixed()).toBe(expected);
      expect(valid(placed.toFixed(), 2)).toBe(true);
    }
  });
});
