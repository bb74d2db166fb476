/**
 * Bybit's public market data as the local exchange serves it (the documented v5 shapes of test/fixtures/bybit/market):
 * risk limits in two pages (by cursor), instruments and tickers; and the tier tables the worker builds from them, for
 * working out in Node what the overlay must show.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { parseRiskLimits } from '@/lib/exchanges/bybit/marketData';
import type { TierTables } from '@/lib/exchanges/marketData';

import type { Routes } from '../harness';

const market = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/bybit/market', name), 'utf8');
const [PAGE_1, PAGE_2] = [market('linear-risk-limit-page1.json'), market('linear-risk-limit-page2.json')];
const TICKER = market('linear-tickers-BTCUSDT.json');

export const BYBIT_MARKET_ROUTES: Routes = {
  '/v5/market/risk-limit': { body: (url) => (url.searchParams.get('cursor') === 'page2' ? PAGE_2 : PAGE_1), type: 'application/json' },
  '/v5/market/instruments-info': { body: market('linear-instruments-info.json'), type: 'application/json' },
  // The recorded BTCUSDT ticker, answered for whichever symbol is asked, its next funding in the next 8-hour slot.
  '/v5/market/tickers': {
    body: (url) => {
      const ticker = JSON.parse(TICKER);
      const eightHours = 8 * 3600_000;
      Object.assign(ticker.result.list[0], {
        symbol: url.searchParams.get('symbol'),
        nextFundingTime: String(Math.ceil(Date.now() / eightHours) * eightHours),
      });
      return JSON.stringify(ticker);
    },
    type: 'application/json',
  },
};

/** The linear tiers the worker keeps after fetching both pages. */
export const BYBIT_LINEAR_TIERS: TierTables = {
  asOf: 'test',
  source: 'test',
  symbols: { ...parseRiskLimits(JSON.parse(PAGE_1)).symbols, ...parseRiskLimits(JSON.parse(PAGE_2)).symbols },
};
