import { browser } from 'wxt/browser';

import { BRACKET_ENDPOINTS, loadTierTables, parseBracketResponse, storeTierTables, TIER_REFRESH_MS, type TierTables } from '@/lib/exchanges/binance/tiers';
import { fetchedTiers } from '@/lib/protocol/storage';

import { refreshRules } from './marketData';
import { parsedOnce } from './parsedOnce';

const ALARM = 'refresh-tiers';

/**
 * Keeps the exchange's maintenance-margin tiers and order rules fresh: fetched from the public endpoints when
 * the cached copy is older than a day (checked at start-up and by a daily alarm), cached in storage; when a
 * fetch fails the cached (or shipped) copy stays in use.
 */
export function keepTiersFresh() {
  const refresh = () => void Promise.all([refreshTiers(), refreshRules()]);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) refresh();
  });
  void browser.alarms.create(ALARM, { periodInMinutes: TIER_REFRESH_MS / 60_000 });
  refresh();
}

/** Fetches the tier tables of each market whose cached copy is older than a day. */
export async function refreshTiers(now = Date.now()) {
  const cached = await fetchedTiers.getValue();
  for (const market of ['usdm', 'coinm'] as const) {
    if (cached[market] && now - cached[market].fetchedAt < TIER_REFRESH_MS) continue;
    try {
      const response = await fetch(BRACKET_ENDPOINTS[market], { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', credentials: 'omit' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const { symbols, rejected } = parseBracketResponse(await response.json());
      if (Object.keys(rejected).length > 0) console.warn('LiqGuard: tier tables rejected', rejected);
      if (Object.keys(symbols).length === 0) throw new Error('no usable tier table in the response');
      const tables: TierTables = { asOf: new Date(now).toISOString().slice(0, 10), source: BRACKET_ENDPOINTS[market], symbols };
      cached[market] = storeTierTables(tables, now);
      await fetchedTiers.setValue(cached);
    } catch (error) {
      console.warn(`LiqGuard: could not refresh ${market} tiers, keeping the ${cached[market] ? 'cached' : 'shipped'} ones:`, error);
    }
  }
}

const parsedTiers = parsedOnce(async () => {
  const stored = await fetchedTiers.getValue();
  return { usdm: loadTierTables(stored.usdm), coinm: loadTierTables(stored.coinm) };
});

/** The stored tables changed: parse them again when next asked. */
export const forgetParsedTiers = () => parsedTiers.forget();

/** The freshest fetched tables for a market, or null (then the shipped ones serve). */
export async function freshTiers(market: 'usdm' | 'coinm'): Promise<TierTables | null> {
  return (await parsedTiers.get())[market];
}
