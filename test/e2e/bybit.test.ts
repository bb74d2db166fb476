import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../fixtures/bybit';
import { openOnExchange, setPageHidden, type ExtensionBrowser, type StreamConnection } from './harness';
import { BYBIT_LINEAR_TIERS, BYBIT_MARKET_ROUTES } from './pages/bybitMarket';
import { expectedOverlay } from './pages/fixturePage';
import { PopupPage } from './pages/popup';
import { WorkerProbe } from './pages/worker';

/**
 * Bybit, the second exchange, end to end in real Chromium: its trading page served on www.bybit.com, its public v5
 * market data on api.bybit.com (tiers fetched over two pages, as the worker must), its ticker stream on
 * stream.bybit.com.
 */
const page = fixtures.find((f) => f.name === 'en-linear-one-way')!;
const path = new URL(page.url).pathname;

describe('Bybit’s trading page (real Chromium)', () => {
  let session: Awaited<ReturnType<typeof openOnExchange>>;
  let browser: ExtensionBrowser;
  let streams: StreamConnection[];
  const shown = (testId: string) => browser.page.locator(`liqguard-overlay [data-testid="${testId}"]`).allInnerTexts();

  beforeAll(async () => {
    session = await openOnExchange(page.url, { [path]: page.html, ...BYBIT_MARKET_ROUTES });
    ({ browser } = session);
    streams = session.streams.connections;
  });

  afterAll(() => session?.close());

  it('shows each position’s distance from Bybit’s formula and fetched risk limits, a cross price as an estimate', async () => {
    const expected = expectedOverlay(page.html, page.url, BYBIT_LINEAR_TIERS);
    expect(expected.map((p) => p.symbol)).toEqual(['SOLUSDT', 'ETHUSDT', 'BTCUSDT']);
    expect(expected.every((p) => /^\d+\.\d{2}%$/.test(p.distance))).toBe(true);
    await expect.poll(() => shown('liqguard-distance'), { timeout: 15_000 }).toEqual(expected.map((p) => p.distance));
    expect(await shown('liqguard-liquidation')).toEqual(expected.map((p) => p.liquidation));
    expect((await shown('liqguard-liquidation'))[2]).toContain('estimate');
    // The page's own isolated liquidation prices are the published formula's: no mismatch.
    expect(await shown('liqguard-mismatch')).toEqual([]);
  });

  it('says what to do in Bybit’s words', async () => {
    const remedies = (await shown('liqguard-remedy')).join('\n');
    expect(remedies).toMatch(/Position Margin ✎|Close By: Market/);
    expect(remedies).not.toMatch(/Binance|reduce-only/);
  });

  it('follows the public ticker stream while the tab is hidden: subscribes, keeps the socket, re-prices', async () => {
    const worker = new WorkerProbe(browser.serviceWorker);
    await expect.poll(() => worker.distancesOf('SOLUSDT')).toHaveLength(1);
    const before = await worker.distancesOf('SOLUSDT');
    await setPageHidden(browser, true);
    await expect.poll(() => streams.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const stream = streams[0]!;
    expect(stream.url).toBe('stream.bybit.com/v5/public/linear');
    await expect.poll(() => stream.received.length).toBeGreaterThan(0);
    expect(JSON.parse(stream.received[0]!)).toEqual({ op: 'subscribe', args: ['tickers.BTCUSDT', 'tickers.ETHUSDT', 'tickers.SOLUSDT'] });
    stream.socket.send(
      JSON.stringify({ topic: 'tickers.SOLUSDT', type: 'delta', data: { symbol: 'SOLUSDT', markPrice: '190.10' }, ts: 1 }),
    );
    await expect.poll(() => worker.distancesOf('SOLUSDT')).not.toEqual(before);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const popupPage = new PopupPage(popup);
    await expect.poll(() => popupPage.source()).toContain('following the public mark-price stream');
    expect(await popupPage.positionCount()).toBe(3);
    await popup.close();

    await setPageHidden(browser, false);
    await expect.poll(() => stream.socket.readyState, { timeout: 5000 }).toBe(3 /* CLOSED */);
  });
});
