import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import {
  liquidation,
  liquidationAfterFill,
  liquidationAfterMarginChange,
  marginToAdd,
  maxOpenSize,
  sizeForRisk,
  sizeToCut,
  stopAtEntryPercent,
  stopAtFractionToLiquidation,
  stopAtRiskAmount,
  stopFiresBeforeLiquidation,
  type MarginPool,
} from '@/lib/risk';

import { BTCUSDT_2024, singleTier } from './tiers';

const d = (value: string) => new Decimal(value);
const linear = { type: 'linear' } as const;
// Isolated long 1 BTC at 60,000, 10x: wallet 6,000, tier 2 of 2024 BTCUSDT (0.5 %, cum 50).
const isolatedLong: MarginPool = {
  contract: linear,
  balance: d('6000'),
  legs: [{ side: 'long', size: d('1'), entryPrice: d('60000'), tiers: BTCUSDT_2024 }],
};
const price = (pool: MarginPool) => {
  const result = liquidation(pool, d('60000'));
  if (!result.ok) throw new Error(result.reason);
  return result.value.price;
};

describe('margin changes (math.md §1.5)', () => {
  it('adding ΔM to an isolated long moves liquidation down by ΔM / (Q·(1 − MMR))', () => {
    const before = price(isolatedLong);
    const after = liquidationAfterMarginChange(isolatedLong, d('995'));
    expect(after.ok && before.minus(after.value.price).toFixed()).toBe('1000');
  });

  it('margin to add for a target price: none when liquidation is already beyond it', () => {
    const target = price(isolatedLong).minus(500);
    const add = marginToAdd(isolatedLong, target);
    expect(add.ok && add.value.toDecimalPlaces(20).toFixed()).toBe('497.5');
    expect(marginToAdd(isolatedLong, price(isolatedLong).plus(500))).toEqual({ ok: true, value: d('0') });
    expect(marginToAdd(isolatedLong, d('0')).ok).toBe(false);
  });

  it('a fill at a price averages the entry and re-selects the tier', () => {
    const after = liquidationAfterFill(isolatedLong, { size: d('1'), price: d('58000') }, d('5800'));
    // 2 BTC at 59,000 with 11,800 wallet: (Q·EP − WB − cum) / (Q·(1 − MMR)) with tier 2 (0.5 %, 50).
    expect(after.ok && after.value.price.toFixed(8)).toBe(d('118000').minus('11800').minus('50').div(d('2').times('0.995')).toFixed(8));
  });
});

describe('sizeToCut', () => {
  it('returns 0 when liquidation is already beyond the target, and refuses hedge pairs', () => {
    expect(sizeToCut(isolatedLong, d('60000'), price(isolatedLong).plus(1))).toEqual({ ok: true, value: d('0') });
    const pair = { ...isolatedLong, legs: [...isolatedLong.legs, { ...isolatedLong.legs[0]!, side: 'short' as const }] };
    expect(sizeToCut(pair, d('60000'), d('50000')).ok).toBe(false);
  });

  it('cuts part of a thin cross long so that liquidation sits 10 % below the mark', () => {
    const thin: MarginPool = {
      contract: linear,
      balance: d('3000'),
      legs: [{ side: 'long', size: d('1'), entryPrice: d('60000'), tiers: singleTier('0.005', '0') }],
    };
    const cut = sizeToCut(thin, d('60000'), d('54000'));
    // Remaining s: 3,000 + s·(54,000 − 60,000) = s·54,000·0.005 → s = 3000 / 6270.
    expect(cut.ok && cut.value.toFixed(12)).toBe(d('1').minus(d('3000').div('6270')).toFixed(12));
  });
});

describe('stop-loss suggestions always fire before liquidation', () => {
  const context = {
    contract: linear,
    holding: { side: 'long', size: d('1'), entryPrice: d('60000') },
    markPrice: d('59000'),
    liquidationPrice: d('54000'),
  } as const;

  it('half way to liquidation, with the loss it locks in', () => {
    const stop = stopAtFractionToLiquidation(context, d('0.5'));
    expect(stop.ok && stop.value.price.toFixed()).toBe('56500');
    expect(stop.ok && stop.value.lockedPnl.toFixed()).toBe('-3500');
  });

  it('at a risk amount, and refuses one that lies beyond liquidation', () => {
    const stop = stopAtRiskAmount(context, d('2000'));
    expect(stop.ok && stop.value.price.toFixed()).toBe('58000');
    const tooFar = stopAtRiskAmount(context, d('7000'));
    expect(tooFar.ok).toBe(false);
  });

  it('at a percentage from entry, on the losing side for shorts too', () => {
    const short = {
      ...context,
      holding: { ...context.holding, side: 'short' as const },
      markPrice: d('60500'),
      liquidationPrice: d('66000'),
    };
    const stop = stopAtEntryPercent(short, d('0.05'));
    expect(stop.ok && stop.value.price.toFixed()).toBe('63000');
    expect(stop.ok && stop.value.lockedPnl.toFixed()).toBe('-3000');
  });

  it('works out COIN-M stops in coin', () => {
    const inverse = { type: 'inverse', contractSize: d('100') } as const;
    const coin = {
      contract: inverse,
      holding: { side: 'long', size: d('100'), entryPrice: d('40000') },
      markPrice: d('40000'),
      liquidationPrice: d('30000'),
    } as const;
    const stop = stopAtRiskAmount(coin, d('0.01'));
    expect(stop.ok && stop.value.lockedPnl.toDecimalPlaces(30).toFixed()).toBe('-0.01');
  });

  it('knows which side of liquidation is safe', () => {
    expect(stopFiresBeforeLiquidation(d('55000'), d('59000'), d('54000'))).toBe(true);
    expect(stopFiresBeforeLiquidation(d('54000'), d('59000'), d('54000'))).toBe(false);
    expect(stopFiresBeforeLiquidation(d('60000'), d('59000'), d('54000'))).toBe(false);
    expect(stopFiresBeforeLiquidation(d('65000'), d('60000'), d('66000'))).toBe(true);
  });
});

