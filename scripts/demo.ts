/**
 * `npm run demo`: the built extension in Chromium on the bundled demo futures page, served over local HTTPS
 * as https://www.binance.com/en/futures/BTCUSDT. With a display it opens a window and waits until you close
 * it; without one (or with CI set) it runs headless, saves a screenshot and exits.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { exchangeUrl, launchWithExtension, overlay, startLocalExchange } from '../test/e2e/harness';

const root = resolve(import.meta.dirname, '..');
const demoPath = '/en/futures/BTCUSDT';
const headless = Boolean(process.env.CI) || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

// The exchange's public market data, as the worker asks for it: order rules (a recorded exchangeInfo), funding
// rates (the demo's own, stamped now; settlements every 8 hours) and no past settlements since the page opened.
const DEMO_FUNDING_RATES: Record<string, string> = { BTCUSDT: '0.00010000', ETHUSDT: '0.00008500', SOLUSDT: '-0.00002100' };
const EIGHT_HOURS = 8 * 3600_000;
const json = (body: (url: URL) => unknown) => ({ body: (url: URL) => JSON.stringify(body(url)), type: 'application/json' });

const exchange = await startLocalExchange({
  [demoPath]: readFileSync(resolve(root, 'demo/futures.html'), 'utf8'),
  '/demo/ticker.js': { body: readFileSync(resolve(root, 'demo/ticker.js'), 'utf8'), type: 'text/javascript' },
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
});
const browser = await launchWithExtension(exchange.port, { headless });
try {
  await browser.page.goto(exchangeUrl(demoPath));
  await overlay(browser.page).waitFor({ timeout: 15_000 });
  if (headless) {
    // Let the ticker move the prices once or twice, and the worker fetch the public data, so the picture shows a live page.
    await browser.page.waitForTimeout(2_500);
    mkdirSync(resolve(root, 'demo-output'), { recursive: true });
    const screenshot = resolve(root, 'demo-output/liqguard-demo.png');
    await browser.page.screenshot({ path: screenshot });
    console.log(`LiqGuard demo: overlay shown on ${exchangeUrl(demoPath)}`);
    console.log(`Screenshot: ${screenshot}`);
  } else {
    console.log(`LiqGuard demo running on ${exchangeUrl(demoPath)}; close the browser window to stop.`);
    await new Promise((done) => browser.context.on('close', done));
  }
} finally {
  await browser.close().catch(() => {});
  await exchange.close();
}
