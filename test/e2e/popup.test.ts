import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';

import { fixtures } from '../fixtures/binance';
import { markCandlesBody } from '../fixtures/binance/markCandles';
import { exchangeUrl, launchWithExtension, overlay, startLocalExchange, type ExtensionBrowser, type LocalExchange } from './harness';
import { contrastViolations } from './pages/axe';
import { PopupPage } from './pages/popup';
import { WorkerProbe } from './pages/worker';

const page = fixtures.find((f) => f.name === 'en-usdm-cross-isolated')!;
const path = new URL(page.url).pathname;

describe('popup calculators and options (real Chromium)', () => {
  let exchange: LocalExchange;
  let browser: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    exchange = await startLocalExchange({
      [path]: page.html,
      // Bars in the endpoint's shape, built so that the ATR and the betas are known (test/fixtures/binance/markCandles.ts).
      '/fapi/v1/markPriceKlines': {
        body: (url) => JSON.stringify(markCandlesBody(url.searchParams.get('symbol') ?? '') ?? []),
        type: 'application/json',
      },
    });
    browser = await launchWithExtension(exchange.port);
    await browser.page.goto(exchangeUrl(path));
    await overlay(browser.page).waitFor();
    // The worker has the page's figures before the popup opens.
    await vi.waitFor(async () => expect(Object.keys(await new WorkerProbe(browser.serviceWorker).tabs()).length).toBeGreaterThan(0), {
      timeout: 5000,
    });
    popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  const calculator = (id: string) => popup.getByTestId(`calc-${id}`);
  /** Selects a calculator's tab, as a person would, and gives the calculator. */
  const openCalculator = async (tab: string, id: string) => {
    await popup.getByRole('tab', { name: tab, exact: true }).click();
    return calculator(id);
  };

  it('prefills the calculators from the selected position', async () => {
    await expect.poll(() => new PopupPage(popup).positionCount()).toBe(3);
    // BTCUSDT long 0.5 from 96,250.0 at mark 95,480.3: PnL = 0.5 × (95,480.3 − 96,250.0).
    await expect.poll(() => calculator('pnl').locator('[data-result="pnl"]').innerText()).toBe('-384.8500');
    expect(await calculator('pnl').getByLabel('Entry price').inputValue()).toBe('96250');
    expect(await popup.getByTestId('position-tools').innerText()).toContain('BTCUSDT Long');
  });

  it('prefills as the exchange would: Avbl for max open, the options’ fee, a cross position’s liquidation in cross mode', async () => {
    // The page's Avbl (1,000.00), not the wallet balance (12,500): a max size from the wallet comes out far too big.
    expect(await (await openCalculator('Max open', 'max-open')).getByLabel('Avbl (USDT)').inputValue()).toBe('1000');
    // The taker fee of the options (0.05 % by default) on both sides of the break-even.
    const breakEven = await openCalculator('Break-even', 'break-even');
    expect(await breakEven.getByLabel('Open fee (%)').inputValue()).toBe('0.05');
    // BTCUSDT is cross: the liquidation calculator opens in cross mode with the wallet balance, never as isolated.
    await openCalculator('Liquidation price', 'liquidation');
    expect(await popup.getByLabel('Cross', { exact: true }).isChecked()).toBe(true);
    expect(await calculator('liquidation').getByLabel('Wallet balance (USDT)').inputValue()).toBe('12500');
    // The tabs follow the ARIA pattern: the arrow key moves to the next one.
    await popup.getByRole('tab', { name: 'Liquidation price' }).press('ArrowRight');
    expect(await popup.getByRole('tab', { name: 'Max open' }).getAttribute('aria-selected')).toBe('true');
    await popup.getByRole('tab', { name: 'PnL', exact: true }).click();
  });

  it('computes as a person types, by the fields’ labels', async () => {
    const target = await openCalculator('Target price', 'target');
    await target.getByLabel('Target ROE (%)').fill('40');
    // 96,250 × (1 + 40 % / 20), shown to BTCUSDT's tick (0.1) as the page shows its prices.
    await expect.poll(() => target.locator('[data-result="targetPrice"]').innerText()).toBe('98,175.0');
    await target.getByLabel('Short').check();
    await expect.poll(() => target.locator('[data-result="targetPrice"]').innerText()).toBe('94,325.0');
  });

  it('suggests take-profits that lie ahead of the price, with the gain each locks in', async () => {
    // BTCUSDT long from 96,250 at 20x: ROE +25 % is 96,250 × 1.0125 = 97,453.125, on the tick (0.1) toward the
    // mark 97,453.1, a gain of 0.5 × 1,203.1.
    const items = await popup.getByTestId('take-profit-suggestions').locator('li').allInnerTexts();
    expect(items[0]).toMatch(/^ROE \+25%\s+97,453\.1 · \+601\.55 USDT$/);
  });

  it('gives each stop its reward:risk, and says plainly when the loss is already past a share of the balance', async () => {
    // No take-profit of its own: against ROE +50 % at 20x, 96,250 × 1.025 = 98,656.25, on the tick toward the mark.
    expect(await popup.getByTestId('reward-risk-target').innerText()).toBe('R:R against the take-profit at ROE +50% (98,656.2)');
    const stops = await popup.getByTestId('stop-suggestions').locator('li').allInnerTexts();
    expect(stops[0]).toMatch(/ · -[\d,]+\.\d{2} USDT · R:R \d+\.\d$/);
    // One and two ATRs (2,000: every 4-hour bar spans 2,000) below the mark 95,480.3, for 0.5 BTC from 96,250;
    // against the take-profit's gain of 1,203.10.
    await expect
      .poll(() => popup.getByTestId('stop-suggestions').locator('li').allInnerTexts())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^1× ATR \(14 bars of 4 h\)\s+93,480\.3 · -1,384\.85 USDT · R:R 0\.9$/),
          expect.stringMatching(/^2× ATR \(14 bars of 4 h\)\s+91,480\.3 · -2,384\.85 USDT · R:R 0\.5$/),
        ]),
      );
    // A trailing stop activated now triggers at worst at mark × (1 − callback), on the tick toward the mark.
    expect(await popup.getByTestId('trailing-suggestions').locator('li').allInnerTexts()).toEqual([
      expect.stringMatching(/^Callback 1\.00%\s+94,525\.5 · -862\.25 USDT · R:R 1\.4$/),
      expect.stringMatching(/^Callback 2\.00%\s+93,570\.7 · -1,339\.65 USDT · R:R 0\.9$/),
      expect.stringMatching(/^Callback 5\.00%\s+90,706\.3 · -2,771\.85 USDT · R:R 0\.4$/),
    ]);
    expect(await popup.getByTestId('trailing-max').innerText()).toMatch(
      /^A callback above 23\.\d{2}% could trigger only past liquidation\.$/,
    );
    // Down 384.85 USDT on a 12,500 balance: more than 1 % and 2 % of it already.
    expect(stops.slice(5)).toEqual([
      expect.stringMatching(/^Lose 1% of the balance\s+already down 384\.85 USDT, 3\.08% of the balance$/),
      expect.stringMatching(/^Lose 2% of the balance\s+already down 384\.85 USDT, 3\.08% of the balance$/),
    ]);
  });

  it('switches the contract-only calculators to COIN-M', async () => {
    await popup.getByLabel('COIN-M').check();
    expect(await calculator('pnl').getByLabel('Contracts').count()).toBe(1);
    expect(await calculator('liquidation').count()).toBe(0);
    await popup.getByLabel('USD-M', { exact: true }).check();
    expect(await calculator('liquidation').count()).toBe(1);
  });

  it('shows an inline error and no result for bad input', async () => {
    const pnl = await openCalculator('PnL', 'pnl');
    await pnl.getByLabel('Entry price').fill('abc');
    await expect.poll(() => pnl.getByRole('alert').innerText()).toBe('Not a number');
    expect(await pnl.getByTestId('calc-results').count()).toBe(0);
    const liquidation = await openCalculator('Liquidation price', 'liquidation');
    await liquidation.getByLabel('Leverage (x)').fill('150');
    await expect.poll(() => liquidation.getByRole('alert').innerText()).toBe("Above this symbol's maximum (125x)");
    // 0.5 BTC at 96,250 is in the tier that allows 100x; 7 BTC (673,750 USDT) is in the one that allows 75x.
    await liquidation.getByLabel('Leverage (x)').fill('100');
    await liquidation.getByLabel('Quantity').fill('7');
    await expect
      .poll(() => liquidation.getByRole('alert').innerText())
      .toBe('Above the 75x the exchange allows for a 673,750.00 USDT position (its maintenance tier)');
  });

  it('switches the prefill to another position', async () => {
    await popup.getByRole('button', { name: /SOLUSDT Long/ }).click();
    await expect.poll(() => popup.getByTestId('position-tools').innerText()).toContain('SOLUSDT Long');
    expect(await calculator('liquidation').getByLabel('Margin (USDT) — optional').inputValue()).toBe('427.05');
    // SOL sits 7.94 % from liquidation: bringing it back to 10 % needs margin (or a cut).
    const remedy = await popup.getByTestId('remedy').locator('li').allInnerTexts();
    expect(remedy[0]).toMatch(/^Add [\d,]+\.\d{2} USDT margin to this position \(Margin ✎\)$/);
    expect(remedy[1]).toMatch(/^Close \d+ SOL \(\d+%\) at market, reduce-only$/);
  });

  it('gives a position thresholds of its own, which the page applies at once, and takes them back', async () => {
    await popup.getByRole('button', { name: /BTCUSDT Long/ }).click();
    const thresholds = popup.getByTestId('position-thresholds');
    await thresholds.locator('summary').click();
    expect(await thresholds.getByRole('status').innerText()).toBe('Using the defaults: warning within 10%, danger within 5%.');
    const btc = browser.page.locator('liqguard-overlay [data-testid="liqguard-position"][data-symbol="BTCUSDT"]');
    expect(await btc.getAttribute('data-band')).toBe('safe');
    // BTCUSDT is 23.7 % from liquidation: with danger at 25 % for it alone, it is in danger; the others are not moved.
    await thresholds.getByLabel('Warning within (%)').fill('30');
    await thresholds.getByLabel('Danger within (%)').fill('35');
    await thresholds.getByRole('button', { name: 'Save for this position' }).click();
    await expect.poll(() => thresholds.getByRole('alert').innerText()).toBe('Must not be above the warning distance');
    await thresholds.getByLabel('Danger within (%)').fill('25');
    await thresholds.getByRole('button', { name: 'Save for this position' }).click();
    await expect.poll(() => thresholds.getByRole('status').innerText()).toBe('Saved: this position now alerts at its own thresholds.');
    await expect.poll(() => btc.getAttribute('data-band')).toBe('danger');
    const eth = browser.page.locator('liqguard-overlay [data-testid="liqguard-position"][data-symbol="ETHUSDT"]');
    expect(await eth.getAttribute('data-band')).not.toBe('danger');
    await thresholds.getByRole('button', { name: 'Use the defaults' }).click();
    await expect.poll(() => btc.getAttribute('data-band')).toBe('safe');
  });

  it('stress-tests the account: the first liquidation on a fall and a rise, and what a move of every mark does', async () => {
    const stress = popup.getByTestId('stress-test');
    // SOLUSDT, isolated, is 7.94 % from liquidation: the first to go on a fall.
    await expect
      .poll(() => stress.getByTestId('stress-first-fall').innerText())
      .toMatch(/^First liquidation on a fall: 7\.9\d% \(SOLUSDT Long\)$/);
    expect(await stress.getByTestId('stress-first-rise').innerText()).toMatch(
      /^(First liquidation on a rise: [\d.]+% \([A-Z]+USDT (Long|Short)\)|No liquidation on a rise of up to 200%)$/,
    );
    // Every mark 10 % lower (where the control starts): SOL is liquidated, the cross pool holds.
    expect(await stress.getByTestId('stress-move').innerText()).toBe('-10%');
    expect(await stress.getByTestId('stress-positions').innerText()).toContain('SOLUSDT Long: liquidated (1 of 1)');
    expect(await stress.getByTestId('stress-margin-ratio').innerText()).toMatch(/^Cross margin ratio: \d+\.\d{2}%$/);
    expect(await stress.getByTestId('stress-left').innerText()).toMatch(/^Left of the balance: [\d,]+\.\d{2} USDT$/);
    // By keyboard, to −5 %: SOL is open again.
    await stress.getByRole('slider').focus();
    for (let i = 0; i < 5; i++) await popup.keyboard.press('ArrowRight');
    await expect.poll(() => stress.getByTestId('stress-move').innerText()).toBe('-5%');
    expect(await stress.getByTestId('stress-positions').innerText()).toMatch(/SOLUSDT Long: [\d.]+% from liquidation/);
    // By beta to BTC, from the public 4-hour bars: SOL moves twice as far as BTC, so half BTC's move liquidates it.
    await stress.getByLabel('Each by its beta to BTCUSDT (4 h bars)').check();
    await expect.poll(() => stress.getByTestId('stress-betas').innerText()).toBe('Betas to BTCUSDT: ETHUSDT 1.50, SOLUSDT 2.00');
    await expect
      .poll(() => stress.getByTestId('stress-first-fall').innerText())
      .toMatch(/^First liquidation on a fall: 3\.9\d% \(SOLUSDT Long\)$/);

    // The overlay's stress test has the beta mode too, worked out by the worker from the same public bars.
    const inOverlay = overlay(browser.page).getByTestId('liqguard-stress');
    await inOverlay.locator('summary').click();
    const lines = inOverlay.getByTestId('liqguard-stress-lines').locator('li');
    await expect.poll(() => lines.first().innerText()).toMatch(/^First liquidation on a fall: 7\.9\d% \(SOLUSDT Long\)$/);
    await inOverlay.getByLabel('Each by its beta to BTCUSDT (4 h bars)').check();
    await expect.poll(() => lines.first().innerText()).toBe('Betas to BTCUSDT: ETHUSDT 1.50, SOLUSDT 2.00');
    expect((await lines.allInnerTexts()).slice(1, 3)).toEqual([
      await stress.getByTestId('stress-first-fall').innerText(),
      await stress.getByTestId('stress-first-rise').innerText(),
    ]);
    // The slider now moves BTCUSDT, and says so.
    expect(await inOverlay.getByRole('slider', { name: /^Move BTCUSDT by/ }).count()).toBe(1);
    await inOverlay.getByLabel('Each by its beta to BTCUSDT (4 h bars)').uncheck();
    await expect.poll(() => lines.first().innerText()).toMatch(/^First liquidation on a fall: 7\.9\d% \(SOLUSDT Long\)$/);
    await stress.getByLabel('Every mark together').check();
  });

  it('reads well in the browser’s light and dark themes: what is typed shows, and axe-core finds no text under 4.5:1', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Save' }).waitFor();
    const typed = (await openCalculator('PnL', 'pnl')).getByLabel('Entry price');
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const shown of [popup, options]) await shown.emulateMedia({ colorScheme });
      // The typed text and its field's background (was slate-900 on a transparent field over a dark popup).
      const [text, field] = await typed.evaluate((input) => [getComputedStyle(input).color, getComputedStyle(input).backgroundColor]);
      expect(field).not.toBe('rgba(0, 0, 0, 0)');
      expect(text).not.toBe(field);
      expect(await contrastViolations(popup)).toEqual([]);
      expect(await contrastViolations(options)).toEqual([]);
    }
    for (const shown of [popup, options]) await shown.emulateMedia({ colorScheme: null });
    await options.close();
  });

  it('options: validates, saves, reloads and applies a threshold to the open page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel(/^Danger when liquidation is within/).fill('40');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('alert').first().innerText()).toBe('Must not be above the warning distance');

    await options.getByLabel(/^Warning when liquidation is within/).fill('30');
    await options.getByLabel(/^Danger when liquidation is within/).fill('25');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByTestId('options-status').innerText()).toMatch(/^Saved/);
    await options.reload();
    await expect.poll(() => options.getByLabel(/^Danger when liquidation is within/).inputValue()).toBe('25');

    // BTCUSDT is 23.7 % from liquidation: with danger at 25 % the overlay recolours it without a reload.
    const btc = browser.page.locator('liqguard-overlay [data-testid="liqguard-position"][data-symbol="BTCUSDT"]');
    await expect.poll(() => btc.getAttribute('data-band')).toBe('danger');
    await options.close();
  });

  it('speaks the browser’s language: a German browser gets the popup, its calculators and the options in German', async () => {
    /** One of the extension's pages as a browser set to German shows it. */
    const inGerman = async (file: string) => {
      const shown = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(shown);
      await cdp.send('Emulation.setLocaleOverride', { locale: 'de-DE' });
      const userAgent = await browser.page.evaluate(() => navigator.userAgent);
      await cdp.send('Network.setUserAgentOverride', { userAgent, acceptLanguage: 'de-DE' });
      await shown.goto(`chrome-extension://${browser.extensionId}/${file}`);
      return shown;
    };
    const german = await inGerman('popup.html');
    expect(await german.evaluate(() => navigator.language)).toBe('de-DE');
    await expect.poll(() => new PopupPage(german).positionCount()).toBe(3);
    expect(await german.getByTestId('popup-position').first().innerText()).toMatch(/bis zur Liquidation$/);
    expect(await german.getByTestId('position-tools').innerText()).toContain('Stop-Loss-Vorschläge');
    await german.getByRole('tab', { name: 'Max. eröffnen', exact: true }).click();
    const maxOpen = german.getByTestId('calc-max-open');
    expect(await maxOpen.getByLabel('Verfügbar (USDT)').inputValue()).toBe('1000');
    await maxOpen.getByLabel('Hebel (x)').fill('2.5');
    await expect.poll(() => maxOpen.getByRole('alert').innerText()).toBe('Eine ganze Zahl von 1 bis 200');
    await german.close();

    const options = await inGerman('options.html');
    await options.getByLabel(/^Gefahr, wenn die Liquidation näher ist als/).fill('99');
    await options.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => options.getByRole('alert').first().innerText()).toBe('Darf nicht über dem Warnabstand liegen');
    expect(await options.getByTestId('options-status').innerText()).toBe('Nicht gespeichert: korrigieren Sie die rot markierten Felder.');
    await options.close();
  });

  it('works out a COIN-M position with the COIN-M tiers', async () => {
    const coinm = fixtures.find((f) => f.name === 'en-coinm')!;
    exchange.routes[new URL(coinm.url).pathname] = coinm.html;
    await browser.page.goto(exchangeUrl(new URL(coinm.url).pathname));
    await overlay(browser.page).waitFor();
    // No COIN-M table ships: these tiers (in BTC, following Binance's cum rule) stand for a fetched one.
    const tier = (bracket: number, floor: string, cap: string, maxLeverage: number, maintMarginRatio: string, cum: string) => ({
      bracket,
      notionalFloor: floor,
      notionalCap: cap,
      maxLeverage,
      maintMarginRatio,
      cum,
    });
    const tiers = [
      tier(1, '0', '5', 125, '0.005', '0'),
      tier(2, '5', '10', 50, '0.01', '0.025'),
      tier(3, '10', '20', 20, '0.025', '0.175'),
    ];
    await browser.serviceWorker.evaluate(
      async (symbols) => {
        const { fetchedTiers } = (await chrome.storage.local.get('fetchedTiers')) as { fetchedTiers?: Record<string, unknown> };
        await chrome.storage.local.set({
          fetchedTiers: { ...fetchedTiers, 'binance:coinm': { fetchedAt: Date.now(), asOf: '2026-11-26', source: 'test', symbols } },
        });
      },
      { BTCUSD_PERP: tiers },
    );
    const distance = browser.page.locator('liqguard-overlay [data-testid="liqguard-distance"]');
    await expect.poll(() => distance.innerText()).toMatch(/^\d+\.\d{2}%$/);
    const shown = await distance.innerText();
    // The worker has worked the page out with those tiers before the popup opens.
    const workerDistance = () =>
      browser.serviceWorker.evaluate(() =>
        chrome.storage.session
          .get('tabSummaries')
          .then(
            (s) =>
              Object.values((s.tabSummaries ?? {}) as Record<string, { positions: { distance: string | null }[] }>)[0]?.positions[0]
                ?.distance ?? null,
          ),
      );
    await expect.poll(workerDistance).not.toBeNull();
    const coinmPopup = await browser.context.newPage();
    await coinmPopup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const heading = () =>
      coinmPopup
        .getByTestId('position-tools')
        .locator('h2')
        .innerText({ timeout: 500 })
        .catch(() => '(no selected position)');
    await expect.poll(heading).toContain('BTCUSD_PERP Long · liquidation');
    expect(await heading()).toContain(`${shown} away`);
    await coinmPopup.close();
  });
});
