/**
 * The content script's work on an exchange's futures page, for any exchange's page face: follow the page's route
 * (a single-page app changes symbol without a reload), and on a futures page watch it with one MutationObserver,
 * read it at the pace `pacedReads` sets, send each changed read to the worker, and draw the overlay with the
 * figures it answers (its Decimal math and tier tables stay out of the page). The extension and UI it needs come
 * from the shim as a `PageHost`, so that this module imports neither.
 */
import { signal } from '@preact/signals';

import type { PageAdapter, PageRoute } from '../exchanges/pageFace';
import type { OverlayDisplay, OverlayPosition, OverlayView, OverlayWords } from '../model/overlay';
import { MIN_READ_INTERVAL_MS, type ReadInterval } from '../model/readIntervals';
import type { PageSnapshot, ReadOpenOrders } from '../model/snapshot';
import {
  isPing,
  parseOverlayUpdate,
  parseStressView,
  type Message,
  type OverlayUpdateMessage,
  type PageStatusMessage,
} from '../protocol/messages';
import { overlayPlacement } from '../protocol/pageStorage';
import type { OverlayFigures, OverlayProps } from './overlayProps';
import { layoutReport, reportRoot } from './layoutReport';
import { overlayOutline } from './overlayOutline';
import { measureRoom, pageTheme } from './placement';
import { pacedReads, type PacedReads } from './readPace';
import { unclearableTimers, type DelayedTasks } from './unclearableTimer';

/** What the extension and the UI give the page loop: messaging, the content script's lifetime, the overlay's surface. */
export interface PageHost {
  /** The worker's answer, or undefined when it could not be reached (restarting, or the extension reloading). */
  send(message: Message): Promise<unknown>;
  /** Messages from the worker; a listener's promise is the answer. */
  onMessage(listener: (raw: unknown) => Promise<unknown> | undefined): void;
  onLocationChange(listener: (url: string) => void): void;
  onInvalidated(listener: () => void): void;
  /** A shadow root for the overlay, mounted at once; `remove` takes it off the page. */
  mountSurface(events: { onMount: (root: HTMLElement) => void; onRemove: () => void }): Promise<{ remove: () => void }>;
  /** Draws the overlay into the surface's root; null draws nothing. */
  render(props: OverlayProps | null, root: HTMLElement): void;
}

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

/** Timers the page cannot clear (see ./unclearableTimer.ts). */
const unclearableTimer = unclearableTimers((globalThis as { scheduler?: DelayedTasks }).scheduler);

interface WatchedPage {
  route: PageRoute;
  stop: () => void;
  /** The worker's figures: `current` when they are for the last snapshot sent (or sent unasked). */
  update: (update: OverlayUpdateMessage, current: boolean) => void;
}

/** The content script's whole life on the exchange's pages: call once from the exchange's shim. */
export async function followPages(page: PageAdapter, host: PageHost): Promise<void> {
  let watched: WatchedPage | null = null;
  // One route change at a time: a page still mounting is stopped by the next change, never left behind by it.
  let following: Promise<void> = Promise.resolve();
  const follow = (url: string) => {
    following = following
      .then(async () => {
        const route = page.parseRoute(url);
        if (route?.symbol === watched?.route.symbol && route?.market === watched?.route.market) return;
        watched?.stop();
        watched = route ? await watchPage(page, host, route) : null;
        void host.send({ type: 'page-status', route });
      })
      .catch((error: unknown) => console.error('LiqGuard:', error));
    return following;
  };

  host.onMessage((raw) => {
    if (!isPing(raw)) {
      // The worker's figures for this page, sent unasked when the settings or the market data changed.
      const update = parseOverlayUpdate(raw);
      if (update) watched?.update(update, true);
      return undefined;
    }
    const answer: PageStatusMessage = { type: 'page-status', route: watched?.route ?? null };
    return Promise.resolve(answer);
  });
  host.onLocationChange((url) => void follow(url));
  host.onInvalidated(() => watched?.stop());
  await follow(location.href);
}

