/**
 * What LiqGuard costs the trading page: the main thread of the demo page ticking at 10 Hz for a while, with and
 * without the extension, in real Chromium. Two measures of it: busy time (CDP Performance metrics: TaskDuration,
 * wall-clock time of the thread's tasks, which grows when another process takes the CPU mid-task) and CPU time
 * (the thread's own run time from Linux's schedstat). Goal: ≤ 5 % more.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Page } from 'playwright-core';

import { exchangeUrl, launchWithExtension, launchWithoutExtension, startLocalExchange } from '../test/e2e/harness';
import { median, type Figure } from './measure';

const root = resolve(import.meta.dirname, '..');
const demo = readFileSync(resolve(root, 'demo/futures.html'), 'utf8');
const ticker10Hz = readFileSync(resolve(root, 'demo/ticker.js'), 'utf8').replace('setInterval(tick, 500)', 'setInterval(tick, 100)');
const SECONDS = 10;
const ROUNDS = 8;

/** Nanoseconds each Chromium page renderer's main thread (its first thread) has run, by process id. */
function rendererMainThreads(): Map<string, number> {
  const times = new Map<string, number>();
  if (!existsSync('/proc/self/schedstat')) return times;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!command.includes('--type=renderer') || command.includes('--extension-process')) continue;
      times.set(pid, Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]));
    } catch {
      // The process ended meanwhile.
    }
  }
  return times;
}

interface Sample {
  /** Busy (TaskDuration) ms per second. */
  busy: number;
  /** CPU ms per second of the page's main thread, null where Linux's schedstat is not available. */
  cpu: number | null;
  layouts: number;
}

async function sample(page: Page): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(exchangeUrl('/en/futures/BTCUSDT'));
  await page.waitForTimeout(2000);
  const metrics = async () => {
    const all = (await cdp.send('Performance.getMetrics')).metrics;
    return { task: all.find((m) => m.name === 'TaskDuration')!.value, layouts: all.find((m) => m.name === 'LayoutCount')!.value };
  };
  const start = await metrics();
  const cpuStart = rendererMainThreads();
  await page.waitForTimeout(SECONDS * 1000);
  const end = await metrics();
  const cpuEnd = rendererMainThreads();
  await cdp.detach();
  // The page's renderer is the busiest one (others are spares and the new-tab page).
  const ran = [...cpuEnd].map(([pid, ns]) => ns - (cpuStart.get(pid) ?? ns));
  return {
    busy: ((end.task - start.task) * 1000) / SECONDS,
    cpu: ran.length > 0 ? Math.max(...ran) / 1e6 / SECONDS : null,
    layouts: (end.layouts - start.layouts) / SECONDS,
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

/**
 * Where one read's cost goes, from a Chromium trace of the page's main thread: the frames in which LiqGuard
 * read the page (its animation-frame callback) against the page's other frames, which change the same cells.
 */
async function readFrames(page: Page): Promise<{ ours: number[]; page: number[]; script: number[] }> {
  const cdp = await page.context().newCDPSession(page);
  await page.goto(exchangeUrl('/en/futures/BTCUSDT'));
  await page.waitForTimeout(3000);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
  await page.waitForTimeout(SECONDS * 1000);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts);
  // The page's renderer is the busiest main thread.
  const busy = new Map<number, number>();
  for (const e of onMain) busy.set(e.pid, (busy.get(e.pid) ?? 0) + (e.dur ?? 0));
  const pid = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const main = onMain.filter((e) => e.pid === pid);
  const tasks: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of main) {
    if (e.name !== 'ThreadControllerImpl::RunTask' || e.ts < end) continue;
    tasks.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  const frames = { ours: [] as number[], page: [] as number[], script: [] as number[] };
  let next = 0;
  for (const task of tasks) {
    const inside: TraceEvent[] = [];
    while (next < main.length && main[next]!.ts < task.ts) next++;
    for (let i = next; i < main.length && main[i]!.ts < task.ts + task.dur!; i++) inside.push(main[i]!);
    if (!inside.some((e) => e.name === 'Layout')) continue;
    const ourCallback = inside.find((e) => e.name === 'FireAnimationFrame' && inside.some((c) => c.name === 'FunctionCall' && c.ts >= e.ts && c.ts < e.ts + e.dur! && c.args?.data?.url?.startsWith('chrome-extension://')));
    if (ourCallback) {
      frames.ours.push(task.dur! / 1000);
      frames.script.push(ourCallback.dur! / 1000);
    } else frames.page.push(task.dur! / 1000);
  }
  return frames;
}

