/**
 * What LiqGuard costs the trading page: the main thread of the demo page ticking at 10 Hz with and without the
 * extension, in real Chromium. Each round runs the two browsers side by side and measures both over the same
 * seconds: this shared machine's speed drifts by several per cent from one minute to the next, and a paired
 * measure cancels that drift where back-to-back runs measure it. Three measures: busy time (CDP Performance
 * metrics: TaskDuration, wall-clock time of the thread's tasks, which grows when another process takes the CPU
 * mid-task), CPU time (the thread's own run time from Linux's schedstat), and the thread time of its tasks in a
 * Chromium trace (steadier, and it names LiqGuard's script and the frames' layout and paint). Goal: ≤ 5 % more.
 * Further rounds measure the same page with a position near a threshold, which LiqGuard reads every second.
 * `benchOverheadOthers` measures Bybit's and Hyperliquid's pages the same way, in fewer rounds (busy and CPU time).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';

import { DEFAULT_SETTINGS } from '../lib/model/settings';
import { launchWithExtension, launchWithoutExtension, startLocalExchange, type ExtensionBrowser } from '../test/e2e/harness';
import { tickingPage } from '../test/e2e/pages/tickingPages';
import { mean, meanWithError, median, type Figure } from './measure';

const SECONDS = 10;
const ROUNDS = 40;
const TRACED_ROUNDS = 5;
const NEAR_ROUNDS = 10;
/** Bybit's and Hyperliquid's pages: fewer rounds each (their figures say how sure they are). */
const OTHER_ROUNDS = { calm: 12, near: 8 };
/** Every mark moves 10 times a second. */
const TICK_MS = 100;

/**
 * The demo with a danger threshold of 7 %: SOLUSDT, 7.9 % from liquidation, is then within 1 point of it, and
 * the page is read every second instead of every 3 s (lib/figures/readInterval.ts). The goal is the demo's as it ships;
 * this is what a page near an alert costs.
 */
const NEAR_SETTINGS = { ...DEFAULT_SETTINGS, dangerDistance: '0.07' };

/** Whether process `pid` descends (within a few generations: browser, zygote, renderer) from the browser using `profile`. */
function launchedWith(pid: string, profile: string): boolean {
  let ancestor = pid;
  for (let generation = 0; generation < 4 && ancestor !== '1'; generation++) {
    const stat = readFileSync(`/proc/${ancestor}/stat`, 'utf8');
    ancestor = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]!;
    if (readFileSync(`/proc/${ancestor}/cmdline`, 'utf8').includes(`--user-data-dir=${profile}`)) return true;
  }
  return false;
}

/**
 * Nanoseconds run, by process id, by the processes of the browser using `profile` whose command line `wanted`
 * accepts (only the threads `threadsOf` names); none where Linux's schedstat is not available.
 */
function runTimes(profile: string, wanted: (command: string) => boolean, threadsOf: (pid: string) => string[]): Map<string, number> {
  const times = new Map<string, number>();
  if (!existsSync('/proc/self/schedstat')) return times;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!wanted(readFileSync(`/proc/${pid}/cmdline`, 'utf8')) || !launchedWith(pid, profile)) continue;
      let ran = 0;
      for (const thread of threadsOf(pid)) ran += Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[0]);
      times.set(pid, ran);
    } catch {
      // The process (or one of its threads) ended meanwhile.
    }
  }
  return times;
}

/** Each page renderer's main thread (its first thread). */
const rendererMainThreads = (profile: string) =>
  runTimes(
    profile,
    (command) => command.includes('--type=renderer') && !command.includes('--extension-process'),
    (pid) => [pid],
  );

/** All threads of the extension process (LiqGuard's service worker); none in the browser without LiqGuard. */
const extensionProcesses = (profile: string) =>
  runTimes(
    profile,
    (command) => command.includes('--extension-process'),
    (pid) => readdirSync(`/proc/${pid}/task`),
  );

interface Sample {
  /** Busy (TaskDuration) ms per second. */
  busy: number;
  /** CPU ms per second of the page's main thread, null where Linux's schedstat is not available. */
  cpu: number | null;
  /** CPU ms per second of the extension process (the worker, off the page's thread), null without one. */
  extension: number | null;
  layouts: number;
}

