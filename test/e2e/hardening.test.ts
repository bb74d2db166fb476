import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import { readBinancePage } from '@/lib/exchanges/binance/page/reader';
import { formatPercent } from '@/lib/risk';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { riskView } from '@/lib/figures/riskView';

import { domOf } from '../fixtures/binance';
import {
  exchangeUrl,
  inContentScript,
  launchWithExtension,
  overlay,
  startLocalExchange,
  type ExtensionBrowser,
  type LocalExchange,
} from './harness';
import { moveMark } from './pages/fixturePage';

/** BTCUSDT's distance in the overlay (rows are ordered worst first, so not always the first row). */
const BTC_DISTANCE = 'liqguard-overlay [data-testid="liqguard-position"][data-symbol="BTCUSDT"] [data-testid="liqguard-distance"]';

const root = resolve(import.meta.dirname, '../..');
const demo = readFileSync(resolve(root, 'demo/futures.html'), 'utf8');
// The demo's ticker at 10 Hz instead of 2 Hz.
const ticker10Hz = readFileSync(resolve(root, 'demo/ticker.js'), 'utf8').replace('setInterval(tick, 500)', 'setInterval(tick, 100)');
// Several minutes by default (the soak); SOAK_SECONDS shortens it for a quick local run.
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 180);

describe('hardening in real Chromium', () => {
  let exchange: LocalExchange;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    exchange = await startLocalExchange({ '/en/futures/BTCUSDT': demo, '/demo/ticker.js': { body: ticker10Hz, type: 'text/javascript' } });
    browser = await launchWithExtension(exchange.port);
    await browser.page.goto(exchangeUrl('/en/futures/BTCUSDT'));
    await overlay(browser.page).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  it('the background rejects forged messages: wrong shape, oversized, forged figures', async () => {
    const stored = () =>
      browser.serviceWorker.evaluate(() =>
        chrome.storage.session.get('lastSnapshots').then((items) => Object.values(items.lastSnapshots ?? {}).map((s) => JSON.stringify(s))),
      );
    await expect.poll(async () => (await stored()).length).toBe(1);
    const before = (await stored())[0]!;
    const snapshot = JSON.parse(before);
    const forged = [
      { type: 'nope' },
      { type: 'page-snapshot' },
      { type: 'page-snapshot', snapshot: { ...snapshot, positions: Array.from({ length: 501 }, () => snapshot.positions[0]) } },
      { type: 'page-snapshot', snapshot: { ...snapshot, positions: [{ ...snapshot.positions[0], markPrice: 1 }] } },
      { type: 'page-snapshot', snapshot: { ...snapshot, account: { ...snapshot.account, walletBalance: '1e9' } } },
      { type: 'page-visibility', hidden: 'yes' },
      'page-snapshot',
    ];
    const answers = await inContentScript(
      browser,
      `Promise.all(${JSON.stringify(forged)}.map((m) => chrome.runtime.sendMessage(m).then((a) => a === undefined ? 'dropped' : 'answered', () => 'dropped')))`,
    );
    expect(answers).toEqual(forged.map(() => 'dropped'));
    // Nothing forged was stored: the last snapshot is still the page's own (the ticker may have moved it).
    const after = JSON.parse((await stored())[0]!);
    expect(after.positions.map((p: { symbol: string }) => p.symbol)).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT']);
    expect(after.account.walletBalance).toBe('12500');
  });

  it('a corrupt stored setting is put right, the valid ones kept and applied to the open page at once', async () => {
    const bands = () =>
      overlay(browser.page)
        .locator('[data-testid="liqguard-position"]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-band')));
    await expect.poll(bands).toContain('safe');
    const corrupt = { ...DEFAULT_SETTINGS, warningDistance: '0.9', dangerDistance: '0.85', overlay: 'yes please', cooldownMinutes: -3 };
    await browser.serviceWorker.evaluate((settings) => chrome.storage.local.set({ settings }), corrupt);
    // Every position of the demo is within 85 % of liquidation: the kept thresholds reach the page.
    await expect.poll(bands).toEqual(['danger', 'danger', 'danger']);
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('settings').then((items) => items.settings));
    expect(stored).toEqual({ ...DEFAULT_SETTINGS, warningDistance: '0.9', dangerDistance: '0.85' });
    await browser.serviceWorker.evaluate((settings) => chrome.storage.local.set({ settings }), DEFAULT_SETTINGS);
    await expect.poll(bands).toContain('safe');
  });

  it(
    `soak: ${SOAK_SECONDS} s of prices at 10 Hz — bounded DOM and heap, no missed update, worker alive`,
    async () => {
      const cdp = await browser.context.newCDPSession(browser.page);
      await cdp.send('Performance.enable');
      const metrics = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { metrics: list } = await cdp.send('Performance.getMetrics');
        const get = (name: string) => list.find((m) => m.name === name)!.value;
        return { nodes: get('Nodes'), heap: get('JSHeapUsedSize') };
      };
      await browser.page.waitForTimeout(2000); // let the page and the overlay settle
      const start = await metrics();
      await browser.page.waitForTimeout(SOAK_SECONDS * 1000);
      const end = await metrics();
      // The page replaces its cells every tick; the overlay re-renders in place: the node count stays put.
      expect(end.nodes - start.nodes).toBeLessThan(200);
      expect(end.heap - start.heap).toBeLessThan(5 * 1024 * 1024);

      // No missed update: after the ticking, a last price moved by the page shows in the overlay.
      await browser.page.evaluate(() => (window as unknown as { stopDemoTicker: () => void }).stopDemoTicker());
      await moveMark(browser.page, 'BTCUSDT', '80,000.0');
      const url = exchangeUrl('/en/futures/BTCUSDT');
      const view = riskView(readBinancePage(domOf(await browser.page.content(), url).document, url)!, DEFAULT_SETTINGS);
      const expected = formatPercent(new Decimal(view.positions.find((p) => p.symbol === 'BTCUSDT')!.distance!));
      await expect.poll(() => browser.page.locator(BTC_DISTANCE).innerText(), { timeout: 3000 }).toBe(expected);
      expect(await browser.serviceWorker.evaluate(() => chrome.runtime.id)).toBe(browser.extensionId);
      await cdp.detach();
    },
    60_000 + SOAK_SECONDS * 1000,
  );

  it('keeps following a page that clears every timer (ours share its timer ids)', async () => {
    // Two changes in quick succession: the second waits for the read interval on a timer, which the page clears.
    await moveMark(browser.page, 'BTCUSDT', '81,000.0');
    await browser.page.waitForTimeout(50);
    await moveMark(browser.page, 'BTCUSDT', '81,500.0');
    await browser.page.evaluate(() => {
      for (let id = 1; id < 100_000; id++) clearTimeout(id);
    });
    // Past the read interval: the timer the page cleared (had it been one of its ids) would have run by now.
    await browser.page.waitForTimeout(2000);
    await moveMark(browser.page, 'BTCUSDT', '82,000.0');
    const url = exchangeUrl('/en/futures/BTCUSDT');
    const view = riskView(readBinancePage(domOf(await browser.page.content(), url).document, url)!, DEFAULT_SETTINGS);
    await expect
      .poll(() => browser.page.locator(BTC_DISTANCE).innerText(), { timeout: 3000 })
      .toBe(formatPercent(new Decimal(view.positions.find((p) => p.symbol === 'BTCUSDT')!.distance!)));
  });
});

