/**
 * Which Hyperliquid addresses are perpetual trading pages, and what they trade. `https://app.hyperliquid.xyz/trade/<COIN>`
 * (INFERRED from the app; `/portfolio` SEEN, which shows the same positions table but no coin); coins are written as
 * the API names them (`BTC`, `ETH`, `kPEPE`). Builder-deployed markets (`xyz:TSLA`) and spot pairs (`@107`, `PURR/USDC`)
 * are not read. Source: ../shared/research/exchanges/hyperliquid.md §D.
 */

export type HyperliquidMarket = 'perp';

export const MARKET_LABELS: Record<HyperliquidMarket, string> = { perp: 'Perpetuals' };

export const HYPERLIQUID_HOST = 'app.hyperliquid.xyz';

export const HYPERLIQUID_MATCHES = [`https://${HYPERLIQUID_HOST}/trade*`];

const ROUTE = /^\/trade\/([A-Za-z0-9]{1,12})\/?$/;

export function parseHyperliquidRoute(url: string | URL): { market: HyperliquidMarket; symbol: string; language: null } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== HYPERLIQUID_HOST) return null;
  const match = ROUTE.exec(parsed.pathname);
  return match ? { market: 'perp', symbol: match[1]!, language: null } : null;
}
