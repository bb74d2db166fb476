import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { FRAME_LIMIT_MS, SETTLE_MS, pacedReads } from '@/lib/page/readPace';
import { CALM_READ_INTERVAL_MS, MIN_READ_INTERVAL_MS } from '@/lib/model/readIntervals';

const FRAME_MS = 16;

/** A page under fake timers: frames every 16 ms, and a log of reads and of when the page was watched. */
function page() {
  const reads: number[] = [];
  /** Whether each read was told the page is ticking. */
  const ticking: boolean[] = [];
  let watched = false;
  let watchedFor = 0;
  let watchedSince = 0;
  let framesCancelled = false;
  let timers = 0;
  let noted = 0;
  let interval = MIN_READ_INTERVAL_MS;
  const pace = pacedReads({
    read: (isTicking) => {
      reads.push(Date.now());
      ticking.push(isTicking);
    },
    watch: (on) => {
      if (on && !watched) watchedSince = Date.now();
      if (!on && watched) watchedFor += Date.now() - watchedSince;
      watched = on;
    },
    interval: () => interval,
    now: () => Date.now(),
    after: (ms, task) => {
      timers++;
      const id = setTimeout(task, ms);
      return () => clearTimeout(id);
    },
    inFrame: (task) => {
      if (framesCancelled) return () => {};
      const id = setTimeout(task, FRAME_MS - (Date.now() % FRAME_MS));
      return () => clearTimeout(id);
    },
  });
  return {
    pace,
    reads,
    ticking,
    get watched() {
      return watched;
    },
    /** A change, delivered to the pace only while the page is watched (as a MutationObserver would). */
    change: () => {
      if (!watched) return;
      noted++;
      pace.changed();
    },
    /** How many changes reached the pace (each is a callback the page pays for). */
    noted: () => noted,
    setInterval: (ms: number) => {
      interval = ms;
    },
    /** How many timers the pace has set (each is a task for the page, even when cancelled). */
    timers: () => timers,
    watchedMs: () => watchedFor + (watched ? Date.now() - watchedSince : 0),
    cancelFrames: () => {
      framesCancelled = true;
    },
  };
}

