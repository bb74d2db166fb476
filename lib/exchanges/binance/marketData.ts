/**
 * Binance's public market data beyond mark prices: each symbol's order rules (exchangeInfo) and its current
 * funding rate (premiumIndex). Public endpoints, no API key; what is asked for is a symbol, never the account.
 *
 * - `GET /fapi/v1/exchangeInfo`, `GET /dapi/v1/exchangeInfo`: `{ symbols: [{ symbol, contractSize?, filters:
 *   [{ filterType: "PRICE_FILTER", tickSize }, { filterType: "LOT_SIZE", stepSize, minQty, maxQty },
 *   { filterType: "MARKET_LOT_SIZE", … }, { filterType: "MIN_NOTIONAL", notional }] }] }` (math.md §2.3, S11h).
 *   COIN-M sizes are contracts and there is no MIN_NOTIONAL filter.
 * - `GET /fapi/v1/premiumIndex?symbol=` (an object) and `GET /dapi/v1/premiumIndex?symbol=` (an array):
 *   `{ symbol, markPrice, lastFundingRate, nextFundingTime, time }`; delivery contracts have `lastFundingRate`
 *   "" and `nextFundingTime` 0 (S11a). We read the exchange's rate rather than recompute it (math.md §4.2).
 */
import {
  candlesFrom,
  canonical,
  fundingRateOk,
  lotFrom,
  positive,
  type FundingQuote,
  type FundingSettlement,
  type MarkCandle,
  type SymbolRules,
} from '../marketData';
import type { FuturesMarket } from './page/routes';

const HOSTS: Record<FuturesMarket, string> = { usdm: 'https://fapi.binance.com/fapi/v1', coinm: 'https://dapi.binance.com/dapi/v1' };

export const EXCHANGE_INFO_ENDPOINTS: Record<FuturesMarket, string> = {
  usdm: `${HOSTS.usdm}/exchangeInfo`,
  coinm: `${HOSTS.coinm}/exchangeInfo`,
};

export const premiumIndexUrl = (market: FuturesMarket, symbol: string) =>
  `${HOSTS[market]}/premiumIndex?symbol=${encodeURIComponent(symbol)}`;

/**
 * Past settlements of a USDⓈ-M symbol from `startTime`, each with the mark price it was charged at
 * (`GET /fapi/v1/fundingRate`, S11c: `[{ symbol, fundingRate, fundingTime, markPrice }]`, ascending, at most
 * `limit`). COIN-M's history has no mark price, so COIN-M funding paid cannot be worked out from it.
 */
export const fundingHistoryUrl = (symbol: string, startTime: number) =>
  `${HOSTS.usdm}/fundingRate?symbol=${encodeURIComponent(symbol)}&startTime=${startTime}&limit=${FUNDING_HISTORY_LIMIT}`;
export const FUNDING_HISTORY_LIMIT = 1000;

/**
 * The last `MARK_CANDLE_LIMIT` 4-hour bars of a symbol's mark price (`GET /fapi/v1/markPriceKlines`, `/dapi/v1/…` for
 * COIN-M: `[[openTime, open, high, low, close, "0", closeTime, …], …]`, oldest first; Binance's "Mark Price
 * Kline/Candlestick Data").
 */
export const markCandlesUrl = (market: FuturesMarket, symbol: string) =>
  `${HOSTS[market]}/markPriceKlines?symbol=${encodeURIComponent(symbol)}&interval=4h&limit=${MARK_CANDLE_LIMIT}`;
export const MARK_CANDLE_LIMIT = 100;

/** How long order rules are trusted before the next refresh (they change with listings, rarely per symbol). */
export const RULES_REFRESH_MS = 24 * 60 * 60 * 1000;
/** How often a held symbol's funding rate is fetched again; older than `FUNDING_STALE_MS`, it is not shown. */
export const FUNDING_REFRESH_MS = 60 * 1000;
export const FUNDING_STALE_MS = 5 * 60 * 1000;

const SYMBOL = /^[A-Z0-9_]{2,40}$/;

