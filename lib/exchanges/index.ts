/**
 * The registry of exchange adapters (worker face): the worker and the popup loop over these. An exchange is one folder under `lib/exchanges/` and one line here
 * (and one in `pages.ts`).
 */
import { marketKey } from '../model/keys';
import type { ExchangeAdapter } from './adapter';
import { binance } from './binance';
import { bybit } from './bybit';
import { hyperliquid } from './hyperliquid';

const registered: ExchangeAdapter[] = [binance, bybit, hyperliquid];

export const ADAPTERS: readonly ExchangeAdapter[] = registered;

/** The adapter of exchange `id`; null for one LiqGuard does not know (a message from an older build, a test's). */
export const adapterFor = (id: string): ExchangeAdapter | null => registered.find((a) => a.id === id) ?? null;

/** Every registered market: its adapter, its id, and the key its stored data goes by (`marketKey`). */
export const adapterMarkets = () =>
  registered.flatMap((adapter) =>
    adapter.markets.map((market) => ({ adapter, market: market.id, key: marketKey({ exchange: adapter.id, market: market.id }) })),
  );

/** Stored per-market copies (tier tables, order rules) read back, each by its own adapter's loader, by `marketKey`. */
export function loadByMarket<T>(
  stored: Record<string, unknown>,
  loaderOf: (adapter: ExchangeAdapter) => (stored: unknown) => T,
): Record<string, T> {
  return Object.fromEntries(adapterMarkets().map(({ adapter, key }) => [key, loaderOf(adapter)(stored[key])]));
}

/** The adapter that read `snapshot`; the worker drops snapshots of exchanges it does not know before this. */
export function adapterOf(snapshot: { exchange: string }): ExchangeAdapter {
  const adapter = adapterFor(snapshot.exchange);
  if (!adapter) throw new Error(`no exchange adapter is registered for "${snapshot.exchange}"`);
  return adapter;
}

/** Adds an adapter (tests register a fake exchange to prove the seam); a second one with the same id replaces it. */
export function registerAdapter(adapter: ExchangeAdapter): () => void {
  const at = registered.findIndex((a) => a.id === adapter.id);
  const before = at >= 0 ? registered[at]! : null;
  if (at >= 0) registered[at] = adapter;
  else registered.push(adapter);
  return () => {
    const now = registered.indexOf(adapter);
    if (now < 0) return;
    if (before) registered[now] = before;
    else registered.splice(now, 1);
  };
}
