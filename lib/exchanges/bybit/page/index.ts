/** Bybit's page face: its USDT perpetual and inverse trading pages and their reader (Decimal-free, runs in the page). */
import type { PageAdapter } from '../../pageFace';
import { bybitLandmarks, readBybitPage, type BybitCache } from './reader';
import { BYBIT_HOST, BYBIT_TRADE_MATCHES, MARKET_LABELS, parseBybitRoute } from './routes';

export const bybitPage: PageAdapter<BybitCache> = {
  id: 'bybit',
  name: 'Bybit',
  matches: BYBIT_TRADE_MATCHES,
  pageHosts: [BYBIT_HOST],
  marketLabels: MARKET_LABELS,
  parseRoute(url) {
    const route = parseBybitRoute(url);
    return route && { exchange: 'bybit', ...route };
  },
  read: readBybitPage,
  landmarks: (_document, cache) => bybitLandmarks(cache),
  newCache: () => ({}),
};
