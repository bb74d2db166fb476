import { afterEach, describe, expect, it, vi } from 'vitest';

import { unclearableTimers, type DelayedTasks } from '@/lib/page/unclearableTimer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A scheduler as the browser's behaves: the task runs after its delay unless its signal aborts first, and the
 * promise settles with what the task returned or threw (or the abort).
 */
function fakeScheduler() {
  const ran: string[] = [];
  const scheduler: DelayedTasks = {
    postTask: (task, { delay, signal }) =>
      new Promise((resolve, reject) => {
        const id = setTimeout(() => {
          ran.push('task');
          try {
            resolve(task());
          } catch (error) {
            reject(error);
          }
        }, delay);
        signal.addEventListener('abort', () => {
          clearTimeout(id);
          reject(signal.reason);
        });
      }),
  };
  return { scheduler, ran };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('unclearableTimers', () => {
  const paths = [
    ['with the browser’s scheduler', () => fakeScheduler().scheduler],
    ['with AbortSignal timeouts (no scheduler)', () => undefined],
  ] as const;

  it.each(paths)('%s: runs a task after its delay, and a cancelled one not at all', async (_, make) => {
    const after = unclearableTimers(make());
    const runs: string[] = [];
    after(20, () => runs.push('kept'));
    const cancel = after(10, () => runs.push('cancelled'));
    cancel();
    await sleep(5);
    expect(runs).toEqual([]);
    await sleep(60);
    expect(runs).toEqual(['kept']);
  });

  it('with the scheduler, a cancelled task is dropped quietly, and a task that throws is reported', async () => {
    const { scheduler, ran } = fakeScheduler();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const aborts = vi.spyOn(AbortController.prototype, 'abort');
    const after = unclearableTimers(scheduler);
    after(10, () => {})();
    // Cancelled with a reason of ours: aborting without one would make an "AbortError" DOMException each time.
    expect(aborts).toHaveBeenCalledTimes(1);
    expect(aborts.mock.calls[0]![0]).toBeDefined();
    after(10, () => {
      throw new Error('broken task');
    });
    await sleep(40);
    expect(ran).toEqual(['task']);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![1])).toContain('broken task');
  });
});
