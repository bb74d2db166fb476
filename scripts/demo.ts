/**
 * `npm run demo`: the built extension in Chromium on a bundled demo trading page, served over local HTTPS on the
 * exchange's own address: Binance's (https://www.binance.com/en/futures/BTCUSDT, `demo/futures.html`, with a ticker)
 * by default, Bybit's with `-- --exchange bybit` (https://www.bybit.com/trade/usdt/BTCUSDT, the reader's one-way
 * fixture page, its public risk limits served as the worker asks for them), Hyperliquid's with `-- --exchange hyperliquid`
 * (https://app.hyperliquid.xyz/trade/BTC, its fixture page and `/info` answer). With a display it opens a window and
 * waits until you close it; without one (or with CI set) it runs headless, saves pictures of the overlay, the popup,
 * the options and (Binance) a notification, prints their paths and exits.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';

import { launchWithExtension, overlay, startLocalExchange, type ExtensionBrowser } from '../test/e2e/harness';
import { moveMark } from '../test/e2e/pages/fixturePage';
import { tickingPage, type TickingPage } from '../test/e2e/pages/tickingPages';

const root = resolve(import.meta.dirname, '..');
// tsx names functions with an `__name` helper that the page, the worker and the card do not have.
const NAME_HELPER = 'globalThis.__name = (fn) => fn';
const headless = Boolean(process.env.CI) || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

// The exchange's public market data, as the worker asks for it: order rules (a recorded exchangeInfo), funding
// rates (the demo's own, stamped now; settlements every 8 hours) and no past settlements since the page opened.
const DEMO_FUNDING_RATES: Record<string, string> = { BTCUSDT: '0.00010000', ETHUSDT: '0.00008500', SOLUSDT: '-0.00002100' };
const EIGHT_HOURS = 8 * 3600_000;
const json = (body: (url: URL) => unknown) => ({ body: (url: URL) => JSON.stringify(body(url)), type: 'application/json' });

interface Demo extends TickingPage {
  /** Binance's demo: stop its ticker and move one position into danger for the pictures. */
  danger: boolean;
}

const binance = tickingPage('binance', 500);
const DEMOS: Record<string, () => Demo> = {
  binance: () => ({
    ...binance,
    danger: true,
    routes: {
      ...binance.routes,
      '/fapi/v1/exchangeInfo': {
        body: readFileSync(resolve(root, 'test/fixtures/binance/market/fapi-exchangeInfo.json'), 'utf8'),
        type: 'application/json',
      },
      '/fapi/v1/premiumIndex': json((url) => {
        const symbol = url.searchParams.get('symbol') ?? '';
        const now = Date.now();
        return {
          symbol,
          lastFundingRate: DEMO_FUNDING_RATES[symbol] ?? '0.00010000',
          nextFundingTime: Math.ceil(now / EIGHT_HOURS) * EIGHT_HOURS,
          time: now,
        };
      }),
      '/fapi/v1/fundingRate': json(() => []),
    },
  }),
  hyperliquid: () => ({ ...tickingPage('hyperliquid', 500), danger: false }),
  bybit: () => ({ ...tickingPage('bybit', 500), danger: false }),
};

const asked = process.argv.includes('--exchange') ? process.argv[process.argv.indexOf('--exchange') + 1] : 'binance';
const demoOf = DEMOS[asked ?? ''];
if (!demoOf) throw new Error(`no demo page for "${asked}": try ${Object.keys(DEMOS).join(' or ')}`);
const demo = demoOf();
const exchange = await startLocalExchange(demo.routes);
const browser = await launchWithExtension(exchange.port, { headless });
try {
  await browser.page.goto(demo.url);
  await overlay(browser.page).waitFor({ timeout: 15_000 });
  if (headless) {
    console.log(`LiqGuard demo: overlay shown on ${demo.url}`);
    for (const picture of await savePictures(browser, demo)) console.log(`Screenshot: ${picture}`);
  } else {
    console.log(`LiqGuard demo running on ${demo.url}; close the browser window to stop.`);
    await new Promise((done) => browser.context.on('close', done));
  }
} finally {
  await browser.close().catch(() => {});
  await exchange.close();
}

