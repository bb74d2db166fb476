/**
 * The registry of exchange adapters (worker face): the worker and the popup loop over these. An exchange is one folder under `lib/exchanges/` and one line here
 * (and one in `pages.ts`).
 */
import type { ExchangeAdapter } from './adapter';
import { binance } from './binance';

const registered: ExchangeAdapter[] = [binance];

export const ADAPTERS: readonly ExchangeAdapter[] = registered;

/** The adapter of exchange `id`; null for one LiqGuard does not know (a message from an older build, a test's). */
export const adapterFor = (id: string): ExchangeAdapter | null => registered.find((a) => a.id === id) ?? null;

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
