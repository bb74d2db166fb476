/**
 * The exchanges' public market data, for every registered adapter: maintenance-margin tiers and order rules
 * (fetched when the cached copy is older than the adapter's refresh period, checked at start-up and by a daily
 * alarm; a failed fetch keeps the cached or shipped copy), funding quotes and funding paid. Only public endpoints,
 * with no credentials: what is asked for is a market or a symbol, never the account.
 */
import { browser } from 'wxt/browser';

import { adapterMarkets, adapterOf, loadByMarket } from '@/lib/exchanges';
import type { ExchangeAdapter, Feed } from '@/lib/exchanges/adapter';
import { storeTierTables, withFundingQuote, type SymbolRules, type TierTables } from '@/lib/exchanges/marketData';
import { fundingPaidSince } from '@/lib/figures/funding';
import { accountKey, marketKey, positionKey, positionSignature } from '@/lib/model/keys';
import type { PageSnapshot, ReadPosition } from '@/lib/model/snapshot';
import { fetchedTiers, symbolRules } from '@/lib/protocol/storage';

import { fundingQuotes, fundingWatch } from './kept';
import { parsedOnce } from './parsedOnce';
import { because } from '@/lib/core/i18n/reasons/because';

const ALARM = 'refresh-tiers';
const DAY_MS = 24 * 60 * 60 * 1000;
/** The most pages one refresh of a paginated feed follows. */
const MAX_PAGES = 100;

async function getJson(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, { ...init, credentials: 'omit' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** Keeps every adapter's tiers and order rules fresh: at start-up and then daily. */
export function keepMarketDataFresh() {
  const refresh = () => void Promise.all([refreshTiers(), refreshRules()]);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) refresh();
  });
  void browser.alarms.create(ALARM, { periodInMinutes: DAY_MS / 60_000 });
  refresh();
}

/** Each registered market that has an endpoint for `feed`, with its storage key and the endpoint. */
function marketsWith(feed: (adapter: ExchangeAdapter) => Feed<unknown>) {
  return adapterMarkets().flatMap((entry) => {
    const url = feed(entry.adapter).url(entry.market);
    return url === null ? [] : [{ ...entry, url }];
  });
}

/** A feed's answer, every page of it (up to `MAX_PAGES`), merged. */
async function fetchPages<Symbols>(
  feed: Feed<{ symbols: Record<string, Symbols>; rejected: Record<string, string> }>,
  first: string,
): Promise<{ symbols: Record<string, Symbols>; rejected: Record<string, string> }> {
  const merged = { symbols: {} as Record<string, Symbols>, rejected: {} as Record<string, string> };
  for (let url: string | null = first, page = 0; url !== null && page < MAX_PAGES; page++) {
    const body = await getJson(url, feed.init);
    const { symbols, rejected } = feed.parse(body);
    Object.assign(merged.symbols, symbols);
    Object.assign(merged.rejected, rejected);
    url = feed.next?.(body, url) ?? null;
  }
  return merged;
}

/**
 * Fetches one feed of every market whose stored copy is older than its adapter's refresh period, keeps what parses,
 * and stores it as `toStored` has it; a failed fetch keeps the cached copy (`without` says what serves when there is
 * none).
 */
async function refreshFeed<S extends { fetchedAt: number }, Symbols>(
  what: string,
  without: string,
  item: { getValue(): Promise<Record<string, S>>; setValue(value: Record<string, S>): Promise<void> },
  feedOf: (adapter: ExchangeAdapter) => Feed<{ symbols: Record<string, Symbols>; rejected: Record<string, string> }>,
  toStored: (symbols: Record<string, Symbols>, url: string, now: number) => S,
  now: number,
) {
  const stored = await item.getValue();
  for (const { adapter, key, url } of marketsWith(feedOf)) {
    const feed = feedOf(adapter);
    if (stored[key] && now - stored[key].fetchedAt < feed.refreshMs) continue;
    try {
      const { symbols, rejected } = await fetchPages(feed, url);
      if (Object.keys(rejected).length > 0) console.warn(`LiqGuard: ${key} ${what} rejected`, rejected);
      if (Object.keys(symbols).length === 0) throw new Error(`no usable ${what} in the response`);
      stored[key] = toStored(symbols, url, now);
      await item.setValue(stored);
    } catch (error) {
      console.warn(`LiqGuard: could not refresh ${key} ${what}, keeping ${stored[key] ? 'the cached ones' : without}:`, error);
    }
  }
}

/** Fetches the tier tables of each market whose cached copy is older than its adapter's refresh period. */
export const refreshTiers = (now = Date.now()) =>
  refreshFeed(
    'tier tables',
    'the shipped ones',
    fetchedTiers,
    (adapter) => adapter.marketData.tiers,
    (symbols, url, at) => storeTierTables({ asOf: new Date(at).toISOString().slice(0, 10), source: url, symbols }, at),
    now,
  );

/** Refreshes each market's order rules when the stored copy is older than its adapter's refresh period. */
export const refreshRules = (now = Date.now()) =>
  refreshFeed(
    'order rules',
    'none',
    symbolRules,
    (adapter) => adapter.marketData.rules,
    (symbols, _, at) => ({ fetchedAt: at, symbols }),
    now,
  );

