import { signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';

import { Overlay, type OverlayFigures, type OverlayProps } from '@/components/Overlay';
import { binancePage } from '@/lib/exchanges/binance/page';
import type { PageRoute } from '@/lib/exchanges/pageFace';
import { isPing, parseOverlayUpdate, type Message, type OverlayUpdateMessage, type PageStatusMessage } from '@/lib/protocol/messages';
import { overlayOutline } from '@/lib/page/overlayOutline';
import type { OverlayDisplay, OverlayView } from '@/lib/model/overlay';
import { pacedReads } from '@/lib/page/readPace';
import { MIN_READ_INTERVAL_MS, type ReadInterval } from '@/lib/model/readIntervals';
import type { PageSnapshot, ReadOpenOrders } from '@/lib/model/snapshot';
import { overlayPlacement, type OverlayPlacement } from '@/lib/protocol/storage';
import { unclearableTimers, type DelayedTasks } from '@/lib/page/unclearableTimer';
import './style.css';

export default defineContentScript({
  matches: [...binancePage.matches],
  cssInjectionMode: 'ui',
  async main(ctx) {
    let session: ({ route: PageRoute } & WatchedPage) | null = null;

    // The exchange is a single-page app: the symbol (or the whole page) changes without a reload. One route
    // change at a time: a page still mounting is stopped by the next change, never left behind by it.
    let following: Promise<void> = Promise.resolve();
    const follow = (url: string) => {
      following = following
        .then(async () => {
          const route = binancePage.parseRoute(url);
          if (route?.symbol === session?.route.symbol && route?.market === session?.route.market) return;
          session?.stop();
          session = route ? { route, ...(await watchPage(ctx, route)) } : null;
          void send({ type: 'page-status', route });
        })
        .catch((error: unknown) => console.error('LiqGuard:', error));
      return following;
    };

    browser.runtime.onMessage.addListener((raw: unknown) => {
      if (!isPing(raw)) {
        // The worker's figures for this page, sent unasked when the settings or the market data changed.
        const update = parseOverlayUpdate(raw);
        if (update) session?.update(update, true);
        return;
      }
      const answer: PageStatusMessage = { type: 'page-status', route: session?.route ?? null };
      return Promise.resolve(answer);
    });
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void follow(newUrl.href));
    ctx.onInvalidated(() => session?.stop());
    await follow(location.href);
  },
});

/** How soon a snapshot the worker did not take (it may be restarting) is sent again. */
const RESEND_MS = 1000;

/** The longest the figures of a ticking page wait for its next change to be drawn with it. */
const DRAW_HOLD_MS = 200;

/**
 * While the page ticks, the overlay's moving figures are redrawn at most this often (every other read when they
 * are a second apart): each redraw costs the page a layout and a paint. Anything else the overlay says is drawn at
 * once, and the last figures are drawn this long after they came if nothing newer has been.
 */
const REDRAW_MS = 1500;

/**
 * After the user clicks or types on the page, it is read every second for this long, however calm its figures
 * were: an order placed or a position closed shows in the overlay within a second of the page showing it.
 */
const HURRY_MS = 10_000;

interface WatchedPage {
  stop: () => void;
  /** The worker's figures: `current` when they are for the last snapshot sent (or sent unasked). */
  update: (update: OverlayUpdateMessage, current: boolean) => void;
}

/**
 * Mounts the overlay and keeps it in step with the page: one MutationObserver, reads paced by `pacedReads`, each
 * changed read sent to the worker, and the overlay drawn with the figures it answers (its Decimal math and tier
 * tables stay out of the page).
 */
