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

async function busyTime(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(exchangeUrl('/en/futures/BTCUSDT'));
  await page.waitForTimeout(2000);
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;
  const start = await task();
  await page.waitForTimeout(SECONDS * 1000);
  const busy = (await task()) - start;
  await cdp.detach();
  return (busy * 1000) / SECONDS; // ms of main-thread work per second
}

export async function benchOverhead(): Promise<Figure[]> {
  const exchange = await startLocalExchange({ '/en/futures/BTCUSDT': demo, '/demo/ticker.js': { body: ticker10Hz, type: 'text/javascript' } });
  const without: number[] = [];
  const withExtension: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const plain = await launchWithoutExtension(exchange.port);
      without.push(await busyTime(plain.page));
      await plain.close();
      const extended = await launchWithExtension(exchange.port);
      withExtension.push(await busyTime(extended.page));
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
  ];
}