const percentMore = (withExtension: number[], without: number[]) => median(withExtension.map((w, i) => ((w - without[i]!) / without[i]!) * 100));
const signed = (percent: number) => `${percent >= 0 ? '+' : ''}${percent.toFixed(1)} %`;

export async function benchOverhead(): Promise<Figure[]> {
  const exchange = await startLocalExchange({ '/en/futures/BTCUSDT': demo, '/demo/ticker.js': { body: ticker10Hz, type: 'text/javascript' } });
  const without: Sample[] = [];
  const withExtension: Sample[] = [];
  let frames: Awaited<ReturnType<typeof readFrames>>;
  try {
    const traced = await launchWithExtension(exchange.port);
    frames = await readFrames(traced.page);
    await traced.close();
    for (let round = 0; round < ROUNDS; round++) {
      // Which goes first alternates: a browser that just closed may still be winding down on the same two cores.
      for (const extended of round % 2 === 0 ? [false, true] : [true, false]) {
        const browser = extended ? await launchWithExtension(exchange.port) : await launchWithoutExtension(exchange.port);
        (extended ? withExtension : without).push(await sample(browser.page));
        await browser.close();
      }
    }
  } finally {
    await exchange.close();
  }
  // Each round measures both: the median of the rounds' own differences is steadier than the difference of the
  // medians on a shared machine.
  const pair = (measure: string, unit: string, of: (sample: Sample) => number): Figure[] => {
    const before = without.map(of);
    const after = withExtension.map(of);
    return [
      { name: `main thread ${measure}, demo page at 10 Hz, without LiqGuard`, unit: 'ms', median: median(before), p95: Math.max(...before), runs: ROUNDS, note: `${unit} per second` },
      {
        name: `main thread ${measure}, demo page at 10 Hz, with LiqGuard`,
        unit: 'ms',
        median: median(after),
        p95: Math.max(...after),
        runs: ROUNDS,
        note: `${signed(percentMore(after, before))} (median of the rounds' differences; goal ≤ +5 %)`,
      },
    ];
  };
  const figures = pair('busy', 'ms busy', (s) => s.busy);
  if ([...without, ...withExtension].every((s) => s.cpu !== null)) figures.push(...pair('CPU', 'CPU ms', (s) => s.cpu!));
  // A read's cost: its frame (our script, then the layout and paint of the page's change and our overlay's) against
  // the page's other frames (the page's change alone). Traced, so a little slower than untraced.
  const ourFrame = median(frames.ours);
  const pageFrame = median(frames.page);
  figures.push(
    {
      name: "main thread per read: LiqGuard's frame, demo page at 10 Hz (trace)",
      unit: 'ms',
      median: ourFrame,
      p95: Math.max(...frames.ours),
      runs: frames.ours.length,
      note: `page's own frames ${pageFrame.toFixed(2)} ms; LiqGuard's script ${median(frames.script).toFixed(2)} ms, layout and paint +${(ourFrame - pageFrame - median(frames.script)).toFixed(2)} ms`,
    },
  );
  // The overlay is drawn in the frame of one of the page's own changes: no layout (or frame) of its own.
  figures.push({
    name: 'layouts per second, demo page at 10 Hz, with LiqGuard',
    unit: 'count',
    median: median(withExtension.map((s) => s.layouts)),
    p95: Math.max(...withExtension.map((s) => s.layouts)),
    runs: ROUNDS,
    note: `${median(without.map((s) => s.layouts)).toFixed(1)} without`,
  });
  return figures;
}