async function watchPage(ctx: ContentScriptContext, route: PageRoute): Promise<WatchedPage> {
  // Unknown until the worker first answers: nothing is drawn before, so a hidden overlay never flashes.
  let display: OverlayDisplay | null = null;
  const state: Omit<OverlayProps, 'route' | 'marketLabel' | 'onPlacement' | 'compact' | 'onSnooze' | 'figures'> = {
    snapshot: null,
    stale: false,
    pageChanged: false,
    ordersRead: false,
    placement: placeOverlay(await overlayPlacement.getValue()),
  };
  let view: OverlayView | null = null;
  let readAt: number | null = null;
  const figures = signal<OverlayFigures>({ view, readAt });
  let container: HTMLElement | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  // Everything the overlay shows but its moving figures: while this stays the same, the figures' signals draw.
  const outline = () => {
    const { snapshot } = state;
    const page = [snapshot?.state, snapshot?.reasons, snapshot?.positions.length, snapshot?.unreadable.length, snapshot?.openOrdersCount];
    return JSON.stringify([display, page, state.stale, state.pageChanged, state.ordersRead, state.placement]) + overlayOutline(view);
  };
  let drawn = { at: -Infinity, outline: '' };
  let cancelTrailing: (() => void) | null = null;
  const draw = () => {
    if (!container) return;
    cancelTrailing?.();
    cancelTrailing = null;
    const rendered = drawn.outline;
    drawn = { at: performance.now(), outline: outline() };
    figures.value = { view, readAt };
    if (!display?.enabled) {
      render(null, container);
      return;
    }
    if (drawn.outline === rendered) return;
    render(
      <Overlay
        route={route}
        marketLabel={binancePage.marketLabels[route.market] ?? route.market}
        {...state}
        figures={figures}
        compact={display.compact}
        onSnooze={(snooze, choice) => void send({ type: 'snooze', position: snooze.position, choice, signature: snooze.signature })}
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
      drawn.outline = '';
      draw();
    },
    onRemove: (root) => {
      if (root) render(null, root);
      container = null;
    },
  });
  ui.mount();

  // The Open Orders list is on the page only while its tab is selected: the last one read goes with each snapshot.
  let orders: { list: ReadOpenOrders; readAt: number } | null = null;
  let lastRead = '';
  const cache = binancePage.newCache();
  const read = (ticking: boolean) => {
    // A hidden tab paints no frames and the worker follows the mark-price stream for it; it is read when shown.
    if (document.visibilityState === 'hidden') return;
    const snapshot = binancePage.read(document, location.href, cache);
    if (!snapshot) return;
    const key = JSON.stringify(snapshot);
    if (key === lastRead) return;
    lastRead = key;
    if (snapshot.openOrders) orders = { list: snapshot.openOrders, readAt: Date.now() };
    else if (snapshot.state === 'ok' && snapshot.openOrdersCount === 0) orders = null;
    state.ordersRead = orders !== null;
    if (snapshot.state === 'other-tab' && state.snapshot?.state === 'ok') {
      // Only the Positions tab shows positions: keep the last good figures, marked stale.
      state.stale = true;
    } else {
      // The page no longer shows what it did: say so, and show no figures rather than old ones as current.
      state.pageChanged = snapshot.state === 'unreadable' && (state.pageChanged || state.snapshot?.state === 'ok');
      state.snapshot = snapshot;
      state.stale = snapshot.state === 'other-tab';
      readAt = Date.now();
      if (snapshot.state !== 'ok') view = null;
    }
    // Drawn when the worker's figures come, status and figures together.
    void report({ ...snapshot, openOrders: orders?.list, openOrdersReadAt: orders?.readAt }, ticking);
  };

  // Each changed read goes to the worker (reads are at most one a second), which answers with the overlay's figures
  // and how often the page needs reading.
  let sent = 0;
  const report = async (snapshot: PageSnapshot, ticking: boolean) => {
    const number = ++sent;
    const answer = parseOverlayUpdate(await send({ type: 'page-snapshot', snapshot }));
    if (answer) update(answer, number === sent, ticking);
    else if (number === sent) {
      draw();
      // Unanswered: read again soon, as if the page had changed, so that the figures come when the worker is back.
      unclearableTimer(RESEND_MS, () => {
        if (number !== sent) return;
        lastRead = '';
        pace.changed();
      });
    }
  };
  // The worker says how often this page needs reading, from the figures it just worked out.
  let readEvery: ReadInterval = MIN_READ_INTERVAL_MS;
  let hurriedUntil = -Infinity;
  const update = (message: OverlayUpdateMessage, current: boolean, ticking = false) => {
    display = message.display;
    if (current) {
      const sooner = message.readEveryMs < readEvery;
      readEvery = message.readEveryMs;
      if (sooner) pace.hurry();
    }
    // Figures only for a page that shows positions (or showed them, when another tab is selected).
    if (current && state.snapshot?.state === 'ok') view = message.view;
    if (ticking && performance.now() - drawn.at < REDRAW_MS && outline() === drawn.outline) {
      cancelTrailing ??= unclearableTimer(REDRAW_MS, () => {
        cancelTrailing = null;
        drawSoon(true);
      });
      return;
    }
    drawSoon(ticking);
  };
  // A ticking page lays out and paints its next change anyway, within a frame or a few: the overlay's figures are
  // drawn with it (the observer's callback runs before that frame) rather than in a frame of their own. The page
  // is watched while the pace wants its changes, and while figures wait for one.
  let cancelHeld: (() => void) | null = null;
  let paceWatches = false;
  const observeAsNeeded = () =>
    // Both are idempotent: observing again only restates the options, disconnecting twice does nothing.
    paceWatches || cancelHeld
      ? observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
          attributeFilter: ['aria-selected', 'aria-checked'],
        })
      : observer.disconnect();
  const releaseHold = () => {
    if (!cancelHeld) return false;
    cancelHeld();
    cancelHeld = null;
    observeAsNeeded();
    return true;
  };
  const drawHeld = () => {
    if (releaseHold()) draw();
  };
  const drawSoon = (ticking: boolean) => {
    if (!ticking) {
      releaseHold();
      draw();
    } else if (!cancelHeld) {
      cancelHeld = unclearableTimer(DRAW_HOLD_MS, drawHeld);
      observeAsNeeded();
    }
  };
  const observer = new MutationObserver(() => {
    drawHeld();
    pace.changed();
  });
  const pace = pacedReads({
    read,
    watch: (on) => {
      paceWatches = on;
      observeAsNeeded();
    },
    interval: () => (performance.now() < hurriedUntil ? MIN_READ_INTERVAL_MS : readEvery),
    now: () => performance.now(),
    after: unclearableTimer,
    inFrame: (task) => {
      const id = requestAnimationFrame(task);
      return () => cancelAnimationFrame(id);
    },
  });
  pace.changed();

  // A hidden or frozen tab stops painting frames, so the page's figures (and our reads) stop: the background
  // then follows the public mark-price stream until the page is visible again.
  const reportVisibility = (hidden: boolean) => {
    void send({ type: 'page-visibility', hidden });
    if (!hidden) pace.changed();
  };
  const onVisibility = () => reportVisibility(document.visibilityState === 'hidden');
  const onFreeze = () => reportVisibility(true);
  const onResume = () => reportVisibility(document.visibilityState === 'hidden');
  const onInput = () => {
    hurriedUntil = performance.now() + HURRY_MS;
    pace.hurry();
  };
  const inputOptions = { capture: true, passive: true };
  document.addEventListener('visibilitychange', onVisibility);
  document.addEventListener('freeze', onFreeze);
  document.addEventListener('resume', onResume);
  document.addEventListener('pointerdown', onInput, inputOptions);
  document.addEventListener('keydown', onInput, inputOptions);
  // Say it at the start too: the previous page in this tab went hidden as it unloaded.
  onVisibility();

  const stop = () => {
    document.removeEventListener('visibilitychange', onVisibility);
    document.removeEventListener('freeze', onFreeze);
    document.removeEventListener('resume', onResume);
    document.removeEventListener('pointerdown', onInput, inputOptions);
    document.removeEventListener('keydown', onInput, inputOptions);
    releaseHold();
    pace.stop();
    cancelTrailing?.();
    clearTimeout(saveTimer);
    ui.remove();
  };
  return { stop, update };
}

/**
 * Until the user drags it, the panel sits at the top, just left of the order form (Binance keeps the order
 * form in a column of about 320 px on the right), so it covers the chart, not the buttons or positions.
 */
function placeOverlay(placement: OverlayPlacement): OverlayPlacement {
  return placement.x >= 0 ? placement : { ...placement, x: Math.max(16, window.innerWidth - 340 - 340) };
}

/** Timers the page cannot clear (see lib/page/unclearableTimer.ts). */
const unclearableTimer = unclearableTimers((globalThis as { scheduler?: DelayedTasks }).scheduler);

/** The worker's answer, or undefined when it could not be reached (restarting, or the extension reloading). */
async function send(message: Message): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(message);
  } catch {
    return undefined;
  }
}
