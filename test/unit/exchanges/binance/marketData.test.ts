import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  fundingHistoryUrl,
  parseExchangeInfo,
  parseFundingHistory,
  parsePremiumIndex,
  premiumIndexUrl,
} from '@/lib/exchanges/binance/marketData';
import { loadFundingQuotes, loadRules, withFundingQuote, FUNDING_KEEP_MS } from '@/lib/exchanges/marketData';

const fixture = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../fixtures/binance/market', name), 'utf8'));

describe('exchangeInfo order rules', () => {
  it('reads tick, limit and market lots and the minimum notional of each USDⓈ-M symbol', () => {
    const { symbols, rejected } = parseExchangeInfo(fixture('fapi-exchangeInfo.json'));
    expect(Object.keys(symbols).sort()).toEqual(['BTCUSDT', 'DOGEUSDT', 'ETHUSDT', 'SOLUSDT']);
    expect(symbols.BTCUSDT).toEqual({
      tickSize: '0.1',
      priceFigures: null,
      lot: { stepSize: '0.001', minQty: '0.001', maxQty: '1000' },
      marketLot: { stepSize: '0.001', minQty: '0.001', maxQty: '120' },
      minNotional: '100',
    });
    expect(rejected).toEqual({ BROKENUSDT: 'no usable LOT_SIZE' });
  });

  it('reads COIN-M rules in contracts, with no minimum notional', () => {
    const { symbols } = parseExchangeInfo(fixture('dapi-exchangeInfo.json'));
    expect(symbols.BTCUSD_PERP).toEqual({
      tickSize: '0.1',
      priceFigures: null,
      lot: { stepSize: '1', minQty: '1', maxQty: '1000000' },
      marketLot: { stepSize: '1', minQty: '1', maxQty: '60000' },
      minNotional: null,
    });
  });

  it('drops malformed filters and bodies instead of guessing', () => {
    const body = fixture('fapi-exchangeInfo.json');
    body.symbols[0].filters[4] = { filterType: 'MIN_NOTIONAL', notional: '-5' };
    body.symbols[1].filters[0] = { filterType: 'PRICE_FILTER', tickSize: 0.01 };
    expect(parseExchangeInfo(body).rejected).toMatchObject({
      BTCUSDT: 'a malformed MIN_NOTIONAL',
      ETHUSDT: 'no usable PRICE_FILTER tickSize',
    });
    expect(parseExchangeInfo(null).symbols).toEqual({});
    expect(parseExchangeInfo({ symbols: 'all' }).symbols).toEqual({});
  });

  it('reads stored rules back and drops what was tampered with', () => {
    const { symbols } = parseExchangeInfo(fixture('fapi-exchangeInfo.json'));
    const stored = {
      fetchedAt: 1,
      symbols: { ...symbols, ETHUSDT: { ...symbols.ETHUSDT!, lot: { stepSize: 'x', minQty: '0', maxQty: '1' } } },
    };
    expect(Object.keys(loadRules(stored)).sort()).toEqual(['BTCUSDT', 'DOGEUSDT', 'SOLUSDT']);
    expect(loadRules('garbage')).toEqual({});
  });
});

describe('premiumIndex funding quotes', () => {
  // When the answer came, by this computer's clock (the exchange's own stamp may be minutes off it).
  const received = 1764136805000;

  it('reads the USDⓈ-M object and the COIN-M array', () => {
    expect(parsePremiumIndex(fixture('fapi-premiumIndex-BTCUSDT.json'), 'BTCUSDT', received)).toEqual({
      symbol: 'BTCUSDT',
      rate: '0.0001',
      nextFundingTime: 1764144000000,
      time: received,
    });
    expect(parsePremiumIndex(fixture('dapi-premiumIndex-BTCUSD_PERP.json'), 'BTCUSD_PERP', received)?.rate).toBe('-0.00005');
  });

  it('keeps the quotes of the last day: a symbol not held since is dropped when another quote arrives', () => {
    const quote = (symbol: string, time: number) => ({ symbol, rate: '0.0001', nextFundingTime: time + 3_600_000, time });
    const held = { BTCUSDT: quote('BTCUSDT', received - 60_000), OLDUSDT: quote('OLDUSDT', received - FUNDING_KEEP_MS) };
    const next = withFundingQuote(held, quote('ETHUSDT', received));
    expect(Object.keys(next).sort()).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(withFundingQuote(next, quote('BTCUSDT', received + 1)).BTCUSDT!.time).toBe(received + 1);
    expect(held).toHaveProperty('OLDUSDT'); // the stored object is not changed in place
  });

  it('has no quote for a delivery contract, another symbol, or an absurd rate', () => {
    const dapi = fixture('dapi-premiumIndex-BTCUSD_PERP.json');
    expect(parsePremiumIndex(dapi, 'BTCUSD_251226', received)).toBeNull();
    expect(parsePremiumIndex(dapi, 'ETHUSD_PERP', received)).toBeNull();
    expect(parsePremiumIndex({ ...fixture('fapi-premiumIndex-BTCUSDT.json'), lastFundingRate: '0.5' }, 'BTCUSDT', received)).toBeNull();
    expect(parsePremiumIndex({ ...fixture('fapi-premiumIndex-BTCUSDT.json'), lastFundingRate: 0.0001 }, 'BTCUSDT', received)).toBeNull();
  });

  it('reads stored quotes back by symbol, dropping malformed ones', () => {
    const good = parsePremiumIndex(fixture('fapi-premiumIndex-BTCUSDT.json'), 'BTCUSDT', received)!;
    expect(loadFundingQuotes({ BTCUSDT: good, ETHUSDT: { ...good, symbol: 'ETHUSDT', rate: 'NaN' } })).toEqual({ BTCUSDT: good });
  });

  it('asks for one symbol by its exact name', () => {
    expect(premiumIndexUrl('usdm', 'BTCUSDT')).toBe('https://fapi.binance.com/fapi/v1/premiumIndex?symbol=BTCUSDT');
    expect(premiumIndexUrl('coinm', 'BTCUSD_PERP')).toBe('https://dapi.binance.com/dapi/v1/premiumIndex?symbol=BTCUSD_PERP');
  });
});

describe('fundingRate history', () => {
  it('reads each settlement with its rate and mark price, oldest first', () => {
    const history = parseFundingHistory(fixture('fapi-fundingRate-BTCUSDT.json'), 'BTCUSDT')!;
    expect(history.map((s) => [s.fundingTime, s.rate, s.markPrice])).toEqual([
      [1764057600000, '0.0001', '95000'],
      [1764086400000, '-0.000025', '96123.45'],
      [1764115200000, '0.0001', '95480.3'],
    ]);
  });

  it('refuses the whole history when any entry is malformed or of another symbol (never half-used)', () => {
    const body = fixture('fapi-fundingRate-BTCUSDT.json');
    expect(parseFundingHistory([...body, { ...body[0], markPrice: '0' }], 'BTCUSDT')).toBeNull();
    expect(parseFundingHistory([...body, { ...body[0], symbol: 'ETHUSDT' }], 'BTCUSDT')).toBeNull();
    expect(parseFundingHistory({ code: -1121, msg: 'Invalid symbol.' }, 'BTCUSDT')).toBeNull();
    expect(fundingHistoryUrl('BTCUSDT', 5)).toBe('https://fapi.binance.com/fapi/v1/fundingRate?symbol=BTCUSDT&startTime=5&limit=1000');
  });
});
