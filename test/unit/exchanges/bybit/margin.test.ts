/**
 * Bybit's UTA isolated liquidation, against the published worked examples (bybit.md §B, vectors.json) and, on
 * generated positions, against the published formula written out here term by term: the adapter solves it through
 * the shared equation (tier at the liquidation price), so the two must agree.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import { bybit } from '@/lib/exchanges/bybit';
import {
  bankruptcyPrice,
  BYBIT_TAKER_FEE,
  bybitIsolatedWallet,
  feeToClose,
  initialMargin,
  type IsolatedTerms,
} from '@/lib/exchanges/bybit/margin';
import { parseRiskLimits } from '@/lib/exchanges/bybit/marketData';
import type { ReadPosition } from '@/lib/model/snapshot';
import { bracketFor, liquidation, maintenanceMargin, notional, type Bracket } from '@/lib/risk';

const d = (value: string | number) => new Decimal(value);
const fixture = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../fixtures/bybit/market', name), 'utf8'));
const LINEAR_TIERS = parseRiskLimits(fixture('linear-risk-limit-page1.json')).symbols;
const INVERSE_TIERS = parseRiskLimits(fixture('inverse-risk-limit-percent.json')).symbols;
/** One flat tier: the worked examples give one MMR and no deduction. */
const flat = (mmr: string): Bracket[] => [
  { bracket: 1, notionalFloor: d(0), notionalCap: d('1e30'), maxLeverage: 100, maintMarginRatio: d(mmr), cum: d(0) },
];

function solve(t: IsolatedTerms, extra: Decimal, tiers: readonly Bracket[]) {
  const contract = t.contract === 'linear' ? ({ type: 'linear' } as const) : ({ type: 'inverse', contractSize: d(1) } as const);
  const result = liquidation({
    contract,
    balance: bybitIsolatedWallet(t, extra),
    legs: [{ side: t.side, size: t.size, entryPrice: t.entryPrice, tiers }],
  });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('published worked examples', () => {
  it('B1: linear long, 1 BTC at 40,000, 50x, 3,000 USDT added, MMR 0.5 %, taker 0.055 % → 36,380.25', () => {
    const t: IsolatedTerms = { contract: 'linear', side: 'long', size: d(1), entryPrice: d(40000), leverage: d(50), taker: d('0.00055') };
    expect(feeToClose(t).toFixed(2)).toBe('21.56');
    expect(initialMargin(t).plus(feeToClose(t)).toFixed(2)).toBe('821.56');
    expect(d(40000).times('0.005').plus(feeToClose(t)).toFixed(2)).toBe('221.56');
    const { price } = solve(t, d(3000), flat('0.005'));
    expect(price.toFixed(4)).toBe('36380.2503');
    expect(price.toFixed(2)).toBe('36380.25');
  });

  it('B2: inverse short, 30,000 USD at 60,000, 10x, MMR 0.5 %, taker 0.055 % → 66,333.33', () => {
    const t: IsolatedTerms = {
      contract: 'inverse',
      side: 'short',
      size: d(30000),
      entryPrice: d(60000),
      leverage: d(10),
      taker: d('0.00055'),
    };
    expect(feeToClose(t).toFixed()).toBe('0.0002475');
    expect(initialMargin(t).plus(feeToClose(t)).toFixed()).toBe('0.0502475');
    expect(d('0.5').times('0.005').plus(feeToClose(t)).toFixed()).toBe('0.0027475');
    expect(solve(t, d(0), flat('0.005')).price.toFixed(2)).toBe('66333.33');
  });

  it('B3: bankruptcy price of a long at 60,000, 50x → 58,800', () => {
    expect(bankruptcyPrice({ contract: 'linear', side: 'long', entryPrice: d(60000), leverage: d(50) }).toFixed()).toBe('58800');
  });

  it('B7: the API example position IM and MM (XRPUSDT 75 at 0.3615, 10x) with MMR 1 % and a 0.06 % taker', () => {
    const t: IsolatedTerms = {
      contract: 'linear',
      side: 'long',
      size: d(75),
      entryPrice: d('0.3615'),
      leverage: d(10),
      taker: d('0.0006'),
    };
    expect(initialMargin(t).plus(feeToClose(t)).toFixed()).toBe('2.72589075');
    expect(d('27.1125').times('0.01').plus(feeToClose(t)).toFixed()).toBe('0.28576575');
  });

  it('B8: tiered maintenance margin, 3,500 at 3.5 % less a 30 deduction → 92.5', () => {
    const rates = ['0.02', '0.025', '0.03', '0.035', '0.04'];
    let cum = d(0);
    const tiers = rates.map((rate, i): Bracket => {
      if (i > 0) cum = cum.plus(d(i * 1000).times(d(rate).minus(rates[i - 1]!)));
      return {
        bracket: i + 1,
        notionalFloor: d(i * 1000),
        notionalCap: d((i + 1) * 1000),
        maxLeverage: 10,
        maintMarginRatio: d(rate),
        cum,
      };
    });
    expect(tiers[3]!.cum.toFixed()).toBe('30');
    const mm = maintenanceMargin(tiers, d(3500));
    expect(mm.ok && mm.value.toFixed()).toBe('92.5');
  });

  it('B9: BTCUSDT tiers — 2,000,000 is still 0.5 %, 2,600,000 is 0.56 %, deduction 1,200', () => {
    const btc = LINEAR_TIERS.BTCUSDT!;
    const first = bracketFor(btc, d(2000000));
    expect(first.ok && first.value.maintMarginRatio.toFixed()).toBe('0.005');
    const second = bracketFor(btc, d(2600000));
    expect(second.ok && [second.value.maintMarginRatio.toFixed(), second.value.cum.toFixed()]).toEqual(['0.0056', '1200']);
  });
});

/** The published closed formula (margin.ts's doc comment), with the tier's MMR and deduction given. */
function publishedPrice(t: IsolatedTerms, extra: Decimal, tier: Bracket): Decimal {
  const { size: q, entryPrice: ep, leverage: lev, taker } = t;
  const [mmr, ded] = [tier.maintMarginRatio, tier.cum];
  if (t.contract === 'linear') {
    return t.side === 'long'
      ? ep
          .times(q)
          .minus(ep.times(q).div(lev))
          .minus(extra.div(d(1).minus(taker)))
          .minus(ded)
          .div(q.minus(q.times(mmr)))
      : ep
          .times(q)
          .plus(ep.times(q).div(lev))
          .plus(extra.div(d(1).plus(taker)))
          .plus(ded)
          .div(q.plus(q.times(mmr)));
  }
  return t.side === 'long'
    ? q.times(mmr.plus(1)).div(
        q
          .div(ep)
          .plus(q.div(ep).div(lev))
          .plus(extra.div(d(1).plus(taker)))
          .plus(ded),
      )
    : q.times(d(1).minus(mmr)).div(
        q
          .div(ep)
          .minus(q.div(ep).div(lev))
          .minus(extra.div(d(1).minus(taker)))
          .minus(ded),
      );
}

const decimalBetween = (min: number, max: number, scale: number) =>
  fc.integer({ min: min * 10 ** scale, max: max * 10 ** scale }).map((n) => new Decimal(n).div(10 ** scale));

describe.each([
  ['linear', LINEAR_TIERS.BTCUSDT!, decimalBetween(0, 60, 3)],
  ['inverse', INVERSE_TIERS.BTCUSD!, decimalBetween(1, 3_000_000, 0)],
] as const)('%s isolated positions (generated)', (contract, tiers, sizes) => {
  const arbitrary = fc.record({
    side: fc.constantFrom<'long' | 'short'>('long', 'short'),
    size: sizes.filter((s) => s.gt(0)),
    entryPrice: decimalBetween(20000, 150000, 1),
    leverage: fc.integer({ min: 2, max: 50 }),
    extraShare: decimalBetween(0, 2, 2),
  });
  const contractOf = contract === 'linear' ? ({ type: 'linear' } as const) : ({ type: 'inverse', contractSize: d(1) } as const);

  it('the price solved is the published formula at the tier that holds there; more margin moves it away', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbitrary, ({ side, size, entryPrice, leverage, extraShare }) => {
        const t: IsolatedTerms = { contract, side, size, entryPrice, leverage: d(leverage), taker: BYBIT_TAKER_FEE };
        const extra = initialMargin(t).times(extraShare);
        const result = liquidation({
          contract: contractOf,
          balance: bybitIsolatedWallet(t, extra),
          legs: [{ side, size, entryPrice, tiers }],
        });
        if (!result.ok) return;
        checked++;
        const { price, brackets } = result.value;
        const tierThere = bracketFor(tiers, notional(contractOf, size, price));
        expect(tierThere.ok && tierThere.value.bracket).toBe(brackets[0]!.bracket);
        expect(
          price
            .minus(publishedPrice(t, extra, brackets[0]!))
            .abs()
            .div(price)
            .lt('1e-15'),
        ).toBe(true);
        const more = liquidation({
          contract: contractOf,
          balance: bybitIsolatedWallet(t, extra.plus(initialMargin(t).times('0.1'))),
          legs: [{ side, size, entryPrice, tiers }],
        });
        if (more.ok) expect(side === 'long' ? more.value.price.lt(price) : more.value.price.gt(price)).toBe(true);
      }),
      { seed: 20261207, numRuns: 300 },
    );
    expect(checked).toBeGreaterThanOrEqual(100);
  });
});

