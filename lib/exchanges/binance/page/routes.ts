/**
 * Which Binance URLs are futures trading pages, and what they trade.
 *
 * USDⓈ-M: `/<lang>/futures/<SYMBOL>` or `/futures/<SYMBOL>` (symbols upper case, e.g. `BTCUSDT`,
 * `BTCUSDT_250926`). COIN-M: `/<lang>/delivery/<symbol>` in either case (`BTCUSD_PERP`,
 * `btcusd_quarter`). Other routes under `/futures/` (`multipleChart`, `trading-rules/…`) and the wallet
 * pages under `/my/wallet/futures/` are not trading pages. Source: ../shared/research/dom.md, "URLs".
 */

import { pathOn } from '../../pageFace';

export type FuturesMarket = 'usdm' | 'coinm';

/** How the market is named to the user (the exchange writes "USDⓈ-M"; Ⓢ is missing from many fonts). */
export const MARKET_LABELS: Record<FuturesMarket, string> = { usdm: 'USD-M', coinm: 'COIN-M' };

export interface FuturesRoute {
  market: FuturesMarket;
  /** Symbol as written in the URL, upper-cased (`btcusd_quarter` → `BTCUSD_QUARTER`). */
  symbol: string;
  /** The UI language segment (`en`, `zh-CN`), or null when the URL has none. */
  language: string | null;
}

export const BINANCE_HOST = 'www.binance.com';

const ROUTE = /^\/(?:([a-z]{2}(?:-[A-Za-z]{2})?)\/)?(futures|delivery)\/([A-Za-z0-9]{5,}(?:_[A-Za-z0-9]+)?)\/?$/;

/** Match patterns for the manifest: a superset that `parseFuturesRoute` narrows down. */
export const BINANCE_FUTURES_MATCHES = [
  `https://${BINANCE_HOST}/futures/*`,
  `https://${BINANCE_HOST}/*/futures/*`,
  `https://${BINANCE_HOST}/delivery/*`,
  `https://${BINANCE_HOST}/*/delivery/*`,
];

export function parseFuturesRoute(url: string | URL): FuturesRoute | null {
  const path = pathOn(url, BINANCE_HOST);
  if (path === null) return null;
  const match = ROUTE.exec(path);
  if (!match) return null;
  const [, language, section, symbol] = match as unknown as [string, string | undefined, string, string];
  const market: FuturesMarket = section === 'futures' ? 'usdm' : 'coinm';
  // USDⓈ-M symbols are always upper case; a mixed-case word there is another page (`multipleChart`).
  if (market === 'usdm' && symbol !== symbol.toUpperCase()) return null;
  return { market, symbol: symbol.toUpperCase(), language: language ?? null };
}
