import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import puppeteer, { type Browser, type Page } from 'puppeteer-core';
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

describe.each([
  ['the Firefox build in Firefox', {}],
  // Firefox 140–141 (our minimum is 140) have no Scheduler API: the content script's timers are AbortSignal timeouts.
  ['the Firefox build in a Firefox without the Scheduler API', { 'dom.enable_web_task_scheduling': false }],
])('%s', (_, prefs: Record<string, unknown>) => {
  let exchange: LocalExchange;
  let browser: Browser;
  let tab: Page;

  const distances = () =>
    tab.evaluate(() =>
      [...(document.querySelector('liqguard-overlay')?.shadowRoot?.querySelectorAll('[data-testid="liqguard-distance"]') ?? [])].map((el) => el.textContent),
    );

  beforeAll(async () => {
    exchange = await startLocalExchange({ '/en/futures/BTCUSDT': page });
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      acceptInsecureCerts: true,
      // www.binance.com resolves to this machine; match patterns ignore the port.
      extraPrefsFirefox: { 'network.dns.localDomains': 'www.binance.com', ...prefs },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  it('installs and shows each position’s distance in the overlay', async () => {
    const id = await browser.installExtension(EXTENSION_DIR);
    expect(id).toBe('liqguard@liqguard.dev');
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
