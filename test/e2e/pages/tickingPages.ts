/**
 * Each exchange's page with its prices moving, as `npm run demo` opens it and `npm run bench` measures it: Binance's
 * demo page with its own ticker (`demo/ticker.js`), and Bybit's and Hyperliquid's fixture pages with a script that
 * moves every mark (up to ±0.1 % a tick) and what follows it the way the exchange's own script would
 * (`moveBybitMarkInPage`, `moveHyperliquidMarkInPage`), with the public market data each worker asks for.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

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
function withTicker(fixture: string): string {
  const html = readFileSync(resolve(root, 'test/fixtures', fixture), 'utf8');
  return html.replace('</body>', `<script src="${TICKER_PATH}"></script>\n</body>`);
}

const script = (body: string) => ({ body, type: 'text/javascript' });

/** The page of `exchange` with its marks moving every `everyMs` (the demo's ticker moves them every 500 ms). */
export function tickingPage(exchange: 'binance' | 'bybit' | 'hyperliquid', everyMs: number): TickingPage {
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
      return {
        url: 'https://www.bybit.com/trade/usdt/BTCUSDT',
        routes: {
          '/trade/usdt/BTCUSDT': withTicker('bybit/en-linear-one-way.html'),
          [TICKER_PATH]: script(
            tickerScript({ BTCUSDT: '96,250.00', ETHUSDT: '3,652.50', SOLUSDT: '206.50' }, moveBybitMarkInPage, everyMs),
          ),
          ...BYBIT_MARKET_ROUTES,
        },
      };
    case 'hyperliquid':
      return {
        url: 'https://app.hyperliquid.xyz/trade/BTC',
        routes: {
          '/trade/BTC': withTicker('hyperliquid/en-cross-isolated.html'),
          [TICKER_PATH]: script(tickerScript({ BTC: '96,250', ETH: '3,143.3', SOL: '204.25' }, moveHyperliquidMarkInPage, everyMs)),
          ...HYPERLIQUID_MARKET_ROUTES,
        },
      };
  }
}