/** Everything one watched page holds between reads, in one place. */
interface PageSession {
  /** Unknown until the worker first answers: nothing is drawn before, so a hidden overlay never flashes. */
  display: OverlayDisplay | null;
  /** What the overlay shows besides the figures. */
  overlay: Pick<OverlayProps, 'snapshot' | 'stale' | 'pageChanged' | 'ordersRead' | 'placement' | 'room' | 'theme' | 'lost'>;
  /** The overlay's words as the worker last sent them: nothing is drawn before they come. */
  words: OverlayWords | null;
  /** Each symbol's positions as last drawn with figures, and when they were read: a row that turns unreadable keeps them. */
  lastSeen: Map<string, { positions: OverlayPosition[]; readAt: number }>;
  /** The worker's figures for the last snapshot sent, and when that snapshot was read. */
  view: OverlayView | null;
  readAt: number | null;
  /** The overlay's shadow root while it is on the page. */
  root: HTMLElement | null;
  /** When the overlay was last drawn, and its outline then (what it says less the moving figures). */
  drawn: { at: number; outline: string };
  /** A redraw of the figures waiting for REDRAW_MS to pass, and figures held for the page's next change. */
  cancelTrailing: (() => void) | null;
  cancelHeld: (() => void) | null;
  saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The Open Orders list is on the page only while its tab is selected: the last one read goes with each snapshot. */
  orders: { list: ReadOpenOrders; readAt: number } | null;
  /** The last read, as sent: an unchanged read is not sent again. */
  lastRead: string;
  /** How many snapshots were sent: an answer counts as current only for the last one. */
  sent: number;
  /** How often the worker says this page needs reading, and until when the user's input hurries it. */
  readEvery: ReadInterval;
  hurriedUntil: number;
  /** The pace wants the page's changes (the observer runs while it does, or while figures are held). */
  paceWatches: boolean;
}

/**
 * Mounts the overlay and keeps it in step with the page: one MutationObserver, reads paced by `pacedReads`, each
 * changed read sent to the worker, and the overlay drawn with the figures it answers.
 */
