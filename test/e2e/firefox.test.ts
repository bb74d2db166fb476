import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startLocalExchange, type LocalExchange } from './harness';
import { expectedDistances } from './pages';

/**
 * The Firefox build in real Firefox (Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core, the
 * recipe of ../shared/TOOLCHAIN.md): installed as a temporary add-on, it draws its overlay on a futures page.
 */
const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const page = readFileSync(resolve(import.meta.dirname, '../fixtures/binance/en-usdm-cross-isolated.html'), 'utf8');

describe('the Firefox build in Firefox', () => {
  let exchange: LocalExchange;
  let browser: Browser;

  beforeAll(async () => {
    exchange = await startLocalExchange({ '/en/futures/BTCUSDT': page });
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      acceptInsecureCerts: true,
      // www.binance.com resolves to this machine; match patterns ignore the port.
      extraPrefsFirefox: { 'network.dns.localDomains': 'www.binance.com' },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  it('installs and shows each position’s distance in the overlay', async () => {
    const id = await browser.installExtension(EXTENSION_DIR);
    expect(id).toBe('liqguard@liqguard.dev');
    const tab = await browser.newPage();
    await tab.goto(`https://www.binance.com:${exchange.port}/en/futures/BTCUSDT`);
    const distances = () =>
      tab.evaluate(() =>
        [...(document.querySelector('liqguard-overlay')?.shadowRoot?.querySelectorAll('[data-testid="liqguard-distance"]') ?? [])].map((el) => el.textContent),
      );
    // Worked out by the Firefox build's background page and drawn by its content script: the same as in Node.
    await expect.poll(distances, { timeout: 15_000 }).toEqual(expectedDistances(page, 'https://www.binance.com/en/futures/BTCUSDT'));
    expect((await distances()).every((text) => /^\d+\.\d{2} %$/.test(text ?? ''))).toBe(true);
  });
});
