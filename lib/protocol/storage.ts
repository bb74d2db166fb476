/**
 * Every value LiqGuard keeps, one typed item each; entry points import these handles, never raw keys. The worker's and
 * the extension pages' only: the page side keeps the overlay's place alone (`./pageStorage.ts`).
 */
import { storage } from 'wxt/utils/storage';

import type { FundingQuote, StoredRules, StoredTierTables } from '../exchanges/marketData';
import type { PageRoute } from '../exchanges/pageFace';
import type { WatchedPosition } from '../figures/types';
import type { TabSummary } from '../figures/types';
import type { PageSnapshot } from '../model/snapshot';

/** Futures pages open now, by tab id. Session storage: survives worker restarts, not browser restarts. */
export const openFuturesPages = storage.defineItem<Record<string, PageRoute>>('session:openFuturesPages', {
  fallback: {},
  version: 1,
});

/** The last snapshot each tab's content script sent, by tab id. */
export const lastSnapshots = storage.defineItem<Record<string, PageSnapshot>>('session:lastSnapshots', {
  fallback: {},
  version: 1,
});

/** Settings as stored; read them through `parseSettings` (lib/model/settings.ts), never raw. */
export const storedSettings = storage.defineItem<unknown>('local:settings', { version: 1 });

/** The alert rules' state (lib/alerts): persisted so a restarted worker neither repeats nor misses an alert. */
export const storedAlertState = storage.defineItem<unknown>('local:alertState', { version: 1 });

/** The last 200 alerts shown (lib/alerts/history); read them through `parseHistory`, never raw. */
export const storedAlertHistory = storage.defineItem<unknown>('local:alertHistory', { fallback: [], version: 1 });

/** Tabs whose page is hidden: their marks come from the public stream until they are visible again. */
export const hiddenTabs = storage.defineItem<number[]>('session:hiddenTabs', { fallback: [], version: 1 });

/** What each shown notification is about: its tab (a click brings it forward) and position (to snooze it). */
export const shownNotifications = storage.defineItem<
  Record<string, { tabId: number; position: { key: string; signature: string } | null }>
>('session:shownNotifications', { fallback: {}, version: 1 });

/**
 * Version 1 was keyed by Binance's market alone (`usdm`), version 2 by `marketKey` (`binance:usdm`). A key that is
 * a market key already is kept: a copy written without WXT's version mark (a test, another context) is not renamed twice.
 */
const byMarketKey = {
  2: (old: Record<string, unknown> | null) =>
    Object.fromEntries(Object.entries(old ?? {}).map(([market, value]) => [market.includes(':') ? market : `binance:${market}`, value])),
};

/** Tier tables fetched from the exchange's public endpoint (refreshed at most daily), by `marketKey`. */
export const fetchedTiers = storage.defineItem<Record<string, StoredTierTables>>('local:fetchedTiers', {
  fallback: {},
  version: 2,
  migrations: byMarketKey,
});

/** The last figures per tab, for the popup. */
export const tabSummaries = storage.defineItem<Record<string, TabSummary>>('session:tabSummaries', { fallback: {}, version: 1 });

/** Each symbol's order rules from the exchange's public endpoint (refreshed at most daily), by `marketKey`. */
export const symbolRules = storage.defineItem<Record<string, StoredRules>>('local:symbolRules', {
  fallback: {},
  version: 2,
  migrations: byMarketKey,
});

/**
 * The latest funding quote of each symbol held, by `marketKey` and symbol, from the exchange's public data (fetched
 * about once a minute while a position is open). Local, not session, storage: content scripts cannot read session
 * storage. Version 1 was keyed by symbol alone; its quotes, a minute's cache, are dropped rather than guessed into
 * a market.
 */
export const fundingQuotes = storage.defineItem<Record<string, Record<string, FundingQuote>>>('local:fundingQuotes', {
  fallback: {},
  version: 2,
  migrations: { 2: () => ({}) },
});

/** By `positionKey` (lib/model/keys.ts). Local storage: the count survives browser restarts. */
export const fundingWatch = storage.defineItem<Record<string, WatchedPosition>>('local:fundingWatch', { fallback: {}, version: 1 });
