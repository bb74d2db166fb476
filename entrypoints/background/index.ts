import { uiLanguage } from '@/lib/core/i18n';
import { browser, type Browser } from 'wxt/browser';

import { accountKey, marketKey } from '@/lib/model/keys';
import { playsItself } from '@/lib/model/sounds';
import { playAlertSound } from './sound';
import { stressLines } from './stress';
import { badgeFor, evaluate, parseAlertState, snooze, type AlertNotification } from '@/lib/alerts';
import { parseHistory, recordOf, withRecord } from '@/lib/alerts/history';
import { adapterFor, adapterOf } from '@/lib/exchanges';
import {
  parseMessage,
  type Message,
  type OpenFuturesPage,
  type OverlayUpdateMessage,
  type StressView,
  type PingRequest,
  type StatusResponse,
} from '@/lib/protocol/messages';
import { overlayView, overlayWords } from '@/lib/figures/overlayView';
import { readIntervalFor } from '@/lib/figures/readInterval';
import { MIN_READ_INTERVAL_MS } from '@/lib/model/readIntervals';
import { parseSettings, type Settings } from '@/lib/model/settings';
import type { PageSnapshot } from '@/lib/model/snapshot';
import {
  fetchedTiers,
  fundingQuotes as storedFundingQuotes,
  fundingWatch as storedFundingWatch,
  openFuturesPages,
  shownNotifications,
  storedAlertHistory,
  storedSettings,
  symbolRules,
} from '@/lib/protocol/storage';
import { riskView } from '@/lib/figures/riskView';
import { type RiskView } from '@/lib/figures/types';

import { fundingQuotes, fundingWatch, hiddenTabs, lastSnapshots, storedAlertState, tabSummaries } from './kept';
import {
  forgetParsedRules,
  forgetParsedTiers,
  freshTiers,
  FundingPaidWatch,
  FundingQuotes,
  keepMarketDataFresh,
  rulesOf,
} from './marketData';
import { parsedOnce } from './parsedOnce';
import { MarkPriceStreams } from './stream';

/** A hidden tab whose stream has been silent this long has stale figures (the stream sends every second). */
const STREAM_STALE_MS = 10_000;