describe('the adapter on a read position', () => {
  const read: ReadPosition = {
    row: 1,
    symbol: 'BTCUSDT',
    market: 'linear',
    contract: 'perpetual',
    side: 'long',
    size: '1',
    sizeUnit: 'base',
    sizeAsset: 'BTC',
    entryPrice: '40000',
    markPrice: '40000',
    priceDecimals: 2,
    pageLiquidationPrice: null,
    marginMode: 'isolated',
    leverage: 50,
    // B1's position margin: 821.56 initial (with the fee to close) + 3,000 added.
    margin: '3821.5604',
    marginAsset: 'USDT',
    pnl: '0',
    roiPercent: null,
    takeProfit: null,
    stopLoss: null,
  };
  const tables = [{ asOf: '2026-08-05', source: 'test', symbols: { BTCUSDT: flat('0.005') } }];

  it('turns B1 as the page shows it into the published 36,380.25', () => {
    const prepared = bybit.prepare(read, tables);
    if (!('position' in prepared)) throw new Error(prepared.reason);
    const [risk] = bybit.accountRisk({}, [prepared.position]).positions;
    expect(risk!.liquidationPrice!.toFixed(2)).toBe('36380.25');
  });

  it('refuses a position margin well below the initial margin, and a size in the wrong unit', () => {
    expect(bybit.prepare({ ...read, margin: '700' }, tables)).toEqual({
      reason: 'the position margin shown is below the initial margin at its leverage',
    });
    expect(bybit.prepare({ ...read, sizeUnit: 'quote' }, tables)).toEqual({ reason: 'the size is not shown in the exact unit' });
  });
});
