import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '../fixtures/binance';
import { exchangeUrl, launchWithExtension, overlay, startLocalExchange, type ExtensionBrowser, type LocalExchange } from './harness';
import { expectedDistances, moveMark } from './pages/fixturePage';
import { WorkerProbe } from './pages/worker';

const fixture = (name: string) => fixtures.find((f) => f.name === name)!;

describe('the overlay on the futures page (real Chromium)', () => {
  let exchange: LocalExchange;
  let browser: ExtensionBrowser;

  const open = async (name: string) => {
    const f = fixture(name);
    const path = new URL(f.url).pathname;
    exchange.routes[path] = f.html;
    await browser.page.goto(exchangeUrl(path));
    await overlay(browser.page).waitFor();
    return f;
  };
  const distances = () => browser.page.locator('liqguard-overlay [data-testid="liqguard-distance"]').allInnerTexts();

  beforeAll(async () => {
    exchange = await startLocalExchange({});
    browser = await launchWithExtension(exchange.port);
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  it('shows each position’s distance to liquidation, as computed from the page', async () => {
    const f = await open('en-usdm-cross-isolated');
    const expected = expectedDistances(f.html, f.url);
    expect(expected.every((text) => /^\d+\.\d{2}%$/.test(text))).toBe(true);
    await expect.poll(distances).toEqual(expected);
    const rows = browser.page.locator('liqguard-overlay [data-testid="liqguard-position"]');
    expect(await rows.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-symbol')}:${el.getAttribute('data-band')}`))).toEqual([
      'SOLUSDT:warning',
      'BTCUSDT:safe',
      'ETHUSDT:safe',
    ]);
    // The band in words too, not only as a colour.
    expect(await rows.getByTestId('liqguard-band').allInnerTexts()).toEqual(['WARNING', 'SAFE', 'SAFE']);
    expect(await browser.page.locator('liqguard-overlay [data-testid="liqguard-mismatch"]').count()).toBe(0);
    expect(await browser.page.locator('liqguard-overlay [data-testid="liqguard-status"]').innerText()).toMatch(/^3 positions read at /);
  });

  it('styles only its shadow root: nothing of LiqGuard’s in the exchange’s document, its own shadow drawn', async () => {
    await open('en-usdm-cross-isolated');
    const page = await browser.page.evaluate(() => ({
      // WXT copies `@property` rules it finds into a <style> of the document (scripts/shadowRootCss.ts).
      styles: document.querySelectorAll('style[wxt-shadow-root-document-styles]').length,
      // A registered `--tw-shadow` would give every element of the page its initial value.
      variable: getComputedStyle(document.body).getPropertyValue('--tw-shadow'),
    }));
    expect(page).toEqual({ styles: 0, variable: '' });
    // Tailwind's shadow works from those variables' initial values, now given inside the shadow root.
    expect(await overlay(browser.page).evaluate((el) => getComputedStyle(el).boxShadow)).toContain('rgba(0, 0, 0, 0.1) 0px 20px 25px -5px');
  });

  it('follows a mark price the page changes (how fast: a bench figure)', async () => {
    const f = await open('en-usdm-cross-isolated');
    await expect.poll(distances).toEqual(expectedDistances(f.html, f.url));
    // Move BTCUSDT's mark from 95,480.3 to 80,000.0 (and its PnL), the way the page's own script would.
    await moveMark(browser.page, 'BTCUSDT', '80,000.0');
    const moved = expectedDistances(await browser.page.content(), f.url);
    expect(moved.every((text) => /^\d+\.\d{2}%$/.test(text))).toBe(true);
    expect(moved).not.toEqual(expectedDistances(f.html, f.url));
    await expect.poll(distances).toEqual(moved);
  });

  it('sends a snapshot the worker did not take again: its figures come without another page change', async () => {
    const f = await open('en-usdm-cross-isolated');
    const before = expectedDistances(f.html, f.url);
    await expect.poll(distances).toEqual(before);
    // The worker cannot store what it is sent, as when it fails or restarts mid-message: it answers nothing.
    const storageFails = (fails: boolean) =>
      browser.serviceWorker.evaluate((on) => {
        const area = chrome.storage.session as unknown as {
          set: (...args: unknown[]) => Promise<void>;
          working?: (...args: unknown[]) => Promise<void>;
        };
        area.working ??= area.set;
        const failed = self as unknown as { failedWrites: number };
        failed.failedWrites = 0;
        area.set = on
          ? () => {
              failed.failedWrites++;
              return Promise.reject(new Error('storage unavailable (test)'));
            }
          : area.working;
      }, fails);
    await storageFails(true);
    try {
      await moveMark(browser.page, 'BTCUSDT', '80,000.0');
      // The worker was sent the change and could not take it: no figures came back for it.
      await expect
        .poll(() => browser.serviceWorker.evaluate(() => (self as unknown as { failedWrites: number }).failedWrites))
        .toBeGreaterThan(0);
      expect(await distances()).toEqual(before);
    } finally {
      await storageFails(false);
    }
    // The page changes no more: only the content script's own re-send can bring the new figures.
    await expect.poll(distances, { timeout: 5000 }).toEqual(expectedDistances(await browser.page.content(), f.url));
  });

  it('flags a page liquidation price that disagrees with ours', async () => {
    const f = fixture('en-usdm-cross-isolated');
    const path = new URL(f.url).pathname;
    exchange.routes[path] = f.html.replace('>72,846.9<', '>71,000.0<');
    await browser.page.goto(exchangeUrl(path));
    await expect.poll(() => browser.page.locator('liqguard-overlay [data-testid="liqguard-mismatch"]').count()).toBe(1);
    expect(await browser.page.locator('liqguard-overlay [data-testid="liqguard-mismatch"]').innerText()).toContain('71,000.0');
  });

  it('keeps the last figures, marked stale, while another tab is selected', async () => {
    await open('en-usdm-cross-isolated');
    await expect.poll(() => distances().then((d) => d.length)).toBe(3);
    await browser.page.evaluate(() => {
      const tabs = [...document.querySelectorAll('[role="tab"]')];
      tabs[0]!.setAttribute('aria-selected', 'false');
      tabs[1]!.setAttribute('aria-selected', 'true');
      document.querySelector('[role="tabpanel"]')!.remove();
    });
    const status = browser.page.locator('liqguard-overlay [data-testid="liqguard-status"]');
    await expect.poll(() => status.innerText()).toMatch(/^Another tab is selected: figures from .*, not current/);
    expect((await distances()).length).toBe(3);
  });

  it('warns when a stop-loss sits beyond liquidation, with a stop that would fire', async () => {
    await open('en-stop-beyond-liquidation');
    const warning = browser.page.locator('liqguard-overlay [data-testid="liqguard-stop-warning"]');
    await expect
      .poll(() => warning.innerText())
      .toMatch(/^Your stop-loss 127\.000 is beyond liquidation: it would never fire\. A stop at \d+\.\d{3} fires first/);
    const notified = () =>
      browser.serviceWorker.evaluate(() =>
        chrome.notifications.getAll().then((all) => Object.keys(all).filter((id) => id.includes('|SOLUSDT:long:isolated|stop|')).length),
      );
    await expect.poll(notified).toBe(1);
  });

  it('says "page changed, numbers paused" when the list it knew is gone, and shows no old figures', async () => {
    await open('en-usdm-cross-isolated');
    await expect.poll(() => distances().then((d) => d.length)).toBe(3);
    await browser.page.evaluate(() => {
      const header = [...document.querySelectorAll('div')].find((el) => el.childElementCount === 0 && el.textContent === 'Symbol')!;
      header.textContent = 'Pair';
    });
    const status = browser.page.locator('liqguard-overlay [data-testid="liqguard-status"]');
    await expect
      .poll(() => status.innerText())
      .toBe('Page changed, numbers paused: could not find the positions list (its column headers)');
    expect(await distances()).toEqual([]);
    const tabId = await browser.serviceWorker.evaluate(() =>
      chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url?.includes('/futures/'))?.id ?? -1),
    );
    await expect.poll(() => browser.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('?');
    // The popup says the same, and shows none of the figures it had.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect
      .poll(() => popup.getByTestId('popup-page-unreadable').innerText())
      .toBe(
        'Could not read the page, numbers paused: could not find the positions list (its column headers). Check your positions on the page.',
      );
    expect(await popup.getByTestId('popup-position').count()).toBe(0);
    await popup.close();
  });

  it('snoozes a position from the overlay: no alert for it while snoozed', async () => {
    const f = await open('en-usdm-cross-isolated');
    const sol = browser.page.locator('liqguard-overlay [data-testid="liqguard-position"][data-symbol="SOLUSDT"]');
    await sol.getByRole('button', { name: 'until it changes' }).click();
    expect(await sol.getByTestId('liqguard-snoozed').innerText()).toBe('Alerts snoozed until the position changes.');
    const snoozed = () =>
      browser.serviceWorker.evaluate(() =>
        chrome.storage.local.get('alertState').then((items) => Object.keys((items.alertState as { snoozed?: object })?.snoozed ?? {})),
      );
    await expect.poll(snoozed).toEqual(['binance:usdm:USDT|SOLUSDT:long:isolated']);
    await moveMark(browser.page, 'SOLUSDT', '129.500'); // about 1 % from liquidation: danger
    await expect.poll(() => sol.getAttribute('data-band')).toBe('danger');
    // In danger the row says what to do, in Binance's words and at amounts it accepts.
    await expect
      .poll(() => sol.getByTestId('liqguard-remedy').locator('li').allInnerTexts())
      .toEqual([
        expect.stringMatching(/^Add [\d,]+\.\d{2} USDT margin to this position \(Margin ✎\)$/),
        expect.stringMatching(/^Close \d+ SOL \(\d+%\) at market, reduce-only$/),
      ]);
    // The worker has assessed the move: the alert would have been shown by now.
    const worker = new WorkerProbe(browser.serviceWorker);
    await worker.assessed('SOLUSDT', await browser.page.content(), f.url);
    expect((await worker.notificationIds()).filter((id) => id.includes('|SOLUSDT:long:isolated|distance|danger|'))).toEqual([]);
  });

  it('says what to do when there are no positions', async () => {
    await open('en-empty');
    await expect
      .poll(() => browser.page.locator('liqguard-overlay [data-testid="liqguard-empty"]').innerText())
      .toContain('No open positions');
  });

  it('shows "—" with the reason instead of a guess', async () => {
    await open('en-size-in-quote');
    await expect.poll(distances).toEqual(['—']);
    expect(await browser.page.locator('liqguard-overlay [data-testid="liqguard-reason"]').innerText()).toContain('size is shown in USDT');
  });

  it('treats hostile page text as text: nothing injected, the unreadable row reported', async () => {
    await open('en-hostile');
    const status = browser.page.locator('liqguard-overlay [data-testid="liqguard-status"]');
    await expect.poll(() => status.innerText()).toContain('2 row(s) unreadable');
    expect(await status.innerText()).toContain('the Positions tab counts 4 but 3 rows are on the page');
    const injected = await browser.page.evaluate(() => {
      const root = document.querySelector('liqguard-overlay')!.shadowRoot!;
      return root.querySelectorAll('img, script:not([src]), iframe').length;
    });
    expect(injected).toBe(0);
    expect(await browser.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('can be dragged and collapsed, and remembers where it was', async () => {
    await open('en-usdm-cross-isolated');
    const header = browser.page.locator('liqguard-overlay header');
    const before = (await overlay(browser.page).boundingBox())!;
    const grip = (await header.locator('h1').boundingBox())!;
    await browser.page.mouse.move(grip.x + 5, grip.y + 5);
    await browser.page.mouse.down();
    await browser.page.mouse.move(grip.x - 195, grip.y + 105, { steps: 5 });
    await browser.page.mouse.up();
    await expect.poll(async () => (await overlay(browser.page).boundingBox())!.x).toBeCloseTo(before.x - 200, 0);
    await browser.page.locator('liqguard-overlay [data-testid="liqguard-collapse"]').click();
    await expect.poll(() => distances().then((d) => d.length)).toBe(0);
    // Saved 300 ms after the last move.
    const saved = () =>
      browser.serviceWorker.evaluate(() =>
        chrome.storage.local.get('overlayPlacement').then((items) => items.overlayPlacement as { collapsed?: boolean } | undefined),
      );
    await expect.poll(async () => (await saved())?.collapsed).toBe(true);
    await browser.page.reload();
    await overlay(browser.page).waitFor();
    const after = (await overlay(browser.page).boundingBox())!;
    expect(after.x).toBeCloseTo(before.x - 200, 0);
    expect(after.y).toBeCloseTo(before.y + 100, 0);
    expect(await browser.page.locator('liqguard-overlay [data-testid="liqguard-collapse"]').getAttribute('aria-expanded')).toBe('false');
    await browser.page.locator('liqguard-overlay [data-testid="liqguard-collapse"]').click();
  });
});
