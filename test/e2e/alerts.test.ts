import { readFile } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '../fixtures/binance';
import {
  acceptStreams,
  exchangeUrl,
  launchWithExtension,
  overlay,
  setPageHidden,
  startLocalExchange,
  type ExtensionBrowser,
  type LocalExchange,
} from './harness';
import { expectedDistances, expectedExactDistance, moveMark } from './pages/fixturePage';
import { PopupPage } from './pages/popup';
import { WorkerProbe } from './pages/worker';

const page = fixtures.find((f) => f.name === 'en-usdm-cross-isolated')!;
const path = new URL(page.url).pathname;

/** Notifications shown so far about BTCUSDT's long, by level. */
const btcAlerts = (browser: ExtensionBrowser) => new WorkerProbe(browser.serviceWorker).btcAlerts();

/** Moves BTCUSDT's mark on the page and waits until the worker has assessed it (the barrier for "nothing fired"). */
async function setBtcMarkAssessed(browser: ExtensionBrowser, text: string) {
  await moveMark(browser.page, 'BTCUSDT', text);
  await new WorkerProbe(browser.serviceWorker).assessed('BTCUSDT', await browser.page.content(), page.url);
}

const setBtcMark = (browser: ExtensionBrowser, text: string) => moveMark(browser.page, 'BTCUSDT', text);

describe('alerts from the page (real Chromium)', () => {
  let exchange: LocalExchange;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    exchange = await startLocalExchange({ [path]: page.html });
    browser = await launchWithExtension(exchange.port);
    await browser.page.goto(exchangeUrl(path));
    await overlay(browser.page).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  it('fires one notification when a price crosses the warning distance, none for a wiggle', async () => {
    // SOLUSDT opens inside its warning band: that one is shown at once; BTCUSDT is safe at 23 %.
    await expect
      .poll(() => browser.serviceWorker.evaluate(() => chrome.notifications.getAll().then((all) => Object.keys(all).length)))
      .toBeGreaterThan(0);
    expect(await btcAlerts(browser)).toEqual([]);
    await setBtcMark(browser, '80,000.0'); // ≈ 8.9 % from liquidation
    await expect.poll(() => btcAlerts(browser)).toEqual(['warning']);
    for (const mark of ['80,100.0', '79,900.0', '80,250.0', '79,800.0', '80,050.0']) {
      await setBtcMarkAssessed(browser, mark);
      expect(await btcAlerts(browser)).toEqual(['warning']);
    }
  });

  it('shows the worst distance on the badge of the tab', async () => {
    const tabId = await browser.serviceWorker.evaluate(() => chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.active)?.id ?? -1));
    await expect.poll(() => browser.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toMatch(/^\d\.\d%$/);
  });

  it('after the worker is stopped and restarted: no duplicate, and the next crossing fires', async () => {
    await browser.serviceWorker.evaluate(() => ((self as unknown as { marker: number }).marker = 1));
    const cdp = await browser.context.newCDPSession(browser.page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // A page change wakes the worker (the content script sends the new snapshot), and the overlay's figures,
    // which the worker works out, follow.
    await setBtcMark(browser, '79,950.0');
    const moved = expectedDistances(await browser.page.content(), page.url);
    await expect.poll(() => overlay(browser.page).locator('[data-testid="liqguard-distance"]').allInnerTexts()).toEqual(moved);
    // The restarted worker has assessed the change: a duplicate of the warning would have been shown by now.
    await new WorkerProbe(browser.serviceWorker).assessed('BTCUSDT', await browser.page.content(), page.url);
    // A fresh worker: its globals are gone, its persisted alert state is not.
    expect(await browser.serviceWorker.evaluate(() => (self as unknown as { marker?: number }).marker)).toBeUndefined();
    expect(await btcAlerts(browser)).toEqual(['warning']);
    await setBtcMark(browser, '76,000.0'); // ≈ 4.1 %: danger
    await expect.poll(() => btcAlerts(browser)).toEqual(['danger', 'warning']);
    await cdp.detach();
  });

  it('keeps an alert history in the popup (across the worker’s restart): newest first, exported as CSV, cleared', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const history = popup.getByTestId('alert-history');
    await history.locator('summary').click();
    const entries = history.getByTestId('alert-history-list').locator('li');
    // SOLUSDT's warning, BTCUSDT's warning (before the restart), BTCUSDT's danger (after it), newest first.
    await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(3);
    expect(await entries.first().innerText()).toMatch(/BTCUSDT Long is \d\.\d{2}% from liquidation/);
    expect(await history.locator('summary').innerText()).toMatch(/^Alert history \(\d+\)$/);
    const [download] = await Promise.all([popup.waitForEvent('download'), history.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('time,rule,level,exchange,symbol,side,margin mode,title,message');
    expect(lines.at(-1)).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,distance,danger,binance,BTCUSDT,long,cross,BTCUSDT Long is /);
    await history.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => history.innerText()).toContain('No alerts yet.');
    expect(await browser.serviceWorker.evaluate(() => chrome.storage.local.get('alertHistory'))).toEqual({ alertHistory: [] });
    await popup.close();
  });
});