export default defineBackground(() => {
  const streams = new MarkPriceStreams((tabId, symbol, markPrice) => enqueue(() => onMarkPrice(tabId, symbol, markPrice)));
  /** The latest streamed marks per hidden tab (rebuilt from the stream after a restart). */
  const streamedMarks = new Map<number, Record<string, string>>();

  // Read (and repaired) once, until the stored settings change: the worker needs them on every snapshot.
  const settingsNow = parsedOnce(loadSettings);
  /** Each tab's badge as last set, so that a snapshot that leaves it the same does not set it again. */
  const badges = new Map<number, string>();

  // Every change to stored state goes through one queue, so two messages never interleave a read-modify-write.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(task: () => Promise<T>) => {
    const run = queue.then(task);
    queue = run.catch((error: unknown) => console.error('LiqGuard:', error));
    return run;
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    // Only our own pages and content scripts; anything else, or anything malformed, is dropped.
    if (sender.id !== browser.runtime.id) return;
    const message = parseMessage(raw);
    if (!message) {
      console.warn('LiqGuard: dropped a malformed message', typeof raw === 'object' && raw ? Object.keys(raw) : typeof raw);
      return;
    }
    return enqueue(() => handle(message, sender));
  });
  browser.tabs.onRemoved.addListener((tabId) => void enqueue(() => forgetTab(tabId)));
  browser.notifications.onClicked.addListener((id) => void focusTabOf(id));
  // Chrome's notification buttons (Firefox has none): 0 snoozes an hour, 1 until the position changes.
  browser.notifications.onButtonClicked?.addListener(
    (id, button) =>
      void enqueue(async () => {
        const shown = (await shownNotifications.getValue())[id];
        if (!shown?.position) return;
        const { state } = parseAlertState(await storedAlertState.getValue());
        await storedAlertState.setValue(
          snooze(state, shown.position.key, button === 0 ? '1h' : 'change', shown.position.signature, Date.now()),
        );
        await browser.notifications.clear(id);
      }),
  );
  keepMarketDataFresh();
  // Market data that arrives after a page was read (a first visit, the daily refresh, a funding quote) applies to it
  // at once: every tab is assessed again — a position whose tiers were unknown has no band until then and may be in
  // danger, and the popup shows the worker's figures — and its page gets the figures of that same recompute.
  const marketDataChanged = (forget: () => void) => () => {
    forget();
    void enqueue(async () => {
      const [settings, pages, snapshots] = await Promise.all([settingsNow.get(), openFuturesPages.getValue(), lastSnapshots.getValue()]);
      for (const key of new Set([...Object.keys(snapshots), ...Object.keys(pages)])) {
        const tabId = Number(key);
        const snapshot = snapshots[key];
        const marks = streamedMarks.get(tabId);
        let update: OverlayUpdateMessage | null = null;
        if (snapshot) {
          const priced = marks ? adapterOf(snapshot).withMarkPrices(snapshot, marks) : snapshot;
          const now = Date.now();
          const risk = await overlayRisk(priced, settings, now);
          await assess(tabId, priced, settings, risk);
          // A hidden tab's page keeps the figures of its own prices; it is read again when shown.
          if (!marks && snapshot.state === 'ok') update = overlayUpdateOf(snapshot, risk, settings, now);
        }
        if (pages[key]) await browser.tabs.sendMessage(tabId, update ?? (await overlayUpdate(snapshot, settings))).catch(() => undefined);
      }
    });
  };
  fetchedTiers.watch(marketDataChanged(forgetParsedTiers));
  symbolRules.watch(marketDataChanged(forgetParsedRules));
  storedFundingQuotes.watch(marketDataChanged(() => fundingQuotes.forget()));
  storedFundingWatch.watch(marketDataChanged(() => fundingWatch.forget()));
  // What the worker keeps of the settings is dropped when they change, and every page's figures follow.
  storedSettings.watch(() => {
    settingsNow.forget();
    refreshOverlays();
  });
  const funding = new FundingQuotes((task) => void enqueue(task));
  const fundingPaid = new FundingPaidWatch((task) => void enqueue(task));

  // A restarted worker picks up the tabs that were hidden: their pages cannot tell it again.
  void enqueue(async () => {
    if (!(await settingsNow.get()).streamWhenHidden) return;
    const snapshots = await lastSnapshots.getValue();
    for (const tabId of await hiddenTabs.getValue()) watchStream(tabId, snapshots[tabId]);
  });

  /** The settings behind the overlay's figures changed: every open futures page gets them again. */
  function refreshOverlays() {
    void enqueue(async () => {
      const [settings, pages, snapshots] = await Promise.all([settingsNow.get(), openFuturesPages.getValue(), lastSnapshots.getValue()]);
      for (const tabId of Object.keys(pages)) {
        const update = await overlayUpdate(snapshots[tabId], settings);
        await browser.tabs.sendMessage(Number(tabId), update).catch(() => undefined);
      }
    });
  }

  async function handle(
    message: Message,
    sender: Browser.runtime.MessageSender,
  ): Promise<StatusResponse | OverlayUpdateMessage | StressView | void> {
    const tabId = sender.tab?.id;
    switch (message.type) {
      case 'page-status': {
        if (tabId === undefined || (message.route && !adapterFor(message.route.exchange))) return;
        // A page says so before its first snapshot; a new page's navigation cleared the tab's badge.
        badges.delete(tabId);
        const pages = await openFuturesPages.getValue();
        if (message.route) pages[tabId] = message.route;
        else delete pages[tabId];
        await openFuturesPages.setValue(pages);
        if (!message.route) await forgetTab(tabId);
        return;
      }
      case 'page-snapshot': {
        if (tabId === undefined) return;
        const { snapshot } = message;
        if (!adapterFor(snapshot.exchange)) {
          console.warn(`LiqGuard: dropped a snapshot of an exchange this build does not know (${snapshot.exchange})`);
          return;
        }
        const settings = await settingsNow.get();
        if (snapshot.state === 'unreadable') {
          // Nothing old may pass for current: the tab's figures and badge are withdrawn until it reads again, and the
          // popup says why.
          const summaries = await tabSummaries.getValue();
          summaries[tabId] = {
            positions: [],
            pricesFrom: 'page',
            assessedAt: Date.now(),
            stale: false,
            figures: [],
            unreadable: [],
            pageUnreadable: snapshot.reasons,
          };
          await tabSummaries.setValue(summaries);
          await showBadge(tabId, { text: '?', color: '#64748b' });
          // No figures, but the page's words: its reasons in its language.
          return { ...(await overlayUpdate(undefined, settings)), words: overlayWords(snapshot) };
        }
        const snapshots = await lastSnapshots.getValue();
        if (snapshot.state !== 'ok') {
          // Another tab is selected: the positions last read stay, with the Open Orders list as read since.
          const last = snapshots[tabId];
          if (last && snapshot.openOrders) {
            snapshots[tabId] = { ...last, openOrders: snapshot.openOrders, openOrdersReadAt: snapshot.openOrdersReadAt };
            await lastSnapshots.setValue(snapshots);
          }
          return overlayUpdate(snapshots[tabId], settings);
        }
        snapshots[tabId] = snapshot;
        await lastSnapshots.setValue(snapshots);
        // A tab that went hidden before its first snapshot arrived starts streaming now.
        if (!streams.isWatching(tabId) && settings.streamWhenHidden && (await hiddenTabs.getValue()).includes(tabId)) {
          watchStream(tabId, snapshot);
        }
        // One recompute for both: the page waits for its figures; the alerts, next in the queue, do not hold them up.
        const now = Date.now();
        const risk = await overlayRisk(snapshot, settings, now);
        void enqueue(() => assess(tabId, snapshot, settings, risk));
        return overlayUpdateOf(snapshot, risk, settings, now);
      }
      case 'page-visibility': {
        if (tabId === undefined) return;
        const hidden = new Set(await hiddenTabs.getValue());
        if (message.hidden) hidden.add(tabId);
        else hidden.delete(tabId);
        await hiddenTabs.setValue([...hidden]);
        if (message.hidden && (await settingsNow.get()).streamWhenHidden) watchStream(tabId, (await lastSnapshots.getValue())[tabId]);
        else stopStream(tabId);
        return;
      }
      case 'stress': {
        const snapshot = tabId === undefined ? undefined : (await lastSnapshots.getValue())[tabId];
        if (!snapshot) return { type: 'stress-view', lines: [] };
        return {
          type: 'stress-view',
          lines: await stressLines(snapshot, await freshTiers(snapshot), message.move, message.byBeta, Date.now()),
        };
      }
      case 'snooze': {
        const { state } = parseAlertState(await storedAlertState.getValue());
        await storedAlertState.setValue(snooze(state, message.position, message.choice, message.signature, Date.now()));
        return;
      }
      case 'get-status': {
        const [pages, summaries, hidden] = await Promise.all([confirmOpenPages(), tabSummaries.getValue(), hiddenTabs.getValue()]);
        const now = Date.now();
        return {
          pages: pages.map((page) => {
            const summary = summaries[page.tabId];
            if (!summary) return { ...page, summary: null };
            // A hidden tab's figures are current only while the stream delivers (1 s updates).
            const lastPrice = streams.lastMessageAt(page.tabId);
            const stale = hidden.includes(page.tabId) && (lastPrice === null || now - lastPrice > STREAM_STALE_MS);
            return { ...page, summary: { ...summary, stale } };
          }),
        };
      }
      case 'ping':
        return;
    }
  }

  function watchStream(tabId: number, snapshot: PageSnapshot | undefined) {
    if (!snapshot) return;
    const stream = adapterOf(snapshot).marketData.markStream;
    const symbols = snapshot.positions.map((p) => p.symbol);
    streams.watch(tabId, stream.url(snapshot.market, symbols), {
      parse: stream.parse,
      subscribe: stream.subscribe?.(symbols) ?? [],
      keepAlive: stream.keepAlive,
    });
  }

  function stopStream(tabId: number) {
    streams.unwatch(tabId);
    streamedMarks.delete(tabId);
  }

  async function onMarkPrice(tabId: number, symbol: string, markPrice: string) {
    const snapshot = (await lastSnapshots.getValue())[tabId];
    if (!snapshot || !streams.isWatching(tabId)) return;
    const marks = { ...streamedMarks.get(tabId), [symbol]: markPrice };
    streamedMarks.set(tabId, marks);
    await assess(tabId, adapterOf(snapshot).withMarkPrices(snapshot, marks));
  }

  /** Recomputes a tab's risk (unless `view` is it, worked out for the page), runs the alert rules (state persisted first), notifies and sets the badge. */
  async function assess(tabId: number, snapshot: PageSnapshot, settings?: Settings, view?: RiskView) {
    settings ??= await settingsNow.get();
    funding.refresh(snapshot);
    const complete =
      snapshot.unreadable.length === 0 && (snapshot.positionsCount === null || snapshot.positionsCount <= snapshot.positions.length);
    await fundingPaid.update(snapshot, complete);
    // One computation for the overlay, the alerts and the popup: the popup shows these figures.
    view ??= await overlayRisk(snapshot, settings, Date.now());
    const { state, problem } = parseAlertState(await storedAlertState.getValue());
    if (problem) console.warn(`LiqGuard: ${problem}`);
    const result = evaluate(
      state,
      {
        account: accountKey(snapshot),
        tabId,
        view,
        unreadable: snapshot.unreadable,
        complete,
        market: snapshot.market,
        wording: adapterOf(snapshot).remedies,
        language: uiLanguage(snapshot.language),
      },
      settings,
      Date.now(),
    );
    // Persist before showing: a worker stopped in between then misses nothing it has not already recorded.
    // Only when it changed: every write reaches each open page's content script as a storage event.
    if (problem || JSON.stringify(result.state) !== JSON.stringify(state)) await storedAlertState.setValue(result.state);
    // The chosen sound plays once for the alerts of one pass, not once each.
    for (const notification of result.notifications) await notify(notification, settings.alertSound === 'system');
    if (result.notifications.length > 0 && playsItself(settings.alertSound))
      playAlertSound(settings.alertSound).catch((error: unknown) => console.warn('LiqGuard:', error));
    const summaries = await tabSummaries.getValue();
    summaries[tabId] = {
      positions: view.positions.map((p) => ({ symbol: p.symbol, side: p.side, distance: p.distance, band: p.band })),
      pricesFrom: snapshot.pricesFrom ?? 'page',
      assessedAt: Date.now(),
      stale: false,
      figures: view.positions,
      unreadable: snapshot.unreadable.map(({ symbol, reason }) => ({ symbol, reason })),
    };
    await tabSummaries.setValue(summaries);
    await showBadge(tabId, badgeFor(view));
  }

  async function showBadge(tabId: number, badge: { text: string; color: string }) {
    const shown = `${badge.text} ${badge.color}`;
    if (badges.get(tabId) === shown) return;
    await toolbarButton.setBadgeText({ tabId, text: badge.text });
    await toolbarButton.setBadgeBackgroundColor({ tabId, color: badge.color });
    badges.set(tabId, shown);
  }

  async function forgetTab(tabId: number) {
    stopStream(tabId);
    badges.delete(tabId);
    const [pages, snapshots, hidden, summaries] = await Promise.all([
      openFuturesPages.getValue(),
      lastSnapshots.getValue(),
      hiddenTabs.getValue(),
      tabSummaries.getValue(),
    ]);
    delete pages[tabId];
    delete snapshots[tabId];
    delete summaries[tabId];
    await Promise.all([
      openFuturesPages.setValue(pages),
      lastSnapshots.setValue(snapshots),
      tabSummaries.setValue(summaries),
      hiddenTabs.setValue(hidden.filter((id) => id !== tabId)),
    ]);
  }
});

