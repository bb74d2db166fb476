import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import puppeteer, { TimeoutError, type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startLocalExchange, type LocalExchange } from './harness';
import { expectedDistances, moveMarkInPage } from './pages';

/**
 * The Firefox build in real Firefox (Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core, the
 * recipe of ../shared/TOOLCHAIN.md): installed as a temporary add-on, it draws its overlay on a futures page.
 */
const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const page = readFileSync(resolve(import.meta.dirname, '../fixtures/binance/en-usdm-cross-isolated.html'), 'utf8');
const PAGE_URL = 'https://www.binance.com/en/futures/BTCUSDT';
const ADDON_ID = 'liqguard@liqguard.dev';
/** The add-on's internal UUID, pinned so that its pages have a known address. */
const ADDON_UUID = '3f1e1a52-5c2b-4d0e-9a43-1b2c3d4e5f60';

/** Firefox with the local exchange's host resolving here; `--remote-allow-system-access` lets it open the add-on's pages. */
function launchFirefox(prefs: Record<string, unknown> = {}): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    // Since Firefox 153 the remote agent opens only web pages without it.
    args: ['--remote-allow-system-access'],
    // www.binance.com resolves to this machine; match patterns ignore the port.
    extraPrefsFirefox: { 'network.dns.localDomains': 'www.binance.com', 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }), ...prefs },
  });
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
    ([scope, label]) => [...document.querySelectorAll<HTMLLabelElement>(`${scope} label`)].find((l) => l.textContent?.startsWith(label))!.control as HTMLInputElement,
    [scope, label] as const,
  );
  await field.evaluate((input) => input.select());
  await field.type(text);
}

const overlayDistances = (tab: Page) =>
  tab.evaluate(() =>
    [...(document.querySelector('liqguard-overlay')?.shadowRoot?.querySelectorAll('[data-testid="liqguard-distance"]') ?? [])].map((el) => el.textContent),
  );

