/**
 * The face of an exchange adapter that runs in the exchange's page: which addresses are its futures pages and how
 * to read one. Decimal-free and small, since it loads into the exchange's page (`lib/exchanges/adapter.ts` has the
 * worker's face).
 */
import type { PageSnapshot } from '../model/snapshot';

/** A futures page: the market and symbol it trades, and its UI language when the address says. */
export interface PageRoute {
  exchange: string;
  market: string;
  /** As the exchange's API spells it; null on a page of the whole account (Hyperliquid's portfolio). */
  symbol: string | null;
  language: string | null;
}

/** The path of `url` when it is an https address on `host`; null otherwise, a malformed address included. */
export function pathOn(url: string | URL, host: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname === host ? parsed.pathname : null;
  } catch {
    return null;
  }
}

/** The page's own figures, which the overlay must never cover: where the positions list and the account panel are. */
export interface PageLandmarks {
  /** Elements whose tops bound the positions list from above (its tab bar, its header row's container). */
  positions: Element[];
  account: Element | null;
}

export interface PageAdapter<Cache extends object = object> {
  id: string;
  name: string;
  /** The manifest's match patterns: a superset that `parseRoute` narrows down. */
  matches: readonly string[];
  /** The hosts its pages are served from (the e2e harness maps them to a local server). */
  pageHosts: readonly string[];
  /** How each market is named to the user. */
  marketLabels: Readonly<Record<string, string>>;
  parseRoute(url: string | URL): PageRoute | null;
  /** Reads the page at `url`; null when it is not a futures page. Pass one `cache` to every read of one page. */
  read(document: Document, url: string, cache?: Cache): PageSnapshot | null;
  /** A fresh cache for one page. */
  newCache(): Cache;
  /** Where the page's own figures are, as the last read with `cache` found them. */
  landmarks(document: Document, cache: Cache): PageLandmarks;
}
