/**
 * The stress test against hand-worked Binance examples (shipped BTCUSDT and ETHUSDT tiers: below 50,000 USDT
 * notional 0.4 %, cum 0; 50,000–600,000 0.5 %, cum 50).
 *
 * Cross BTCUSDT long 1 from 60,000, cross wallet 10,000: it liquidates where 10,000 + (P − 60,000) = 0.005 P − 50,
 * P = 49,950 / 0.995 = 50,201.005…, a fall of 16.3317 %.
 * Isolated ETHUSDT short 10 from 3,000 on a 2,000 wallet: 2,000 + 10 (3,000 − P) = 0.004 × 10 P,
 * P = 32,000 / 10.04 = 3,187.2510…, a rise of 6.2417 %.
 */
import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import { liquidatingMovesOf, stressTest } from '@/lib/figures/stress';

import { crossBtc, isolatedEth, position, snapshotOf } from './handWorked';

const near = (value: string | null, expected: string) => expect(new Decimal(value!).minus(expected).abs().lt('0.000001')).toBe(true);

describe('stress test: every mark moved together, through the engine’s own recompute', () => {
  const lone = snapshotOf([crossBtc], '10000');

  it('a lone cross long: liquidates on a fall of 16.33 % and on no rise', () => {
    const outcome = stressTest(lone, new Decimal('-0.1'));
    near(outcome.firstFall, new Decimal(49950).div('0.995').div(60000).minus(1).toFixed());
    expect(outcome.firstRise).toBeNull();
    // At −10 %: mark 54,000, maintenance 54,000 × 0.5 % − 50 = 220 on a margin balance of 10,000 − 6,000.
    expect(outcome.positions[0]).toMatchObject({ state: 'open', order: null });
    expect(outcome.marginRatio).toBe(new Decimal(220).div(4000).toFixed());
    expect(outcome.equityLeft).toBe('4000');
  });

  it('past its liquidation it is gone: first in order, nothing left, no margin ratio', () => {
    const outcome = stressTest(lone, new Decimal('-0.2'));
    expect(outcome.positions[0]).toMatchObject({ state: 'liquidated', order: 1 });
    expect(outcome.marginRatio).toBeNull();
    expect(outcome.equityLeft).toBe('0');
  });

  const both = snapshotOf([crossBtc, isolatedEth], '12000');

  it('a cross long and an isolated short: the short goes first on a rise of 6.24 %, the long on a fall of 16.33 %', () => {
    const rise = stressTest(both, new Decimal('0.1'));
    near(rise.firstRise, new Decimal(32000).div('10.04').div(3000).minus(1).toFixed());
    near(rise.firstFall, new Decimal(49950).div('0.995').div(60000).minus(1).toFixed());
    expect(rise.positions.map((p) => [p.state, p.order])).toEqual([
      ['open', null],
      ['liquidated', 1],
    ]);
    // BTC up 6,000 on a cross wallet of 12,000 − 2,000; maintenance at 66,000: 280. The short's 2,000 is lost.
    expect(rise.marginRatio).toBe(new Decimal(280).div(16000).toFixed());
    expect(rise.equityLeft).toBe('16000');

    const fall = stressTest(both, new Decimal('-0.2'));
    expect(fall.positions.map((p) => [p.state, p.order])).toEqual([
      ['liquidated', 1],
      ['open', null],
    ]);
    // The short gains 10 × 600 on its 2,000; the cross pool is gone.
    expect(fall.equityLeft).toBe('8000');
  });

  it('orders what a large move liquidates by the move that liquidates each', () => {
    const second = position({
      row: 3,
      symbol: 'ETHUSDT',
      side: 'long',
      size: '10',
      sizeAsset: 'ETH',
      entryPrice: '3000',
      markPrice: '3000',
      marginMode: 'isolated',
      margin: '600',
      leverage: 50,
      priceDecimals: 2,
    });
    const outcome = stressTest(snapshotOf([crossBtc, second], '10600'), new Decimal('-0.5'));
    // The 50x isolated long (about −1.6 %) goes before the cross pool (−16.33 %).
    expect(outcome.positions.map((p) => p.order)).toEqual([2, 1]);
    expect(new Decimal(outcome.positions[1]!.liquidatesAt!).abs().lt(new Decimal(outcome.positions[0]!.liquidatesAt!).abs())).toBe(true);
  });

  it('says "—" with the reason, never a first liquidation, when a position cannot be worked out', () => {
    const unpriced = position({ row: 2, symbol: 'NOPEUSDT', marginMode: 'cross' });
    const outcome = stressTest(snapshotOf([crossBtc, unpriced], '10000'), new Decimal('-0.1'));
    expect(outcome.firstFall).toBeNull();
    expect(outcome.firstRise).toBeNull();
    expect(outcome.equityLeft).toBeNull();
    expect(outcome.reason).toMatch(/cannot say what liquidates first/);
  });
});

describe('stress test by beta: the move is BTC’s, each mark moves by its beta times it', () => {
  it('liquidates a symbol of beta 2 at half the BTC move its own price needs', () => {
    const both = snapshotOf([crossBtc, isolatedEth], '12000');
    const betas = { BTCUSDT: new Decimal(1), ETHUSDT: new Decimal(2) };
    const outcome = stressTest(both, new Decimal('0.05'), null, liquidatingMovesOf(both, null, betas), betas);
    // ETH's own +6.2417 % is a BTC move of +3.1209 %; BTC's fall is its own, beta 1.
    near(outcome.firstRise, new Decimal(32000).div('10.04').div(3000).minus(1).div(2).toFixed());
    near(outcome.firstFall, new Decimal(49950).div('0.995').div(60000).minus(1).toFixed());
    // At +5 % of BTC, ETH is up 10 %: past its liquidation.
    expect(outcome.positions[1]).toMatchObject({ state: 'liquidated', order: 1 });
  });
});
