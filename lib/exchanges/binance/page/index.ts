/** Binance's page face: its USDⓈ-M and COIN-M futures pages and their reader (Decimal-free, runs in the page). */
import type { PageAdapter } from '../../pageFace';
import { binanceLandmarks, readBinancePage, type ReaderCache } from './reader';
import { BINANCE_FUTURES_MATCHES, BINANCE_HOST, MARKET_LABELS, parseFuturesRoute } from './routes';

export const binancePage: PageAdapter<ReaderCache> = {
  id: 'binance',
  name: 'Binance',
  matches: BINANCE_FUTURES_MATCHES,
  pageHosts: [BINANCE_HOST],
  marketLabels: MARKET_LABELS,
  parseRoute(url) {
    const route = parseFuturesRoute(url);
    return route && { exchange: 'binance', ...route };
  },
  read: readBinancePage,
  landmarks: (_document, cache) => binanceLandmarks(cache),
  newCache: () => ({}),
};
