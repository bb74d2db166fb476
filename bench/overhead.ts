/**
 * What LiqGuard costs the trading page: main-thread busy time of the demo page ticking at 10 Hz for a while, with
 * and without the extension, in real Chromium (CDP Performance metrics: TaskDuration). Goal: ≤ 5 % more.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Page } from 'playwright-core';

import { exchangeUrl, launchWithExtension, launchWithoutExtension, startLocalExchange } from '../test/e2e/harness';
import { median, type Figure } from './measure';

const root = resolve(import.meta.dirname, '..');
const demo = readFileSync(resolve(root, 'demo/futures.html'), 'utf8');
const ticker10Hz = readFileSync(resolve(root, 'demo/ticker.js'), 'utf8').replace('setInterval(tick, 500)', 'setInterval(tick, 100)');
const SECONDS = 10;
const ROUNDS = 5;

/** Main-thread work (ms per second) and layouts per second of the demo page. */
async function busyTime(page: Page): Promise<{ busy: number; layouts: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(exchangeUrl('/en/futures/BTCUSDT'));
  await page.waitForTimeout(2000);
  const metrics = async () => {
    const all = (await cdp.send('Performance.getMetrics')).metrics;
    return { task: all.find((m) => m.name === 'TaskDuration')!.value, layouts: all.find((m) => m.name === 'LayoutCount')!.value };
  };
  const start = await metrics();
  await page.waitForTimeout(SECONDS * 1000);
  const end = await metrics();
  await cdp.detach();
  return { busy: ((end.task - start.task) * 1000) / SECONDS, layouts: (end.layouts - start.layouts) / SECONDS };
}

export async function benchOverhead(): Promise<Figure[]> {
  const exchange = await startLocalExchange({ '/en/futures/BTCUSDT': demo, '/demo/ticker.js': { body: ticker10Hz, type: 'text/javascript' } });
  const without: number[] = [];
  const withExtension: number[] = [];
  const layoutsWithout: number[] = [];
  const layoutsWith: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const plain = await launchWithoutExtension(exchange.port);
      const plainTime = await busyTime(plain.page);
      without.push(plainTime.busy);
      layoutsWithout.push(plainTime.layouts);
      await plain.close();
      const extended = await launchWithExtension(exchange.port);
      const extendedTime = await busyTime(extended.page);
      withExtension.push(extendedTime.busy);
      layoutsWith.push(extendedTime.layouts);
      await extended.close();
    }
  } finally {
    await exchange.close();
  }
  // Each round measures both, one after the other: the median of the rounds' own differences is steadier than
  // the difference of the medians on a shared machine.
  const extra = median(withExtension.map((w, i) => ((w - without[i]!) / without[i]!) * 100));
  return [
    { name: 'main thread, demo page at 10 Hz, without LiqGuard', unit: 'ms', median: median(without), p95: Math.max(...without), runs: ROUNDS, note: 'ms busy per second' },
    {
      name: 'main thread, demo page at 10 Hz, with LiqGuard',
      unit: 'ms',
      median: median(withExtension),
      p95: Math.max(...withExtension),
      runs: ROUNDS,
      note: `${extra >= 0 ? '+' : ''}${extra.toFixed(1)} % (median of the rounds' differences; goal ≤ +5 %)`,
    },
    // The overlay is drawn in the frame of one of the page's own changes: no layout (or frame) of its own.
    {
      name: 'layouts per second, demo page at 10 Hz, with LiqGuard',
      unit: 'count',
      median: median(layoutsWith),
      p95: Math.max(...layoutsWith),
      runs: ROUNDS,
      note: `${median(layoutsWithout).toFixed(1)} without`,
    },
  ];
}
