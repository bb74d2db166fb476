import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '../fixtures/binance';
import { exchangeUrl, launchWithExtension, overlay, startLocalExchange, type ExtensionBrowser, type LocalExchange } from './harness';

const page = fixtures.find((f) => f.name === 'en-usdm-cross-isolated')!;
const path = new URL(page.url).pathname;

/**
 * The alert sound chosen in the options, in real Chromium: its worker has no audio, so the sound plays in an offscreen
 * document, which Chromium runs headless too (Web Audio needs no speaker).
 */
describe('the alert sound (real Chromium)', () => {
  let exchange: LocalExchange;
  let browser: ExtensionBrowser;
  /** The offscreen documents open now. */
  const offscreenDocuments = () =>
    browser.serviceWorker.evaluate(() =>
      chrome.runtime
        .getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] })
        .then((all) => all.map((c) => c.documentUrl)),
    );

  beforeAll(async () => {
    exchange = await startLocalExchange({ [path]: page.html });
    browser = await launchWithExtension(exchange.port);
  });

  afterAll(async () => {
    await browser?.close();
    await exchange?.close();
  });

  it('is chosen in the options, heard with its button, and saved', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const select = options.getByLabel('Alert sound');
    expect(await select.inputValue()).toBe('system');
    // The system's sound is the notification's own: there is nothing for LiqGuard to play.
    expect(await options.getByRole('button', { name: 'Play' }).count()).toBe(0);
    await select.selectOption({ label: 'Siren' });
    const play = options.getByRole('button', { name: 'Play' });
    await play.click();
    // Busy while the siren plays, then done: and nothing said the browser would not play it.
    await expect.poll(() => play.getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => play.getAttribute('aria-busy'), { timeout: 5000 }).toBe('false');
    expect(await options.getByTestId('options-status').innerText()).toBe('');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByTestId('options-status').innerText()).toMatch(/^Saved/);
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('settings').then((s) => s.settings));
    expect(stored).toMatchObject({ alertSound: 'siren' });
    expect(stored).not.toHaveProperty('notificationSound');
    await options.close();
  });

  it('plays in an offscreen document when an alert fires, and that document plays on request', async () => {
    expect(await offscreenDocuments()).toEqual([]);
    // SOLUSDT opens inside its warning band: its alert fires as the page is first read.
    await browser.page.goto(exchangeUrl(path));
    await overlay(browser.page).waitFor();
    await expect.poll(offscreenDocuments, { timeout: 10_000 }).toEqual([`chrome-extension://${browser.extensionId}/offscreen.html`]);
    const answer = await browser.serviceWorker.evaluate(() => chrome.runtime.sendMessage({ type: 'play-sound', sound: 'chime' }));
    expect(answer).toEqual({ played: true });
    // Anything else is not a request it answers.
    const other = await browser.serviceWorker.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'play-sound', sound: 'https://example.test/a.mp3' }).catch((error: unknown) => String(error)),
    );
    expect(other).not.toEqual({ played: true });
  });
});
