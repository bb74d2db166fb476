/**
 * What a trader sees on the page: the overlay beside the page's own figures (never over the positions list, the order
 * form or the account panel) at the common window sizes, in the page's theme, movable by keyboard, with contrast
 * that passes axe-core, worst position first, and a new danger announced to screen readers.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { exchangeUrl, launchWithExtension, overlay, startLocalExchange, type ExtensionBrowser, type LocalExchange } from './harness';
import { contrastViolations } from './pages/axe';
import { moveMark } from './pages/fixturePage';
import { fixtures } from '../fixtures/binance';

const root = resolve(import.meta.dirname, '../..');
const darkDemo = readFileSync(resolve(root, 'demo/futures.html'), 'utf8');
/** The same page in the exchange's light theme. */
const lightDemo = darkDemo.replace(
  'body { margin: 0; background: #0b0e11; color: #eaecef;',
  'body { margin: 0; background: #ffffff; color: #1e2329;',
);
const DARK_PATH = '/en/futures/BTCUSDT';
const LIGHT_PATH = '/en/futures/ETHUSDT';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The page's own figures a trader reads: the positions list (tabs, header, rows), the order form and the account panel. */
async function pageFigureBoxes(page: Page): Promise<{ name: string; box: Box }[]> {
  return page.evaluate(() =>
    [
      ['positions tabs', '[role="tablist"]'],
      ['positions header', '.list-header'],
      ['position row', '.list-item-container'],
      ['order form and account panel', '.css-side'],
    ].flatMap(([name, selector]) =>
      [...document.querySelectorAll(selector!)].map((element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return { name: name!, box: { x, y, width, height } };
      }),
    ),
  );
}