async function watchPage(page: PageAdapter, host: PageHost, route: PageRoute): Promise<WatchedPage> {
  const session: PageSession = {
    display: null,
    overlay: {
      snapshot: null,
      stale: false,
      pageChanged: false,
      ordersRead: false,
      placement: await overlayPlacement.getValue(),
      room: null,
      theme: pageTheme(document),
      lost: [],
    },
    words: null,
    lastSeen: new Map(),
    view: null,
    readAt: null,
    root: null,
    drawn: { at: -Infinity, outline: '' },
    cancelTrailing: null,
    cancelHeld: null,
    saveTimer: undefined,
    orders: null,
    lastRead: '',
    sent: 0,
    readEvery: MIN_READ_INTERVAL_MS,
    hurriedUntil: -Infinity,
    paceWatches: false,
  };
  const figures = signal<OverlayFigures>({ view: null, readAt: null });
  const marketLabel = page.marketLabels[route.market] ?? route.market;
  const cache = page.newCache();

  // Everything the overlay shows but its moving figures: while this stays the same, the figures' signals draw.
  const outline = () => {
    const { snapshot, stale, pageChanged, ordersRead, placement, room, theme, lost } = session.overlay;
    const { words } = session;
    const read = [snapshot?.state, snapshot?.reasons, snapshot?.positions.length, snapshot?.unreadable.length, snapshot?.openOrdersCount];
    const kept = lost.map((l) => [l.position.id, l.readAt, l.reason]);
    return (
      // The words change with the page's language or its reasons (the labels' first word tells the language).
      JSON.stringify([
        session.display,
        read,
        stale,
        pageChanged,
        ordersRead,
        placement,
        room,
        theme,
        kept,
        words?.labels['overlay.distance'],
        words?.reasons,
      ]) + overlayOutline(session.view)
    );
  };
  const draw = () => {
    const { root, display, words } = session;
    if (!root) return;
    session.cancelTrailing?.();
    session.cancelTrailing = null;
    const rendered = session.drawn.outline;
    session.drawn = { at: performance.now(), outline: outline() };
    figures.value = { view: session.view, readAt: session.readAt };
    if (!display?.enabled || !words) {
      host.render(null, root);
      return;
    }
    if (session.drawn.outline === rendered) return;
    host.render(
      {
        route,
        marketLabel,
        ...session.overlay,
        words,
        figures,
        compact: display.compact,
        onSnooze: (snooze, choice) => void host.send({ type: 'snooze', position: snooze.position, choice, signature: snooze.signature }),
        onStress: async (move, byBeta) => parseStressView(await host.send({ type: 'stress', move, byBeta })),
        layoutReport: () => layoutReport(reportRoot(page.landmarks(document, cache).positions, document.body)),
        onPlacement: (placement) => {
          session.overlay.placement = placement;
          draw();
          clearTimeout(session.saveTimer);
          session.saveTimer = setTimeout(() => void overlayPlacement.setValue(placement), 300);
        },
      },
      root,
    );
  };

  const surface = await host.mountSurface({
    onMount: (root) => {
      session.root = root;
      session.drawn.outline = '';
      draw();
    },
    onRemove: () => {
      session.root = null;
    },
  });

  // Reads the page's layout (a forced layout): only once its figures are found, and when the window is resized.
  const measure = () => {
    session.overlay.room = measureRoom(page.landmarks(document, cache));
    session.overlay.theme = pageTheme(document);
  };
  const onResize = () => {
    if (session.overlay.room === null) return;
    measure();
    draw();
  };
  window.addEventListener('resize', onResize, { passive: true });

  const read = (ticking: boolean) => {
    // A hidden tab paints no frames and the worker follows the mark-price stream for it; it is read when shown.
    if (document.visibilityState === 'hidden') return;
    const snapshot = page.read(document, location.href, cache);
    if (!snapshot) return;
    // Where the page's figures are, once they are found: the overlay's default spot keeps clear of them.
    if (snapshot.state === 'ok' && session.overlay.room === null) measure();
    const key = JSON.stringify(snapshot);
    if (key === session.lastRead) return;
    session.lastRead = key;
    if (snapshot.openOrders) session.orders = { list: snapshot.openOrders, readAt: Date.now() };
    else if (snapshot.state === 'ok' && snapshot.openOrdersCount === 0) session.orders = null;
    const { overlay } = session;
    overlay.ordersRead = session.orders !== null;
    if (snapshot.state === 'other-tab' && overlay.snapshot?.state === 'ok') {
      // Only the Positions tab shows positions: keep the last good figures, marked stale.
      overlay.stale = true;
    } else {
      // The page no longer shows what it did: say so, and show no figures rather than old ones as current.
      overlay.pageChanged = snapshot.state === 'unreadable' && (overlay.pageChanged || overlay.snapshot?.state === 'ok');
      overlay.snapshot = snapshot;
      overlay.stale = snapshot.state === 'other-tab';
      session.readAt = Date.now();
      if (snapshot.state !== 'ok') session.view = null;
    }
    // Drawn when the worker's figures come, status and figures together.
    void report({ ...snapshot, openOrders: session.orders?.list, openOrdersReadAt: session.orders?.readAt }, ticking);
  };

  // Each changed read goes to the worker (reads are at most one a second), which answers with the overlay's figures
  // and how often the page needs reading.
  const report = async (snapshot: PageSnapshot, ticking: boolean) => {
    const number = ++session.sent;
    const answer = parseOverlayUpdate(await host.send({ type: 'page-snapshot', snapshot }));
    if (answer) update(answer, number === session.sent, ticking);
    else if (number === session.sent) {
      draw();
      // Unanswered: read again soon, as if the page had changed, so that the figures come when the worker is back.
      unclearableTimer(RESEND_MS, () => {
        if (number !== session.sent) return;
        session.lastRead = '';
        pace.changed();
      });
    }
  };
  const update = (message: OverlayUpdateMessage, current: boolean, ticking = false) => {
    session.display = message.display;
    if (current) session.words = message.words;
    if (current) {
      // The worker says how often this page needs reading, from the figures it just worked out.
      const sooner = message.readEveryMs < session.readEvery;
      session.readEvery = message.readEveryMs;
      if (sooner) pace.hurry();
    }
    // Figures only for a page that shows positions (or showed them, when another tab is selected).
    if (current && session.overlay.snapshot?.state === 'ok') {
      session.view = message.view;
      keepLastSeen(session);
    }
    if (ticking && performance.now() - session.drawn.at < REDRAW_MS && outline() === session.drawn.outline) {
      session.cancelTrailing ??= unclearableTimer(REDRAW_MS, () => {
        session.cancelTrailing = null;
        drawSoon(true);
      });
      return;
    }
    drawSoon(ticking);
  };
  // A ticking page lays out and paints its next change anyway, within a frame or a few: the overlay's figures are
  // drawn with it (the observer's callback runs before that frame) rather than in a frame of their own. The page
  // is watched while the pace wants its changes, and while figures wait for one.
  const observeAsNeeded = () =>
    // Both are idempotent: observing again only restates the options, disconnecting twice does nothing.
    session.paceWatches || session.cancelHeld
      ? observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
          attributeFilter: ['aria-selected', 'aria-checked'],
        })
      : observer.disconnect();
  const releaseHold = () => {
    if (!session.cancelHeld) return false;
    session.cancelHeld();
    session.cancelHeld = null;
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
    } else if (!session.cancelHeld) {
      session.cancelHeld = unclearableTimer(DRAW_HOLD_MS, drawHeld);
      observeAsNeeded();
    }
  };
  const observer = new MutationObserver(() => {
    drawHeld();
    pace.changed();
  });
  const pace: PacedReads = pacedReads({
    read,
    watch: (on) => {
      session.paceWatches = on;
      observeAsNeeded();
    },
    interval: () => (performance.now() < session.hurriedUntil ? MIN_READ_INTERVAL_MS : session.readEvery),
    now: () => performance.now(),
    after: unclearableTimer,
    inFrame: (task) => {
      const id = requestAnimationFrame(task);
      return () => cancelAnimationFrame(id);
    },
  });
  pace.changed();

  const stopListening = listenToPage(host, pace, () => {
    session.hurriedUntil = performance.now() + HURRY_MS;
    pace.hurry();
  });
  const stop = () => {
    stopListening();
    window.removeEventListener('resize', onResize);
    releaseHold();
    pace.stop();
    session.cancelTrailing?.();
    clearTimeout(session.saveTimer);
    surface.remove();
  };
  return { route, stop, update };
}

