/**
 * Every value LiqGuard keeps, one typed item each; entry points import these handles, never raw keys.
 */
import { storage } from 'wxt/utils/storage';

import type { FuturesRoute } from './exchanges/binance/routes';
import type { PageSnapshot } from './snapshot';

/** Futures pages open now, by tab id. Session storage: survives worker restarts, not browser restarts. */
export const openFuturesPages = storage.defineItem<Record<string, FuturesRoute>>('session:openFuturesPages', {
  fallback: {},
  version: 1,
});

export interface OverlayPlacement {
  /** Distance of the panel's top-left corner from the viewport's, in CSS pixels. */
  x: number;
  y: number;
  collapsed: boolean;
}

/** Where the overlay panel sits and whether it is collapsed; x < 0 until the user moves it (see `placeOverlay`). */
export const overlayPlacement = storage.defineItem<OverlayPlacement>('local:overlayPlacement', {
  fallback: { x: -1, y: 56, collapsed: false },
  version: 1,
});

/** The last snapshot each tab's content script sent, by tab id. */
export const lastSnapshots = storage.defineItem<Record<string, PageSnapshot>>('session:lastSnapshots', {
  fallback: {},
  version: 1,
});
