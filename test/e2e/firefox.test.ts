import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import puppeteer, { TimeoutError, type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures as bybitFixtures } from '../fixtures/bybit';
import { fixtures as hyperliquidFixtures } from '../fixtures/hyperliquid';
import { acceptStreams, exchangeUrl, startExchangeProxy, startLocalExchange, type LocalExchange, type Routes } from './harness';
import { BYBIT_LINEAR_TIERS, BYBIT_MARKET_ROUTES } from './pages/bybitMarket';
import { HYPERLIQUID_MARKET_ROUTES, HYPERLIQUID_TIERS } from './pages/hyperliquidMarket';
import { expectedDistances, moveMarkInPage } from './pages/fixturePage';
import { OverlayPanel } from './pages/overlay';
import { PopupPage } from './pages/popup';
import { WorkerProbe } from './pages/worker';

/**
 * The Firefox build in real Firefox (Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core, the
 * recipe of ../shared/TOOLCHAIN.md): installed as a temporary add-on, it draws its overlay on a futures page, and
 * its own pages (popup, options), badge and notifications work as in Chrome.
 */
const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const page = readFileSync(resolve(import.meta.dirname, '../fixtures/binance/en-usdm-cross-isolated.html'), 'utf8');
const PATH = '/en/futures/BTCUSDT';
const PAGE_URL = exchangeUrl(PATH);
const ADDON_ID = 'liqguard@liqguard.dev';
/** The add-on's internal UUID, pinned so that its pages have a known address. */
const ADDON_UUID = '3f1e1a52-5c2b-4d0e-9a43-1b2c3d4e5f60';

interface FirefoxSession {
  exchange: LocalExchange;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The local exchange, and Firefox reaching it for every exchange host through a proxy (Firefox cannot map a host
 * to another port), with `prefs` on top.
 */
async function startFirefox(prefs: Record<string, unknown> = {}, routes: Routes = { [PATH]: page }): Promise<FirefoxSession> {
  const exchange = await startLocalExchange(routes);
  const proxy = await startExchangeProxy(exchange.port);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    // Since Firefox 153 the remote agent opens only web pages without it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      ...prefs,
    },
  });
  return {
    exchange,
    browser,
    close: async () => {
      await browser.close();
      await proxy.close();
      await exchange.close();
    },
  };
}

/** One of the add-on's pages (popup.html, options.html) in a window of its own, so the futures tab stays shown. */
async function openAddonPage(browser: Browser, file: string): Promise<Page> {
  const page = await browser.newPage({ type: 'window' });
  // Firefox's remote agent loads an add-on page but never reports it loaded: wait for the page itself instead.
  await page.goto(`moz-extension://${ADDON_UUID}/${file}`, { timeout: 2000 }).catch((error: unknown) => {
    if (!(error instanceof TimeoutError)) throw error;
  });
  await page.waitForFunction(() => document.readyState === 'complete');
  return page;
}

/** Replaces what the field whose label starts with `label` (inside `scope`) holds, key by key as a person types. */
async function typeInto(page: Page, scope: string, label: string, text: string) {
  const field = await page.evaluateHandle(
    ([scope, label]) =>
      [...document.querySelectorAll<HTMLLabelElement>(`${scope} label`)].find((l) => l.textContent?.startsWith(label))!
        .control as HTMLInputElement,
    [scope, label] as const,
  );
  await field.evaluate((input) => input.select());
  await field.type(text);
}

const overlayDistances = (tab: Page) => new OverlayPanel(tab).distances();

