import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';

import { Overlay, type OverlayProps } from '@/components/Overlay';
import { accountKey, positionKey, positionSignature } from '@/lib/alerts';
import { readBinancePage, type ReaderCache } from '@/lib/exchanges/binance/reader';
import { loadFundingQuotes, loadRules } from '@/lib/exchanges/binance/marketData';
import { loadTierTables } from '@/lib/exchanges/binance/tiers';
import { BINANCE_FUTURES_MATCHES, parseFuturesRoute, type FuturesRoute } from '@/lib/exchanges/binance/routes';
import { isPing, type Message, type PageStatusMessage } from '@/lib/messages';
import { pacedReads } from '@/lib/readPace';
import { parseSettings } from '@/lib/settings';
import { fetchedTiers, fundingQuotes, fundingWatch, overlayPlacement, storedSettings, symbolRules, type OverlayPlacement } from '@/lib/storage';
import type { PageSnapshot } from '@/lib/snapshot';
import { riskView, type MarketContext } from '@/lib/view';
import './style.css';

export default defineContentScript({
  matches: BINANCE_FUTURES_MATCHES,
  cssInjectionMode: 'ui',
  async main(ctx) {
    let session: { route: FuturesRoute; stop: () => void } | null = null;

    // The exchange is a single-page app: the symbol (or the whole page) changes without a reload. One route
    // change at a time: a page still mounting is stopped by the next change, never left behind by it.
    let following: Promise<void> = Promise.resolve();
    const follow = (url: string) => {
      following = following.then(async () => {
        const route = parseFuturesRoute(url);
        if (route?.symbol === session?.route.symbol && route?.market === session?.route.market) return;
        session?.stop();
        session = route ? { route, stop: await watchPage(ctx, route) } : null;
        void send({ type: 'page-status', route });
      }).catch((error: unknown) => console.error('LiqGuard:', error));
      return following;
    };

    browser.runtime.onMessage.addListener((raw: unknown) => {
      // Only the ping is answered: the content script needs none of the other messages' validators.
      if (!isPing(raw)) return;
      const answer: PageStatusMessage = { type: 'page-status', route: session?.route ?? null };
      return Promise.resolve(answer);
    });
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void follow(newUrl.href));
    ctx.onInvalidated(() => session?.stop());
    await follow(location.href);
  },
});

/** The longest a change that no alert depends on waits before the worker hears of it. */
const REPORT_INTERVAL_MS = 1000;

/**
 * Mounts the overlay and keeps it in step with the page: one MutationObserver, reads paced by `pacedReads`, and
 * the overlay re-rendered (and the background told) only when what was read changed.
 */
