/**
 * Each exchange's page with its prices moving, as `npm run demo` opens it and `npm run bench` measures it: Binance's
 * demo page with its own ticker (`demo/ticker.js`), and Bybit's and Hyperliquid's fixture pages with a script that
 * moves every mark (up to ±0.1 % a tick) and what follows it the way the exchange's own script would
 * (`moveBybitMarkInPage`, `moveHyperliquidMarkInPage`), with the public market data each worker asks for.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { domOf } from '../../fixtures/binance';
import type { Routes } from '../harness';
import { BYBIT_MARKET_ROUTES } from './bybitMarket';
import { moveBybitMarkInPage, moveHyperliquidMarkInPage } from './fixturePage';
import { HYPERLIQUID_MARKET_ROUTES } from './hyperliquidMarket';

const root = resolve(import.meta.dirname, '../../..');
const TICKER_PATH = '/demo/ticker.js';

export interface TickingPage {
  url: string;
  routes: Routes;
}

/**
 * A page script that moves each of `marks` (symbol → the mark as the page shows it) every `everyMs` through `move`, a
 * function of the page written in TypeScript (its source, as compiled, with the name helper tsx's output calls).
 */
function tickerScript(marks: Record<string, string>, move: (args: readonly [string, string]) => number, everyMs: number): string {
  const state = Object.entries(marks).map(([symbol, text]) => ({
    symbol,
    value: Number(text.replace(/,/g, '')),
    decimals: text.split('.')[1]?.length ?? 0,
  }));
  return `(() => {
  globalThis.__name ??= (fn) => fn;
  const move = ${move.toString()};
  const marks = ${JSON.stringify(state)};
  const timer = setInterval(() => {
    for (const mark of marks) {
      mark.value *= 1 + (Math.random() - 0.5) * 0.002;
      move([mark.symbol, mark.value.toLocaleString('en-US', { minimumFractionDigits: mark.decimals, maximumFractionDigits: mark.decimals })]);
    }
  }, ${everyMs});
  window.stopDemoTicker = () => clearInterval(timer);
})();
`;
}

/** A fixture page with the ticker's script at the end of its body. */
const withTicker = (html: string) => html.replace('</body>', `<script src="${TICKER_PATH}"></script>\n</body>`);

/** Each position's mark as a table page shows it (Bybit's, Hyperliquid's): the symbol is its row's first word, the mark its fifth cell. */
function marksOf(html: string, url: string): Record<string, string> {
  const rows = [...domOf(html, url).document.querySelectorAll('tbody > tr')];
  return Object.fromEntries(
    rows.map((row) => [row.children[0]!.querySelector('span')!.textContent!, row.children[4]!.textContent!.trim()]),
  );
}

/** A table page from `fixture`, its marks moved by `move` (the page's own script would) every `everyMs`. */
function tablePage(
  url: string,
  fixture: string,
  move: (args: readonly [string, string]) => number,
  market: Routes,
  everyMs: number,
): TickingPage {
  const html = readFileSync(resolve(root, 'test/fixtures', fixture), 'utf8');
  return {
    url,
    routes: {
      [new URL(url).pathname]: withTicker(html),
      [TICKER_PATH]: script(tickerScript(marksOf(html, url), move, everyMs)),
      ...market,
    },
  };
}

const script = (body: string) => ({ body, type: 'text/javascript' });

/**
 * The page of `exchange` with its marks moving every `everyMs` (the demo's ticker moves them every 500 ms): the demo's
 * own page, or (`twenty`) the 20-position fixture page the page bench reads (Bybit's, Hyperliquid's).
 */
export function tickingPage(exchange: 'binance' | 'bybit' | 'hyperliquid', everyMs: number, twenty = false): TickingPage {
  switch (exchange) {
    case 'binance':
      return {
        url: 'https://www.binance.com/en/futures/BTCUSDT',
        routes: {
          '/en/futures/BTCUSDT': readFileSync(resolve(root, 'demo/futures.html'), 'utf8'),
          [TICKER_PATH]: script(
            readFileSync(resolve(root, 'demo/ticker.js'), 'utf8').replace('setInterval(tick, 500)', `setInterval(tick, ${everyMs})`),
          ),
        },
      };
    case 'bybit':
      return tablePage(
        'https://www.bybit.com/trade/usdt/BTCUSDT',
        twenty ? 'bybit/en-linear-20-rows.html' : 'bybit/en-linear-one-way.html',
        moveBybitMarkInPage,
        BYBIT_MARKET_ROUTES,
        everyMs,
      );
    case 'hyperliquid':
      return tablePage(
        'https://app.hyperliquid.xyz/trade/BTC',
        twenty ? 'hyperliquid/en-20-rows.html' : 'hyperliquid/en-cross-isolated.html',
        moveHyperliquidMarkInPage,
        HYPERLIQUID_MARKET_ROUTES,
        everyMs,
      );
  }
}
