/**
 * The exchange's public mark-price stream, used while the futures page is hidden and its own figures go stale.
 * Public market data only: the socket asks for symbols, never for anything about the account.
 *
 * `<symbol>@markPrice@1s` on `wss://fstream.binance.com` (USDⓈ-M) and `wss://dstream.binance.com` (COIN-M);
 * combined streams at `/stream?streams=a/b` wrap each event as `{ stream, data }`, and the event is
 * `{ e: "markPriceUpdate", E, s, p, i, P, r, T }` with `p` the mark price as a string (math.md §2.3, S11g).
 */
import { dec } from '../../core/decimal';
import { unrealizedPnl } from '../../risk';
import type { PageSnapshot } from '../../model/snapshot';
import { jsonMessage, positive, withStreamMarks } from '../marketData';
import type { FuturesMarket } from './page/routes';
import { contractOfPosition, exactSizeUnit } from './contracts';

export const MARK_PRICE_HOSTS: Record<FuturesMarket, string> = { usdm: 'fstream.binance.com', coinm: 'dstream.binance.com' };

export function markPriceStreamUrl(market: FuturesMarket, symbols: readonly string[]): string | null {
  const unique = [...new Set(symbols)].filter((s) => /^[A-Z0-9_]{2,40}$/.test(s)).sort();
  if (unique.length === 0) return null;
  return `wss://${MARK_PRICE_HOSTS[market]}/stream?streams=${unique.map((s) => `${s.toLowerCase()}@markPrice@1s`).join('/')}`;
}

/** `{ symbol, markPrice }` from one stream message, or null for anything else. */
export function parseMarkPriceMessage(raw: string): { symbol: string; markPrice: string } | null {
  const message = jsonMessage(raw, 4096);
  const data = (message as { data?: unknown } | null)?.data ?? message;
  if (typeof data !== 'object' || data === null) return null;
  const { e, s, p } = data as Record<string, unknown>;
  if (e !== 'markPriceUpdate' || typeof s !== 'string' || !/^[A-Z0-9_]{2,40}$/.test(s)) return null;
  if (!positive(p)) return null;
  return { symbol: s, markPrice: p };
}

/**
 * The snapshot with new mark prices. PnL follows the mark; an isolated position keeps its wallet (so its Margin,
 * which includes PnL, moves with it). The page's liquidation prices are left as they were and the snapshot is
 * marked as priced from the stream, so they are not compared.
 */
export const withMarkPrices = (snapshot: PageSnapshot, marks: Record<string, string>): PageSnapshot =>
  withStreamMarks(snapshot, marks, (position, mark) => {
    // Without a PnL to start from (or a size we can price), the isolated wallet is unknown: say so with nulls.
    if (position.pnl === null || position.sizeUnit !== exactSizeUnit(position.market)) return { ...position, markPrice: mark, pnl: null };
    const pnl = unrealizedPnl(
      contractOfPosition(position),
      { side: position.side, size: dec(position.size), entryPrice: dec(position.entryPrice) },
      dec(mark),
    );
    const margin = position.margin === null ? null : dec(position.margin).minus(position.pnl).plus(pnl);
    return {
      ...position,
      markPrice: mark,
      pnl: pnl.toFixed(),
      margin: position.marginMode === 'isolated' ? (margin?.toFixed() ?? null) : position.margin,
    };
  });
