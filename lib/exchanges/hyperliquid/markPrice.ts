/**
 * Hyperliquid's public WebSocket, followed while the trading page is hidden: `wss://api.hyperliquid.xyz/ws`, one
 * `{"method":"subscribe","subscription":{"type":"activeAssetCtx","coin":"BTC"}}` per coin held, pushes
 * `{ channel: "activeAssetCtx", data: { coin, ctx: { markPx, funding, … } } }`; a `{"method":"ping"}` keeps the socket
 * open (INFERRED from the API's documentation as summarised in hyperliquid.md §C: not verified here). Public market
 * data only: never the wallet address the page shows.
 */
import { dec } from '../../core/decimal';
import type { PageSnapshot } from '../../model/snapshot';
import { unrealizedPnl } from '../../risk/pnl';
import { jsonMessage, withStreamMarks } from '../marketData';
import { API_HOST, markOf } from './marketData';

const COIN = /^[A-Za-z0-9]{1,12}$/;
const coinsOf = (symbols: readonly string[]) => [...new Set(symbols)].filter((s) => COIN.test(s)).sort();

export const markStreamUrl = (symbols: readonly string[]) => (coinsOf(symbols).length === 0 ? null : `wss://${API_HOST}/ws`);

export const subscribeMessages = (symbols: readonly string[]) =>
  coinsOf(symbols).map((coin) => JSON.stringify({ method: 'subscribe', subscription: { type: 'activeAssetCtx', coin } }));

export const KEEP_ALIVE = { message: JSON.stringify({ method: 'ping' }), everyMs: 30_000 };

/** `{ symbol, markPrice }` from one push of an asset's context, or null for anything else. */
export function parseAssetCtxMessage(raw: string): { symbol: string; markPrice: string } | null {
  const message = jsonMessage(raw, 8192);
  const { channel, data } = (message ?? {}) as { channel?: unknown; data?: { coin?: unknown; ctx?: unknown } };
  if (channel !== 'activeAssetCtx' || typeof data?.coin !== 'string' || !COIN.test(data.coin)) return null;
  const markPrice = markOf(data.ctx);
  return markPrice === null ? null : { symbol: data.coin, markPrice };
}

/**
 * The snapshot with new marks: PnL follows, and an isolated position's Margin with it (INFERRED: the page's Margin of an
 * isolated position includes its PnL, as the API's account value does). The page's liquidation prices stay as they
 * were and are not compared.
 */
export const withMarkPrices = (snapshot: PageSnapshot, marks: Record<string, string>): PageSnapshot =>
  withStreamMarks(snapshot, marks, (position, mark) => {
    if (position.pnl === null) return { ...position, markPrice: mark };
    const holding = { side: position.side, size: dec(position.size), entryPrice: dec(position.entryPrice) };
    const pnl = unrealizedPnl({ type: 'linear' }, holding, dec(mark));
    const margin =
      position.marginMode === 'isolated' && position.margin !== null
        ? dec(position.margin).minus(position.pnl).plus(pnl).toFixed()
        : position.margin;
    return { ...position, markPrice: mark, pnl: pnl.toFixed(), margin };
  });