describe('reads as often as the figures need (real Chromium, prices at 10 Hz)', () => {
  it('every 3 s while no alert is near, every second near one and for a while after the user acts on the page', async () => {
    // Prices move in a 7-step cycle instead of wandering: SOLUSDT stays 7.9 % from liquidation, 2.9 points above
    // danger, and reads 3 s apart still find new prices.
    const steady = ticker10Hz.replace('Math.random()', '((globalThis.lgStep = ((globalThis.lgStep || 0) + 1) % 7) / 6)');
    const exchange = await startLocalExchange({
      '/en/futures/BTCUSDT': demo,
      '/demo/ticker.js': { body: steady, type: 'text/javascript' },
    });
    const browser = await launchWithExtension(exchange.port);
    try {
      await browser.page.goto(exchangeUrl('/en/futures/BTCUSDT'));
      await overlay(browser.page).waitFor();
      // When each of the page's snapshots reaches the worker (a ticking page's every read is one).
      await browser.serviceWorker.evaluate(() => {
        const times: number[] = ((globalThis as unknown as { snapshotTimes: number[] }).snapshotTimes = []);
        chrome.runtime.onMessage.addListener((message: { type?: string }) => {
          if (message?.type === 'page-snapshot') times.push(Date.now());
        });
      });
      const snapshotTimes = () =>
        browser.serviceWorker.evaluate(() => (globalThis as unknown as { snapshotTimes: number[] }).snapshotTimes);
      const gapsBetween = async (from: number, to: number) => {
        const within = (await snapshotTimes()).filter((t) => t >= from && t <= to);
        return within.slice(1).map((t, i) => t - within[i]!);
      };
      const settle = (ms: number) => browser.page.waitForTimeout(ms);
      const now = () => browser.serviceWorker.evaluate(() => Date.now());

      // The page's changes (one a tick) and its layouts: the overlay's figures are drawn in the frames of the page's
      // own changes, never in one of their own.
      const cdp = await browser.context.newCDPSession(browser.page);
      await cdp.send('Performance.enable');
      const layoutCount = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'LayoutCount')!.value;
      await browser.page.evaluate(() => {
        const counted = globalThis as unknown as { ticks: number };
        counted.ticks = 0;
        new MutationObserver(() => counted.ticks++).observe(document.querySelector('[data-demo="header-mark"]')!, { childList: true });
      });
      // Every distance the overlay shows (BTCUSDT's), as it is redrawn: a 7-step cycle can bring a read
      // back to the figure shown 10 s before, so the test asks for a change along the way, not at the end.
      await browser.page.evaluate(() => {
        const recorded = globalThis as unknown as { distancesShown: string[] };
        const shadow = document.querySelector('liqguard-overlay')!.shadowRoot!;
        const shown = () => shadow.querySelector('[data-symbol="BTCUSDT"] [data-testid="liqguard-distance"]')?.textContent ?? '';
        recorded.distancesShown = [shown()];
        new MutationObserver(() => recorded.distancesShown.push(shown())).observe(shadow, {
          subtree: true,
          childList: true,
          characterData: true,
        });
      });
      const layoutsBefore = await layoutCount();

      let start = await now();
      await settle(10_500);
      const calm = await gapsBetween(start, await now());
      expect(calm.length).toBeGreaterThanOrEqual(2);
      for (const gap of calm) expect(gap).toBeGreaterThan(2800);
      const layouts = (await layoutCount()) - layoutsBefore;
      const ticks = await browser.page.evaluate(() => (globalThis as unknown as { ticks: number }).ticks);
      const distancesShown = await browser.page.evaluate(() => (globalThis as unknown as { distancesShown: string[] }).distancesShown);
      expect(new Set(distancesShown).size).toBeGreaterThan(1);
      expect(ticks).toBeGreaterThan(80);
      expect(layouts).toBeLessThanOrEqual(ticks + 1);
      await cdp.detach();

      // A danger threshold of 7 % brings SOLUSDT within 1 point of it: the worker asks for a read a second.
      await browser.serviceWorker.evaluate((settings) => chrome.storage.local.set({ settings }), {
        ...DEFAULT_SETTINGS,
        dangerDistance: '0.07',
      });
      start = (await now()) + 1500;
      await settle(6000);
      const near = await gapsBetween(start, await now());
      expect(near.length).toBeGreaterThanOrEqual(3);
      for (const gap of near) expect(gap).toBeLessThan(1500);

      await browser.serviceWorker.evaluate((settings) => chrome.storage.local.set({ settings }), DEFAULT_SETTINGS);
      await settle(4000);
      // A key pressed on the page: read every second for 10 s, then every 3 s again.
      const pressed = await now();
      await browser.page.keyboard.press('Shift');
      await settle(17_500);
      const times = await snapshotTimes();
      // Within a second of the last read before the key, not 3 s.
      expect(times.find((t) => t > pressed)! - pressed).toBeLessThan(1300);
      const hurried = await gapsBetween(pressed, pressed + 9000);
      expect(hurried.length).toBeGreaterThanOrEqual(5);
      for (const gap of hurried) expect(gap).toBeLessThan(1500);
      const after = await gapsBetween(pressed + 11_500, await now());
      expect(after.length).toBeGreaterThanOrEqual(1);
      for (const gap of after) expect(gap).toBeGreaterThan(2800);
    } finally {
      await browser.close();
      await exchange.close();
    }
  }, 90_000);
});

