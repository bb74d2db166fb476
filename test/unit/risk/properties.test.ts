/**
 * Invariants of the liquidation math on thousands of generated positions (fast-check, fixed seed), against the
 * shipped BTCUSDT tiers (12 tiers, 2024-10): the answer must satisfy the margin equation, sit in the tier it was
 * computed with, move the right way, and the solvers must land exactly on their targets.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import { SHIPPED_USDM_TIERS } from '@/lib/exchanges/binance/tiers';
import {
  bracketFor,
  liquidation,
  marginSlackAt,
  marginToAdd,
  notional,
  priceAtDistance,
  sizeToCut,
  unrealizedPnl,
  type MarginPool,
  type Side,
} from '@/lib/risk';

const BTC = SHIPPED_USDM_TIERS.symbols.BTCUSDT!;
const settings = { seed: 20261125, numRuns: 400 };
/** A property that skips most of its cases proves little: each must check at least this many. */
const MIN_CHECKED = 100;

const decimalBetween = (min: number, max: number, scale: number) =>
  fc.integer({ min: min * 10 ** scale, max: max * 10 ** scale }).map((n) => new Decimal(n).div(10 ** scale));

/** An isolated or cross one-way position with enough margin to be open, and a mark near its entry. */
const positionArbitrary = (contract: MarginPool['contract']) =>
  fc
    .record({
      side: fc.constantFrom<Side>('long', 'short'),
      size: contract.type === 'linear' ? decimalBetween(0, 400, 3).filter((s) => s.gt(0)) : decimalBetween(1, 300000, 0),
      entryPrice: decimalBetween(1000, 150000, 1),
      leverage: fc.integer({ min: 1, max: 100 }),
      extra: decimalBetween(0, 2, 2),
      markMove: decimalBetween(-2, 2, 3),
    })
    .map(({ side, size, entryPrice, leverage, extra, markMove }) => {
      const initial = notional(contract, size, entryPrice).div(leverage);
      const pool: MarginPool = { contract, balance: initial.times(extra.plus(1)), legs: [{ side, size, entryPrice, tiers: BTC }] };
      return { pool, mark: entryPrice.times(markMove.div(100).plus(1)) };
    });

const linear = { type: 'linear' } as const;
const inverse = { type: 'inverse', contractSize: new Decimal(100) } as const;

describe.each([
  ['linear', linear],
  ['inverse', inverse],
] as const)('%s liquidation invariants', (_, contract) => {
  let checked = 0;
  beforeEach(() => {
    checked = 0;
  });

  it('at the liquidation price, margin balance equals maintenance margin (to 1e-12 relative) in the tier used', () => {
    fc.assert(
      fc.property(positionArbitrary(contract), ({ pool, mark }) => {
        const result = liquidation(pool, mark);
        if (!result.ok) return; // e.g. price ≤ 0: covered by the tests of published vectors
        const price = result.value.price;
        const slack = marginSlackAt(pool, price);
        checked++;
        const scale = notional(contract, pool.legs[0]!.size, price);
        expect(slack.ok && slack.value.abs().div(scale).lt('1e-12')).toBe(true);
        const tier = bracketFor(BTC, notional(contract, pool.legs[0]!.size, price));
        expect(tier.ok && tier.value.maintMarginRatio.eq(result.value.brackets[0]!.maintMarginRatio)).toBe(true);
      }),
      settings,
    );
    expect(checked).toBeGreaterThanOrEqual(MIN_CHECKED);
  });

  it('more margin moves liquidation away; more size (same margin) moves it closer', () => {
    fc.assert(
      fc.property(positionArbitrary(contract), decimalBetween(1, 1000, 2), ({ pool, mark }, more) => {
        const base = liquidation(pool, mark);
        if (!base.ok) return;
        checked++;
        const long = pool.legs[0]!.side === 'long';
        const richer = liquidation({ ...pool, balance: pool.balance.plus(more) }, mark);
        if (richer.ok) expect(long ? richer.value.price.lt(base.value.price) : richer.value.price.gt(base.value.price)).toBe(true);
        const bigger = liquidation({ ...pool, legs: [{ ...pool.legs[0]!, size: pool.legs[0]!.size.times('1.5') }] }, mark);
        expect(bigger.ok).toBe(true);
        if (bigger.ok) expect(long ? bigger.value.price.gt(base.value.price) : bigger.value.price.lt(base.value.price)).toBe(true);
      }),
      settings,
    );
    expect(checked).toBeGreaterThanOrEqual(MIN_CHECKED);
  });

  it('adding the suggested margin puts liquidation on the target price', () => {
    fc.assert(
      fc.property(positionArbitrary(contract), decimalBetween(1, 60, 2), ({ pool, mark }, percent) => {
        const base = liquidation(pool, mark);
        if (!base.ok || !marginSlackAt(pool, mark).ok) return;
        const target = priceAtDistance(mark, base.value.price, percent.div(100));
        const add = marginToAdd(pool, target);
        if (!add.ok || add.value.isZero()) return;
        checked++;
        const after = liquidation({ ...pool, balance: pool.balance.plus(add.value) }, mark);
        expect(after.ok && after.value.price.minus(target).abs().div(target).lt('1e-20')).toBe(true);
      }),
      settings,
    );
    expect(checked).toBeGreaterThanOrEqual(MIN_CHECKED);
  });

  it('cutting the suggested size at mark puts liquidation on the target price', () => {
    fc.assert(
      fc.property(positionArbitrary(contract), decimalBetween(1, 60, 2), ({ pool, mark }, percent) => {
        const base = liquidation(pool, mark);
        const slack = marginSlackAt(pool, mark);
        if (!base.ok || !slack.ok || slack.value.lte(0)) return;
        const target = priceAtDistance(mark, base.value.price, percent.div(100));
        const cut = sizeToCut(pool, mark, target);
        if (!cut.ok || cut.value.isZero()) return;
        checked++;
        const leg = pool.legs[0]!;
        const closed = { ...leg, size: cut.value };
        const realised = unrealizedPnl(contract, closed, mark);
        const after = liquidation(
          { ...pool, balance: pool.balance.plus(realised), legs: [{ ...leg, size: leg.size.minus(cut.value) }] },
          mark,
        );
        expect(after.ok && after.value.price.minus(target).abs().div(target).lt('1e-20')).toBe(true);
      }),
      settings,
    );
    expect(checked).toBeGreaterThanOrEqual(MIN_CHECKED);
  });
});