describe('sizing', () => {
  it('size for a risk amount includes both fees, so the loss at the stop equals the risk', () => {
    const sizing = sizeForRisk({
      contract: linear,
      side: 'long',
      entryPrice: d('60000'),
      stopPrice: d('59000'),
      riskAmount: d('100'),
      leverage: d('10'),
      openFeeRate: d('0.0005'),
      closeFeeRate: d('0.0005'),
    });
    // Per BTC: 1,000 loss + 30 + 29.5 fees.
    expect(sizing.ok && sizing.value.size.toFixed(12)).toBe(d('100').div('1059.5').toFixed(12));
    expect(sizing.ok && sizing.value.lossAtStop.toDecimalPlaces(20).toFixed()).toBe('100');
  });

  it('refuses a stop on the wrong side of the entry', () => {
    const sizing = sizeForRisk({
      contract: linear,
      side: 'short',
      entryPrice: d('60000'),
      stopPrice: d('59000'),
      riskAmount: d('100'),
      leverage: d('10'),
    });
    expect(sizing).toEqual({ ok: false, reason: 'a short stop must be above the entry' });
  });

  it('max open is bounded by the balance (with the open loss of S7) and by the tier caps for the leverage', () => {
    // S7: 1 BTC short at 9,253.30 with mark 9,259.84 at 20x costs 462.665 + 6.54.
    const byBalance = maxOpenSize({
      side: 'short',
      balance: d('469.205'),
      leverage: 20,
      orderPrice: d('9253.30'),
      markPrice: d('9259.84'),
      tiers: BTCUSDT_2024,
    });
    expect(byBalance.ok && byBalance.value).toEqual({ size: d('1'), limitedBy: 'balance' });
    const byTier = maxOpenSize({ side: 'long', balance: d('100000000'), leverage: 100, orderPrice: d('60000'), tiers: BTCUSDT_2024 });
    expect(byTier.ok && byTier.value).toEqual({ size: d('10'), limitedBy: 'tier' });
    expect(maxOpenSize({ side: 'long', balance: d('1'), leverage: 150, orderPrice: d('1'), tiers: BTCUSDT_2024 }).ok).toBe(false);
  });
});

describe('take-profit suggestions', () => {
  const context = {
    contract: linear,
    holding: { side: 'long', size: d('1'), entryPrice: d('60000') },
    markPrice: d('59000'),
    liquidationPrice: d('54000'),
  } as const;

  it('at an ROE: 50 % at 20x is 2.5 % above the entry, with the gain it locks in', async () => {
    const { takeProfitAtRoe } = await import('@/lib/risk');
    const tp = takeProfitAtRoe(context, d('0.5'), d('20'));
    expect(tp.ok && tp.value.price.toFixed()).toBe('61500');
    expect(tp.ok && tp.value.lockedPnl.toFixed()).toBe('1500');
  });

  it('refuses a take-profit the price has already passed', async () => {
    const { takeProfitAtRoe } = await import('@/lib/risk');
    expect(takeProfitAtRoe({ ...context, markPrice: d('62000') }, d('0.5'), d('20')).ok).toBe(false);
    const short = { ...context, holding: { ...context.holding, side: 'short' as const }, markPrice: d('60500') };
    const tp = takeProfitAtRoe(short, d('1'), d('10'));
    expect(tp.ok && tp.value.price.toFixed()).toBe('54000');
  });
});

describe('reward to risk', () => {
  it('is what the take-profit gains over what the stop loses, both from the entry', async () => {
    const { levelAt, rewardToRisk } = await import('@/lib/risk');
    // A long of 1 from 60,000: a stop at 59,000 loses 1,000; a take-profit at 62,500 gains 2,500: 2.5.
    const context = {
      contract: { type: 'linear' as const },
      holding: { side: 'long' as const, size: d('1'), entryPrice: d('60000') },
      markPrice: d('60000'),
      liquidationPrice: d('50000'),
    };
    expect(rewardToRisk(levelAt(context, d('59000')), levelAt(context, d('62500')))?.toFixed()).toBe('2.5');
    // A stop above the entry loses nothing (no risk), a take-profit below it gains nothing: no ratio.
    expect(rewardToRisk(levelAt(context, d('60500')), levelAt(context, d('62500')))).toBeNull();
    expect(rewardToRisk(levelAt(context, d('59000')), levelAt(context, d('59500')))).toBeNull();
  });
});
