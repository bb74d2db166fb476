import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchWithExtension, startLocalExchange, type ExtensionBrowser, type LocalExchange } from './harness';

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
    const stored = () => browser.serviceWorker.evaluate(() => chrome.storage.local.get('fetchedTiers').then((items) => items.fetchedTiers ?? null));
    await expect.poll(async () => Object.keys(((await stored()) as { usdm?: { symbols: object } } | null)?.usdm?.symbols ?? {}), { timeout: 10_000 }).toEqual(['BTCUSDT', 'ETHUSDT']);
    const tiers = (await stored()) as { usdm: { asOf: string; fetchedAt: number }; coinm?: unknown };
    expect(tiers.usdm.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(tiers.coinm).toBeUndefined();
    expect(requests).toEqual(['usdm']);
    const alarm = await browser.serviceWorker.evaluate(() => chrome.alarms.get('refresh-tiers'));
    expect(alarm?.periodInMinutes).toBe(24 * 60);
  });
});
