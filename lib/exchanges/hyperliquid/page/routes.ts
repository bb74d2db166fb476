/**
 * Which Hyperliquid addresses show the perpetual positions list, and what they trade. `https://app.hyperliquid.xyz/trade/<COIN>`
 * (INFERRED from the app) trades one coin; `/portfolio` (SEEN: the raw capture of the positions table was taken there)
 * trades none, so its route has no symbol. Coins are written as the API names them (`BTC`, `ETH`, `kPEPE`).
 * Builder-deployed markets (`xyz:TSLA`) and spot pairs (`@107`, `PURR/USDC`) are not read. Source:
 * ../shared/research/exchanges/hyperliquid.md §D.
 */

import { pathOn } from '../../pageFace';

export type HyperliquidMarket = 'perp';

export const MARKET_LABELS: Record<HyperliquidMarket, string> = { perp: 'Perpetuals' };

export const HYPERLIQUID_HOST = 'app.hyperliquid.xyz';

export const HYPERLIQUID_MATCHES = [`https://${HYPERLIQUID_HOST}/trade*`, `https://${HYPERLIQUID_HOST}/portfolio*`];

const TRADE_ROUTE = /^\/trade\/([A-Za-z0-9]{1,12})\/?$/;
const PORTFOLIO_ROUTE = /^\/portfolio\/?$/;

export function parseHyperliquidRoute(url: string | URL): { market: HyperliquidMarket; symbol: string | null; language: null } | null {
  const path = pathOn(url, HYPERLIQUID_HOST);
  if (path === null) return null;
  if (PORTFOLIO_ROUTE.test(path)) return { market: 'perp', symbol: null, language: null };
  const match = TRADE_ROUTE.exec(path);
  return match ? { market: 'perp', symbol: match[1]!, language: null } : null;
}