/**
 * Remembers each symbol's positions with figures as drawn now, and keeps in view those whose rows the page still
 * shows but LiqGuard can no longer read (with their last figures, when those were read, and why), rather than let
 * a position in trouble vanish.
 */
function keepLastSeen(session: PageSession) {
  const { snapshot } = session.overlay;
  const readAt = session.readAt ?? Date.now();
  const shown = new Set(session.view?.positions.map((p) => p.symbol));
  for (const symbol of shown)
    session.lastSeen.set(symbol, { positions: session.view!.positions.filter((p) => p.symbol === symbol), readAt });
  session.overlay.lost = (snapshot?.unreadable ?? []).flatMap((row) => {
    const seen = row.symbol && !shown.has(row.symbol) ? session.lastSeen.get(row.symbol) : undefined;
    return seen ? seen.positions.map((position) => ({ position, readAt: seen.readAt, reason: row.reason })) : [];
  });
  // A symbol gone from the page altogether (closed) is forgotten.
  const onPage = new Set([...shown, ...(snapshot?.unreadable ?? []).flatMap((row) => row.symbol ?? [])]);
  for (const symbol of session.lastSeen.keys()) if (!onPage.has(symbol)) session.lastSeen.delete(symbol);
}

/**
 * A hidden or frozen tab stops painting frames, so the page's figures (and our reads) stop: the worker then follows
 * the public mark-price stream until the page is visible again. The user's clicks and keys hurry the reads.
 * Returns what stops listening.
 */
function listenToPage(host: PageHost, pace: PacedReads, onInput: () => void): () => void {
  const reportVisibility = (hidden: boolean) => {
    void host.send({ type: 'page-visibility', hidden });
    if (!hidden) pace.changed();
  };
  const onVisibility = () => reportVisibility(document.visibilityState === 'hidden');
  const onFreeze = () => reportVisibility(true);
  const inputOptions = { capture: true, passive: true };
  document.addEventListener('visibilitychange', onVisibility);
  document.addEventListener('freeze', onFreeze);
  document.addEventListener('resume', onVisibility);
  document.addEventListener('pointerdown', onInput, inputOptions);
  document.addEventListener('keydown', onInput, inputOptions);
  // Say it at the start too: the previous page in this tab went hidden as it unloaded.
  onVisibility();
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    document.removeEventListener('freeze', onFreeze);
    document.removeEventListener('resume', onVisibility);
    document.removeEventListener('pointerdown', onInput, inputOptions);
    document.removeEventListener('keydown', onInput, inputOptions);
  };
}
