/**
 * The worker's funding quotes on WXT's fake browser: each symbol asked for once a minute, and symbols whose request is
 * the same share it — Hyperliquid's one `/info` answer holds every coin's rate; Binance asks per symbol.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { FundingQuotes } from '@/entrypoints/background/marketData';
import type { PageSnapshot } from '@/lib/model/snapshot';

import { fixtures as binancePages } from '../../../fixtures/binance';
import { fixtures as hyperliquidPages } from '../../../fixtures/hyperliquid';

const META = readFileSync(resolve(import.meta.dirname, '../../../fixtures/hyperliquid/market/metaAndAssetCtxs.json'), 'utf8');
const snapshotOf = (pages: { name: string; expected: unknown }[], name: string) =>
  pages.find((p) => p.name === name)!.expected as PageSnapshot;

describe('funding quotes (fake browser)', () => {
  const asked: { url: string; body: unknown }[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    asked.length = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        asked.push({ url, body: init?.body });
        const symbol = new URL(url).searchParams.get('symbol');
        const answer = url.includes('hyperliquid')
          ? META
          : JSON.stringify({ symbol, lastFundingRate: '0.0001', nextFundingTime: Date.UTC(2026, 11, 8, 8), time: Date.now() });
        return new Response(answer, { headers: { 'content-type': 'application/json' } });
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  /** Refreshes `snapshot`'s quotes and waits for them to be stored. */
  async function refreshed(snapshot: PageSnapshot, now: number) {
    const writes: Promise<void>[] = [];
    const quotes = new FundingQuotes((task) => void writes.push(task()));
    quotes.refresh(snapshot, now);
    await vi.waitFor(() => expect(writes.length).toBeGreaterThan(0));
    await Promise.all(writes);
    const { fundingQuotes } = await fakeBrowser.storage.local.get('fundingQuotes');
    return { quotes, stored: fundingQuotes as Record<string, Record<string, { rate: string }>> };
  }

  it('asks Hyperliquid once for every coin held, and keeps each coin’s rate', async () => {
    const snapshot = snapshotOf(hyperliquidPages, 'en-cross-isolated');
    const { quotes, stored } = await refreshed(snapshot, 1_000_000);
    expect(asked).toEqual([{ url: 'https://api.hyperliquid.xyz/info', body: JSON.stringify({ type: 'metaAndAssetCtxs' }) }]);
    expect(Object.keys(stored['hyperliquid:perp']!).sort()).toEqual(['BTC', 'ETH', 'SOL']);
    // Within the minute, nothing is asked again.
    quotes.refresh(snapshot, 1_000_000 + 30_000);
    expect(asked).toHaveLength(1);
  });

  it('asks Binance for each symbol, whose address differs', async () => {
    const { stored } = await refreshed(snapshotOf(binancePages, 'en-usdm-cross-isolated'), 1_000_000);
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    expect(new Set(asked.map((a) => new URL(a.url).searchParams.get('symbol')))).toEqual(new Set(['BTCUSDT', 'ETHUSDT', 'SOLUSDT']));
    expect(Object.keys(stored['binance:usdm'] ?? {}).length).toBeGreaterThan(0);
  });
});
