import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import {
  averageEntryPrice,
  breakEvenPrice,
  formatAmount,
  fundingCost,
  initialMargin,
  maintenanceMargin,
  notional,
  returnOnEquity,
  targetPrice,
  unrealizedPnl,
} from '@/lib/risk';

import { singleTier } from './tiers';

const linear = { type: 'linear' } as const;
const d = (value: string) => new Decimal(value);
const truncate8 = (value: Decimal) => value.toDecimalPlaces(8, Decimal.ROUND_DOWN).toFixed(8);

describe('Binance Position Information examples (math.md §8, S11e/S11j)', () => {
  it('T11: ADAUSDT long 30 @ 0.385, mark 0.41047590, 20x, MMR 0.65 %', () => {
    const holding = { side: 'long', size: d('30'), entryPrice: d('0.385') } as const;
    const mark = d('0.41047590');
    expect(truncate8(unrealizedPnl(linear, holding, mark))).toBe('0.76427700');
    expect(truncate8(notional(linear, holding.size, mark))).toBe('12.31427700');
    expect(truncate8(initialMargin(linear, holding.size, mark, d('20')))).toBe('0.61571385');
    const mm = maintenanceMargin(singleTier('0.0065', '0'), notional(linear, holding.size, mark));
    expect(mm.ok && truncate8(mm.value)).toBe('0.08004280');
  });

  it('T12: COMPUSDT short 1 @ 70.92841, mark 49.72023376, 20x, MMR 1 % (Binance truncates)', () => {
    const holding = { side: 'short', size: d('1'), entryPrice: d('70.92841') } as const;
    const mark = d('49.72023376');
    expect(truncate8(unrealizedPnl(linear, holding, mark))).toBe('21.20817624');
    expect(truncate8(initialMargin(linear, holding.size, mark, d('20')))).toBe('2.48601168');
    const mm = maintenanceMargin(singleTier('0.01', '0'), notional(linear, holding.size, mark));
    expect(mm.ok && truncate8(mm.value)).toBe('0.49720233');
  });

  it('T13: COIN-M BTCUSD_201225 long 1 contract (100 USD) → 0.00005866 BTC', () => {
    const inverse = { type: 'inverse', contractSize: d('100') } as const;
    const pnl = unrealizedPnl(inverse, { side: 'long', size: d('1'), entryPrice: d('11707.70000003') }, d('11788.66626667'));
    expect(truncate8(pnl)).toBe('0.00005866');
  });

  it('T16: initial margin of 1 BTC at 9,253.30 and 20x is 462.665, shown truncated as 462.66', () => {
    const im = initialMargin(linear, d('1'), d('9253.30'), d('20'));
    expect(im.toFixed()).toBe('462.665');
    expect(formatAmount(im, 2, 'truncate')).toBe('462.66');
  });
});

describe('Futures Calculator (S5, math.md §4.1)', () => {
  it('ROE is PnL / initial margin: 60,000 → 61,200 long at 20x is +40 % (not the printed shortcut’s −40 %)', () => {
    const holding = { side: 'long', size: d('0.5'), entryPrice: d('60000') } as const;
    expect(returnOnEquity(linear, holding, d('61200'), d('20')).toFixed()).toBe('0.4');
    expect(returnOnEquity(linear, { ...holding, side: 'short' }, d('61200'), d('20')).toFixed()).toBe('-0.4');
  });

  it('target price inverts ROE for linear and inverse contracts', () => {
    expect(targetPrice(linear, 'long', d('60000'), d('0.4'), d('20')).toFixed()).toBe('61200');
    expect(targetPrice(linear, 'short', d('60000'), d('0.4'), d('20')).toFixed()).toBe('58800');
    const inverse = { type: 'inverse', contractSize: d('100') } as const;
    for (const side of ['long', 'short'] as const) {
      const target = targetPrice(inverse, side, d('40000'), d('0.5'), d('10'));
      const roe = returnOnEquity(inverse, { side, size: d('10'), entryPrice: d('40000') }, target, d('10'));
      expect(roe.toDecimalPlaces(30).toFixed()).toBe('0.5');
    }
  });

  it('average entry: weighted for linear, harmonic for inverse', () => {
    const fills = [
      { size: d('1'), price: d('100') },
      { size: d('3'), price: d('200') },
    ];
    expect(averageEntryPrice(linear, fills)?.toFixed()).toBe('175');
    expect(averageEntryPrice({ type: 'inverse', contractSize: d('10') }, fills)?.toFixed(10)).toBe(d('4').div(d('0.025')).toFixed(10));
    expect(averageEntryPrice(linear, [])).toBeNull();
    expect(averageEntryPrice(linear, [{ size: d('1'), price: d('0') }])).toBeNull();
  });

  it('break-even with fees: PnL at that price pays both fees exactly', () => {
    for (const side of ['long', 'short'] as const) {
      const price = breakEvenPrice(linear, side, d('60000'), d('0.0005'), d('0.0005'));
      const pnl = unrealizedPnl(linear, { side, size: d('1'), entryPrice: d('60000') }, price);
      const fees = d('60000').times('0.0005').plus(price.times('0.0005'));
      expect(pnl.minus(fees).abs().lt('1e-30')).toBe(true);
    }
    const inverse = { type: 'inverse', contractSize: d('100') } as const;
    for (const side of ['long', 'short'] as const) {
      const price = breakEvenPrice(inverse, side, d('40000'), d('0.0005'), d('0.0002'));
      const pnl = unrealizedPnl(inverse, { side, size: d('7'), entryPrice: d('40000') }, price);
      const fees = notional(inverse, d('7'), d('40000'))
        .times('0.0005')
        .plus(notional(inverse, d('7'), price).times('0.0002'));
      expect(pnl.minus(fees).abs().lt('1e-30')).toBe(true);
    }
  });
});

describe('fundingCost (S10, math.md §4.2)', () => {
  it('T22: long 0.5 BTC at mark 60,000 and +0.01 % pays 3.00 USDT per interval; the short receives it', () => {
    expect(fundingCost(linear, 'long', d('0.5'), d('60000'), d('0.0001'), 1).toFixed(2)).toBe('3.00');
    expect(fundingCost(linear, 'short', d('0.5'), d('60000'), d('0.0001'), 3).toFixed(2)).toBe('-9.00');
  });

  it('COIN-M funding is in coin on contracts × size / mark', () => {
    const inverse = { type: 'inverse', contractSize: d('100') } as const;
    expect(fundingCost(inverse, 'long', d('100'), d('25000'), d('0.0001'), 1).toFixed()).toBe('0.00004');
  });
});
