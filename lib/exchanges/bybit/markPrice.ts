/**
 * Bybit's public ticker stream, followed while the trading page is hidden. Public market data only: the socket
 * subscribes to symbols, never to anything about the account.
 *
 * `wss://stream.bybit.com/v5/public/linear` (and `/inverse`); once open, `{"op":"subscribe","args":["tickers.BTCUSDT"]}`;
 * each push is `{ topic: "tickers.BTCUSDT", type: "snapshot" | "delta", data: { symbol, markPrice, … } }`, where a
 * field missing from a delta is unchanged. Bybit closes a socket that sends nothing for a while: a `{"op":"ping"}`
 * every 20 s keeps it (bybit.md §C, `docs/v5/websocket/public/ticker.mdx`, `wss-authentication.mdx`).
 */
import { dec } from '../../core/decimal';
import { unrealizedPnl } from '../../risk/pnl';
import type { PageSnapshot } from '../../model/snapshot';
import { jsonMessage, positive, withStreamMarks } from '../marketData';
import { contractOfBybit } from './contracts';
import type { BybitMarket } from './page/routes';

export const STREAM_HOST = 'stream.bybit.com';
const SYMBOL = /^[A-Z0-9]{2,40}$/;

const symbolsOf = (symbols: readonly string[]) => [...new Set(symbols)].filter((s) => SYMBOL.test(s)).sort();

export const markStreamUrl = (market: BybitMarket, symbols: readonly string[]) =>
  symbolsOf(symbols).length === 0 ? null : `wss://${STREAM_HOST}/v5/public/${market}`;

export function subscribeMessages(symbols: readonly string[]): string[] {
  const wanted = symbolsOf(symbols);
  return wanted.length === 0 ? [] : [JSON.stringify({ op: 'subscribe', args: wanted.map((s) => `tickers.${s}`) })];
}

export const KEEP_ALIVE = { message: JSON.stringify({ op: 'ping' }), everyMs: 20_000 };

/** `{ symbol, markPrice }` from one push that carries a mark price, or null for anything else. */
export function parseTickerMessage(raw: string): { symbol: string; markPrice: string } | null {
  const message = jsonMessage(raw, 8192);
  const { topic, data } = (message ?? {}) as { topic?: unknown; data?: unknown };
  if (typeof topic !== 'string' || !topic.startsWith('tickers.') || typeof data !== 'object' || data === null) return null;
  const { symbol, markPrice } = data as Record<string, unknown>;
  if (typeof symbol !== 'string' || topic !== `tickers.${symbol}` || !SYMBOL.test(symbol)) return null;
  if (!positive(markPrice)) return null;
  return { symbol, markPrice };
}

/**
 * The snapshot with new mark prices: PnL follows the mark; the position margin does not (INFERRED: Bybit's position
 * margin holds no PnL). The page's liquidation prices stay as they were and are not compared.
 */
export const withMarkPrices = (snapshot: PageSnapshot, marks: Record<string, string>): PageSnapshot =>
  withStreamMarks(snapshot, marks, (position, mark) => {
    const holding = { side: position.side, size: dec(position.size), entryPrice: dec(position.entryPrice) };
    return { ...position, markPrice: mark, pnl: unrealizedPnl(contractOfBybit(position.market), holding, dec(mark)).toFixed() };
  });
