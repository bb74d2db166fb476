/**
 * Which Bybit URLs are derivatives trading pages, and what they trade.
 *
 * USDT perpetual: `/trade/usdt/<SYMBOL>` (SEEN: a userscript's `@match https://www.bybit.com/trade/usdt/*` and its
 * symbol pattern `/\/trade\/[^/]+\/([A-Z0-9]+)/`); inverse: `/trade/inverse/<SYMBOL>` and a locale prefix such as
 * `/en/` (INFERRED). The market ids are the API's categories (`linear`, `inverse`). Source:
 * ../shared/research/exchanges/bybit.md §D.
 */

import { pathOn } from '../../pageFace';

export type BybitMarket = 'linear' | 'inverse';

/** How the market is named to the user, in Bybit's words. */
export const MARKET_LABELS: Record<BybitMarket, string> = { linear: 'USDT Perpetual', inverse: 'Inverse' };

export interface BybitRoute {
  market: BybitMarket;
  symbol: string;
  language: string | null;
}

export const BYBIT_HOST = 'www.bybit.com';

const SECTIONS: Record<string, BybitMarket> = { usdt: 'linear', inverse: 'inverse' };
const ROUTE = /^\/(?:([a-z]{2}(?:-[A-Za-z]{2,4})?)\/)?trade\/(usdt|inverse)\/([A-Z0-9]{5,30})\/?$/;

/** Match patterns for the manifest: a superset that `parseBybitRoute` narrows down. */
export const BYBIT_TRADE_MATCHES = [`https://${BYBIT_HOST}/trade/*`, `https://${BYBIT_HOST}/*/trade/*`];

export function parseBybitRoute(url: string | URL): BybitRoute | null {
  const path = pathOn(url, BYBIT_HOST);
  if (path === null) return null;
  const match = ROUTE.exec(path);
  if (!match) return null;
  const [, language, section, symbol] = match as unknown as [string, string | undefined, string, string];
  const market = SECTIONS[section]!;
  // A USDT perpetual ends in USDT, an inverse one in USD: anything else is another page under the same path.
  if (market === 'linear' ? !symbol.endsWith('USDT') : !symbol.endsWith('USD')) return null;
  return { market, symbol, language: language ?? null };
}