describe.each([
  ['the Firefox build in Firefox', {}],
  // Firefox 140–141 (our minimum is 140) have no Scheduler API: the content script's timers are AbortSignal timeouts.
  ['the Firefox build in a Firefox without the Scheduler API', { 'dom.enable_web_task_scheduling': false }],
])('%s', (_, prefs: Record<string, unknown>) => {
  let session: FirefoxSession;
  let tab: Page;

  const distances = () => overlayDistances(tab);

  beforeAll(async () => {
    session = await startFirefox(prefs);
  });

  afterAll(() => session?.close());

  it('installs and shows each position’s distance in the overlay', async () => {
    const id = await session.browser.installExtension(EXTENSION_DIR);
    expect(id).toBe(ADDON_ID);
    tab = await session.browser.newPage();
    await tab.goto(PAGE_URL);
    // Worked out by the Firefox build's background page and drawn by its content script: the same as in Node.
    await expect.poll(distances, { timeout: 15_000 }).toEqual(expectedDistances(page, PAGE_URL));
    expect((await distances()).every((text) => /^\d+\.\d{2}%$/.test(text ?? ''))).toBe(true);
  });

  it('keeps following a page that clears every timer id', async () => {
    expect(await tab.evaluate(() => typeof (globalThis as { scheduler?: unknown }).scheduler)).toBe(
      'dom.enable_web_task_scheduling' in prefs ? 'undefined' : 'object',
    );
    // Two changes in quick succession: the second is read when a timer of the content script's runs out, and the
    // page then clears every timer id it can.
    await tab.evaluate(moveMarkInPage, ['BTCUSDT', '81,000.0'] as const);
    await new Promise((waited) => setTimeout(waited, 50));
    await tab.evaluate(moveMarkInPage, ['BTCUSDT', '81,500.0'] as const);
    await tab.evaluate(() => {
      for (let id = 1; id < 100_000; id++) clearTimeout(id);
    });
    const moved = expectedDistances(await tab.content(), PAGE_URL);
    expect(moved).not.toEqual(expectedDistances(page, PAGE_URL));
    await expect.poll(distances, { timeout: 10_000 }).toEqual(moved);
  });
});

describe('the Firefox build on Bybit’s and Hyperliquid’s trading pages in Firefox', () => {
  const bybit = bybitFixtures.find((f) => f.name === 'en-linear-one-way')!;
  const hyperliquid = hyperliquidFixtures.find((f) => f.name === 'en-cross-isolated')!;
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await startFirefox(
      {},
      {
        [new URL(bybit.url).pathname]: bybit.html,
        ...BYBIT_MARKET_ROUTES,
        [new URL(hyperliquid.url).pathname]: hyperliquid.html,
        ...HYPERLIQUID_MARKET_ROUTES,
      },
    );
    await session.browser.installExtension(EXTENSION_DIR);
  });

  afterAll(() => session?.close());

  it.each([
    ['Bybit', bybit, BYBIT_LINEAR_TIERS],
    ['Hyperliquid', hyperliquid, HYPERLIQUID_TIERS],
  ] as const)('%s: reads the positions table and shows each distance from the fetched tiers', async (_, fixture, tiers) => {
    const tab = await session.browser.newPage();
    await tab.goto(fixture.url);
    const expected = expectedDistances(fixture.html, fixture.url, tiers);
    expect(expected).toHaveLength(3);
    await expect.poll(() => overlayDistances(tab), { timeout: 15_000 }).toEqual(expected);
    await tab.close();
  });
});

