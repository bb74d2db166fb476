import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dec } from '@/lib/core/decimal';
import { readBinancePage } from '@/lib/exchanges/binance/page/reader';
import { formatAmount } from '@/lib/risk';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { riskView } from '@/lib/figures/riskView';

import { domOf, fixtures } from '../fixtures/binance';
import { exchangeUrl, launchWithExtension, overlay, startLocalExchange, type ExtensionBrowser, type LocalExchange } from './harness';

const fixture = (name: string) => fixtures.find((f) => f.name === name)!;
// The demo account's Positions tab, its Open Orders tab counting the five orders of the en-open-orders page.
const positionsPage = fixture('en-usdm-cross-isolated').html.replace('>Open Orders(0)<', '>Open Orders(5)<');
const ordersPage = fixture('en-open-orders');
const path = new URL(ordersPage.url).pathname;

/** The app's part of a page (the overlay's host element is outside it), as the exchange's script would swap it. */
const appOf = (html: string) => /<div id="__APP">[\s\S]*<\/div>\s*<\/body>/.exec(html)![0].replace(/<\/body>$/, '');

describe('liquidation after open orders fill (real Chromium)', () => {
  let exchange: LocalExchange;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    exchange = await startLocalExchange({ [path]: positionsPage });
    browser = await launchWithExtension(exchange.port);
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  const showTab = (html: string) =>
    browser.page.evaluate((app) => {
      document.getElementById('__APP')!.outerHTML = app;
    }, appOf(html));
  const afterOrders = () => browser.page.locator('liqguard-overlay [data-testid="liqguard-after-orders"]').allInnerTexts();

  it('asks for the Open Orders tab, reads it, and shows each position’s liquidation if its orders fill', async () => {
    await browser.page.goto(exchangeUrl(path));
    await overlay(browser.page).waitFor();
    await expect
      .poll(() => browser.page.locator('liqguard-overlay [data-testid="liqguard-status"]').innerText())
      .toContain('5 open order(s): open the Open Orders tab once to see liquidation if they fill');
    expect(await afterOrders()).toEqual([]);

    // The user opens Open Orders: the positions' last figures stay (stale), now with the orders' effect.
    await showTab(ordersPage.html);
    await expect.poll(afterOrders).toHaveLength(2);

    // Back on Positions: the figures are current again and keep the orders read.
    await showTab(positionsPage);
    const url = exchangeUrl(path);
    const positions = readBinancePage(domOf(positionsPage, url).document, url)!;
    const list = readBinancePage(domOf(ordersPage.html, url).document, url)!.openOrders!;
    const expected = riskView(positions, DEFAULT_SETTINGS, { orders: { list, readAt: 0 } }).positions.flatMap((p) =>
      p.afterOrders ? [formatAmount(dec(p.afterOrders.liquidationPrice!), p.priceDecimals)] : [],
    );
    expect(expected).toHaveLength(2);
    await expect
      .poll(afterOrders)
      .toEqual([
        expect.stringContaining(`If 2 open orders fill (+0.3 BTC): liq. ${expected[0]} (before fees; orders read at`),
        expect.stringContaining(`If 1 open order fills (+2 ETH): liq. ${expected[1]} (before fees; orders read at`),
      ]);
    expect(await browser.page.locator('liqguard-overlay [data-testid="liqguard-status"]').innerText()).not.toContain(
      'open the Open Orders tab',
    );

    // The popup shows the same figure for the selected position (the worker keeps the list with the snapshot).
    await expect
      .poll(() => browser.page.locator('liqguard-overlay [data-testid="liqguard-status"]').innerText())
      .toMatch(/^3 positions read at/);
    const storedWithOrders = () =>
      browser.serviceWorker.evaluate(() =>
        chrome.storage.session
          .get('lastSnapshots')
          .then((items) =>
            Object.values((items.lastSnapshots ?? {}) as Record<string, { openOrdersReadAt?: number }>).some(
              (s) => s.openOrdersReadAt !== undefined,
            ),
          ),
      );
    await expect.poll(storedWithOrders).toBe(true);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const [btcAfterOrders] = await afterOrders();
    await expect
      .poll(() =>
        popup
          .getByTestId('popup-after-orders')
          .innerText({ timeout: 500 })
          .catch(() => null),
      )
      .toBe(btcAfterOrders);
    await popup.close();
  });

  it('warns about an open stop order that sits beyond liquidation', async () => {
    // SOL's reduce-only order as a stop at 100.000, below SOL's liquidation (128.759): it would never fire.
    const warnings = () => browser.page.locator('liqguard-overlay [data-testid="liqguard-stop-warning"]').allInnerTexts();
    const warning = [
      expect.stringMatching(/^Your stop order 100\.000 is beyond liquidation: it would never fire\. A stop at \d+\.\d{3} fires first/),
    ];
    await showTab(ordersPage.html.replace('Mark Price >= 160.000', 'Mark Price <= 100.000'));
    // Read while the Open Orders tab shows (the overlay keeps the positions' last figures, now checked against it).
    await expect.poll(warnings).toEqual(warning);
    await showTab(positionsPage);
    await expect
      .poll(() => browser.page.locator('liqguard-overlay [data-testid="liqguard-status"]').innerText())
      .toMatch(/^3 positions read at/);
    expect(await warnings()).toEqual(warning);
    // And one notification from the worker, which gets the orders as last read with each snapshot.
    const stopNotifications = () =>
      browser.serviceWorker.evaluate(() =>
        chrome.notifications.getAll().then((all) => Object.keys(all).filter((id) => id.includes('SOLUSDT:long:isolated|stop'))),
      );
    await expect.poll(stopNotifications).toHaveLength(1);
  });

  it('withdraws the prediction when the page counts other orders than were read', async () => {
    await showTab(positionsPage.replace('>Open Orders(5)<', '>Open Orders(6)<'));
    await expect
      .poll(afterOrders)
      .toEqual([
        expect.stringContaining('— the Open Orders tab counts 6 now, 5 when it was read: open it again to update'),
        expect.stringContaining('— the Open Orders tab counts 6 now, 5 when it was read'),
      ]);
  });
});