/** The toolbar button: `action` in Manifest V3 (Chrome), `browserAction` in the Manifest V2 build for Firefox. */
const toolbarButton = import.meta.env.MANIFEST_VERSION === 2 ? browser.browserAction : browser.action;

/**
 * What a page's overlay shows for its last snapshot that showed positions (none: no figures), worked out here so
 * that the content script carries neither Decimal nor the tier tables into the exchange's page.
 */
async function overlayUpdate(snapshot: PageSnapshot | undefined, settings: Settings): Promise<OverlayUpdateMessage> {
  if (snapshot?.state !== 'ok') {
    return {
      type: 'overlay-view',
      view: null,
      words: overlayWords(snapshot),
      display: settings.overlay,
      readEveryMs: MIN_READ_INTERVAL_MS,
    };
  }
  const now = Date.now();
  return overlayUpdateOf(snapshot, await overlayRisk(snapshot, settings, now), settings, now);
}

/** What a page's overlay shows for `snapshot`, whose risk at `now` is `risk`, and how soon to read the page again. */
function overlayUpdateOf(snapshot: PageSnapshot, risk: RiskView, settings: Settings, now: number): OverlayUpdateMessage {
  return {
    type: 'overlay-view',
    view: overlayView(snapshot, risk, now),
    words: overlayWords(snapshot),
    display: settings.overlay,
    readEveryMs: readIntervalFor(snapshot, risk, settings),
  };
}

