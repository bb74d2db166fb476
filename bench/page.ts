/**
 * Figures measured in real Chromium, for each exchange's page (Binance's, Bybit's, Hyperliquid's): the reader's time on a 20-position page (the reader bundled on its own and
 * run in the page), and the delay from a mark price changing in the page to the overlay showing the new distance
 * (the built extension loaded). Plus the content script's size.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { build } from 'esbuild';

import type { Page } from 'playwright-core';

import { EXTENSION_DIR, launchWithExtension, overlay, startLocalExchange, type Routes } from '../test/e2e/harness';
import { BYBIT_MARKET_ROUTES } from '../test/e2e/pages/bybitMarket';
import { HYPERLIQUID_MARKET_ROUTES } from '../test/e2e/pages/hyperliquidMarket';
import { moveBybitMarkInPage, moveHyperliquidMarkInPage, moveMark } from '../test/e2e/pages/fixturePage';
import { CALM_READ_INTERVAL_MS, MIN_READ_INTERVAL_MS } from '../lib/model/readIntervals';
import { median, p95, type Figure } from './measure';

const root = resolve(import.meta.dirname, '..');

/** One exchange's page as the bench drives it: its 20-position fixture, its reader, how its page moves a mark. */
interface BenchedPage {
  label: string;
  url: string;
  html: string;
  routes: Routes;
  reader: string;
  rows: string;
  /** The position whose mark the bench moves. */
  symbol: string;
  moveMark: (page: Page, symbol: string, mark: string) => Promise<number>;
  contentScript: string;
}

const PAGES: BenchedPage[] = [
  {
    label: '',
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    html: readFileSync(resolve(root, 'test/fixtures/binance/en-20-rows.html'), 'utf8'),
    routes: {},
    reader: "export { readBinancePage as read } from './lib/exchanges/binance/page/reader';",
    rows: '.list-item-container',
    symbol: 'BTCUSDT',
    moveMark,
    contentScript: 'binance.js',
  },
  {
    label: 'Bybit ',
    url: 'https://www.bybit.com/trade/usdt/BTCUSDT',
    html: readFileSync(resolve(root, 'test/fixtures/bybit/en-linear-20-rows.html'), 'utf8'),
    routes: BYBIT_MARKET_ROUTES,
    reader: "export { readBybitPage as read } from './lib/exchanges/bybit/page/reader';",
    rows: 'tbody > tr',
    symbol: 'BTCUSDT',
    moveMark: (page, symbol, mark) => page.evaluate(moveBybitMarkInPage, [symbol, mark] as const),
    contentScript: 'bybit.js',
  },
  {
    label: 'Hyperliquid ',
    url: 'https://app.hyperliquid.xyz/trade/BTC',
    html: readFileSync(resolve(root, 'test/fixtures/hyperliquid/en-20-rows.html'), 'utf8'),
    routes: HYPERLIQUID_MARKET_ROUTES,
    reader: "export { readHyperliquidPage as read } from './lib/exchanges/hyperliquid/page/reader';",
    rows: 'tbody > tr',
    symbol: 'BTC',
    moveMark: (page, symbol, mark) => page.evaluate(moveHyperliquidMarkInPage, [symbol, mark] as const),
    contentScript: 'hyperliquid.js',
  },
];

/** The exchange's reader bundled on its own, as `globalThis.__reader.read`. */
async function readerBundle(reader: string): Promise<string> {
  const result = await build({
    stdin: { contents: reader, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: '__reader',
    write: false,
    alias: { '@': root },
  });
  return result.outputFiles[0]!.text;
}

/** Every exchange's page figures. */
export async function benchPage(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const page of PAGES) figures.push(...(await benchOnePage(page)));
  return figures;
}

