import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readBinancePage } from '@/lib/exchanges/binance/page/reader';
import { SHIPPED_USDM_TIERS } from '@/lib/exchanges/binance/tiers';
import { storeTierTables } from '@/lib/exchanges/marketData';
import { Decimal } from '@/lib/core/decimal';
import { formatPercent } from '@/lib/risk';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { riskView } from '@/lib/figures/riskView';

import { domOf, fixtures } from '../fixtures/binance';
import { exchangeUrl, launchWithExtension, overlay, startLocalExchange, type ExtensionBrowser, type LocalExchange } from './harness';

const recorded = readFileSync(resolve(import.meta.dirname, '../fixtures/binance/brackets/bapi-future-brackets.json'), 'utf8');

describe('tier refresh from the public endpoint (real Chromium)', () => {
  let exchange: LocalExchange;
  let browser: ExtensionBrowser;
  const requests: string[] = [];

  beforeAll(async () => {
    exchange = await startLocalExchange({
      // USDⓈ-M answers with the recorded response; COIN-M is not served (404) and must fall back.
      '/bapi/futures/v1/friendly/future/common/brackets': { body: () => (requests.push('usdm'), recorded), type: 'application/json' },
    });
    browser = await launchWithExtension(exchange.port);
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  it('fetches the tiers at start-up, keeps the valid tables and caches them with the date', async () => {
    const stored = () =>
      browser.serviceWorker.evaluate(() => chrome.storage.local.get('fetchedTiers').then((items) => items.fetchedTiers ?? null));
    await expect
      .poll(
        async () => Object.keys(((await stored()) as { 'binance:usdm'?: { symbols: object } } | null)?.['binance:usdm']?.symbols ?? {}),
        { timeout: 10_000 },
      )
      .toEqual(['BTCUSDT', 'ETHUSDT']);
    const tiers = (await stored()) as { 'binance:usdm': { asOf: string; fetchedAt: number }; 'binance:coinm'?: unknown };
    expect(tiers['binance:usdm'].asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(tiers['binance:coinm']).toBeUndefined();
    expect(requests).toEqual(['usdm']);
    const alarm = await browser.serviceWorker.evaluate(() => chrome.alarms.get('refresh-tiers'));
    expect(alarm?.periodInMinutes).toBe(24 * 60);
  });

  it('a page opened before the tiers arrive shows the figures once they do', async () => {
    // SOLUSDT renamed to a symbol no table has: its row has no tiers, so no distance, until the worker stores some.
    const f = fixtures.find((candidate) => candidate.name === 'en-usdm-cross-isolated')!;
    const path = new URL(f.url).pathname;
    exchange.routes[path] = f.html.replaceAll('SOL', 'ZZZ');
    await browser.page.goto(exchangeUrl(path));
    await overlay(browser.page).waitFor();
    const distance = browser.page.locator(
      'liqguard-overlay [data-testid="liqguard-position"][data-symbol="ZZZUSDT"] [data-testid="liqguard-distance"]',
    );
    await expect.poll(() => distance.innerText()).toBe('—');

    // The worker's own fetch (BTCUSDT and ETHUSDT) has landed, or lands meanwhile: ZZZUSDT is still unknown.
    const hasUsdm = () =>
      browser.serviceWorker.evaluate(() =>
        chrome.storage.local
          .get('fetchedTiers')
          .then((items) => Boolean((items.fetchedTiers as { 'binance:usdm'?: object } | undefined)?.['binance:usdm'])),
      );
    await expect.poll(hasUsdm, { timeout: 10_000 }).toBe(true);
    expect(await distance.innerText()).toBe('—');
    const solTiers = storeTierTables(SHIPPED_USDM_TIERS, 0).symbols.SOLUSDT!;
    await browser.serviceWorker.evaluate(async (tiers) => {
      const { fetchedTiers } = (await chrome.storage.local.get('fetchedTiers')) as {
        fetchedTiers: { 'binance:usdm': { symbols: Record<string, unknown> } };
      };
      fetchedTiers['binance:usdm'].symbols.ZZZUSDT = tiers;
      await chrome.storage.local.set({ fetchedTiers });
    }, solTiers);
    // SOLUSDT's own figures: the same row, with the same tiers.
    const sol = riskView(readBinancePage(domOf(f.html, f.url).document, f.url)!, DEFAULT_SETTINGS).positions.find(
      (p) => p.symbol === 'SOLUSDT',
    )!;
    await expect.poll(() => distance.innerText()).toBe(formatPercent(new Decimal(sol.distance!)));
  });
});
