/** Bybit's public responses (built in the documented v5 shapes, test/fixtures/bybit/market/) read into checked data. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  markCandlesUrl,
  nextPage,
  parseInstruments,
  parseMarkKlines,
  parseRiskLimits,
  parseTicker,
  riskLimitUrl,
} from '@/lib/exchanges/bybit/marketData';
import { KEEP_ALIVE, markStreamUrl, parseTickerMessage, subscribeMessages, withMarkPrices } from '@/lib/exchanges/bybit/markPrice';
import { loadTierTables, storeTierTables } from '@/lib/exchanges/marketData';
import type { PageSnapshot } from '@/lib/model/snapshot';

const fixture = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../fixtures/bybit/market', name), 'utf8'));

describe('risk limits', () => {
  it('reads fractions: tiers ascend from 0, each deduction as its cum, the table sound', () => {
    const { symbols, rejected } = parseRiskLimits(fixture('linear-risk-limit-page1.json'));
    expect(Object.keys(symbols).sort()).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(rejected).toEqual({});
    const btc = symbols.BTCUSDT!;
    expect(btc.map((t) => [t.notionalFloor.toFixed(), t.notionalCap.toFixed(), t.maintMarginRatio.toFixed(), t.cum.toFixed()])).toEqual([
      ['0', '2000000', '0.005', '0'],
      ['2000000', '2600000', '0.0056', '1200'],
      ['2600000', '3200000', '0.0063', '3020'],
      ['3200000', '3800000', '0.007', '5260'],
      ['3800000', '4400000', '0.0077', '7920'],
      ['4400000', '5000000', '0.0084', '11000'],
    ]);
    expect(btc.map((t) => t.maxLeverage)).toEqual([100, 80, 70, 60, 55, 50]);
  });

  it('reads percentages (the documented inverse example) as the same fractions', () => {
    const { symbols } = parseRiskLimits(fixture('inverse-risk-limit-percent.json'));
    expect(symbols.BTCUSD!.map((t) => t.maintMarginRatio.toFixed())).toEqual(['0.005', '0.01', '0.015']);
    expect(symbols.BTCUSD!.map((t) => t.cum.toFixed())).toEqual(['0', '0.75', '2.25']);
  });

  it('refuses rates that are neither, a deduction off the rule, a missing field and a failed answer', () => {
    const body = fixture('linear-risk-limit-page1.json');
    const eth = body.result.list.filter((row: { symbol: string }) => row.symbol === 'ETHUSDT');
    eth[1].initialMargin = '0.125';
    eth[2].maintenanceMargin = undefined;
    const btc = body.result.list.filter((row: { symbol: string }) => row.symbol === 'BTCUSDT');
    btc.forEach((row: { initialMargin: string }) => (row.initialMargin = '0.1'));
    const { symbols, rejected } = parseRiskLimits(body);
    expect(symbols).toEqual({});
    expect(rejected.BTCUSDT).toMatch(/neither fractions nor percentages/);
    expect(rejected.ETHUSDT).toBe('a tier is missing a field');
    expect(parseRiskLimits(fixture('linear-risk-limit-page2.json')).rejected.BADUSDT).toMatch(/cum 999/);
    expect(parseRiskLimits({ ...body, retCode: 10001 }).symbols).toEqual({});
  });

  it('follows the cursor to the next page and stops on the last', () => {
    const url = riskLimitUrl('linear');
    expect(nextPage(fixture('linear-risk-limit-page1.json'), url)).toBe(
      'https://api.bybit.com/v5/market/risk-limit?category=linear&cursor=page2',
    );
    expect(nextPage(fixture('linear-risk-limit-page2.json'), url)).toBeNull();
  });

  it('survives storage as the shared stored tables', () => {
    const { symbols } = parseRiskLimits(fixture('linear-risk-limit-page1.json'));
    const loaded = loadTierTables(JSON.parse(JSON.stringify(storeTierTables({ asOf: '2026-12-07', source: 'test', symbols }, 1))));
    expect(loaded!.symbols.BTCUSDT!.map((t) => t.cum.toFixed())).toEqual(symbols.BTCUSDT!.map((t) => t.cum.toFixed()));
  });
});

describe('instruments, tickers, mark-price bars', () => {
  it('reads each trading perpetual’s tick, lots and minimum notional; skips dated and closed ones; rejects a zero tick', () => {
    const { symbols, rejected } = parseInstruments(fixture('linear-instruments-info.json'));
    expect(Object.keys(symbols).sort()).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(symbols.BTCUSDT).toEqual({
      tickSize: '0.1',
      priceFigures: null,
      lot: { stepSize: '0.001', minQty: '0.001', maxQty: '1190' },
      marketLot: { stepSize: '0.001', minQty: '0.001', maxQty: '119' },
      minNotional: '5',
    });
    expect(Object.keys(rejected)).toEqual(['BROKENUSDT']);
  });

  it('reads the funding rate and next funding time of the symbol asked for', () => {
    expect(parseTicker(fixture('linear-tickers-BTCUSDT.json'), 'BTCUSDT', 5)).toEqual({
      symbol: 'BTCUSDT',
      rate: '0.0001',
      nextFundingTime: 1764993600000,
      time: 5,
    });
    expect(parseTicker(fixture('linear-tickers-BTCUSDT.json'), 'ETHUSDT', 5)).toBeNull();
    const body = fixture('linear-tickers-BTCUSDT.json');
    body.result.list[0].fundingRate = '0.5';
    expect(parseTicker(body, 'BTCUSDT', 5)).toBeNull();
  });

  it('puts Bybit’s newest-first bars oldest first, and refuses a bar whose close is outside its range', () => {
    const bars = [
      ['1764993600000', '96000', '96500', '95800', '96200'],
      ['1764979200000', '95500', '96100', '95400', '96000'],
    ];
    const body = { retCode: 0, retMsg: 'OK', result: { symbol: 'BTCUSDT', category: 'linear', list: bars } };
    expect(parseMarkKlines(body)!.map((c) => c.openTime)).toEqual([1764979200000, 1764993600000]);
    expect(parseMarkKlines({ ...body, result: { list: [['1764993600000', '96000', '96500', '95800', '97000']] } })).toBeNull();
    expect(markCandlesUrl('inverse', 'BTCUSD')).toBe(
      'https://api.bybit.com/v5/market/mark-price-kline?category=inverse&symbol=BTCUSD&interval=240&limit=100',
    );
  });
});

describe('the public ticker stream', () => {
  it('subscribes to the symbols held, once the socket is open, and keeps it alive', () => {
    expect(markStreamUrl('linear', ['ETHUSDT', 'BTCUSDT'])).toBe('wss://stream.bybit.com/v5/public/linear');
    expect(markStreamUrl('linear', [])).toBeNull();
    expect(subscribeMessages(['ETHUSDT', 'BTCUSDT', 'ETHUSDT']).map((m) => JSON.parse(m))).toEqual([
      { op: 'subscribe', args: ['tickers.BTCUSDT', 'tickers.ETHUSDT'] },
    ]);
    expect(JSON.parse(KEEP_ALIVE.message)).toEqual({ op: 'ping' });
  });

  it('reads a mark price from a snapshot or a delta that carries one, and nothing else', () => {
    const push = (data: object, topic = 'tickers.BTCUSDT') => JSON.stringify({ topic, type: 'delta', data, ts: 1 });
    expect(parseTickerMessage(push({ symbol: 'BTCUSDT', markPrice: '96250.5' }))).toEqual({ symbol: 'BTCUSDT', markPrice: '96250.5' });
    expect(parseTickerMessage(push({ symbol: 'BTCUSDT', fundingRate: '0.0001' }))).toBeNull();
    expect(parseTickerMessage(push({ symbol: 'ETHUSDT', markPrice: '3000' }))).toBeNull();
    expect(parseTickerMessage(push({ symbol: 'BTCUSDT', markPrice: '-1' }))).toBeNull();
    expect(parseTickerMessage(JSON.stringify({ op: 'pong', success: true }))).toBeNull();
    expect(parseTickerMessage('not json')).toBeNull();
  });

  it('re-prices PnL from the stream and leaves the position margin', () => {
    const snapshot = {
      exchange: 'bybit',
      market: 'linear',
      positions: [
        {
          symbol: 'BTCUSDT',
          market: 'linear',
          side: 'short',
          size: '0.5',
          entryPrice: '96000',
          markPrice: '96000',
          pnl: '0',
          margin: '960',
        },
      ],
    } as unknown as PageSnapshot;
    const [moved] = withMarkPrices(snapshot, { BTCUSDT: '97000' }).positions;
    expect([moved!.pnl, moved!.margin, moved!.markPrice]).toEqual(['-500', '960', '97000']);
  });
});