/** Measures the pages of several browsers, each showing `url`, over the same SECONDS. */
async function sampleTogether(browsers: { page: Page; profile: string }[], url: string): Promise<Sample[]> {
  const watched = await Promise.all(
    browsers.map(async ({ page, profile }) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(url);
      const metrics = async () => {
        const all = (await cdp.send('Performance.getMetrics')).metrics;
        return { task: all.find((m) => m.name === 'TaskDuration')!.value, layouts: all.find((m) => m.name === 'LayoutCount')!.value };
      };
      return { cdp, profile, metrics };
    }),
  );
  await new Promise((settled) => setTimeout(settled, 2000));
  const starts = await Promise.all(
    watched.map(async (w) => ({
      metrics: await w.metrics(),
      cpu: rendererMainThreads(w.profile),
      extension: extensionProcesses(w.profile),
    })),
  );
  await new Promise((measured) => setTimeout(measured, SECONDS * 1000));
  const ends = await Promise.all(
    watched.map(async (w) => ({
      metrics: await w.metrics(),
      cpu: rendererMainThreads(w.profile),
      extension: extensionProcesses(w.profile),
    })),
  );
  await Promise.all(watched.map((w) => w.cdp.detach()));
  return watched.map((_, i) => {
    const [start, end] = [starts[i]!, ends[i]!];
    // The page's renderer is the browser's busiest one (others are spares and the new-tab page).
    const ranSince = (before: Map<string, number>, after: Map<string, number>) =>
      [...after].map(([pid, ns]) => ns - (before.get(pid) ?? ns));
    const ran = ranSince(start.cpu, end.cpu);
    // The extension's processes added up (one started meanwhile, as a restarted worker's would be, counts nothing).
    const extensionRan = ranSince(start.extension, end.extension);
    return {
      busy: ((end.metrics.task - start.metrics.task) * 1000) / SECONDS,
      cpu: ran.length > 0 ? Math.max(...ran) / 1e6 / SECONDS : null,
      extension: extensionRan.length > 0 ? extensionRan.reduce((total, ns) => total + ns, 0) / 1e6 / SECONDS : null,
      layouts: (end.metrics.layouts - start.metrics.layouts) / SECONDS,
    };
  });
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the event records it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

/** What a Chromium trace of a page's main thread adds up to, in thread-time ms per second. */
interface Traced {
  /** All its tasks. */
  tasks: number;
  /** Script of a chrome-extension:// URL (LiqGuard's content script). */
  script: number;
  /** Layout, pre-paint and paint: where the overlay's redraws cost the page's frames. */
  lifecycle: number;
}

/** Traces the pages of several browsers, each showing `url`, over the same SECONDS (thread time: another process taking the CPU does not count). */
async function traceTogether(pages: Page[], url: string): Promise<Traced[]> {
  const traces = await Promise.all(
    pages.map(async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await page.goto(url);
      return { cdp, events: [] as TraceEvent[] };
    }),
  );
  await new Promise((settled) => setTimeout(settled, 3000));
  await Promise.all(
    traces.map(({ cdp, events }) => {
      cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
      return cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
    }),
  );
  await new Promise((measured) => setTimeout(measured, SECONDS * 1000));
  await Promise.all(
    traces.map(async ({ cdp }) => {
      const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
    }),
  );
  return traces.map(({ events }) => {
    const mainThreads = new Set(
      events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
    );
    const onMain = events.filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts);
    // The page's renderer is the busiest main thread.
    const busy = new Map<number, number>();
    for (const e of onMain) busy.set(e.pid, (busy.get(e.pid) ?? 0) + (e.dur ?? 0));
    const pid = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
    // Outermost events of a name only: a task may run inside another, a call inside another.
    const total = (counts: (e: TraceEvent) => boolean) => {
      let sum = 0;
      let end = -Infinity;
      for (const e of onMain) {
        if (e.pid !== pid || e.ts < end || !counts(e)) continue;
        sum += (e.tdur ?? e.dur ?? 0) / 1000;
        end = e.ts + (e.dur ?? 0);
      }
      return sum / SECONDS;
    };
    return {
      tasks: total((e) => e.name === 'ThreadControllerImpl::RunTask'),
      script: total((e) => e.name === 'FunctionCall' && !!e.args?.data?.url?.startsWith('chrome-extension://')),
      lifecycle: ['Layout', 'PrePaint', 'Paint'].reduce((sum, name) => sum + total((e) => e.name === name), 0),
    };
  });
}

