import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '../fixtures/binance';
import { exchangeUrl, launchWithExtension, overlay, startLocalExchange, type ExtensionBrowser, type LocalExchange } from './harness';
import { moveMark } from './pages/fixturePage';

const recorded = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/binance/market', name), 'utf8');
const page = fixtures.find((f) => f.name === 'en-usdm-cross-isolated')!;
const path = new URL(page.url).pathname;
const RATES: Record<string, string> = { BTCUSDT: '0.00010000', ETHUSDT: '0.00010000', SOLUSDT: '-0.00020000' };

describe('order rules and funding from the public endpoints (real Chromium)', () => {
  let exchange: LocalExchange;
  let browser: ExtensionBrowser;
  const requests: string[] = [];
  const seenSince = Date.now() - 9 * 3600_000;

  beforeAll(async () => {
    const nextFundingTime = Date.now() + 2 * 3600_000 + 30 * 60_000;
    exchange = await startLocalExchange({
      [path]: page.html,
      '/fapi/v1/exchangeInfo': {
        body: () => (requests.push('exchangeInfo'), recorded('fapi-exchangeInfo.json')),
        type: 'application/json',
      },
      // The recorded BTCUSDT answer, with each symbol's rate and fresh times.
      '/fapi/v1/premiumIndex': {
        body: (url) => {
          const symbol = url.searchParams.get('symbol') ?? '';
          requests.push(`premiumIndex?symbol=${symbol}`);
          const quote = JSON.parse(recorded('fapi-premiumIndex-BTCUSDT.json'));
          return JSON.stringify({ ...quote, symbol, lastFundingRate: RATES[symbol], nextFundingTime, time: Date.now() });
        },
        type: 'application/json',
      },
    });
    // Recorded history, moved in time: one settlement (0.01 % at 95,000) eight hours ago, one a day ago.
    exchange.routes['/fapi/v1/fundingRate'] = {
      body: (url) => {
        requests.push(`fundingRate?symbol=${url.searchParams.get('symbol')}&startTime=${url.searchParams.get('startTime')}`);
        const [first] = JSON.parse(recorded('fapi-fundingRate-BTCUSDT.json'));
        const symbol = url.searchParams.get('symbol');
        return JSON.stringify([
          { ...first, symbol, fundingTime: seenSince - 15 * 3600_000 },
          { ...first, symbol, fundingTime: seenSince + 3600_000 },
        ]);
      },
      type: 'application/json',
    };
    browser = await launchWithExtension(exchange.port);
    // LiqGuard first saw the BTC long as it is nine hours ago (as a worker from an earlier session would have stored).
    await browser.serviceWorker.evaluate(
      (since) =>
        chrome.storage.local.set({
          fundingWatch: { 'binance:usdm:USDT|BTCUSDT:long:cross': { signature: '0.5@96250', since, paid: null, reason: null } },
        }),
      seenSince,
    );
    await browser.page.goto(exchangeUrl(path));
    await overlay(browser.page).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  const funding = () => browser.page.locator('liqguard-overlay [data-testid="liqguard-funding"]').allInnerTexts();

  it('shows each position’s next funding payment from the exchange’s rate', async () => {
    // 0.5 BTC × 95,480.3 × 0.01 % = 4.774015; 4 ETH × 3,455.1 × 0.01 % = 1.38204 (a short receives);
    // 30 SOL × 139.87 × −0.02 % = −0.83922 (a long receives a negative rate). SOL, in warning, leads.
    await expect
      .poll(funding, { timeout: 10_000 })
      .toEqual([
        expect.stringMatching(/^receives 0\.8392 USDT in 2 h (29|30) min \(-0\.0200%\)$/),
        expect.stringMatching(/^pays 4\.7740 USDT in 2 h (29|30) min \(0\.0100%\)$/),
        expect.stringMatching(/^receives 1\.3820 USDT in 2 h (29|30) min \(0\.0100%\)$/),
      ]);
    expect(requests.filter((r) => r.startsWith('premiumIndex')).sort()).toEqual([
      'premiumIndex?symbol=BTCUSDT',
      'premiumIndex?symbol=ETHUSDT',
      'premiumIndex?symbol=SOLUSDT',
    ]);
  });

  it('shows the funding paid since LiqGuard first saw each position, from the public history', async () => {
    const paid = () => browser.page.locator('liqguard-overlay [data-testid="liqguard-funding-paid"]').allInnerTexts();
    // BTC: only the settlement after it was first seen counts, 0.5 × 95,000 × 0.01 % = 4.75. ETH and SOL were
    // first seen now: no settlement since. SOL, in warning, leads.
    await expect
      .poll(paid, { timeout: 10_000 })
      .toEqual([
        expect.stringMatching(/^none since .+ \(first seen\)$/),
        expect.stringMatching(/^4\.7500 USDT paid since .+ \(1 settlement\)$/),
        expect.stringMatching(/^none since .+ \(first seen\)$/),
      ]);
    expect(requests).toContain(`fundingRate?symbol=BTCUSDT&startTime=${seenSince}`);
  });

  it('shows funding figures stored after the worker last read them (its memory of them is dropped)', async () => {
    const paid = () => browser.page.locator('liqguard-overlay [data-symbol="BTCUSDT"] [data-testid="liqguard-funding-paid"]').innerText();
    await expect.poll(paid).toMatch(/^4\.7500 USDT paid since/);
    await browser.serviceWorker.evaluate(async () => {
      type Watched = Record<string, { paid: { amount: string; settlements: number; since: number } | null }>;
      const { fundingWatch } = (await chrome.storage.local.get('fundingWatch')) as { fundingWatch: Watched };
      const btc = fundingWatch['binance:usdm:USDT|BTCUSDT:long:cross']!;
      btc.paid = { ...btc.paid!, amount: '9.8765', settlements: 3 };
      await chrome.storage.local.set({ fundingWatch });
    });
    await expect.poll(paid).toMatch(/^9\.8765 USDT paid since .+ \(3 settlements\)$/);
  });

  it('fetches the order rules once and sizes the popup’s cut to the symbol’s lot', async () => {
    const rules = () =>
      browser.serviceWorker.evaluate(() => chrome.storage.local.get('symbolRules').then((items) => items.symbolRules ?? null));
    await expect
      .poll(async () =>
        Object.keys(((await rules()) as { 'binance:usdm'?: { symbols: object } } | null)?.['binance:usdm']?.symbols ?? {}).sort(),
      )
      .toEqual(['BTCUSDT', 'DOGEUSDT', 'ETHUSDT', 'SOLUSDT']);
    expect(requests.filter((r) => r === 'exchangeInfo')).toHaveLength(1);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('popup-position').count()).toBe(3);
    await popup.getByTestId('popup-position').nth(2).getByRole('button').click();
    // SOLUSDT trades in whole coins: the size to close is a whole number of SOL, below the 30 held.
    const close = popup.getByTestId('remedy').locator('li', { hasText: /^Close / });
    await expect.poll(() => close.innerText()).toMatch(/^Close \d+ SOL \(\d+%\) at market, reduce-only$/);
    const cut = Number(/^Close (\d+) SOL/.exec(await close.innerText())![1]);
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThan(30);
    expect(await popup.getByTestId('popup-funding').innerText()).toMatch(
      /^Next funding: receives 0\.8392 USDT in 2 h \d\d min \(-0\.0200%\)$/,
    );
    await popup.close();
  });

  it('the worker sizes an alert’s cut by the order rules, read again when the stored ones change', async () => {
    // The notifications the worker creates from now on, as it words them.
    await browser.serviceWorker.evaluate(() => {
      const created: string[] = [];
      (self as unknown as { created: string[] }).created = created;
      const create = chrome.notifications.create.bind(chrome.notifications) as (...args: unknown[]) => unknown;
      (chrome.notifications as unknown as { create: (...args: unknown[]) => unknown }).create = (...args) => {
        created.push((args.find((arg) => typeof arg === 'object') as { message?: string } | undefined)?.message ?? '');
        return create(...args);
      };
    });
    // The worker has used the fetched rules for a while (the tests above). Now SOLUSDT's smallest order becomes 29
    // SOL: the cut the danger alert suggests (27 SOL with the recorded rules) must be raised to it.
    await browser.serviceWorker.evaluate(async () => {
      type Lot = { minQty: string };
      const { symbolRules } = (await chrome.storage.local.get('symbolRules')) as {
        symbolRules: { 'binance:usdm': { symbols: Record<string, { lot: Lot; marketLot: Lot }> } };
      };
      const sol = symbolRules['binance:usdm'].symbols.SOLUSDT!;
      sol.lot.minQty = '29';
      sol.marketLot.minQty = '29';
      await chrome.storage.local.set({ symbolRules });
    });
    await moveMark(browser.page, 'SOLUSDT', '129.500'); // about 1 % from liquidation: danger
    const cut = () =>
      browser.serviceWorker.evaluate(() => {
        const messages = (self as unknown as { created: string[] }).created;
        return messages.map((message) => /Close (\S+) SOL/.exec(message)?.[1]).find(Boolean) ?? null;
      });
    await expect.poll(cut).toBe('29');
  });
});
