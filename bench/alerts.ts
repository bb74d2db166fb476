/**
 * Delay from a price crossing the warning distance to the notification being shown, in real Chromium with the
 * built extension: the page's own mark price (content script → worker), and the public mark-price stream for a
 * hidden tab (local WebSocket → worker). Cool-down set to 0 so that every crossing fires.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Worker } from 'playwright-core';
import { WebSocketServer, type WebSocket } from 'ws';

import { exchangeUrl, launchWithExtension, overlay, setPageHidden, startLocalExchange } from '../test/e2e/harness';
import { moveMark } from '../test/e2e/pages/fixturePage';
import { CALM_READ_INTERVAL_MS } from '../lib/model/readIntervals';
import { median, p95, type Figure } from './measure';

const root = resolve(import.meta.dirname, '..');
const html = readFileSync(resolve(root, 'test/fixtures/binance/en-usdm-cross-isolated.html'), 'utf8');
const path = '/en/futures/BTCUSDT';

/** Waits in the worker for a BTCUSDT warning notification newer than `since`; returns when it was seen (ms epoch). */
function seenAfter(worker: Worker, since: number): Promise<number> {
  return worker.evaluate(
    (after) =>
      new Promise<number>((resolve, reject) => {
        const started = Date.now();
        const poll = () =>
          chrome.notifications.getAll().then((all) => {
            const fresh = Object.keys(all).some(
              (id) => id.includes('|BTCUSDT:long:cross|distance|warning|') && Number(id.split('|')[4]) >= after,
            );
            if (fresh) resolve(Date.now());
            else if (Date.now() - started > 5000) reject(new Error('no notification'));
            else setTimeout(poll, 2);
          });
        void poll();
      }),
    since,
  );
}

export async function benchAlerts(): Promise<Figure[]> {
  const exchange = await startLocalExchange({ [path]: html });
  const sockets = new WebSocketServer({ server: exchange.server });
  const clients: WebSocket[] = [];
  sockets.on('connection', (socket) => clients.push(socket));
  const browser = await launchWithExtension(exchange.port);
  try {
    const { page, serviceWorker } = browser;
    // tsx names functions with an `__name` helper that the page and the worker do not have.
    await serviceWorker.evaluate('globalThis.__name = (fn) => fn');
    await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { version: 1, cooldownMinutes: 0 } }));
    await page.goto(exchangeUrl(path));
    await overlay(page).waitFor();
    await page.evaluate('globalThis.__name = (fn) => fn');
    const setMark = async (text: string) => {
      const start = Date.now();
      await moveMark(page, 'BTCUSDT', text);
      return start;
    };

    const fromPage: number[] = [];
    for (let i = 0; i < 15; i++) {
      await setMark('95,480.3'); // safe: re-arms
      // Twice the content script's longest read interval: the safe price is read (on the interval's timer, so soon
      // after the last read), and the crossing comes after a pause (while prices tick, a read can wait up to the
      // interval more).
      await page.waitForTimeout(2 * CALM_READ_INTERVAL_MS + 200);
      const start = await setMark('80,000.0'); // ≈ 8.9 %: warning
      fromPage.push((await seenAfter(serviceWorker, start - 5)) - start);
    }

    // Hide the tab for the content script, then drive the stream.
    await setPageHidden(browser, true);
    const deadline = Date.now() + 10_000;
    while (clients.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const send = (price: string) =>
      clients[0]!.send(
        JSON.stringify({ stream: 'btcusdt@markPrice@1s', data: { e: 'markPriceUpdate', E: Date.now(), s: 'BTCUSDT', p: price } }),
      );
    const fromStream: number[] = [];
    for (let i = 0; i < 15; i++) {
      send('95480.3');
      await new Promise((r) => setTimeout(r, 120));
      const start = Date.now();
      send('80000.0');
      fromStream.push((await seenAfter(serviceWorker, start - 5)) - start);
    }

    return [
      {
        name: 'page price crossing → notification shown (Chromium)',
        unit: 'ms',
        median: median(fromPage),
        p95: p95(fromPage),
        runs: fromPage.length,
      },
      {
        name: 'stream price crossing → notification shown (Chromium)',
        unit: 'ms',
        median: median(fromStream),
        p95: p95(fromStream),
        runs: fromStream.length,
      },
    ];
  } finally {
    await browser.close();
    sockets.close();
    await exchange.close();
  }
}