describe('pacedReads', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads a change after a quiet spell in the next frame', () => {
    const p = page();
    p.pace.changed();
    vi.advanceTimersByTime(FRAME_MS);
    expect(p.reads).toEqual([FRAME_MS]);
    vi.advanceTimersByTime(5000);
    p.change();
    vi.advanceTimersByTime(FRAME_MS);
    expect(p.reads).toHaveLength(2);
    expect(p.reads[1]! - (5000 + FRAME_MS)).toBeLessThanOrEqual(FRAME_MS);
    expect(p.ticking).toEqual([false, false]);
  });

  it('reads a page ticking at 10 Hz once a second, in the frame of one of its changes, and watches it only around them', () => {
    const p = page();
    p.pace.changed();
    const ticks: number[] = [];
    const ticking = setInterval(() => {
      ticks.push(Date.now());
      p.change();
    }, 100);
    vi.advanceTimersByTime(10_000);
    clearInterval(ticking);
    // One read at the start, then one a second.
    expect(p.reads.length).toBeGreaterThanOrEqual(10);
    expect(p.reads.length).toBeLessThanOrEqual(11);
    for (let i = 1; i < p.reads.length; i++) {
      const gap = p.reads[i]! - p.reads[i - 1]!;
      expect(gap).toBeGreaterThanOrEqual(MIN_READ_INTERVAL_MS);
      expect(gap).toBeLessThan(MIN_READ_INTERVAL_MS + 100 + FRAME_MS);
      // In the frame after a tick, not one of its own.
      expect(ticks.some((tick) => p.reads[i]! - tick >= 0 && p.reads[i]! - tick <= FRAME_MS)).toBe(true);
    }
    // Every read after the first follows a tick that came after the interval: the next tick is near.
    expect(p.ticking).toEqual(p.reads.map((_, i) => i > 0));
    // Watched only from the interval's end to the tick after it: about 0.1 s a second, one noted change a read.
    expect(p.watchedMs()).toBeLessThan(1500);
    expect(p.noted()).toBeLessThanOrEqual(p.reads.length + 1);
    // Two timers a read: the rest of the interval, and the wait for the next change (also the frame's limit).
    expect(p.timers()).toBeLessThanOrEqual(2 * p.reads.length + 1);
  });

  it('reads a ticking page as seldom as its interval says, and sooner as soon as it is hurried', () => {
    const p = page();
    p.setInterval(CALM_READ_INTERVAL_MS);
    p.pace.changed();
    const ticking = setInterval(() => p.change(), 100);
    vi.advanceTimersByTime(12_000);
    expect(p.reads.length).toBeGreaterThanOrEqual(4);
    expect(p.reads.length).toBeLessThanOrEqual(5);
    const gaps = p.reads.slice(1).map((read, i) => read - p.reads[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(CALM_READ_INTERVAL_MS);
    expect(Math.max(...gaps)).toBeLessThan(CALM_READ_INTERVAL_MS + 100 + FRAME_MS);
    const nextRead = () => {
      const count = p.reads.length;
      while (p.reads.length === count) vi.advanceTimersByTime(10);
      return p.reads.at(-1)!;
    };
    // Resting 3 s from a read: a shorter interval, once hurried, brings the next read within it.
    let last = nextRead();
    vi.advanceTimersByTime(200);
    p.setInterval(MIN_READ_INTERVAL_MS);
    p.pace.hurry();
    expect(nextRead() - last).toBeGreaterThanOrEqual(MIN_READ_INTERVAL_MS);
    expect(p.reads.at(-1)! - last).toBeLessThan(MIN_READ_INTERVAL_MS + 100 + FRAME_MS);
    // Hurried when the shorter interval has already passed: read with the page's next change.
    p.setInterval(CALM_READ_INTERVAL_MS);
    nextRead();
    last = nextRead();
    vi.advanceTimersByTime(1500);
    p.setInterval(MIN_READ_INTERVAL_MS);
    p.pace.hurry();
    expect(nextRead() - last).toBeLessThan(1500 + 100 + FRAME_MS);
    clearInterval(ticking);
  });

  it('reads a ticking page whose animation frames are cancelled when the settle time runs out', () => {
    const p = page();
    p.cancelFrames();
    p.pace.changed();
    const ticking = setInterval(() => p.change(), 100);
    vi.advanceTimersByTime(FRAME_LIMIT_MS + 5 * (MIN_READ_INTERVAL_MS + 100));
    clearInterval(ticking);
    expect(p.reads[0]).toBe(FRAME_LIMIT_MS);
    expect(p.reads.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < p.reads.length; i++) {
      const gap = p.reads[i]! - p.reads[i - 1]!;
      expect(gap).toBeGreaterThanOrEqual(MIN_READ_INTERVAL_MS);
      expect(gap).toBeLessThanOrEqual(MIN_READ_INTERVAL_MS + 100 + SETTLE_MS);
    }
  });

  it('reads the last change of a burst SETTLE_MS after the interval, and then waits for the next change', () => {
    const p = page();
    p.pace.changed();
    vi.advanceTimersByTime(FRAME_MS);
    vi.advanceTimersByTime(200);
    p.change();
    expect(p.watched).toBe(false);
    vi.advanceTimersByTime(p.reads[0]! + MIN_READ_INTERVAL_MS + SETTLE_MS - 1 - Date.now());
    expect(p.reads).toHaveLength(1);
    vi.advanceTimersByTime(1 + FRAME_MS);
    expect(p.reads).toHaveLength(2);
    expect(p.reads[1]! - p.reads[0]!).toBeGreaterThanOrEqual(MIN_READ_INTERVAL_MS + SETTLE_MS);
    // The burst is over: nothing says another change is near.
    expect(p.ticking).toEqual([false, false]);
    expect(p.watched).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(p.reads).toHaveLength(2);
  });

  it('reads anyway when the page cancels its animation frames', () => {
    const p = page();
    p.cancelFrames();
    p.pace.changed();
    vi.advanceTimersByTime(FRAME_LIMIT_MS - 1);
    expect(p.reads).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(p.reads).toEqual([FRAME_LIMIT_MS]);
    expect(p.watched).toBe(true);
  });

  it('after stop, reads nothing and watches nothing, whatever is still delivered', () => {
    const p = page();
    p.pace.changed();
    vi.advanceTimersByTime(FRAME_MS);
    p.change();
    p.pace.stop();
    p.pace.changed();
    vi.advanceTimersByTime(10_000);
    expect(p.reads).toHaveLength(1);
    expect(p.watched).toBe(false);
  });
});