describe('messages from outside LiqGuard (real Chromium)', () => {
  it('another extension cannot reach the background, and the page has no way to', async () => {
    const exchange = await startLocalExchange({
      '/en/futures/BTCUSDT': demo,
      '/demo/ticker.js': { body: ticker10Hz, type: 'text/javascript' },
    });
    const browser = await launchWithExtension(exchange.port, { alongside: [resolve(import.meta.dirname, 'foreign-extension')] });
    try {
      await browser.page.goto(exchangeUrl('/en/futures/BTCUSDT'));
      await overlay(browser.page).waitFor();
      const foreign = browser.context.serviceWorkers().find((worker) => worker !== browser.serviceWorker)!;
      expect(await foreign.evaluate(() => chrome.runtime.getManifest().name)).toBe('Foreign extension (LiqGuard tests)');
      const alertState = () =>
        browser.serviceWorker.evaluate(() =>
          chrome.storage.local.get('alertState').then((items) => JSON.stringify(items.alertState ?? null)),
        );
      // The page's own figures reach the worker (its alert state exists) before anything is forged.
      await expect.poll(alertState).not.toBe('null');

      // A well-formed snooze and a forged snapshot, sent by id from the other extension.
      const answers = await foreign.evaluate(async (id) => {
        const send = (message: unknown) =>
          chrome.runtime.sendMessage(id, message).then(
            () => 'delivered',
            (error: Error) => error.message,
          );
        return [
          await send({ type: 'snooze', position: 'binance:usdm:USDT|BTCUSDT:long:cross', choice: '1h', signature: '0.5@96250' }),
          await send({ type: 'page-snapshot', snapshot: { exchange: 'binance' } }),
        ];
      }, browser.extensionId);
      expect(answers).toEqual([
        expect.stringContaining('Receiving end does not exist'),
        expect.stringContaining('Receiving end does not exist'),
      ]);
      // The forged snooze did not land (the page's own snapshots keep moving the rest of the state).
      expect(JSON.parse(await alertState()).snoozed).toEqual({});

      // The exchange's own page script: no extension is externally connectable, so it has no runtime to send with.
      expect(
        await browser.page.evaluate(
          () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
        ),
      ).toBe('undefined');
    } finally {
      await browser.close();
      await exchange.close();
    }
  });
});
