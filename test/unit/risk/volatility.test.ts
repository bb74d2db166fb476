import { describe, expect, it } from 'vitest';

import { dec } from '@/lib/core/decimal';
import { parseMarkCandles } from '@/lib/exchanges/binance/marketData';
import { averageTrueRange, betaTo, type Bar } from '@/lib/risk';

import { HALF_RANGE, markCandlesBody } from '../../fixtures/binance/markCandles';

const barsOf = (symbol: string): Bar[] =>
  parseMarkCandles(markCandlesBody(symbol))!.map((c) => ({
    openTime: c.openTime,
    high: dec(c.high),
    low: dec(c.low),
    close: dec(c.close),
  }));

describe('average true range (Wilder)', () => {
  it('is the range when every bar spans the same range around a close inside the last one', () => {
    expect(averageTrueRange(barsOf('BTCUSDT'))?.toFixed()).toBe(String(2 * HALF_RANGE.BTCUSDT!));
    expect(averageTrueRange(barsOf('SOLUSDT'))?.toFixed()).toBe(String(2 * HALF_RANGE.SOLUSDT!));
  });

  it('counts a gap from the previous close, and smooths the first average with each next range', () => {
    const bar = (openTime: number, high: string, low: string, close: string): Bar => ({
      openTime,
      high: dec(high),
      low: dec(low),
      close: dec(close),
    });
    // Period 2: true ranges 2 (10–12), 5 (a gap up: 16 − prev close 11), 3; first average (2 + 5) / 2 = 3.5, then (3.5 + 3) / 2.
    const bars = [bar(0, '11', '9', '10'), bar(1, '12', '10', '11'), bar(2, '16', '14', '15'), bar(3, '16', '13', '14')];
    expect(averageTrueRange(bars, 2)?.toFixed()).toBe('3.25');
    expect(averageTrueRange(bars.slice(0, 2), 2)).toBeNull();
  });
});

describe('beta to BTC', () => {
  it('is how many times BTC’s move a symbol moves: 1.5 for ETHUSDT, 2 for SOLUSDT, 1 for BTC itself', () => {
    const btc = barsOf('BTCUSDT');
    expect(betaTo(barsOf('ETHUSDT'), btc)!.minus('1.5').abs().lt('0.001')).toBe(true);
    expect(betaTo(barsOf('SOLUSDT'), btc)!.minus('2').abs().lt('0.001')).toBe(true);
    expect(betaTo(btc, btc)!.toFixed()).toBe('1');
  });

  it('is unknown with too few shared bars, or against a reference that did not move', () => {
    const btc = barsOf('BTCUSDT');
    expect(betaTo(barsOf('ETHUSDT').slice(0, 10), btc)).toBeNull();
    expect(
      betaTo(
        btc,
        btc.map((b) => ({ ...b, close: dec('95000') })),
      ),
    ).toBeNull();
  });
});

describe("Binance's mark-price bars", () => {
  it('reads the documented example', () => {
    const example = [
      [1591256460000, '9653.29201333', '9654.56401333', '9653.07367333', '9653.07367333', '0 ', 1591256519999, '0', 60, '0', '0', '0'],
    ];
    expect(parseMarkCandles(example)).toEqual([
      { openTime: 1591256460000, high: '9654.56401333', low: '9653.07367333', close: '9653.07367333' },
    ]);
  });

  it.each([
    ['not a list', { data: [] }],
    ['a bar too short', [[1, '1', '2', '1']]],
    ['a price that is not a decimal string', [[1, '1', 2, '1', '1']]],
    ['a high below its low', [[1, '1', '1', '2', '1']]],
    ['a close outside its range', [[1, '1', '2', '1', '3']]],
    [
      'bars out of order',
      [
        [2, '1', '2', '1', '1'],
        [1, '1', '2', '1', '1'],
      ],
    ],
    ['more bars than asked for', Array.from({ length: 101 }, (_, i) => [i, '1', '2', '1', '1'])],
  ])('refuses %s', (_, body) => {
    expect(parseMarkCandles(body)).toBeNull();
  });
});