async function benchOnePage(benched: BenchedPage): Promise<Figure[]> {
  const exchange = await startLocalExchange({ [new URL(benched.url).pathname]: benched.html, ...benched.routes });
  const browser = await launchWithExtension(exchange.port);
  try {
    const page = browser.page;
    await page.goto(benched.url);
    await overlay(page).waitFor();
    // tsx names functions with an `__name` helper that the page does not have.
    await page.evaluate('globalThis.__name = (fn) => fn');

    // Reader: 200 reads of the live DOM in the page's own world, with a warm cache like the content script's,
    // each after every row's markup changed (a class toggled: the worst case, nothing read from the cache) or
    // after one row's did (a single price moving).
    await page.addScriptTag({ content: await readerBundle(benched.reader) });
    const readerTimes = (rowsChanged: 'all' | 'one') =>
      page.evaluate(
        ([which, rowSelector]) => {
          const read = (globalThis as unknown as { __reader: { read: (d: Document, u: string, c: object) => { positions: unknown[] } } })
            .__reader.read;
          const rows = Array.from(document.querySelectorAll(rowSelector));
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
        },
        [rowsChanged, benched.rows] as const,
      );
    const allRows = await readerTimes('all');
    const oneRow = await readerTimes('one');

    // Price → overlay: the page moves one position's mark (and PnL); time until the overlay's distance text changes.
    // After a pause (the page quiet for longer than the content script's read interval) and back to back (each
    // change as soon as the last one showed, as on a page whose prices keep ticking).
    const delayOf = async (i: number) => {
      const changed = page.evaluate(
        ([wait, symbol]) =>
          new Promise<number>((resolve, reject) => {
            const shadow = document.querySelector('liqguard-overlay')!.shadowRoot!;
            // The moved position's row: the overlay leads with the worst position, which need not be it.
            const btc = () => shadow.querySelector(`[data-symbol="${symbol}"] [data-testid="liqguard-distance"]`)!.textContent;
            const before = btc();
            const observer = new MutationObserver(() => {
              if (btc() === before) return;
              observer.disconnect();
              resolve(performance.now());
            });
            observer.observe(shadow, { subtree: true, childList: true, characterData: true });
            setTimeout(() => reject(new Error('the overlay did not follow the price')), wait);
          }),
        [CALM_READ_INTERVAL_MS + 2000, benched.symbol] as const,
      );
      const start = await benched.moveMark(page, benched.symbol, (50.4 + (i % 2) * 0.2).toFixed(2));
      return (await changed) - start;
    };
    const afterPause: number[] = [];
    for (let i = 0; i < 30; i++) {
      await page.waitForTimeout(CALM_READ_INTERVAL_MS + 200);
      afterPause.push(await delayOf(i));
    }
    const backToBack: number[] = [];
    for (let i = 0; i < 30; i++) backToBack.push(await delayOf(i));

    const contentScript = readFileSync(resolve(EXTENSION_DIR, 'content-scripts', benched.contentScript));
    const frame = 1000 / 60;
    return [
      {
        name: `${benched.label}reader: a 20-position page, every row changed (Chromium)`,
        unit: 'ms',
        median: median(allRows),
        p95: p95(allRows),
        runs: allRows.length,
        goal: 1,
      },
      {
        name: `${benched.label}reader: a 20-position page, one row changed (Chromium)`,
        unit: 'ms',
        median: median(oneRow),
        p95: p95(oneRow),
        runs: oneRow.length,
        goal: 1,
      },
      {
        name: `${benched.label}page mark price → overlay distance, after a pause (Chromium)`,
        unit: 'ms',
        median: median(afterPause),
        p95: p95(afterPause),
        runs: afterPause.length,
        goal: frame,
        note: `${(median(afterPause) / frame).toFixed(2)} frames at 60 Hz`,
      },
      {
        name: `${benched.label}page mark price → overlay distance, prices changing back to back`,
        unit: 'ms',
        median: median(backToBack),
        p95: p95(backToBack),
        runs: backToBack.length,
        note: `reads are ≥ ${MIN_READ_INTERVAL_MS} ms apart while the page keeps changing, ${CALM_READ_INTERVAL_MS} ms while no alert is near`,
      },
      {
        name: `${benched.label}content script size, gzip`,
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