describe('the Firefox build’s popup, options, badge, notifications and stream in Firefox', () => {
  let session: FirefoxSession;
  let browser: Browser;
  let tab: Page;
  /** An add-on page, kept open to ask the add-on's APIs what it shows (badge, notifications). */
  let probe: Page;
  let streams: ReturnType<typeof acceptStreams>;

  /** The worker as the add-on's own pages see it (the probe page). */
  let worker: WorkerProbe;
  /** The futures tab's badge (the first tab the worker follows). */
  const badge = async () => {
    const tabId = Number(Object.keys(await worker.tabs())[0]);
    return Number.isNaN(tabId)
      ? null
      : probe.evaluate(
          (id) =>
            (globalThis as unknown as { browser: import('webextension-polyfill').Browser }).browser.browserAction.getBadgeText({
              tabId: id,
            }),
          tabId,
        );
  };
  const btcAlerts = () => worker.btcAlerts();
  const band = () => new OverlayPanel(tab).band('BTCUSDT');

  beforeAll(async () => {
    session = await startFirefox();
    browser = session.browser;
    streams = acceptStreams(session.exchange);
    await browser.installExtension(EXTENSION_DIR);
    tab = await browser.newPage();
    await tab.goto(PAGE_URL);
    // The overlay shows the worker's figures: the page has been read and worked out.
    await tab.waitForFunction(
      () => document.querySelector('liqguard-overlay')?.shadowRoot?.querySelector('[data-testid="liqguard-distance"]'),
      { timeout: 15_000 },
    );
    probe = await openAddonPage(browser, 'popup.html');
    worker = new WorkerProbe(probe);
    // Headless Firefox closes each notification as soon as it is shown (`getAll` then no longer lists it): the
    // ones closed count as shown.
    await worker.countClosed();
  });

  afterAll(async () => {
    streams?.close();
    await session?.close();
  });

  it('shows the worst distance on the tab’s badge', async () => {
    // SOLUSDT, 7.94 % from liquidation, is the worst of the three.
    await expect.poll(badge).toBe('7.9%');
  });

  it('notifies once when a price crosses the warning distance', async () => {
    // BTCUSDT is safe at 23 %.
    expect(await btcAlerts()).toEqual([]);
    await tab.evaluate(moveMarkInPage, ['BTCUSDT', '80,000.0'] as const); // ≈ 8.9 % from liquidation
    await expect.poll(btcAlerts).toEqual(['warning']);
    await tab.evaluate(moveMarkInPage, ['BTCUSDT', '80,100.0'] as const);
    // The worker has assessed the wiggle: a second notification would have been shown by now.
    await worker.assessed('BTCUSDT', await tab.content(), PAGE_URL);
    expect(await btcAlerts()).toEqual(['warning']);
  });

  it('follows the public mark-price stream while the tab is hidden, and stops when it is shown', async () => {
    // Another tab in front of it, in its window, hides the futures tab, as a person switching tabs would.
    await tab.bringToFront();
    const other = await browser.newPage();
    await tab.waitForFunction(() => document.visibilityState === 'hidden');
    await expect.poll(() => streams.connections.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(streams.connections[0]!.url).toBe(
      'fstream.binance.com/stream?streams=btcusdt@markPrice@1s/ethusdt@markPrice@1s/solusdt@markPrice@1s',
    );
    streams.connections[0]!.socket.send(
      JSON.stringify({
        stream: 'btcusdt@markPrice@1s',
        data: { e: 'markPriceUpdate', E: 1, s: 'BTCUSDT', p: '76000.00000000', i: '76010', P: '76000', r: '0.0001', T: 2 },
      }),
    );
    await expect.poll(btcAlerts).toEqual(['danger', 'warning']);
    await other.close();
    await tab.bringToFront();
    await expect.poll(() => streams.connections[0]!.socket.readyState, { timeout: 5000 }).toBe(3 /* CLOSED */);
  });

  it('popup: lists the page’s positions and prefills the calculators from one', async () => {
    await tab.evaluate(moveMarkInPage, ['BTCUSDT', '80,200.0'] as const);
    // The worker has the page's new figures (it draws them on the page) before the popup opens.
    await expect.poll(() => overlayDistances(tab)).toEqual(expectedDistances(await tab.content(), PAGE_URL));
    const popup = await openAddonPage(browser, 'popup.html');
    const popupPage = new PopupPage(popup);
    await expect.poll(() => popupPage.positionCount()).toBe(3);
    const result = (calculator: string, name: string) => popupPage.result(calculator, name);
    // BTCUSDT long 0.5 from 96,250.0 at the page's mark, 80,200.0: 0.5 × −16,050 (≥ 1,000: in cents).
    await expect.poll(() => result('pnl', 'pnl')).toBe('-8,025.00');
    // Typed as a person would, into the field its label names: 96,250 × (1 + 40 % / 20), to BTCUSDT's tick.
    await popupPage.showCalculator('target');
    await typeInto(popup, '[data-testid="calc-target"]', 'Target ROE (%)', '40');
    await expect.poll(() => result('target', 'targetPrice')).toBe('98,175.0');
    await popup.close();
  });

  it('options: saves a threshold that the open page applies at once', async () => {
    // BTCUSDT is ≈ 9 % from liquidation: a warning, and inside 25 % a danger.
    expect(await band()).toBe('warning');
    const options = await openAddonPage(browser, 'options.html');
    await typeInto(options, 'form', 'Warning when liquidation is within', '30');
    await typeInto(options, 'form', 'Danger when liquidation is within', '25');
    await options.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save')!.click());
    await expect
      .poll(() => options.evaluate(() => document.querySelector('[data-testid="options-status"]')?.textContent ?? ''))
      .toMatch(/^Saved/);
    await expect.poll(band).toBe('danger');
    await options.close();
  });
});
