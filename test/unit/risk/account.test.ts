import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import { accountRisk, crossAccountRisk, maintenanceMargin, type Position, type PositionRisk } from '@/lib/risk';

import { BTCUSDT_2021, BTCUSDT_2024, ETHUSDT_2021_FROM_2M, singleTier } from './tiers';

// Binance's official two-position cross example (math.md §1.6, S1; inputs as in freqtrade's "From calc example").
const officialExample = {
  walletBalance: '1535443.01',
  positions: [
    { symbol: 'BTCUSDT', side: 'long', size: '109.488', entryPrice: '32481.98', markPrice: '31967.27', tiers: BTCUSDT_2021 },
    { symbol: 'ETHUSDT', side: 'long', size: '3683.979', entryPrice: '1456.84', markPrice: '1335.18', tiers: ETHUSDT_2021_FROM_2M },
  ],
} as const;

describe('crossAccountRisk on Binance’s official example', () => {
  const risk = crossAccountRisk(officialExample);

  it('reproduces both published liquidation prices, each with the other position at its mark', () => {
    expect(risk.positions.map((p) => p.liquidationPrice?.toFixed(2))).toEqual(['26316.89', '1153.26']);
  });

  it('T3/T4: maintenance margins at the mark price, as published (356,512.508 and 71,200.81144)', () => {
    // 3,683.979 × 1,335.18 = 4,918,775.08122; Binance printed the notional to 3 decimals.
    expect(risk.positions[1]!.maintenanceMargin?.toFixed(3)).toBe('356512.508');
    // 109.488 × 31,967.27 = 3,500,032.45776 → MM 71,200.811444: the published …144 is exact, not truncated
    // (math.md's "exact …145" used the notional rounded to 3,500,032.458).
    expect(risk.positions[0]!.maintenanceMargin?.toFixed()).toBe('71200.811444');
  });

  it('T5: unrealised PnL matches the published −56,354.57 and −448,192.89', () => {
    expect(risk.positions.map((p) => p.unrealizedPnl.toFixed(2))).toEqual(['-56354.57', '-448192.89']);
  });

  it('gives account figures: margin balance, maintenance margin, margin ratio', () => {
    const [btc, eth] = risk.positions as [PositionRisk, PositionRisk];
    const marginBalance = new Decimal('1535443.01').plus(btc.unrealizedPnl).plus(eth.unrealizedPnl);
    const maintenance = btc.maintenanceMargin!.plus(eth.maintenanceMargin!);
    expect(risk.account.marginBalance.eq(marginBalance)).toBe(true);
    expect(risk.account.maintenanceMargin?.eq(maintenance)).toBe(true);
    expect(risk.account.marginRatio?.eq(maintenance.div(marginBalance))).toBe(true);
    expect(risk.account.marginRatio?.toFixed(4)).toBe('0.4149');
  });

  it('signs distance so that positive means safe', () => {
    const btc = risk.positions[0]!;
    expect(btc.distanceToLiquidation?.toFixed(6)).toBe(new Decimal('31967.27').minus(btc.liquidationPrice!).div('31967.27').toFixed(6));
    expect(btc.distanceToLiquidation!.gt(0)).toBe(true);
  });
});

describe('accountRisk', () => {
  const linear = { type: 'linear' } as const;
  const position = (overrides: Partial<Position>): Position => ({
    symbol: 'BTCUSDT',
    marginAsset: 'USDT',
    side: 'long',
    size: new Decimal('1'),
    entryPrice: new Decimal('60000'),
    markPrice: new Decimal('60000'),
    marginMode: 'cross',
    leverage: 10,
    contract: linear,
    tiers: BTCUSDT_2024,
    ...overrides,
  });

  it('keeps isolated positions out of the cross pool', () => {
    const isolated = position({
      symbol: 'ETHUSDT',
      marginMode: 'isolated',
      isolatedMargin: new Decimal('300'),
      entryPrice: new Decimal('3000'),
      markPrice: new Decimal('3000'),
      tiers: singleTier('0.005', '0'),
    });
    const alone = accountRisk({ USDT: new Decimal('6000') }, [position({})]);
    const mixed = accountRisk({ USDT: new Decimal('6000') }, [position({}), isolated]);
    expect(mixed.positions[0]!.liquidationPrice?.toFixed()).toBe(alone.positions[0]!.liquidationPrice?.toFixed());
    // Isolated long, 1 ETH at 3,000, wallet 300, MMR 0.5 %: (3000 − 300) / (1 − 0.005).
    expect(mixed.positions[1]!.liquidationPrice?.toFixed(8)).toBe(new Decimal('2700').div('0.995').toFixed(8));
  });

  it('says why, instead of guessing, when a cross position’s tiers are unknown', () => {
    const risk = accountRisk({ USDT: new Decimal('6000') }, [position({}), position({ symbol: 'NEWUSDT', tiers: [] })]);
    expect(risk.positions.every((p) => p.liquidationPrice === null)).toBe(true);
    expect(risk.positions[0]!.unavailableReason).toContain('NEWUSDT');
    expect(risk.positions.some((p) => p.unliquidatable)).toBe(false);
    expect(risk.accounts[0]!.marginRatio).toBeNull();
  });

  it('tells a position no price can liquidate from one it cannot assess', () => {
    // 1 BTC long at 60,000 with 70,000 USDT: even a mark of 0 leaves margin above maintenance (Binance shows "--").
    const funded = accountRisk({ USDT: new Decimal('70000') }, [position({})]).positions[0]!;
    expect(funded.liquidationPrice).toBeNull();
    expect(funded.unavailableReason).toMatch(/^no liquidation price/);
    expect(funded.unliquidatable).toBe(true);
    // The same long on 10,000 USDT has a price; without a wallet balance, nothing can be said.
    expect(accountRisk({ USDT: new Decimal('10000') }, [position({})]).positions[0]!.unliquidatable).toBe(false);
    expect(accountRisk({}, [position({})]).positions[0]!.unliquidatable).toBe(false);
  });

  it('says so when the wallet balance could not be read', () => {
    const risk = accountRisk({}, [position({})]);
    expect(risk.positions[0]!.liquidationPrice).toBeNull();
    expect(risk.positions[0]!.unavailableReason).toMatch(/wallet balance/);
  });

  it('gives a hedge pair one shared liquidation price', () => {
    const risk = accountRisk({ USDT: new Decimal('2000') }, [
      position({ size: new Decimal('0.5') }),
      position({ side: 'short', size: new Decimal('0.2'), entryPrice: new Decimal('61000') }),
    ]);
    expect(risk.positions[0]!.liquidationPrice?.toFixed()).toBe(risk.positions[1]!.liquidationPrice?.toFixed());
    expect(risk.positions[0]!.liquidationPrice!.lt('60000')).toBe(true);
  });

  it('reports a negative distance once the mark is past liquidation', () => {
    const risk = accountRisk({ USDT: new Decimal('100') }, [position({ markPrice: new Decimal('59000') })]);
    expect(risk.positions[0]!.distanceToLiquidation!.lt(0)).toBe(true);
    expect(risk.accounts[0]!.marginRatio).toBeNull(); // margin balance 100 − 1,000 ≤ 0
  });

  it('computes COIN-M (inverse) maintenance margin in coin: T14 → 0.0016 BTC', () => {
    const mm = maintenanceMargin(singleTier('0.004', '0'), new Decimal(100).times(100).div(25000));
    expect(mm.ok && mm.value.toFixed()).toBe('0.0016');
  });
});
