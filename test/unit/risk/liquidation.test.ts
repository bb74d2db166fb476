import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import { inverseLiquidationPrice, linearLiquidationPrice, liquidation } from '@/lib/risk/liquidation';

import { BTCUSDT_2021, BTCUSDT_2024, singleTier } from './tiers';

describe('linearLiquidationPrice: Binance published vectors (math.md §8)', () => {
  it('T1: BTCUSDT leg of the official cross example → 26,316.89', () => {
    const price = linearLiquidationPrice({
      walletBalance: '1535443.01',
      otherMaintenanceMargin: '356512.508',
      otherUnrealizedPnl: '-448192.89',
      legs: [{ side: 'long', size: '109.488', entryPrice: '32481.98', tiers: singleTier('0.025', '16300') }],
    });
    expect(price?.toFixed(2)).toBe('26316.89');
    expect(price?.toFixed(7)).toBe('26316.8933089');
  });

  it('T2: ETHUSDT leg of the same example → 1,153.26', () => {
    const price = linearLiquidationPrice({
      walletBalance: '1535443.01',
      otherMaintenanceMargin: '71200.81144',
      otherUnrealizedPnl: '-56354.57',
      legs: [{ side: 'long', size: '3683.979', entryPrice: '1456.84', tiers: singleTier('0.10', '135365') }],
    });
    expect(price?.toFixed(2)).toBe('1153.26');
    expect(price?.toFixed(7)).toBe('1153.2564647');
  });

  it('T1 again with the full 2021 BTCUSDT table: the tier at the liquidation price (2.5 %) is found', () => {
    const price = linearLiquidationPrice({
      walletBalance: '1535443.01',
      otherMaintenanceMargin: '356512.508',
      otherUnrealizedPnl: '-448192.89',
      legs: [{ side: 'long', size: '109.488', entryPrice: '32481.98', tiers: BTCUSDT_2021 }],
    });
    expect(price?.toFixed(2)).toBe('26316.89');
  });

  it.each([
    // §6.1 table: isolated, WB = Q·EP/L, tier 1 (cum 0); official values (derived in math.md from S1's formula).
    ['67000', '10', 'long', '60542.17'],
    ['67000', '10', 'short', '73406.37'],
    ['60000', '10', 'long', '54216.87'],
    ['60000', '10', 'short', '65737.05'],
    ['60000', '100', 'long', '59638.55'],
    ['60000', '100', 'short', '60358.57'],
  ] as const)('isolated %s at %sx %s → %s (not the simplified formula)', (entry, leverage, side, expected) => {
    const size = '1';
    const price = linearLiquidationPrice({
      walletBalance: new Decimal(entry).times(size).div(leverage),
      legs: [{ side, size, entryPrice: entry, tiers: singleTier('0.004', '0') }],
    });
    expect(price?.toFixed(2)).toBe(expected);
  });

  it('returns null when the formula gives a price ≤ 0 (Binance shows "--")', () => {
    const price = linearLiquidationPrice({
      walletBalance: '100000',
      legs: [{ side: 'long', size: '1', entryPrice: '60000', tiers: BTCUSDT_2024 }],
    });
    expect(price).toBeNull();
  });

  it('says there is none when the root is ≤ 0, starting from a higher tier; a poorer long and a short have one', () => {
    // 20 BTC at a mark of 60,000: 1.2 M notional, well past the first tier; a wallet that covers any fall.
    const pool = (side: 'long' | 'short', balance: string) => ({
      contract: { type: 'linear' as const },
      balance: new Decimal(balance),
      legs: [{ side, size: new Decimal('20'), entryPrice: new Decimal('60000'), tiers: BTCUSDT_2024 }],
    });
    const rich = liquidation(pool('long', '5000000'), new Decimal('60000'));
    expect(rich.ok).toBe(false);
    expect(!rich.ok && rich.reason).toMatch(/covers any price move/);
    // The same long with little margin, and a short (whose root is always above 0), do have one.
    const poor = liquidation(pool('long', '100000'), new Decimal('60000'));
    expect(poor.ok && poor.value.price.gt(0) && poor.value.price.lt(60000)).toBe(true);
    const short = liquidation(pool('short', '5000000'), new Decimal('60000'));
    expect(short.ok && short.value.price.gt(60000)).toBe(true);
  });

  it('returns null for a symbol whose tiers are unknown', () => {
    expect(linearLiquidationPrice({ walletBalance: '100', legs: [{ side: 'long', size: '1', entryPrice: '100', tiers: [] }] })).toBeNull();
  });

  it('liquidates a cross hedge pair together: a net-long pair has one price below both entries', () => {
    const price = linearLiquidationPrice({
      walletBalance: '1000',
      legs: [
        { side: 'long', size: '0.3', entryPrice: '60000', tiers: BTCUSDT_2024 },
        { side: 'short', size: '0.1', entryPrice: '61000', tiers: BTCUSDT_2024 },
      ],
    })!;
    // At the price, wallet + both PnLs = both maintenance margins (tier 1, 0.4 %).
    const balance = new Decimal('1000')
      .plus(new Decimal('0.3').times(price.minus('60000')))
      .plus(new Decimal('0.1').times(new Decimal('61000').minus(price)));
    const maintenance = new Decimal('0.4').times(price).times('0.004');
    expect(balance.minus(maintenance).abs().lt('1e-20')).toBe(true);
    expect(price.lt('60000')).toBe(true);
  });
});

describe('inverseLiquidationPrice (COIN-M)', () => {
  it('T15: the dev.binance.vision example with the current cum (11.605 BTC) → 33,599.4 at the 0.1 tick', () => {
    const price = inverseLiquidationPrice({
      walletBalance: '101',
      contractSize: '100',
      legs: [{ side: 'long', contracts: '100000', entryPrice: '45000', tiers: singleTier('0.125', '11.605') }],
    });
    expect(price?.toFixed(4)).toBe('33599.4186');
    expect(price?.toFixed(1)).toBe('33599.4');
  });
});
