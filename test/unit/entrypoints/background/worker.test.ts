/**
 * The background worker end to end in Node, on WXT's fake browser: a page's snapshot goes in, the overlay's figures
 * come back, a position already in its warning band notifies once, the tab's badge shows the worst distance, and a
 * restarted worker (a fresh module, the same storage) does not notify again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { readBinancePage } from '@/lib/exchanges/binance/page/reader';
import { parseOverlayUpdate } from '@/lib/protocol/messages';

import { domOf, fixtures } from '../../../fixtures/binance';

const fixture = fixtures.find((f) => f.name === 'en-usdm-cross-isolated')!;
const snapshot = readBinancePage(domOf(fixture.html, fixture.url).document, fixture.url)!;
const TAB = 7;
/** The sender of the futures tab's content script: our extension, in tab TAB. */
const fromTab = {
  id: fakeBrowser.runtime.id,
  tab: { id: TAB, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
};

/** A worker as the browser starts it: the module loaded afresh, its main run. */
async function startWorker() {
  vi.resetModules();
  const { default: background } = await import('@/entrypoints/background');
  background.main();
}

/** Sends a message from the futures tab's content script; the worker's answer. */
async function fromPage(message: unknown): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, fromTab);
  return answers.find((answer) => answer !== undefined);
}

/** The worker's summary of the tab, once it has assessed the snapshot (what it writes last, after notifying). */
async function assessed(): Promise<{ assessedAt: number }> {
  await vi.waitFor(async () => {
    const { tabSummaries } = await fakeBrowser.storage.session.get('tabSummaries');
    expect((tabSummaries as Record<string, unknown> | undefined)?.[TAB]).toBeDefined();
  });
  const { tabSummaries } = await fakeBrowser.storage.session.get('tabSummaries');
  return (tabSummaries as Record<string, { assessedAt: number }>)[TAB]!;
}

const notificationIds = async () => Object.keys(await fakeBrowser.notifications.getAll());

describe('the background worker (fake browser)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // Public market data is not reachable here: the shipped tiers serve, as when a fetch fails.
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new Error('offline (test)'))),
    );
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // No page is there to take the figures the worker sends unasked (the fake browser has no tabs to message).
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('answers a snapshot with the overlay’s figures, notifies once, badges the tab, and survives a restart', async () => {
    await startWorker();
    await fromPage({ type: 'page-status', route: { exchange: 'binance', market: 'usdm', symbol: 'BTCUSDT', language: 'en' } });
    const answer = parseOverlayUpdate(await fromPage({ type: 'page-snapshot', snapshot }));
    // Every position, the one in warning (SOLUSDT) first.
    expect(answer?.view?.positions.map((p) => p.symbol)).toEqual(['SOLUSDT', 'BTCUSDT', 'ETHUSDT']);
    expect(answer?.view?.positions.every((p) => /^\d+\.\d{2}%$/.test(p.distance))).toBe(true);

    await assessed();
    // SOLUSDT opens inside its warning band: one notification, at once.
    const shown = await notificationIds();
    expect(shown.filter((id) => id.includes('|SOLUSDT:long:isolated|distance|warning|'))).toHaveLength(1);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toMatch(/^\d\.\d%$/);

    // A restarted worker: its memory is gone, its storage is not. The same snapshot brings no second notification.
    fakeBrowser.runtime.resetState();
    fakeBrowser.alarms.resetState();
    fakeBrowser.notifications.resetState();
    const { assessedAt } = await assessed();
    await startWorker();
    await fromPage({ type: 'page-snapshot', snapshot: { ...snapshot } });
    await vi.waitFor(async () => expect((await assessed()).assessedAt).toBeGreaterThan(assessedAt));
    expect(await notificationIds()).toEqual([]);
  });

  it('drops a snapshot of an exchange it does not know, and answers nothing', async () => {
    await startWorker();
    expect(await fromPage({ type: 'page-snapshot', snapshot: { ...snapshot, exchange: 'nowhere' } })).toBeUndefined();
    const { lastSnapshots } = await fakeBrowser.storage.session.get('lastSnapshots');
    expect(lastSnapshots ?? {}).toEqual({});
  });
});
