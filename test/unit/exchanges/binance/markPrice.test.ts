import { describe, expect, it } from 'vitest';

import { markPriceStreamUrl, parseMarkPriceMessage, withMarkPrices } from '@/lib/exchanges/binance/markPrice';
import { readBinancePage } from '@/lib/exchanges/binance/page/reader';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { riskView } from '@/lib/figures/riskView';

import { domOf, fixtures } from '../../../fixtures/binance';

describe('mark-price stream', () => {
  it('asks for each symbol once, public streams only', () => {
    expect(markPriceStreamUrl('usdm', ['ETHUSDT', 'BTCUSDT', 'ETHUSDT'])).toBe(
      'wss://fstream.binance.com/stream?streams=btcusdt@markPrice@1s/ethusdt@markPrice@1s',
    );
    expect(markPriceStreamUrl('coinm', ['BTCUSD_PERP'])).toBe('wss://dstream.binance.com/stream?streams=btcusd_perp@markPrice@1s');
    expect(markPriceStreamUrl('usdm', [])).toBeNull();
    expect(markPriceStreamUrl('usdm', ['../evil'])).toBeNull();
  });

  it.each([
    [
      '{"stream":"btcusdt@markPrice@1s","data":{"e":"markPriceUpdate","s":"BTCUSDT","p":"76000.10000000"}}',
      { symbol: 'BTCUSDT', markPrice: '76000.10000000' },
    ],
    ['{"e":"markPriceUpdate","s":"ETHUSDT","p":"3000"}', { symbol: 'ETHUSDT', markPrice: '3000' }],
    ['{"e":"aggTrade","s":"BTCUSDT","p":"1"}', null],
    ['{"e":"markPriceUpdate","s":"BTCUSDT","p":"-1"}', null],
    ['{"e":"markPriceUpdate","s":"BTCUSDT","p":"0"}', null],
    ['{"e":"markPriceUpdate","s":"<b>","p":"1"}', null],
    ['not json', null],
    [`{"e":"markPriceUpdate","s":"BTCUSDT","p":"1","x":"${'a'.repeat(5000)}"}`, null],
  ])('%s', (raw, expected) => {
    expect(parseMarkPriceMessage(raw)).toEqual(expected);
  });

  it('moves PnL with the mark, keeps isolated wallets, and stops comparing with the page', () => {
    const f = fixtures.find((x) => x.name === 'en-usdm-cross-isolated')!;
    const snapshot = readBinancePage(domOf(f.html, f.url).document, f.url)!;
    const streamed = withMarkPrices(snapshot, { SOLUSDT: '130.000', BTCUSDT: '90000.0' });
    const sol = streamed.positions.find((p) => p.symbol === 'SOLUSDT')!;
    expect(sol.pnl).toBe('-370.5'); // 30 × (130 − 142.35)
    // Isolated wallet = margin − PnL stays 427.05.
    expect(Number(sol.margin) - Number(sol.pnl)).toBeCloseTo(427.05, 8);
    const view = riskView(streamed, DEFAULT_SETTINGS);
    expect(view.positions.every((p) => p.mismatch === null)).toBe(true);
    expect(view.positions[2]!.band).toBe('danger');
  });
});
