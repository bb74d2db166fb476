import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import { placeableCut, placeableSize, type Contract, type OrderRules } from '@/lib/risk';

const d = (value: string) => new Decimal(value);
const LINEAR: Contract = { type: 'linear' };
const INVERSE: Contract = { type: 'inverse', contractSize: d('100') };
// BTCUSDT's market lot (fixtures/binance/market/fapi-exchangeInfo.json).
const BTC: OrderRules = { stepSize: d('0.001'), minQty: d('0.001'), maxQty: d('120'), minNotional: d('100') };
const BTC_PERP: OrderRules = { stepSize: d('1'), minQty: d('1'), maxQty: d('60000'), minNotional: null };

const value = (result: ReturnType<typeof placeableSize>) => (result.ok ? result.value.toFixed() : `refused: ${result.reason}`);

describe('placeableSize', () => {
  it('rounds a size that must be reached up to the step, and one that must not be exceeded down', () => {
    expect(value(placeableSize(d('0.12345'), BTC, d('60000'), LINEAR, 'up'))).toBe('0.124');
    expect(value(placeableSize(d('0.12345'), BTC, d('60000'), LINEAR, 'down'))).toBe('0.123');
    expect(value(placeableSize(d('0.123'), BTC, d('60000'), LINEAR, 'up'))).toBe('0.123');
  });

  it('raises a needed size to the minimum notional at the price (100 USDT at 60,000 is 0.00167 → 0.002)', () => {
    expect(value(placeableSize(d('0.0004'), BTC, d('60000'), LINEAR, 'up'))).toBe('0.002');
  });

  it('refuses a capped size below the minimum order, saying which minimum', () => {
    expect(value(placeableSize(d('0.0015'), BTC, d('60000'), LINEAR, 'down'))).toBe(
      'refused: below the smallest order (100 notional, 0.002 at this price)',
    );
    expect(value(placeableSize(d('0.7'), BTC_PERP, d('60000'), INVERSE, 'down'))).toBe('refused: below the smallest order (1)');
  });

  it('caps at the maximum quantity, or refuses a needed size above it', () => {
    expect(value(placeableSize(d('150.5'), BTC, d('60000'), LINEAR, 'down'))).toBe('120');
    expect(value(placeableSize(d('150.5'), BTC, d('60000'), LINEAR, 'up'))).toBe('refused: more than one order can carry (at most 120)');
  });

  it('ignores the minimum notional for COIN-M (contracts, no such filter)', () => {
    expect(value(placeableSize(d('2.2'), BTC_PERP, d('60000'), INVERSE, 'up'))).toBe('3');
  });
});

describe('placeableCut', () => {
  it('never closes more than the position, and closing all of it needs no rounding', () => {
    expect(value(placeableCut(d('0.0495'), d('0.05'), BTC, d('60000'), LINEAR))).toBe('0.05');
    expect(value(placeableCut(d('0.0004'), d('0.0015'), BTC, d('60000'), LINEAR))).toBe('0.0015');
    expect(value(placeableCut(d('0.06'), d('0.05'), BTC, d('60000'), LINEAR))).toBe('0.05');
    expect(value(placeableCut(d('0'), d('0.05'), BTC, d('60000'), LINEAR))).toBe('0');
  });
});
