/**
 * Timers a page cannot clear, for the content script. A content script's setTimeout ids are the page's, and
 * pages may clear every timer id; these have no id.
 */

/** The Prioritized Task Scheduling API's delayed tasks (`scheduler.postTask`: Chromium, Firefox from 142). */
export interface DelayedTasks {
  postTask: (task: () => void, options: { delay: number; signal: AbortSignal }) => Promise<unknown>;
}

/**
 * The reason a cancelled task's promise is rejected with. Aborting without a reason makes a new "AbortError"
 * DOMException, stack trace and all, for every cancel: a ticking page cancels a few of these timers a second.
 */
const CANCELLED = Symbol('cancelled');

/**
 * `after(ms, task)` runs `task` after `ms` and returns its cancel. With the browser's scheduler, a task is
 * cancelled through our own AbortController and, cancelled, never runs (most of the read pace's timers are
 * cancelled: a ticking page changes first). Without it, an AbortSignal's timeout, which cannot be stopped:
 * cancelled, it still fires as a task of the page's, with nothing of ours left to run. Each is held until it
 * fires, so that nothing collects it before.
 */
export function unclearableTimers(scheduler: DelayedTasks | undefined): (ms: number, task: () => void) => () => void {
  if (scheduler) {
    return (ms, task) => {
      const controller = new AbortController();
      scheduler.postTask(task, { delay: Math.max(0, ms), signal: controller.signal }).catch((error: unknown) => {
        if (error !== CANCELLED) console.error('LiqGuard:', error);
      });
      return () => controller.abort(CANCELLED);
    };
  }
  const pending = new Set<AbortSignal>();
  return (ms, task) => {
    const signal = AbortSignal.timeout(Math.max(0, ms));
    const fire = () => {
      pending.delete(signal);
      task();
    };
    pending.add(signal);
    signal.addEventListener('abort', fire, { once: true });
    return () => {
      signal.removeEventListener('abort', fire);
      pending.delete(signal);
    };
  };
}