/** The pictures a newcomer wants to see, headless: the page with the overlay, the popup, the options, a notification. */
async function savePictures(browser: ExtensionBrowser, demo: Demo): Promise<string[]> {
  const output = resolve(root, 'demo-output', asked === 'binance' ? '' : asked!);
  mkdirSync(output, { recursive: true });
  const saved: string[] = [];
  await browser.page.evaluate(NAME_HELPER);
  await browser.serviceWorker.evaluate(NAME_HELPER);
  const save = async (page: Page, name: string, fullPage = false) => {
    const path = resolve(output, name);
    await page.screenshot({ path, fullPage });
    saved.push(path);
  };
  // Let the ticker move the prices once or twice, and the worker fetch the public data, so the picture shows a live page.
  await browser.page.waitForTimeout(2_500);
  await save(browser.page, 'liqguard-demo.png');
  if (demo.danger) await dangerPictures(browser, save);

  const extensionPage = async (path: string, name: string) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 460, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    await page.waitForTimeout(1_000);
    if (path === 'popup.html')
      await page
        .getByRole('button', { name: /SOLUSDT Long/ })
        .click()
        .catch(() => {});
    await page.waitForTimeout(500);
    await save(page, name, true);
    await page.close();
  };
  await extensionPage('popup.html', 'liqguard-popup.png');
  await extensionPage('options.html', 'liqguard-options.png');
  return saved;
}

/** The demo page's ticker stopped and SOLUSDT moved into danger: the overlay then, and the notification it brings. */
async function dangerPictures(browser: ExtensionBrowser, save: (page: Page, name: string, fullPage?: boolean) => Promise<void>) {
  // A notification as the worker words it: headless Chromium shows none on screen, so it is drawn from its text.
  await browser.serviceWorker.evaluate(() => {
    const shown: { title: string; message: string }[] = [];
    (self as unknown as { shown: typeof shown }).shown = shown;
    const create = chrome.notifications.create.bind(chrome.notifications) as (...args: unknown[]) => unknown;
    (chrome.notifications as unknown as { create: (...args: unknown[]) => unknown }).create = (...args) => {
      const options = args.find((arg) => typeof arg === 'object') as { title: string; message: string };
      shown.push({ title: options.title, message: options.message });
      return create(...args);
    };
  });
  await browser.page.evaluate(() => (window as unknown as { stopDemoTicker: () => void }).stopDemoTicker());
  await moveMark(browser.page, 'SOLUSDT', '131.200'); // SOLUSDT into danger
  const notification = await browser.serviceWorker.evaluate(async () => {
    const shown = (self as unknown as { shown: { title: string; message: string }[] }).shown;
    for (let i = 0; i < 100 && shown.length === 0; i++) await new Promise((done) => setTimeout(done, 100));
    return shown[0] ?? null;
  });
  await browser.page.waitForTimeout(1_500);
  await save(browser.page, 'liqguard-danger.png');
  if (notification) {
    const card = await browser.context.newPage();
    await card.setViewportSize({ width: 420, height: 160 });
    await card.setContent('<body style="margin:0;font:13px system-ui,sans-serif;background:#e5e7eb"><div id="n"></div></body>');
    await card.evaluate(NAME_HELPER);
    await card.evaluate(({ title, message }) => {
      const box = document.getElementById('n')!;
      box.style.cssText = 'margin:12px;padding:12px 14px;background:#fff;border-radius:8px;box-shadow:0 2px 8px #0003';
      const heading = box.appendChild(document.createElement('b'));
      heading.textContent = title;
      box.appendChild(document.createElement('p')).textContent = message;
    }, notification);
    await save(card, 'liqguard-notification.png', true);
    await card.close();
  }
}