async function watchPage(ctx: ContentScriptContext, route: FuturesRoute): Promise<() => void> {
  let settings = parseSettings(await storedSettings.getValue()).settings;
  const state: Omit<OverlayProps, 'route' | 'onPlacement' | 'compact' | 'onSnooze'> = {
    snapshot: null,
    readAt: null,
    stale: false,
    view: null,
    pageChanged: false,
    ordersRead: false,
    placement: placeOverlay(await overlayPlacement.getValue()),
  };
  let container: HTMLElement | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const draw = () => {
    if (!container) return;
    if (!settings.overlay.enabled) {
      render(null, container);
      return;
    }
    render(
      <Overlay
        route={route}
        {...state}
        compact={settings.overlay.compact}
        onSnooze={(position, choice) => {
          if (!state.snapshot) return;
          void send({ type: 'snooze', position: `${accountKey(state.snapshot)}|${positionKey(position)}`, choice, signature: positionSignature(position) });
        }}
        onPlacement={(placement) => {
          state.placement = placement;
          draw();
          clearTimeout(saveTimer);
          saveTimer = setTimeout(() => void overlayPlacement.setValue(placement), 300);
        }}
      />,
      container,
    );
  };

  const ui = await createShadowRootUi(ctx, {
    name: 'liqguard-overlay',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount: (root) => {
      container = root;
      draw();
    },
    onRemove: (root) => {
      if (root) render(null, root);
      container = null;
    },
  });
  ui.mount();

  const [storedTiers, storedRules, storedFunding, storedFundingPaid] = await Promise.all([
    fetchedTiers.getValue(),
    symbolRules.getValue(),
    fundingQuotes.getValue(),
    fundingWatch.getValue(),
  ]);
  const market: MarketContext = {
    tiers: loadTierTables(storedTiers[route.market]),
    rules: loadRules(storedRules[route.market]),
    funding: loadFundingQuotes(storedFunding),
    fundingPaid: storedFundingPaid,
    remedies: false,
  };
  const recompute = () => {
    if (state.snapshot?.state === 'ok' && !state.stale) state.view = riskView(state.snapshot, settings, { ...market, now: Date.now() });
    draw();
  };
  let lastRead = '';
  const cache: ReaderCache = {};
  const read = () => {
    // A hidden tab paints no frames and the worker follows the mark-price stream for it; it is read when shown.
    if (document.visibilityState === 'hidden') return;
    const snapshot = readBinancePage(document, location.href, cache);
    if (!snapshot) return;
    const key = JSON.stringify(snapshot);
    if (key === lastRead) return;
    lastRead = key;
    // The Open Orders list is on the page only while its tab is selected: keep the last read, with its time.
    if (snapshot.openOrders) market.orders = { list: snapshot.openOrders, readAt: Date.now() };
    else if (snapshot.state === 'ok' && snapshot.openOrdersCount === 0) market.orders = null;
    state.ordersRead = market.orders != null;
    if (snapshot.state === 'other-tab' && state.snapshot?.state === 'ok') {
      if (snapshot.openOrders) state.view = riskView(state.snapshot, settings, { ...market, now: Date.now() });
      // Only the Positions tab shows positions: keep the last good figures, marked stale.
      state.stale = true;
    } else {
      // The page no longer shows what it did: say so, and show no figures rather than old ones as current.
      state.pageChanged = snapshot.state === 'unreadable' && (state.pageChanged || state.snapshot?.state === 'ok');
      state.snapshot = snapshot;
      state.stale = snapshot.state === 'other-tab';
      state.readAt = Date.now();
      state.view = snapshot.state === 'ok' ? riskView(snapshot, settings, { ...market, now: Date.now() }) : null;
    }
    draw();
    report(snapshot);
  };

  // Messages cost the page's main thread (about as much as reading it): the worker gets a snapshot at once when
  // anything an alert depends on changed (a band, a mismatch, a stop, an unreadable row, the read state), and
  // otherwise at most once a second, always the newest.
  let lastAlertKey = '';
  let lastSentAt = 0;
  let pending: PageSnapshot | null = null;
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  const flushReport = () => {
    reportTimer = undefined;
    if (!pending) return;
    lastSentAt = Date.now();
    // With the open orders as last read (the page shows them only on their tab): the worker checks stop orders too.
    void send({ type: 'page-snapshot', snapshot: { ...pending, openOrders: market.orders?.list, openOrdersReadAt: market.orders?.readAt } });
    pending = null;
  };
  const report = (snapshot: PageSnapshot) => {
    pending = snapshot;
    const alertKey = JSON.stringify([
      snapshot.state,
      snapshot.unreadable.map((row) => row.row),
      state.view?.positions.map((p) => [p.symbol, p.side, p.band, p.mismatch !== null, p.stop?.beyondLiquidation ?? null, p.size, p.entryPrice]),
      state.view?.account.band,
    ]);
    if (alertKey !== lastAlertKey || Date.now() - lastSentAt >= REPORT_INTERVAL_MS) {
      lastAlertKey = alertKey;
      clearTimeout(reportTimer);
      flushReport();
    } else if (reportTimer === undefined) {
      reportTimer = setTimeout(flushReport, REPORT_INTERVAL_MS - (Date.now() - lastSentAt));
    }
  };
  const observer = new MutationObserver(() => pace.changed());
  const pace = pacedReads({
    read,
    // Both are idempotent: observing again only restates the options, disconnecting twice does nothing.
    watch: (on) =>
      on
        ? observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-selected', 'aria-checked'] })
        : observer.disconnect(),
    now: () => performance.now(),
    after: unclearableTimer,
    inFrame: (task) => {
      const id = requestAnimationFrame(task);
      return () => cancelAnimationFrame(id);
    },
  });
  pace.changed();

  // Settings saved on the options page apply at once: thresholds recolour the bands, the overlay shows or hides.
  const unwatchSettings = storedSettings.watch((raw) => {
    settings = parseSettings(raw).settings;
    recompute();
  });
  // Public market data the worker fetched: tiers and order rules (daily; on a first visit they may arrive after
  // the page opened) and funding quotes (about once a minute).
  const unwatchTiers = fetchedTiers.watch((stored) => {
    market.tiers = loadTierTables(stored[route.market]);
    recompute();
  });
  const unwatchRules = symbolRules.watch((stored) => {
    market.rules = loadRules(stored[route.market]);
    recompute();
  });
  const unwatchFunding = fundingQuotes.watch((stored) => {
    market.funding = loadFundingQuotes(stored);
    recompute();
  });
  const unwatchFundingPaid = fundingWatch.watch((stored) => {
    market.fundingPaid = stored;
    recompute();
  });

  // A hidden or frozen tab stops painting frames, so the page's figures (and our reads) stop: the background
  // then follows the public mark-price stream until the page is visible again.
  const reportVisibility = (hidden: boolean) => {
    void send({ type: 'page-visibility', hidden });
    if (!hidden) pace.changed();
  };
  const onVisibility = () => reportVisibility(document.visibilityState === 'hidden');
  const onFreeze = () => reportVisibility(true);
  const onResume = () => reportVisibility(document.visibilityState === 'hidden');
  document.addEventListener('visibilitychange', onVisibility);
  document.addEventListener('freeze', onFreeze);
  document.addEventListener('resume', onResume);
  // Say it at the start too: the previous page in this tab went hidden as it unloaded.
  onVisibility();

  return () => {
    unwatchSettings();
    unwatchTiers();
    unwatchRules();
    unwatchFunding();
    unwatchFundingPaid();
    document.removeEventListener('visibilitychange', onVisibility);
    document.removeEventListener('freeze', onFreeze);
    document.removeEventListener('resume', onResume);
    pace.stop();
    clearTimeout(saveTimer);
    clearTimeout(reportTimer);
    ui.remove();
  };
}

/**
 * Until the user drags it, the panel sits at the top, just left of the order form (Binance keeps the order
 * form in a column of about 320 px on the right), so it covers the chart, not the buttons or positions.
 */
function placeOverlay(placement: OverlayPlacement): OverlayPlacement {
  return placement.x >= 0 ? placement : { ...placement, x: Math.max(16, window.innerWidth - 340 - 340) };
}

/**
 * A timer the page cannot clear: pages may clear every timer id, and a content script's setTimeout ids are the
 * page's. An AbortSignal's timeout has no id. Held until it fires, so that nothing collects it before.
 */
const timers = new Set<AbortSignal>();
function unclearableTimer(ms: number, task: () => void): () => void {
  const signal = AbortSignal.timeout(Math.max(0, ms));
  let live = true;
  timers.add(signal);
  signal.addEventListener('abort', () => {
    timers.delete(signal);
    if (live) task();
  });
  return () => {
    live = false;
  };
}

async function send(message: Message) {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // The worker may be restarting or the extension reloading; the next change is sent again.
  }
}
