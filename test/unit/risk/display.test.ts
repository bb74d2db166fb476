import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import { formatAmount, formatPercent, formatPrice, tickDecimals, toTick } from '@/lib/risk';

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
