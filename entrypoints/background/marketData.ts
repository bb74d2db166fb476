import {
  EXCHANGE_INFO_ENDPOINTS,
  FUNDING_REFRESH_MS,
  loadRules,
  parseExchangeInfo,
  parsePremiumIndex,
  premiumIndexUrl,
  RULES_REFRESH_MS,
  type SymbolRules,
} from '@/lib/exchanges/binance/marketData';
import type { FuturesMarket } from '@/lib/exchanges/binance/routes';
import type { PageSnapshot } from '@/lib/snapshot';
import { fundingQuotes, symbolRules } from '@/lib/storage';

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** Refreshes each market's order rules from exchangeInfo when the stored copy is older than a day. */
export async function refreshRules(now = Date.now()) {
  const stored = await symbolRules.getValue();
  for (const market of ['usdm', 'coinm'] as const) {
    if (stored[market] && now - stored[market].fetchedAt < RULES_REFRESH_MS) continue;
    try {
      const { symbols, rejected } = parseExchangeInfo(await getJson(EXCHANGE_INFO_ENDPOINTS[market]));
      if (Object.keys(rejected).length > 0) console.warn(`LiqGuard: ${market} order rules rejected`, rejected);
      if (Object.keys(symbols).length === 0) throw new Error('no usable symbol in the response');
      stored[market] = { fetchedAt: now, symbols };
      await symbolRules.setValue(stored);
    } catch (error) {
      console.warn(`LiqGuard: could not refresh ${market} order rules, keeping ${stored[market] ? 'the cached ones' : 'none'}:`, error);
    }
  }
}

/** The stored order rules of a market, checked. */
export async function rulesOf(market: FuturesMarket): Promise<Record<string, SymbolRules>> {
  return loadRules((await symbolRules.getValue())[market]);
}

/**
 * Keeps the funding quotes of the symbols a snapshot holds about a minute fresh. Each symbol is asked for at most
 * once per `FUNDING_REFRESH_MS` by this worker; `write` runs the storage update in the caller's queue.
 */
export class FundingQuotes {
  private readonly askedAt = new Map<string, number>();

  constructor(private readonly write: (task: () => Promise<void>) => void) {}

  refresh(snapshot: PageSnapshot, now = Date.now()) {
    const symbols = new Set(snapshot.positions.filter((p) => p.contract === 'perpetual').map((p) => p.symbol));
    for (const symbol of symbols) {
      const key = `${snapshot.market}:${symbol}`;
      if (now - (this.askedAt.get(key) ?? 0) < FUNDING_REFRESH_MS) continue;
      this.askedAt.set(key, now);
      void this.fetch(snapshot.market, symbol);
    }
  }

  private async fetch(market: FuturesMarket, symbol: string) {
    try {
      const quote = parsePremiumIndex(await getJson(premiumIndexUrl(market, symbol)), symbol);
      if (!quote) throw new Error('no usable funding quote in the response');
      this.write(async () => {
        const quotes = await fundingQuotes.getValue();
        await fundingQuotes.setValue({ ...quotes, [symbol]: quote });
      });
    } catch (error) {
      console.warn(`LiqGuard: could not fetch the funding rate of ${symbol}:`, error);
    }
  }
}
