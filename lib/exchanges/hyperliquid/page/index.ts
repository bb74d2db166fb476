/** Hyperliquid's page face: its perpetual trading pages and their reader (Decimal-free, runs in the page). */
import type { PageAdapter } from '../../pageFace';
import { hyperliquidLandmarks, readHyperliquidPage, type HyperliquidCache } from './reader';
import { HYPERLIQUID_HOST, HYPERLIQUID_MATCHES, MARKET_LABELS, parseHyperliquidRoute } from './routes';

export const hyperliquidPage: PageAdapter<HyperliquidCache> = {
  id: 'hyperliquid',
  name: 'Hyperliquid',
  matches: HYPERLIQUID_MATCHES,
  pageHosts: [HYPERLIQUID_HOST],
  marketLabels: MARKET_LABELS,
  parseRoute(url) {
    const route = parseHyperliquidRoute(url);
    return route && { exchange: 'hyperliquid', ...route };
  },
  read: readHyperliquidPage,
  landmarks: (_document, cache) => hyperliquidLandmarks(cache),
  newCache: () => ({}),
};
