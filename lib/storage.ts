/**
 * Every value LiqGuard keeps, one typed item each; entry points import these handles, never raw keys.
 */
import { storage } from 'wxt/utils/storage';

import type { FuturesRoute } from './exchanges/binance/routes';

/** Futures pages open now, by tab id. Session storage: survives worker restarts, not browser restarts. */
export const openFuturesPages = storage.defineItem<Record<string, FuturesRoute>>('session:openFuturesPages', {
  fallback: {},
  version: 1,
});
