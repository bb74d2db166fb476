import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../fixtures/hyperliquid';
import { openOnExchange, setPageHidden, type ExtensionBrowser, type StreamConnection } from './harness';
import { HYPERLIQUID_MARKET_ROUTES, HYPERLIQUID_TIERS } from './pages/hyperliquidMarket';
import { expectedOverlay } from './pages/fixturePage';
import { WorkerProbe } from './pages/worker';

/**
 * Hyperliquid end to end in real Chromium: its trading page served on app.hyperliquid.xyz, its `/info` market data
 * (margin tables, funding) on api.hyperliquid.xyz, its WebSocket there too.
 */
const page = fixtures.find((f) => f.name === 'en-cross-isolated')!;
const portfolio = fixtures.find((f) => f.name === 'en-portfolio')!;

describe('Hyperliquid’s trading page (real Chromium)', () => {
  let session: Awaited<ReturnType<typeof openOnExchange>>;
  let browser: ExtensionBrowser;
  let streams: StreamConnection[];
  const shown = (testId: string) => browser.page.locator(`liqguard-overlay [data-testid="${testId}"]`).allInnerTexts();

  beforeAll(async () => {
    session = await openOnExchange(page.url, {
      [new URL(page.url).pathname]: page.html,
      '/portfolio': portfolio.html,
      ...HYPERLIQUID_MARKET_ROUTES,
    });
    ({ browser } = session);
    streams = session.streams.connections;
  });

  afterAll(() => session?.close());

  it('shows each position’s distance from the published formula and the fetched margin tables, in agreement with the page', async () => {
    const expected = expectedOverlay(page.html, page.url, HYPERLIQUID_TIERS);
    expect(expected.map((p) => p.symbol).sort()).toEqual(['BTC', 'ETH', 'SOL']);
    expect(expected.every((p) => /^\d+\.\d{2}%$/.test(p.distance))).toBe(true);
    await expect.poll(() => shown('liqguard-distance'), { timeout: 15_000 }).toEqual(expected.map((p) => p.distance));
    expect(await shown('liqguard-liquidation')).toEqual(expected.map((p) => p.liquidation));
    expect(await shown('liqguard-mismatch')).toEqual([]);
  });

  it('keeps the order rules from the same /info answer: sizes at szDecimals, prices at five figures, $10 the smallest order', async () => {
    const stored = () =>
      browser.serviceWorker.evaluate(async () => {
        const { symbolRules } = await chrome.storage.local.get('symbolRules');
        return (symbolRules as Record<string, { symbols: Record<string, unknown> }> | undefined)?.['hyperliquid:perp']?.symbols.ETH ?? null;
      });
    await expect.poll(stored, { timeout: 10_000 }).toEqual({
      tickSize: '0.01',
      priceFigures: 5,
      lot: { stepSize: '0.0001', minQty: '0.0001', maxQty: '1000000000000000' },
      marketLot: { stepSize: '0.0001', minQty: '0.0001', maxQty: '1000000000000000' },
      minNotional: '10',
    });
  });

  it('follows the public WebSocket while the tab is hidden: one subscription per coin, re-priced from a push', async () => {
    const worker = new WorkerProbe(browser.serviceWorker);
    await expect.poll(() => worker.distancesOf('SOL')).toHaveLength(1);
    const before = await worker.distancesOf('SOL');
    await setPageHidden(browser, true);
    await expect.poll(() => streams.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const stream = streams[0]!;
    expect(stream.url).toBe('api.hyperliquid.xyz/ws');
    await expect.poll(() => stream.received.length).toBeGreaterThanOrEqual(3);
    expect(stream.received.slice(0, 3).map((m) => JSON.parse(m).subscription.coin)).toEqual(['BTC', 'ETH', 'SOL']);
    stream.socket.send(
      JSON.stringify({ channel: 'activeAssetCtx', data: { coin: 'SOL', ctx: { markPx: '198.10', funding: '0.0000125' } } }),
    );
    await expect.poll(() => worker.distancesOf('SOL')).not.toEqual(before);
    await setPageHidden(browser, false);
    await expect.poll(() => stream.socket.readyState, { timeout: 5000 }).toBe(3 /* CLOSED */);
  });

  it('reads the portfolio page too: every position of the account, under the market’s name alone (no coin traded there)', async () => {
    await browser.page.goto(portfolio.url);
    const expected = expectedOverlay(portfolio.html, portfolio.url, HYPERLIQUID_TIERS);
    expect(expected.map((p) => p.symbol).sort()).toEqual(['BTC', 'ETH', 'SOL']);
    await expect.poll(() => shown('liqguard-distance'), { timeout: 15_000 }).toEqual(expected.map((p) => p.distance));
    expect(await shown('liqguard-liquidation')).toEqual(expected.map((p) => p.liquidation));
    expect(await browser.page.locator('liqguard-overlay h1 + span').innerText()).toBe('Perpetuals');
  });
});