describe('the badge (real Chromium)', () => {
  let exchange: LocalExchange;
  let browser: ExtensionBrowser;
  let tabId: number;
  const badge = () => browser.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

  beforeAll(async () => {
    exchange = await startLocalExchange({ [path]: page.html });
    browser = await launchWithExtension(exchange.port);
    await browser.page.goto(exchangeUrl(path));
    await overlay(browser.page).waitFor();
    tabId = await browser.serviceWorker.evaluate(() => chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.active)?.id ?? -1));
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  it('is set when it changes, not again for each snapshot that leaves it the same', async () => {
    await expect.poll(badge).toMatch(/^\d\.\d%$/);
    const shown = await badge();
    await browser.serviceWorker.evaluate(() => {
      const counted = self as unknown as { badgeSets: number };
      counted.badgeSets = 0;
      const set = chrome.action.setBadgeText.bind(chrome.action);
      chrome.action.setBadgeText = (details: chrome.action.BadgeTextDetails) => {
        counted.badgeSets++;
        return set(details);
      };
    });
    // SOLUSDT, in its warning band, is the worst; BTCUSDT moves within its safe range, a new snapshot each time.
    for (const mark of ['95,000.0', '96,000.0', '94,500.0']) await setBtcMarkAssessed(browser, mark);
    expect(await badge()).toBe(shown);
    expect(await browser.serviceWorker.evaluate(() => (self as unknown as { badgeSets: number }).badgeSets)).toBe(0);
  });

  it('comes back on the page loaded again (the browser clears a tab’s badge as it navigates)', async () => {
    const shown = await badge();
    await browser.page.reload();
    await overlay(browser.page).waitFor();
    await expect.poll(badge).toBe(shown);
  });
});

describe('alerts from the public mark-price stream while the tab is hidden (real Chromium)', () => {
  let exchange: LocalExchange;
  let browser: ExtensionBrowser;
  let streams: ReturnType<typeof acceptStreams>;

  beforeAll(async () => {
    exchange = await startLocalExchange({ [path]: page.html });
    streams = acceptStreams(exchange);
    browser = await launchWithExtension(exchange.port);
    await browser.page.goto(exchangeUrl(path));
    await overlay(browser.page).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    streams?.close();
    await exchange?.close();
  });

  it('streams the page’s symbols when the tab is hidden and fires from the streamed price', async () => {
    await expect
      .poll(() =>
        browser.serviceWorker.evaluate(() =>
          chrome.storage.session.get('lastSnapshots').then((s) => Object.keys(s.lastSnapshots ?? {}).length),
        ),
      )
      .toBe(1);
    await setPageHidden(browser, true);

    await expect.poll(() => streams.connections.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(streams.connections[0]!.url).toBe(
      'fstream.binance.com/stream?streams=btcusdt@markPrice@1s/ethusdt@markPrice@1s/solusdt@markPrice@1s',
    );
    expect(await btcAlerts(browser)).toEqual([]);
    streams.connections[0]!.socket.send(
      JSON.stringify({
        stream: 'btcusdt@markPrice@1s',
        data: { e: 'markPriceUpdate', E: 1, s: 'BTCUSDT', p: '76000.00000000', i: '76010', P: '76000', r: '0.0001', T: 2 },
      }),
    );
    await expect.poll(() => btcAlerts(browser)).toEqual(['danger']);
    // Garbage on the socket is ignored: a good price sent after it is assessed, and nothing else happened.
    streams.connections[0]!.socket.send('{"e":"markPriceUpdate","s":"BTCUSDT","p":"-1"}');
    streams.connections[0]!.socket.send('not json');
    const worker = new WorkerProbe(browser.serviceWorker);
    // The streamed 76,000 has been assessed (its summary follows its notification), then a good price after the garbage.
    await expect.poll(() => worker.distancesOf('BTCUSDT')).not.toEqual([expectedExactDistance(page.html, page.url, 'BTCUSDT')]);
    const before = await worker.distancesOf('BTCUSDT');
    streams.connections[0]!.socket.send(
      JSON.stringify({
        stream: 'btcusdt@markPrice@1s',
        data: { e: 'markPriceUpdate', E: 3, s: 'BTCUSDT', p: '76100.00000000', i: '76110', P: '76100', r: '0.0001', T: 4 },
      }),
    );
    await expect.poll(() => worker.distancesOf('BTCUSDT')).not.toEqual(before);
    expect(await btcAlerts(browser)).toEqual(['danger']);

    // The popup says where the figures come from now.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const popupPage = new PopupPage(popup);
    await expect.poll(() => popupPage.source()).toContain('following the public mark-price stream');
    expect(await popupPage.positionCount()).toBe(3);
    await popup.close();

    // Visible again: the socket is closed.
    await setPageHidden(browser, false);
    await expect.poll(() => streams.connections[0]!.socket.readyState, { timeout: 5000 }).toBe(3 /* CLOSED */);
  });
});
