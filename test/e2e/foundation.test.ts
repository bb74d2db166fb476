import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  exchangeUrl,
  inContentScript,
  launchWithExtension,
  overlay,
  startLocalExchange,
  type ExtensionBrowser,
  type LocalExchange,
} from './harness';

const demoPage = readFileSync(resolve(import.meta.dirname, '../../demo/futures.html'), 'utf8');
const builtManifest = (): { content_scripts: { matches: string[] }[] } =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../.output/chrome-mv3/manifest.json'), 'utf8'));
const marketsPage = '<!doctype html><html lang="en"><title>Markets</title><body><h1>Markets overview</h1></body></html>';

describe('the built extension in Chromium', () => {
  let exchange: LocalExchange;
  let browser: ExtensionBrowser;
  /** Uncaught errors on the futures tab (the content script's too: Chromium reports its isolated world's). */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    exchange = await startLocalExchange({
      '/en/futures/BTCUSDT': demoPage,
      '/futures/ETHUSDT': demoPage,
      '/en/delivery/BTCUSD_PERP': demoPage,
      '/en/markets/overview': marketsPage,
      '/en/futures/multipleChart': marketsPage,
      '/demo/ticker.js': { body: '', type: 'text/javascript' },
    });
    browser = await launchWithExtension(exchange.port);
    browser.page.on('pageerror', (error) => pageErrors.push(String(error)));
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  it('starts its service worker', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(await browser.serviceWorker.evaluate(() => chrome.runtime.getManifest().name)).toBe('LiqGuard');
  });

  it.each([
    ['/en/futures/BTCUSDT', 'BTCUSDT · USD-M'],
    ['/futures/ETHUSDT', 'ETHUSDT · USD-M'],
    ['/en/delivery/BTCUSD_PERP', 'BTCUSD_PERP · COIN-M'],
  ])('mounts the overlay on %s', async (path, heading) => {
    await browser.page.goto(exchangeUrl(path));
    await expect.poll(() => overlay(browser.page).count()).toBe(1);
    expect(await overlay(browser.page).innerText()).toContain(heading);
  });

  it('mounts nothing on a futures page that is no trading page, until the page moves to one', async () => {
    await browser.page.goto(exchangeUrl('/en/futures/multipleChart'));
    // The content script runs here (its matches are a superset) and has said the page is none of ours.
    await expect.poll(() => inContentScript(browser, 'document.readyState').catch(() => null)).toBe('complete');
    expect(await browser.page.locator('liqguard-overlay').count()).toBe(0);
    // It was watching all along: a move to a trading route mounts the overlay.
    await browser.page.evaluate(() => history.pushState({}, '', '/en/futures/BTCUSDT'));
    await expect.poll(() => overlay(browser.page).count()).toBe(1);
  });

  it('runs nowhere but the futures pages: no content script is declared for the rest of the site', () => {
    const declared = builtManifest().content_scripts.flatMap((script) => script.matches);
    const matches = (url: string) =>
      declared.some((pattern) => new RegExp(`^${pattern.replace(/[.?]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url));
    expect(matches(exchangeUrl('/en/futures/BTCUSDT'))).toBe(true);
    expect(matches(exchangeUrl('/en/markets/overview'))).toBe(false);
    expect(matches(exchangeUrl('/en/my/wallet/account/main'))).toBe(false);
  });

  it('follows single-page navigation between symbols and away', async () => {
    const page = browser.page;
    await page.goto(exchangeUrl('/en/futures/BTCUSDT'));
    await expect.poll(() => overlay(page).innerText()).toContain('BTCUSDT');
    await page.evaluate(() => history.pushState({}, '', '/en/futures/SOLUSDT'));
    await expect.poll(() => overlay(page).innerText()).toContain('SOLUSDT');
    expect(await page.locator('liqguard-overlay').count()).toBe(1);
    await page.evaluate(() => history.pushState({}, '', '/en/markets/overview'));
    await expect.poll(() => page.locator('liqguard-overlay').count()).toBe(0);
  });

  it('leaves clicks outside the panel to the page', async () => {
    const page = browser.page;
    await page.goto(exchangeUrl('/en/futures/BTCUSDT'));
    await expect.poll(() => overlay(page).count()).toBe(1);
    await page.evaluate(() => {
      (window as unknown as { clicked: boolean }).clicked = false;
      document.querySelector('.css-buy')!.addEventListener('click', () => ((window as unknown as { clicked: boolean }).clicked = true));
    });
    await page.locator('.css-buy').click();
    expect(await page.evaluate(() => (window as unknown as { clicked: boolean }).clicked)).toBe(true);
  });

  it('opens a popup that lists the futures page, and an empty state when there is none', async () => {
    const { context, extensionId, page } = browser;
    await page.goto(exchangeUrl('/en/futures/BTCUSDT'));
    await expect.poll(() => overlay(page).count()).toBe(1);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('open-pages').innerText()).toContain('BTCUSDT');
    expect(await popup.getByTestId('popup-position').count()).toBe(3);
    // The tab navigated here from other pages (each went hidden as it unloaded): its figures are live all the same.
    expect(await popup.getByTestId('popup-source').innerText()).toMatch(/^Live from the page/);

    await page.goto(exchangeUrl('/en/markets/overview'));
    await popup.reload();
    await expect
      .poll(() => popup.getByTestId('empty-state').innerText())
      .toContain('Open a Binance, Bybit, or Hyperliquid futures trading page');
    await popup.close();
  });

  it('renders the options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    expect(await options.getByRole('heading', { level: 1 }).innerText()).toBe('LiqGuard options');
    await options.close();
  });

  it('threw nothing on the pages it ran on (it once did, defining the worker’s session items in the page)', async () => {
    await browser.page.goto(exchangeUrl('/en/futures/BTCUSDT'));
    await expect.poll(() => overlay(browser.page).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