/** A snapshot's risk with all the overlay and the alerts show (funding, remedies, liquidation after the open orders fill). */
async function overlayRisk(snapshot: PageSnapshot, settings: Settings, now: number): Promise<RiskView> {
  return riskView(snapshot, settings, {
    tiers: await freshTiers(snapshot),
    rules: await rulesOf(snapshot),
    funding: adapterOf(snapshot).marketData.funding.load((await fundingQuotes.getValue())[marketKey(snapshot)]),
    fundingPaid: await fundingWatch.getValue(),
    orders: snapshot.openOrders ? { list: snapshot.openOrders, readAt: snapshot.openOrdersReadAt ?? now } : null,
    now,
  });
}

async function loadSettings(): Promise<Settings> {
  const raw = await storedSettings.getValue();
  const { settings, problems } = parseSettings(raw);
  if (problems.length > 0) {
    console.warn(`LiqGuard: stored settings reset where invalid: ${problems.join('; ')}`);
    await storedSettings.setValue(settings);
  }
  return settings;
}

async function notify(notification: AlertNotification, systemSound: boolean) {
  await browser.notifications.create(notification.id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `LiqGuard · ${notification.title}`,
    message: notification.message,
    // Chrome only: Firefox rejects these properties (and has no notification buttons).
    ...(import.meta.env.FIREFOX
      ? {}
      : {
          silent: !systemSound,
          ...(notification.position ? { buttons: notification.snoozeButtons.map((title) => ({ title })) } : {}),
        }),
  });
  const shown = await shownNotifications.getValue();
  shown[notification.id] = { tabId: notification.tabId, position: notification.position };
  await shownNotifications.setValue(shown);
  await storedAlertHistory.setValue(withRecord(parseHistory(await storedAlertHistory.getValue()), recordOf(notification, Date.now())));
}

/** Clicking a notification brings its exchange tab (and window) forward. */
async function focusTabOf(notificationId: string) {
  const tabId = (await shownNotifications.getValue())[notificationId]?.tabId;
  if (tabId === undefined) return;
  try {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  } catch {
    // The tab was closed since.
  }
  await browser.notifications.clear(notificationId);
}

/**
 * A tab that navigated to a page outside our matches never says goodbye (no content script runs there),
 * so ask each recorded tab's content script what it shows now, and forget the ones that do not answer.
 */
async function confirmOpenPages(): Promise<OpenFuturesPage[]> {
  const recorded = await openFuturesPages.getValue();
  const answers = await Promise.all(
    Object.keys(recorded).map(async (key) => {
      const tabId = Number(key);
      const ping: PingRequest = { type: 'ping' };
      const answer = parseMessage(await browser.tabs.sendMessage(tabId, ping).catch(() => null));
      return answer?.type === 'page-status' && answer.route ? { tabId, route: answer.route } : null;
    }),
  );
  const pages = answers.filter((page) => page !== null);
  await openFuturesPages.setValue(Object.fromEntries(pages.map((page) => [page.tabId, page.route])));
  return pages;
}
