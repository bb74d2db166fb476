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

const exchange = await startLocalExchange({
  [demoPath]: readFileSync(resolve(root, 'demo/futures.html'), 'utf8'),
  '/demo/ticker.js': { body: readFileSync(resolve(root, 'demo/ticker.js'), 'utf8'), type: 'text/javascript' },
});
const browser = await launchWithExtension(exchange.port, { headless });
try {
  await browser.page.goto(exchangeUrl(demoPath));
  await overlay(browser.page).waitFor({ timeout: 15_000 });
  if (headless) {
    // Let the ticker move the prices once or twice so the picture shows a live page.
    await browser.page.waitForTimeout(1_200);
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
