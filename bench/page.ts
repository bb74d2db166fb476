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
import { moveMark } from '../test/e2e/pages/fixturePage';
import { CALM_READ_INTERVAL_MS, MIN_READ_INTERVAL_MS } from '../lib/model/readIntervals';
import { median, p95, type Figure } from './measure';

const root = resolve(import.meta.dirname, '..');
const fixture = readFileSync(resolve(root, 'test/fixtures/binance/en-20-rows.html'), 'utf8');
const path = '/en/futures/BTCUSDT';

async function readerBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents:
        "import { readBinancePage } from './lib/exchanges/binance/page/reader'; (globalThis as any).__readBinancePage = readBinancePage;",
      resolveDir: root,
      loader: 'ts',
    },
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

    // Reader: 200 reads of the live DOM in the page's own world, with a warm cache like the content script's,
    // each after every row's markup changed (a class toggled: the worst case, nothing read from the cache) or
    // after one row's did (a single price moving).
    await page.addScriptTag({ content: await readerBundle() });
    const readerTimes = (rowsChanged: 'all' | 'one') =>
      page.evaluate((which) => {
        const read = (globalThis as unknown as { __readBinancePage: (d: Document, u: string, c: object) => { positions: unknown[] } })
          .__readBinancePage;
        const rows = Array.from(document.querySelectorAll('.list-item-container'));
        const times: number[] = [];
        const cache = {}; // as the content script does: one cache per page
        for (let i = 0; i < 220; i++) {
          for (const row of which === 'all' ? rows : [rows[i % rows.length]!]) row.firstElementChild!.classList.toggle('bench-tick');
          const start = performance.now();
          const snapshot = read(document, location.href, cache);
          const took = performance.now() - start;
          if (snapshot.positions.length !== 20) throw new Error('the reader did not read 20 positions');
          if (i >= 20) times.push(took);
        }
        return times;
      }, rowsChanged);
    const allRows = await readerTimes('all');
    const oneRow = await readerTimes('one');

    // Price → overlay: the page moves BTCUSDT's mark (and PnL); time until the overlay's distance text changes.
    // After a pause (the page quiet for longer than the content script's read interval) and back to back (each
    // change as soon as the last one showed, as on a page whose prices keep ticking).
    const delayOf = async (i: number) => {
      const changed = page.evaluate(
        (wait) =>
          new Promise<number>((resolve, reject) => {
            const shadow = document.querySelector('liqguard-overlay')!.shadowRoot!;
            // BTCUSDT's row: the overlay leads with the worst position, which need not be it.
            const btc = () => shadow.querySelector('[data-symbol="BTCUSDT"] [data-testid="liqguard-distance"]')!.textContent;
            const before = btc();
            const observer = new MutationObserver(() => {
              if (btc() === before) return;
              observer.disconnect();
              resolve(performance.now());
            });
            observer.observe(shadow, { subtree: true, childList: true, characterData: true });
            setTimeout(() => reject(new Error('the overlay did not follow the price')), wait);
          }),
        CALM_READ_INTERVAL_MS + 2000,
      );
      const start = await moveMark(page, 'BTCUSDT', (50.4 + (i % 2) * 0.2).toFixed(2));
      return (await changed) - start;
    };
    const afterPause: number[] = [];
    for (let i = 0; i < 30; i++) {
      await page.waitForTimeout(CALM_READ_INTERVAL_MS + 200);
      afterPause.push(await delayOf(i));
    }
    const backToBack: number[] = [];
    for (let i = 0; i < 30; i++) backToBack.push(await delayOf(i));

    const contentScript = readFileSync(resolve(EXTENSION_DIR, 'content-scripts/binance.js'));
    const frame = 1000 / 60;
    return [
      {
        name: 'reader: a 20-position page, every row changed (Chromium)',
        unit: 'ms',
        median: median(allRows),
        p95: p95(allRows),
        runs: allRows.length,
        goal: 1,
      },
      {
        name: 'reader: a 20-position page, one row changed (Chromium)',
        unit: 'ms',
        median: median(oneRow),
        p95: p95(oneRow),
        runs: oneRow.length,
        goal: 1,
      },
      {
        name: 'page mark price → overlay distance, after a pause (Chromium)',
        unit: 'ms',
        median: median(afterPause),
        p95: p95(afterPause),
        runs: afterPause.length,
        goal: frame,
        note: `${(median(afterPause) / frame).toFixed(2)} frames at 60 Hz`,
      },
      {
        name: 'page mark price → overlay distance, prices changing back to back',
        unit: 'ms',
        median: median(backToBack),
        p95: p95(backToBack),
        runs: backToBack.length,
        note: `reads are ≥ ${MIN_READ_INTERVAL_MS} ms apart while the page keeps changing, ${CALM_READ_INTERVAL_MS} ms while no alert is near`,
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