describe.each([
  ['the Firefox build in Firefox', {}],
  // Firefox 140–141 (our minimum is 140) have no Scheduler API: the content script's timers are AbortSignal timeouts.
  ['the Firefox build in a Firefox without the Scheduler API', { 'dom.enable_web_task_scheduling': false }],
])('%s', (_, prefs: Record<string, unknown>) => {
  let exchange: LocalExchange;
  let browser: Browser;
  let tab: Page;

  const distances = () => overlayDistances(tab);

  beforeAll(async () => {
    exchange = await startLocalExchange({ '/en/futures/BTCUSDT': page });
    browser = await launchFirefox(prefs);
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  it('installs and shows each position’s distance in the overlay', async () => {
    const id = await browser.installExtension(EXTENSION_DIR);
    expect(id).toBe(ADDON_ID);
    tab = await browser.newPage();
    await tab.goto(`https://www.binance.com:${exchange.port}/en/futures/BTCUSDT`);
    // Worked out by the Firefox build's background page and drawn by its content script: the same as in Node.
    await expect.poll(distances, { timeout: 15_000 }).toEqual(expectedDistances(page, PAGE_URL));
    expect((await distances()).every((text) => /^\d+\.\d{2} %$/.test(text ?? ''))).toBe(true);
  });

  it('keeps following a page that clears every timer id', async () => {
    expect(await tab.evaluate(() => typeof (globalThis as { scheduler?: unknown }).scheduler)).toBe('dom.enable_web_task_scheduling' in prefs ? 'undefined' : 'object');
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

describe('the Firefox build’s popup, options, badge and notifications in Firefox', () => {
  let exchange: LocalExchange;
  let browser: Browser;
  let tab: Page;
  /** An add-on page, kept open to ask the add-on's APIs what it shows (badge, notifications). */
  let probe: Page;

  /** The futures tab's badge and the notifications shown, as the add-on's own pages see them. */
  const shown = () =>
    probe.evaluate(async () => {
      const api = (globalThis as unknown as { browser: import('webextension-polyfill').Browser }).browser;
      // The worker's summary of each futures tab it follows, keyed by tab id.
      const { tabSummaries } = await api.storage.session.get('tabSummaries');
      const tabId = Number(Object.keys(tabSummaries ?? {})[0]);
      const closed = (globalThis as unknown as { closedNotifications: string[] }).closedNotifications;
      return {
        badge: Number.isNaN(tabId) ? null : await api.browserAction.getBadgeText({ tabId }),
        notifications: [...new Set([...closed, ...Object.keys(await api.notifications.getAll())])],
      };
    });
  const btcAlerts = async () =>
    (await shown()).notifications.filter((id) => id.includes('|BTCUSDT:long:cross|distance|')).map((id) => id.split('|')[3]).sort();

  beforeAll(async () => {
    exchange = await startLocalExchange({ '/en/futures/BTCUSDT': page });
    browser = await launchFirefox();
    await browser.installExtension(EXTENSION_DIR);
    tab = await browser.newPage();
    await tab.goto(`https://www.binance.com:${exchange.port}/en/futures/BTCUSDT`);
    // The overlay shows the worker's figures: the page has been read and worked out.
    await tab.waitForFunction(() => document.querySelector('liqguard-overlay')?.shadowRoot?.querySelector('[data-testid="liqguard-distance"]'), { timeout: 15_000 });
    probe = await openAddonPage(browser, 'popup.html');
    // Headless Firefox closes each notification as soon as it is shown (`getAll` then no longer lists it): the
    // ones closed count as shown.
    await probe.evaluate(() => {
      const api = (globalThis as unknown as { browser: import('webextension-polyfill').Browser }).browser;
      const closed: string[] = [];
      (globalThis as unknown as { closedNotifications: string[] }).closedNotifications = closed;
      api.notifications.onClosed.addListener((id) => void closed.push(id));
    });
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  it('shows the worst distance on the tab’s badge', async () => {
    // SOLUSDT, 7.94 % from liquidation, is the worst of the three.
    await expect.poll(async () => (await shown()).badge).toBe('7.9%');
  });

  it('notifies once when a price crosses the warning distance', async () => {
    // BTCUSDT is safe at 23 %.
    expect(await btcAlerts()).toEqual([]);
    await tab.evaluate(moveMarkInPage, ['BTCUSDT', '80,000.0'] as const); // ≈ 8.9 % from liquidation
    await expect.poll(btcAlerts).toEqual(['warning']);
    await tab.evaluate(moveMarkInPage, ['BTCUSDT', '80,100.0'] as const);
    await new Promise((waited) => setTimeout(waited, 1500));
    expect(await btcAlerts()).toEqual(['warning']);
  });

  it('popup: lists the page’s positions and prefills the calculators from one', async () => {
    const popup = await openAddonPage(browser, 'popup.html');
    await expect.poll(() => popup.evaluate(() => document.querySelectorAll('[data-testid="popup-position"]').length)).toBe(3);
    const result = (calculator: string, name: string) =>
      popup.evaluate((selector) => document.querySelector(selector)?.textContent ?? null, `[data-testid="calc-${calculator}"] [data-result="${name}"]`);
    // BTCUSDT long 0.5 from 96,250.0, at the mark the last test left (80,100.0): 0.5 × −16,150 (≥ 1,000: cents).
    await expect.poll(() => result('pnl', 'pnl')).toBe('-8,075.00');
    // Typed as a person would, into the field its label names: 96,250 × (1 + 40 % / 20), to BTCUSDT's tick.
    await typeInto(popup, '[data-testid="calc-target"]', 'Target ROE (%)', '40');
    await expect.poll(() => result('target', 'targetPrice')).toBe('98,175.0');
    await popup.close();
  });

  it('options: saves a threshold that the open page applies at once', async () => {
    const options = await openAddonPage(browser, 'options.html');
    await typeInto(options, 'form', 'Warning when liquidation is within', '30');
    await typeInto(options, 'form', 'Danger when liquidation is within', '25');
    await options.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save')!.click());
    await expect.poll(() => options.evaluate(() => document.querySelector('[data-testid="options-status"]')?.textContent ?? '')).toMatch(/^Saved/);
    // BTCUSDT is ≈ 8.9 % from liquidation since the crossing above: inside 25 % it is in danger, on the page at once.
    const band = () =>
      tab.evaluate(() => document.querySelector('liqguard-overlay')?.shadowRoot?.querySelector('[data-testid="liqguard-position"][data-symbol="BTCUSDT"]')?.getAttribute('data-band'));
    await expect.poll(band).toBe('danger');
    await options.close();
  });
});
