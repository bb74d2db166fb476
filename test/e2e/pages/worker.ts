import { expect } from 'vitest';

import { evaluator, type Evaluator } from './driver';
import { btcDistanceLevels, expectedExactDistance } from './fixturePage';

/** What the worker last worked out for one tab (storage `tabSummaries`). */
export interface TabFigures {
  positions: { symbol: string; side: string; distance: string | null; band: string }[];
  pricesFrom: string;
  assessedAt: number;
}

/**
 * The background worker as the tests see it, through any extension context that has the add-on's APIs (the
 * service worker in Chromium, an add-on page in Firefox): the notifications it showed and the figures it worked
 * out. `assessed` is the barrier a check that nothing happened waits on: the worker has assessed the change, so
 * any notification it would bring has been shown.
 */
export class WorkerProbe {
  private readonly context: Evaluator;

  constructor(context: Parameters<typeof evaluator>[0]) {
    this.context = evaluator(context);
  }

  /**
   * Ids of the notifications shown so far: those the browser still lists, those it closed (headless browsers close
   * them after a while, headless Firefox at once: see `countClosed`), and those the worker recorded as shown
   * (session storage `shownNotifications`, which outlives a worker restart).
   */
  notificationIds(): Promise<string[]> {
    return this.context.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const closed = (globalThis as unknown as { closedNotifications?: string[] }).closedNotifications ?? [];
      const { shownNotifications } = await api.storage.session.get('shownNotifications');
      const recorded = Object.keys((shownNotifications ?? {}) as Record<string, unknown>);
      return [...new Set([...closed, ...recorded, ...Object.keys(await api.notifications.getAll())])];
    }, undefined);
  }

  /** The levels of the distance notifications about the fixture's BTCUSDT long. */
  async btcAlerts(): Promise<string[]> {
    return btcDistanceLevels(await this.notificationIds());
  }

  /** Headless Firefox closes each notification as it shows it: keep the ids of the ones closed, as shown. */
  countClosed(): Promise<void> {
    return this.context.evaluate(() => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const closed: string[] = [];
      (globalThis as unknown as { closedNotifications: string[] }).closedNotifications = closed;
      api.notifications.onClosed.addListener((id) => void closed.push(id));
    }, undefined);
  }

  /** The worker's last figures for each futures tab it follows. */
  tabs(): Promise<Record<string, TabFigures>> {
    return this.context.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const { tabSummaries } = await api.storage.session.get('tabSummaries');
      return (tabSummaries ?? {}) as Record<string, TabFigures>;
    }, undefined);
  }

  /**
   * Waits until the worker has assessed `symbol` as the page (`html` at `url`) now shows it: its figures, written after
   * any notification, carry the new distance. The barrier a check that nothing happened waits on.
   */
  async assessed(symbol: string, html: string, url: string): Promise<void> {
    const exact = expectedExactDistance(html, url, symbol);
    await expect.poll(() => this.distancesOf(symbol)).toEqual([exact]);
  }

  /** `symbol`'s distances (exact, as the worker worked them out) in every tab. */
  async distancesOf(symbol: string): Promise<(string | null)[]> {
    return Object.values(await this.tabs()).flatMap((tab) => tab.positions.filter((p) => p.symbol === symbol).map((p) => p.distance));
  }
}