/** One symbol's rules, or why they cannot be used. */
function rulesFrom(entry: Record<string, unknown>): SymbolRules | string {
  if (!Array.isArray(entry.filters)) return 'no filters';
  const filters = new Map<string, Record<string, unknown>>();
  for (const f of entry.filters) {
    if (typeof f === 'object' && f !== null && typeof (f as { filterType?: unknown }).filterType === 'string') {
      filters.set((f as { filterType: string }).filterType, f as Record<string, unknown>);
    }
  }
  const tick = filters.get('PRICE_FILTER')?.tickSize;
  if (!positive(tick)) return 'no usable PRICE_FILTER tickSize';
  const lot = lotFrom(filters.get('LOT_SIZE'));
  if (!lot) return 'no usable LOT_SIZE';
  const marketLot = filters.has('MARKET_LOT_SIZE') ? lotFrom(filters.get('MARKET_LOT_SIZE')) : lot;
  if (!marketLot) return 'a malformed MARKET_LOT_SIZE';
  const minNotionalFilter = filters.get('MIN_NOTIONAL');
  const notional = minNotionalFilter?.notional ?? minNotionalFilter?.minNotional;
  if (minNotionalFilter && !positive(notional)) return 'a malformed MIN_NOTIONAL';
  return { tickSize: canonical(tick), priceFigures: null, lot, marketLot, minNotional: positive(notional) ? canonical(notional) : null };
}

/** Every symbol's rules from an exchangeInfo body; malformed symbols are left out and listed with the reason. */
export function parseExchangeInfo(body: unknown): { symbols: Record<string, SymbolRules>; rejected: Record<string, string> } {
  const entries = (body as { symbols?: unknown } | null)?.symbols;
  const symbols: Record<string, SymbolRules> = {};
  const rejected: Record<string, string> = {};
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const symbol = (entry as { symbol?: unknown }).symbol;
    if (typeof symbol !== 'string' || !SYMBOL.test(symbol)) continue;
    const rules = rulesFrom(entry as Record<string, unknown>);
    if (typeof rules === 'string') rejected[symbol] = rules;
    else symbols[symbol] = rules;
  }
  return { symbols, rejected };
}

/** The funding quote in a premiumIndex body for `symbol`, received at `receivedAt`; null for none (delivery contracts). */
export function parsePremiumIndex(body: unknown, symbol: string, receivedAt: number): FundingQuote | null {
  const entries = Array.isArray(body) ? body : [body];
  const entry = entries.find(
    (e): e is Record<string, unknown> => typeof e === 'object' && e !== null && (e as { symbol?: unknown }).symbol === symbol,
  );
  if (!entry) return null;
  const { lastFundingRate: rate, nextFundingTime, time } = entry;
  if (!fundingRateOk(rate)) return null;
  if (!Number.isSafeInteger(nextFundingTime) || (nextFundingTime as number) <= 0 || !Number.isSafeInteger(time)) return null;
  return { symbol, rate: canonical(rate), nextFundingTime: nextFundingTime as number, time: receivedAt };
}

/** The settlements of `symbol` in a fundingRate body, oldest first; null when any entry is malformed. */
export function parseFundingHistory(body: unknown, symbol: string): FundingSettlement[] | null {
  if (!Array.isArray(body) || body.length > FUNDING_HISTORY_LIMIT) return null;
  const settlements: FundingSettlement[] = [];
  for (const entry of body) {
    const e = entry as Record<string, unknown> | null;
    if (e?.symbol !== symbol) return null;
    const { fundingRate: rate, fundingTime, markPrice } = e;
    if (!fundingRateOk(rate)) return null;
    if (!Number.isSafeInteger(fundingTime) || (fundingTime as number) <= 0 || !positive(markPrice)) return null;
    settlements.push({ fundingTime: fundingTime as number, rate: canonical(rate), markPrice: canonical(markPrice) });
  }
  return settlements.sort((a, b) => a.fundingTime - b.fundingTime);
}

/** Mark-price bars, oldest first, each with a high at or above its low and close above 0; anything else is refused. */
export function parseMarkCandles(body: unknown): MarkCandle[] | null {
  if (!Array.isArray(body) || body.length > MARK_CANDLE_LIMIT) return null;
  return candlesFrom(body, (time) => (Number.isSafeInteger(time) ? (time as number) : null));
}
