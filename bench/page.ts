/**
 * Figures measured in real Chromium: the reader's time on a 20-position page (the reader bundled on its own and
 * run in the page), and the delay from a mark price changing in the page to the overlay showing the new distance
 * (the built extension loaded). Plus the content script's size.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { build } from 'esbuild';

import { EXTENSION_DIR, exchangeUrl, launchWithExtension, overlay, startLocalExchange } from '../test/e2e/harness';
import { moveMark } from '../test/e2e/pages';
import { median, p95, type Figure } from './measure';

const root = resolve(import.meta.dirname, '..');
const fixture = readFileSync(resolve(root, 'test/fixtures/binance/en-20-rows.html'), 'utf8');
const path = '/en/futures/BTCUSDT';


async function readerBundle(): Promise<string> {
  const result = await build({
    stdin: { contents: "import { readBinancePage } from './lib/exchanges/binance/reader'; (globalThis as any).__readBinancePage = readBinancePage;", resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    alias: { '@': root },
  });
  return result.outputFiles[0]!.text;
}

export async function benchPage(): Promise<Figure[]> {
  const exchange = await startLocalExchange({ [path]: fixture });
  const browser = await launchWithExtension(exchange.port);
  try {
    const page = browser.page;
    await page.goto(exchangeUrl(path));
    await overlay(page).waitFor();
    // tsx names functions with an `__name` helper that the page does not have.
    await page.evaluate('globalThis.__name = (fn) => fn');

    // Reader: 200 reads of the live DOM in the page's own world, with a warm cache like the content script's.
    await page.addScriptTag({ content: await readerBundle() });
    const readerTimes = await page.evaluate(() => {
      const read = (globalThis as unknown as { __readBinancePage: (d: Document, u: string, c: object) => { positions: unknown[] } }).__readBinancePage;
      const times: number[] = [];
      const cache = {}; // as the content script does: one cache per page
      for (let i = 0; i < 220; i++) {
        const start = performance.now();
        const snapshot = read(document, location.href, cache);
        const took = performance.now() - start;
        if (snapshot.positions.length !== 20) throw new Error('the reader did not read 20 positions');
        if (i >= 20) times.push(took);
      }
      return times;
    });

    // Price → overlay: the page moves BTCUSDT's mark (and PnL); time until the overlay's distance text changes.
    const delays: number[] = [];
    for (let i = 0; i < 40; i++) {
      const changed = page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const shadow = document.querySelector('liqguard-overlay')!.shadowRoot!;
            const first = () => shadow.querySelector('[data-testid="liqguard-distance"]')!.textContent;
            const before = first();
            const observer = new MutationObserver(() => {
              if (first() === before) return;
              observer.disconnect();
              resolve(performance.now());
            });
            observer.observe(shadow, { subtree: true, childList: true, characterData: true });
            setTimeout(() => reject(new Error('the overlay did not follow the price')), 3000);
          }),
      );
      const start = await moveMark(page, 'BTCUSDT', (50.4 + (i % 2) * 0.2).toFixed(2));
      delays.push((await changed) - start);
    }

    const contentScript = readFileSync(resolve(EXTENSION_DIR, 'content-scripts/binance.js'));
    const frame = 1000 / 60;
    return [
      { name: 'reader: one read of a 20-position page (Chromium)', unit: 'ms', median: median(readerTimes), p95: p95(readerTimes), runs: readerTimes.length, goal: 1 },
      {
        name: 'page mark price → overlay distance (Chromium)',
        unit: 'ms',
        median: median(delays),
        p95: p95(delays),
        runs: delays.length,
        goal: frame,
        note: `${(median(delays) / frame).toFixed(2)} frames at 60 Hz`,
      },
      {
        name: 'content script size, gzip',
        unit: 'KB',
        median: gzipSync(contentScript).length / 1024,
        p95: gzipSync(contentScript).length / 1024,
        runs: 1,
        goal: 40,
        note: `${(contentScript.length / 1024).toFixed(1)} KB raw`,
      },
    ];
  } finally {
    await browser.close();
    await exchange.close();
  }
}
