import { accountKey, positionKey, positionSignature } from '@/lib/model/keys';
import {
  EXCHANGE_INFO_ENDPOINTS,
  FUNDING_HISTORY_LIMIT,
  fundingHistoryUrl,
  FUNDING_REFRESH_MS,
  loadRules,
  parseExchangeInfo,
  parseFundingHistory,
  parsePremiumIndex,
  premiumIndexUrl,
  RULES_REFRESH_MS,
  type SymbolRules,
  withFundingQuote,
} from '@/lib/exchanges/binance/marketData';
import type { FuturesMarket } from '@/lib/exchanges/binance/routes';
import { fundingPaidSince } from '@/lib/figures/fundingPaid';
import type { PageSnapshot, ReadPosition } from '@/lib/model/snapshot';
import { symbolRules } from '@/lib/protocol/storage';

import { fundingQuotes, fundingWatch } from './kept';
import { parsedOnce } from './parsedOnce';

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

const parsedRules = parsedOnce(async () => {
  const stored = await symbolRules.getValue();
  return { usdm: loadRules(stored.usdm), coinm: loadRules(stored.coinm) };
});

/** The stored order rules changed: check them again when next asked. */
export const forgetParsedRules = () => parsedRules.forget();

/** The stored order rules of a snapshot's market, checked. */
export async function rulesOf(snapshot: PageSnapshot): Promise<Record<string, SymbolRules>> {
  return (await parsedRules.get())[snapshot.market];
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
      const quote = parsePremiumIndex(await getJson(premiumIndexUrl(market, symbol)), symbol, Date.now());
      if (!quote) throw new Error('no usable funding quote in the response');
      this.write(async () => {
        await fundingQuotes.setValue(withFundingQuote(await fundingQuotes.getValue(), quote));
      });
    } catch (error) {
      console.warn(`LiqGuard: could not fetch the funding rate of ${symbol}:`, error);
    }
  }
}

/** How often the funding paid by a watched position is worked out again (settlements are hours apart). */
const FUNDING_PAID_REFRESH_MS = 10 * 60 * 1000;

/**
 * Remembers when each position was first seen as it is (a fill or partial close starts again) and works out the
 * funding it has paid since, from the public funding history. Runs in the worker's queue.
 */
export class FundingPaidWatch {
  private readonly askedAt = new Map<string, number>();

  constructor(private readonly write: (task: () => Promise<void>) => void) {}

  /** `complete`: every position of the account is in the snapshot, so one missing from it was closed. */
  async update(snapshot: PageSnapshot, complete: boolean, now = Date.now()) {
    const account = accountKey(snapshot);
    const watch = await fundingWatch.getValue();
    const keys = snapshot.positions.map((p) => positionKey(account, p));
    let changed = false;
    snapshot.positions.forEach((position, i) => {
      const signature = positionSignature(position);
      if (watch[keys[i]!]?.signature === signature) return;
      watch[keys[i]!] = { signature, since: now, paid: null, reason: null };
      changed = true;
    });
    for (const key of complete ? Object.keys(watch) : []) {
      if (key.startsWith(`${account}|`) && !keys.includes(key)) {
        delete watch[key];
        changed = true;
      }
    }
    if (changed) await fundingWatch.setValue(watch);
    snapshot.positions.forEach((position, i) => {
      const key = keys[i]!;
      if (position.market !== 'usdm' || position.contract !== 'perpetual' || now - (this.askedAt.get(key) ?? 0) < FUNDING_PAID_REFRESH_MS) return;
      this.askedAt.set(key, now);
      void this.fetch(key, position, watch[key]!.signature, watch[key]!.since);
    });
  }

  private async fetch(key: string, position: ReadPosition, signature: string, since: number) {
    try {
      const history = parseFundingHistory(await getJson(fundingHistoryUrl(position.symbol, since)), position.symbol);
      if (!history) throw new Error('no usable funding history in the response');
      const paid = fundingPaidSince(position, history, since, Date.now());
      const truncated = history.length === FUNDING_HISTORY_LIMIT;
      this.write(async () => {
        const watch = await fundingWatch.getValue();
        if (watch[key]?.signature !== signature) return;
        watch[key] = {
          ...watch[key],
          paid: paid.ok && !truncated ? paid.value : null,
          reason: truncated ? 'more settlements than one request returns' : paid.ok ? null : paid.reason,
        };
        await fundingWatch.setValue(watch);
      });
    } catch (error) {
      console.warn(`LiqGuard: could not fetch the funding history of ${position.symbol}:`, error);
    }
  }
}
