/**
 * How long after the interval the content script waits for the page's next change before reading anyway: a page
 * that keeps ticking changes again within this, and the read then shares that change's frame.
 */
export const SETTLE_MS = 100;

/**
 * A read asked for in an animation frame is made anyway after this (a page may cancel every frame callback). While
 * the page ticks, the read is asked for when SETTLE_MS is running, and made when that runs out if no frame came.
 */
export const FRAME_LIMIT_MS = 1000;

export interface PaceHooks {
  /**
   * Reads the page (in an animation frame, or after FRAME_LIMIT_MS without one). `ticking`: the page changed again
   * within the interval before this read and at once after it, so its next change is likely near.
   */
  read: (ticking: boolean) => void;
  /** The least time between two reads while the page keeps changing (MIN_READ_INTERVAL_MS or longer). */
  interval: () => number;
  /** Starts (true) or stops (false) watching the page for changes. */
  watch: (on: boolean) => void;
  now: () => number;
  /** Runs `task` after `ms`; returns its cancel. The content script's timers are ones the page cannot clear. */
  after: (ms: number, task: () => void) => () => void;
  /** Runs `task` in the next animation frame; returns its cancel. */
  inFrame: (task: () => void) => () => void;
}

export interface PacedReads {
  /** The page changed (or may have): read it as the pace allows. */
  changed: () => void;
  /** The interval may have become shorter: a read waiting out a longer one is made by the shorter one. */
  hurry: () => void;
  stop: () => void;
}

/**
 * When to read a page whose prices may tick many times a second. A change after a quiet spell is read in the
 * next frame. A change sooner than MIN_READ_INTERVAL_MS after a read is noted, and the page is not watched for
 * the rest of the interval: a watched page pays for every change it makes (the browser records each for the
 * observer), and one noted change is all it takes to know a read is due. After the interval the page is watched
 * again and read in the frame of its next change, so that the overlay is laid out and painted with the page's
 * own change rather than in a frame of its own; a page that changes no more is read SETTLE_MS later. A read made
 * while the page ticks is followed by the interval's rest at once: the page's next change is near, and noting it
 * would cost the page a callback for nothing.
 */
export function pacedReads(hooks: PaceHooks): PacedReads {
  type State = 'watching' | 'resting' | 'settling' | 'reading' | 'stopped';
  let state: State = 'watching';
  let lastReadAt = -Infinity;
  let cancels: (() => void)[] = [];
  const cancelAll = () => {
    for (const cancel of cancels) cancel();
    cancels = [];
  };
  let readTicking = false;
  const rest = () => {
    cancelAll();
    state = 'resting';
    hooks.watch(false);
    const wait = lastReadAt + hooks.interval() - hooks.now();
    if (wait > 0) cancels = [hooks.after(wait, settle)];
    else settle();
  };
  const read = () => {
    cancelAll();
    lastReadAt = hooks.now();
    if (readTicking) rest();
    else {
      state = 'watching';
      hooks.watch(true);
    }
    hooks.read(readTicking);
  };
  const askForRead = (ticking: boolean) => {
    state = 'reading';
    readTicking = ticking;
    hooks.watch(false);
    // A ticking page's read is asked for while the settle timer runs: that timer is its limit, one timer fewer a
    // read (each costs the page a task).
    if (!ticking) {
      cancelAll();
      cancels = [hooks.after(FRAME_LIMIT_MS, read)];
    }
    cancels.push(hooks.inFrame(read));
  };
  function settle() {
    state = 'settling';
    hooks.watch(true);
    cancels = [hooks.after(SETTLE_MS, () => (state === 'reading' ? read() : askForRead(false)))];
  }
  return {
    changed() {
      if (state === 'settling') askForRead(true);
      else if (state !== 'watching') return;
      else if (hooks.now() - lastReadAt >= hooks.interval()) askForRead(false);
      else rest();
    },
    hurry() {
      if (state === 'resting') rest();
    },
    stop() {
      cancelAll();
      state = 'stopped';
      hooks.watch(false);
    },
  };
}