const percentsMore = (withExtension: number[], without: number[]) => withExtension.map((w, i) => ((w - without[i]!) / without[i]!) * 100);
const signed = (percent: number) => `${percent >= 0 ? '+' : ''}${percent.toFixed(1)} %`;

/**
 * How much more the page's thread ran with LiqGuard than without, over paired rounds: the median of the rounds'
 * percentages and their range, and the mean of their differences with its standard error — what the median alone
 * cannot say is how sure it is.
 */
function howMuchMore(without: number[], withExtension: number[]): string {
  const more = percentsMore(withExtension, without);
  const differences = meanWithError(withExtension.map((w, i) => w - without[i]!));
  return (
    `${signed(median(more))} (median of ${more.length} paired rounds, which ranged ${signed(Math.min(...more))} to ${signed(Math.max(...more))}); ` +
    `the rounds' differences ${differences.mean.toFixed(2)} ± ${differences.error.toFixed(2)} ms/s, ${signed((differences.mean / mean(without)) * 100)} of the mean without`
  );
}

/**
 * `rounds` rounds of a browser without LiqGuard and one with it (`prepare`d first), side by side, each measured by
 * `measure` and closed.
 */
async function pairedRounds<Measured>(
  port: number,
  rounds: number,
  measure: (browsers: [Awaited<ReturnType<typeof launchWithoutExtension>>, ExtensionBrowser]) => Promise<Measured>,
  prepare: (extended: ExtensionBrowser) => Promise<unknown> = async () => {},
): Promise<Measured[]> {
  const measured: Measured[] = [];
  for (let round = 0; round < rounds; round++) {
    const browsers = await Promise.all([launchWithoutExtension(port), launchWithExtension(port)]);
    await prepare(browsers[1]);
    measured.push(await measure(browsers));
    await Promise.all(browsers.map((browser) => browser.close()));
  }
  return measured;
}

/** Busy and CPU time of the page's main thread over paired rounds, without and with LiqGuard (`page` names the page). */
function pairedFigures(page: string, without: Sample[], withExtension: Sample[]): Figure[] {
  const pair = (measure: string, unit: string, of: (sample: Sample) => number): Figure[] => {
    const before = without.map(of);
    const after = withExtension.map(of);
    return [
      {
        name: `main thread ${measure}, ${page} at 10 Hz, without LiqGuard`,
        unit: 'ms',
        median: median(before),
        p95: Math.max(...before),
        runs: before.length,
        note: `${unit} per second`,
      },
      {
        name: `main thread ${measure}, ${page} at 10 Hz, with LiqGuard`,
        unit: 'ms',
        median: median(after),
        p95: Math.max(...after),
        runs: after.length,
        note: `${howMuchMore(before, after)}; goal ≤ +5 %`,
      },
    ];
  };
  const figures = pair('busy', 'ms busy', (s) => s.busy);
  if ([...without, ...withExtension].every((s) => s.cpu !== null)) figures.push(...pair('CPU', 'CPU ms', (s) => s.cpu!));
  return figures;
}

/**
 * Bybit's and Hyperliquid's pages, every mark moving 10 times a second: paired rounds of busy and CPU time. The goal's
 * case is a calm page, read every 3 s like Binance's demo: their 20-position pages, each position more than 2 points
 * from its next threshold. Their demo pages hold a position in danger, read every second: Binance's like case is
 * its demo near a threshold (`benchOverhead`).
 */
export async function benchOverheadOthers(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [exchange, twenty, name, rounds] of [
    ['bybit', true, "Bybit's 20 positions (calm, read every 3 s)", OTHER_ROUNDS.calm],
    ['hyperliquid', true, "Hyperliquid's 20 positions (calm, read every 3 s)", OTHER_ROUNDS.calm],
    ['bybit', false, "Bybit's demo page (a position in danger, read every second)", OTHER_ROUNDS.near],
    ['hyperliquid', false, "Hyperliquid's demo page (a position in danger, read every second)", OTHER_ROUNDS.near],
  ] as const) {
    const page = tickingPage(exchange, TICK_MS, twenty);
    const local = await startLocalExchange(page.routes);
    try {
      const samples = await pairedRounds(local.port, rounds, (browsers) => sampleTogether(browsers, page.url));
      figures.push(
        ...pairedFigures(
          name,
          samples.map(([plain]) => plain!),
          samples.map(([, extended]) => extended!),
        ),
      );
    } finally {
      await local.close();
    }
  }
  return figures;
}