describe('the overlay beside the page’s figures, in its theme (real Chromium)', () => {
  let exchange: LocalExchange;
  let browser: ExtensionBrowser;

  const open = async (path: string, viewport = { width: 1280, height: 720 }) => {
    await browser.page.setViewportSize(viewport);
    await browser.page.goto(exchangeUrl(path));
    await overlay(browser.page).waitFor();
    await expect.poll(() => overlay(browser.page).getByTestId('liqguard-position').count()).toBe(3);
  };

  beforeAll(async () => {
    exchange = await startLocalExchange({
      [DARK_PATH]: darkDemo,
      [LIGHT_PATH]: lightDemo,
      // Prices held still: each check reads one layout.
      '/demo/ticker.js': { body: '', type: 'text/javascript' },
    });
    browser = await launchWithExtension(exchange.port);
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  it.each([
    [1280, 720],
    [1440, 900],
    [1920, 1080],
  ])('at %i×%i it covers none of the positions list, the order form or the account panel', async (width, height) => {
    await open(DARK_PATH, { width, height });
    // Laid out once the page's figures were found; the panel scrolls inside the room it has.
    await expect.poll(() => overlay(browser.page).evaluate((el) => el.style.maxHeight)).not.toBe('');
    const panel = (await overlay(browser.page).boundingBox())!;
    const covered = (await pageFigureBoxes(browser.page)).filter(({ box }) => overlaps(panel, box)).map(({ name }) => name);
    expect(covered).toEqual([]);
    expect(panel.y + panel.height).toBeLessThanOrEqual(height);
    expect(panel.x + panel.width).toBeLessThanOrEqual(width);
  });

  it('takes the page’s theme, not the system’s, and its text passes axe-core’s contrast check in both', async () => {
    await browser.page.emulateMedia({ colorScheme: 'light' });
    await open(DARK_PATH);
    expect(await overlay(browser.page).getAttribute('data-theme')).toBe('dark');
    expect(await overlay(browser.page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('oklch(0.208 0.042 265.755)');
    expect(await contrastViolations(browser.page, 'liqguard-overlay')).toEqual([]);

    await browser.page.emulateMedia({ colorScheme: 'dark' });
    await open(LIGHT_PATH);
    expect(await overlay(browser.page).getAttribute('data-theme')).toBe('light');
    expect(await overlay(browser.page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await contrastViolations(browser.page, 'liqguard-overlay')).toEqual([]);
    await browser.page.emulateMedia({ colorScheme: null });
    // The check sees text too faint to read: one planted on the page fails it.
    await browser.page.evaluate(() =>
      document.body.insertAdjacentHTML('beforeend', '<p id="faint" style="color:#ddd;background:#fff">faint</p>'),
    );
    expect(await contrastViolations(browser.page, '#faint')).toEqual([expect.stringContaining('insufficient color contrast')]);
  });

  it('moves by keyboard: arrow keys on its move handle, remembered like a drag', async () => {
    await open(DARK_PATH);
    const before = (await overlay(browser.page).boundingBox())!;
    await overlay(browser.page).getByTestId('liqguard-move').focus();
    await browser.page.keyboard.press('ArrowLeft');
    await browser.page.keyboard.press('Shift+ArrowDown');
    await expect.poll(async () => (await overlay(browser.page).boundingBox())!.x).toBe(before.x - 16);
    expect((await overlay(browser.page).boundingBox())!.y).toBe(before.y + 64);
    await expect
      .poll(() =>
        browser.serviceWorker.evaluate(() => chrome.storage.local.get('overlayPlacement').then((items) => items.overlayPlacement)),
      )
      .toEqual({ x: before.x - 16, y: before.y + 64, collapsed: false });
    // Back to the default spot for the tests after this one.
    await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('overlayPlacement'));
  });

  it('leads with the worst position, says its band in words, names it on its snooze buttons and announces a new danger', async () => {
    await open(DARK_PATH);
    const rows = overlay(browser.page).getByTestId('liqguard-position');
    const announce = overlay(browser.page).getByTestId('liqguard-announce');
    expect(await announce.textContent()).toBe('');
    await moveMark(browser.page, 'SOLUSDT', '129.500'); // about 1 % from liquidation: danger
    await expect.poll(() => rows.first().getByTestId('liqguard-band').innerText()).toBe('DANGER');
    expect(await rows.first().getAttribute('data-symbol')).toBe('SOLUSDT');
    await expect.poll(() => announce.textContent()).toBe('In danger of liquidation: SOLUSDT Long');
    expect(await announce.getAttribute('role')).toBe('alert');
    for (const name of [
      'Snooze SOLUSDT Long alerts for 15 min',
      'Snooze SOLUSDT Long alerts for 1 h',
      'Snooze SOLUSDT Long alerts until it changes',
    ])
      expect(await rows.first().getByRole('button', { name }).count()).toBe(1);
  });

  it('keeps a position whose row can no longer be read in view, its last figures marked old, with when and why', async () => {
    await open(DARK_PATH);
    await expect.poll(() => overlay(browser.page).getByTestId('liqguard-distance').allInnerTexts()).not.toContain('—');
    // BTCUSDT's PnL with the wrong sign: the row contradicts its own mark and entry, and the reader refuses it.
    await browser.page.evaluate(() => {
      document.querySelector('[data-demo-row="BTCUSDT"] [data-demo="pnl"]')!.innerHTML = '384.85 USDT<br>(16.12%)';
    });
    const lost = overlay(browser.page).getByTestId('liqguard-lost');
    await expect.poll(() => lost.getAttribute('data-symbol')).toBe('BTCUSDT');
    expect(await lost.locator('s').first().innerText()).toMatch(/^\d+\.\d{2}%$/);
    expect(await lost.getByTestId('liqguard-lost-reason').innerText()).toMatch(
      /^Figures from .+, not current: this row can no longer be read \(.+\)\. Check it on the page\.$/,
    );
    // ETHUSDT shares the cross pool: ours cannot be vouched for, the page's own figure is shown as the page's.
    const eth = overlay(browser.page).locator('[data-testid="liqguard-position"][data-symbol="ETHUSDT"]');
    expect(await eth.getByTestId('liqguard-reason').innerText()).toMatch(
      /The page's own figure: liquidation at 6,261\.74, [\d.]+% away\.$/,
    );
    // The popup names it too, and does not call the page's figures whole.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect
      .poll(() => popup.getByTestId('popup-unreadable').innerText())
      .toMatch(/^BTCUSDT: could not be read \(.+\); its figures are paused/);
    expect(await popup.getByTestId('popup-source').innerText()).toMatch(/1 row not read\.$/);
    await popup.close();
  });

  it('offers a layout report when a row cannot be read: the page’s labels around its positions, no figure of it', async () => {
    await open(DARK_PATH);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(exchangeUrl('/')).origin });
    await browser.page.evaluate(() => {
      document.querySelector('[data-demo-row="BTCUSDT"] [data-demo="pnl"]')!.innerHTML = '384.85 USDT<br>(16.12%)';
    });
    const button = overlay(browser.page).getByTestId('liqguard-layout-report');
    await button.click();
    await expect.poll(() => button.locator('xpath=..').getByRole('status').innerText()).toMatch(/^Copied: attach it to your bug report/);
    const report = await browser.page.evaluate(() => navigator.clipboard.readText());
    for (const label of ['Symbol', 'Mark Price', 'Liq.Price']) expect(report).toContain(label);
    expect(report).not.toMatch(/\d/);
  });

  it('stress-tests the account from the overlay: the worker says what a move of every mark liquidates', async () => {
    await open(DARK_PATH);
    const stress = overlay(browser.page).getByTestId('liqguard-stress');
    await stress.locator('summary').click();
    const lines = stress.getByTestId('liqguard-stress-lines').locator('li');
    // SOLUSDT, isolated and the nearest to liquidation, is the first to go on a fall; at −10 % it is gone.
    await expect.poll(() => lines.first().innerText()).toMatch(/^First liquidation on a fall: \d+\.\d{2}% \(SOLUSDT Long\)$/);
    expect(await lines.allInnerTexts()).toContain('SOLUSDT Long: liquidated (1 of 1)');
    expect(await stress.getByTestId('liqguard-stress-move').innerText()).toBe('-10%');
    // By keyboard, to −5 %: SOL is open again.
    await stress.getByRole('slider').focus();
    for (let i = 0; i < 5; i++) await browser.page.keyboard.press('ArrowRight');
    await expect.poll(() => stress.getByTestId('liqguard-stress-move').innerText()).toBe('-5%');
    await expect
      .poll(() => lines.allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^SOLUSDT Long: [\d.]+% from liquidation$/)]));
  });

  it('speaks the page’s language: a German page gets German labels, remedies and reasons', async () => {
    const page = fixtures.find((f) => f.name === 'de-usdm')!;
    const path = new URL(page.url).pathname;
    exchange.routes[path] = page.html;
    await browser.page.goto(exchangeUrl(path));
    const rows = overlay(browser.page).getByTestId('liqguard-position');
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => rows.first().getByTestId('liqguard-band').innerText()).toBe('WARNUNG');
    expect(await rows.first().locator('dt').first().innerText()).toBe('Liq.-Preis');
    expect(await rows.first().getByTestId('liqguard-remedy').innerText()).toMatch(
      /^Fügen Sie dieser Position [\d,]+\.\d{2} USDT Margin hinzu/,
    );
    // A size of 0: the reader refuses the BTCUSDT row, and says why in German (the worker sends its words).
    await browser.page.evaluate(() => {
      [...document.querySelectorAll('span')].find((span) => span.textContent === '0.500 BTC')!.textContent = '0 BTC';
    });
    const lost = overlay(browser.page).getByTestId('liqguard-lost');
    await expect
      .poll(() => lost.getByTestId('liqguard-lost-reason').innerText())
      .toMatch(/^Werte von .+, nicht aktuell: Diese Zeile ist nicht mehr lesbar \(Größe ist null\)\. Prüfen Sie sie auf der Seite\.$/);
    // ETHUSDT shares the cross pool with it: why our figure cannot be vouched for, in German too.
    const eth = overlay(browser.page).locator('[data-testid="liqguard-position"][data-symbol="ETHUSDT"]');
    await expect
      .poll(() => eth.getByTestId('liqguard-reason').innerText())
      .toMatch(/^— eine Zeile war nicht lesbar, daher sind die Cross-Zahlen unvollständig\. Wert der Seite selbst: Liquidation bei /);
  });
});