// Checked once per change of the stored copies, not per assessment (a full tier table is hundreds of KB).
const parsedTiers = parsedOnce(async () => loadByMarket(await fetchedTiers.getValue(), (adapter) => adapter.marketData.tiers.load));
const parsedRules = parsedOnce(async () => loadByMarket(await symbolRules.getValue(), (adapter) => adapter.marketData.rules.load));

/** The stored tables or rules changed: check them again when next asked. */
export const forgetParsedTiers = () => parsedTiers.forget();
export const forgetParsedRules = () => parsedRules.forget();

/** The freshest fetched tables for a snapshot's market, or null (then the shipped ones serve). */
export async function freshTiers(snapshot: PageSnapshot): Promise<TierTables | null> {
  return (await parsedTiers.get())[marketKey(snapshot)] ?? null;
}

/** The stored order rules of a snapshot's market, checked. */
export async function rulesOf(snapshot: PageSnapshot): Promise<Record<string, SymbolRules>> {
  return (await parsedRules.get())[marketKey(snapshot)] ?? {};
}

/**
 * Keeps the funding quotes of the symbols a snapshot holds about a minute fresh. Each symbol is asked for at most
 * once per `FUNDING_REFRESH_MS` by this worker; symbols due together whose request is the same (Hyperliquid's one
 * answer holds every coin's rate) share one request. `write` runs the storage update in the caller's queue.
 */
export class FundingQuotes {
  private readonly askedAt = new Map<string, number>();

  constructor(private readonly write: (task: () => Promise<void>) => void) {}

  refresh(snapshot: PageSnapshot, now = Date.now()) {
    const feed = adapterOf(snapshot).marketData.funding;
    const symbols = new Set(snapshot.positions.filter((p) => p.contract === 'perpetual').map((p) => p.symbol));
    const requests = new Map<string, { url: string; init: RequestInit | undefined; symbols: string[] }>();
    for (const symbol of symbols) {
      const key = `${marketKey(snapshot)}:${symbol}`;
      if (now - (this.askedAt.get(key) ?? 0) < feed.refreshMs) continue;
      this.askedAt.set(key, now);
      const url = feed.url(snapshot.market, symbol);
      if (url === null) continue;
      const init = feed.init?.(symbol);
      const request = `${init?.method ?? 'GET'} ${url} ${typeof init?.body === 'string' ? init.body : ''}`;
      const shared = requests.get(request);
      if (shared) shared.symbols.push(symbol);
      else requests.set(request, { url, init, symbols: [symbol] });
    }
    for (const { url, init, symbols: asked } of requests.values()) void this.fetch(feed, snapshot, url, init, asked);
  }

  private async fetch(
    feed: ExchangeAdapter['marketData']['funding'],
    market: Pick<PageSnapshot, 'exchange' | 'market'>,
    url: string,
    init: RequestInit | undefined,
    symbols: string[],
  ) {
    try {
      const body = await getJson(url, init);
      const receivedAt = Date.now();
      const quotes = symbols.map((symbol) => feed.parse(body, symbol, receivedAt));
      const missing = symbols.filter((_, i) => !quotes[i]);
      if (missing.length > 0) console.warn(`LiqGuard: no usable funding quote for ${missing.join(', ')} in the response`);
      const usable = quotes.filter((quote) => quote !== null);
      if (usable.length === 0) return;
      this.write(async () => {
        const all = await fundingQuotes.getValue();
        const key = marketKey(market);
        await fundingQuotes.setValue({ ...all, [key]: usable.reduce(withFundingQuote, all[key] ?? {}) });
      });
    } catch (error) {
      console.warn(`LiqGuard: could not fetch the funding rate of ${symbols.join(', ')}:`, error);
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
    const adapter = adapterOf(snapshot);
    snapshot.positions.forEach((position, i) => {
      const key = keys[i]!;
      const since = watch[key]!.since;
      const url = adapter.marketData.fundingHistory.url(position.market, position.symbol, since);
      if (url === null || position.contract !== 'perpetual' || now - (this.askedAt.get(key) ?? 0) < FUNDING_PAID_REFRESH_MS) return;
      this.askedAt.set(key, now);
      void this.fetch(adapter, url, key, position, watch[key]!.signature, since);
    });
  }

  private async fetch(adapter: ExchangeAdapter, url: string, key: string, position: ReadPosition, signature: string, since: number) {
    const feed = adapter.marketData.fundingHistory;
    try {
      const history = feed.parse(await getJson(url), position.symbol);
      if (!history) throw new Error('no usable funding history in the response');
      const paid = fundingPaidSince(adapter, position, history, since, Date.now());
      const truncated = history.length === feed.limit;
      this.write(async () => {
        const watch = await fundingWatch.getValue();
        if (watch[key]?.signature !== signature) return;
        watch[key] = {
          ...watch[key],
          paid: paid.ok && !truncated ? paid.value : null,
          reason: truncated ? because('more settlements than one request returns') : paid.ok ? null : paid.reason,
        };
        await fundingWatch.setValue(watch);
      });
    } catch (error) {
      console.warn(`LiqGuard: could not fetch the funding history of ${position.symbol}:`, error);
    }
  }
}