export async function benchOverhead(): Promise<Figure[]> {
  const page = tickingPage('binance', TICK_MS);
  const exchange = await startLocalExchange(page.routes);
  let traced: [Traced, Traced][];
  let samples: Sample[][];
  let near: [Sample, Sample][];
  try {
    const pages = (browsers: { page: Page }[]) => browsers.map((browser) => browser.page);
    traced = (await pairedRounds(exchange.port, TRACED_ROUNDS, (browsers) => traceTogether(pages(browsers), page.url))) as [
      Traced,
      Traced,
    ][];
    samples = await pairedRounds(exchange.port, ROUNDS, (browsers) => sampleTogether(browsers, page.url));
    near = (await pairedRounds(
      exchange.port,
      NEAR_ROUNDS,
      (browsers) => sampleTogether(browsers, page.url),
      (extended) => extended.serviceWorker.evaluate((settings) => chrome.storage.local.set({ settings }), NEAR_SETTINGS),
    )) as [Sample, Sample][];
  } finally {
    await exchange.close();
  }
  const without = samples.map(([plain]) => plain!);
  const withExtension = samples.map(([, extended]) => extended!);
  // Each round measures both at once: the median of the rounds' own differences, and their spread.
  const figures = pairedFigures('demo page', without, withExtension);
  // Traced in pairs too: the difference in the page's tasks, with the two parts of it the trace names.
  const tasksMore = percentsMore(
    traced.map(([, w]) => w.tasks),
    traced.map(([plain]) => plain.tasks),
  );
  const medianOf = (of: (pair: [Traced, Traced]) => number) => median(traced.map(of));
  const more = medianOf(([plain, w]) => w.tasks - plain.tasks);
  figures.push({
    name: 'main thread task time (Chromium trace, thread time), demo page at 10 Hz: with − without LiqGuard',
    unit: 'ms',
    median: more,
    p95: Math.max(...traced.map(([plain, w]) => w.tasks - plain.tasks)),
    runs: TRACED_ROUNDS,
    note:
      `${medianOf(([plain]) => plain.tasks).toFixed(1)} → ${medianOf(([, w]) => w.tasks).toFixed(1)} ms/s, ${signed(median(tasksMore))} ` +
      `(median of ${TRACED_ROUNDS} paired rounds, which ranged ${signed(Math.min(...tasksMore))} to ${signed(Math.max(...tasksMore))}); ` +
      `of it LiqGuard's script ${medianOf(([, w]) => w.script).toFixed(2)} ms/s and layout and paint ${medianOf(([plain, w]) => w.lifecycle - plain.lifecycle).toFixed(2)} ms/s more`,
  });
  if (near.every(([plain, w]) => plain.cpu !== null && w.cpu !== null)) {
    const differences = near.map(([plain, w]) => w.cpu! - plain.cpu!);
    figures.push({
      name: 'main thread CPU, demo page at 10 Hz with a position within 1 point of a threshold (read every second): with − without LiqGuard',
      unit: 'ms',
      median: median(differences),
      p95: Math.max(...differences),
      runs: NEAR_ROUNDS,
      note: howMuchMore(
        near.map(([plain]) => plain.cpu!),
        near.map(([, w]) => w.cpu!),
      ),
    });
  }
  // The overlay is drawn in the frame of one of the page's own changes: no layout (or frame) of its own.
  figures.push({
    name: 'layouts per second, demo page at 10 Hz, with LiqGuard',
    unit: 'count',
    median: median(withExtension.map((s) => s.layouts)),
    p95: Math.max(...withExtension.map((s) => s.layouts)),
    runs: ROUNDS,
    note: `${median(without.map((s) => s.layouts)).toFixed(1)} without`,
  });
  // Not the page's, but the machine's: what the worker spends on each snapshot, every second the page ticks.
  const extension = withExtension.map((s) => s.extension).filter((ms) => ms !== null);
  if (extension.length === ROUNDS) {
    figures.push({
      name: "LiqGuard's extension process (its service worker), demo page at 10 Hz",
      unit: 'ms',
      median: median(extension),
      p95: Math.max(...extension),
      runs: ROUNDS,
      note: 'CPU ms per second, all its threads (not on the page’s main thread)',
    });
  }
  return figures;
}
