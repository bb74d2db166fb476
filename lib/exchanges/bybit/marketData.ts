/**
 * Bybit's public market data (v5, no API key; what is asked for is a category or a symbol, never the account). Every
 * response is wrapped as `{ retCode, retMsg, result, time }`; `retCode` 0 is success. Source: bybit-exchange/docs
 * `docs/v5/market/*.mdx` (../shared/research/exchanges/bybit.md §C).
 *
 * - `GET /v5/market/risk-limit?category=&cursor=`: `result.list[].{ symbol, riskLimitValue, maintenanceMargin,
 *   initialMargin, maxLeverage, mmDeduction }`, paginated by `result.nextPageCursor`. The rates come as fractions in
 *   some responses ("0.005") and as percentages in the documented example ("0.5"): each symbol's are read as the one
 *   that makes `initialMargin × maxLeverage` 1 (or 100), and refused when neither does. Tier n spans
 *   (riskLimitValue(n−1), riskLimitValue(n)], its deduction `mmDeduction` ("" for the first) is the `cum` of
 *   `MM = value × MMR − deduction`; values are USDT (linear) or the coin (inverse), at the mark price.
 * - `GET /v5/market/instruments-info?category=&limit=1000&cursor=`: `priceFilter.tickSize`, `lotSizeFilter.{ qtyStep,
 *   minOrderQty, maxOrderQty, maxMktOrderQty, minNotionalValue }`, `contractType`, `status`.
 * - `GET /v5/market/tickers?category=&symbol=`: `result.list[0].{ symbol, markPrice, fundingRate, nextFundingTime }`.
 * - `GET /v5/market/mark-price-kline?category=&symbol=&interval=240&limit=`: `result.list` of `[startTime, open, high,
 *   low, close]` strings, newest first.
 * - `GET /v5/market/funding/history` has each settlement's rate and time but no mark price, so funding paid cannot be
 *   worked out from it (`has.fundingPaid`).
 */
import { Decimal } from '../../core/decimal';
import { bracketProblems } from '../../risk/brackets';
import type { Bracket } from '../../risk/types';
import {
  candlesFrom,
  canonical,
  fundingRateOk,
  nonNegative,
  positive,
  type FundingQuote,
  type MarkCandle,
  type SymbolRules,
} from '../marketData';
import type { BybitMarket } from './page/routes';

export const API_HOST = 'api.bybit.com';
const API = `https://${API_HOST}/v5/market`;

export const isBybitMarket = (market: string): market is BybitMarket => market === 'linear' || market === 'inverse';

export const riskLimitUrl = (market: BybitMarket) => `${API}/risk-limit?category=${market}`;
export const instrumentsUrl = (market: BybitMarket) => `${API}/instruments-info?category=${market}&limit=1000`;
export const tickersUrl = (market: BybitMarket, symbol: string) => `${API}/tickers?category=${market}&symbol=${encodeURIComponent(symbol)}`;
export const MARK_CANDLE_LIMIT = 100;
export const markCandlesUrl = (market: BybitMarket, symbol: string) =>
  `${API}/mark-price-kline?category=${market}&symbol=${encodeURIComponent(symbol)}&interval=240&limit=${MARK_CANDLE_LIMIT}`;

const SYMBOL = /^[A-Z0-9]{2,40}$/;

/** `result` of a successful response, or null. */
function resultOf(body: unknown): Record<string, unknown> | null {
  const b = body as { retCode?: unknown; result?: unknown } | null;
  return b?.retCode === 0 && typeof b.result === 'object' && b.result !== null ? (b.result as Record<string, unknown>) : null;
}

const listOf = (body: unknown): unknown[] => {
  const list = resultOf(body)?.list;
  return Array.isArray(list) ? list : [];
};

/** The next page of a paginated response at `url`, or null on the last one. */
export function nextPage(body: unknown, url: string): string | null {
  const cursor = resultOf(body)?.nextPageCursor;
  if (typeof cursor !== 'string' || cursor === '' || listOf(body).length === 0) return null;
  const next = new URL(url);
  next.searchParams.set('cursor', cursor);
  return next.toString();
}

interface RiskLimitRow {
  cap: Decimal;
  maintenance: Decimal;
  initial: Decimal;
  maxLeverage: Decimal;
  deduction: Decimal;
}

function riskLimitRow(entry: Record<string, unknown>): RiskLimitRow | null {
  const { riskLimitValue, maintenanceMargin, initialMargin, maxLeverage, mmDeduction } = entry;
  if (![riskLimitValue, maintenanceMargin, initialMargin, maxLeverage].every(positive)) return null;
  if (mmDeduction !== '' && mmDeduction !== undefined && !nonNegative(mmDeduction)) return null;
  return {
    cap: new Decimal(riskLimitValue as string),
    maintenance: new Decimal(maintenanceMargin as string),
    initial: new Decimal(initialMargin as string),
    maxLeverage: new Decimal(maxLeverage as string),
    deduction: new Decimal(typeof mmDeduction === 'string' && mmDeduction !== '' ? mmDeduction : 0),
  };
}

/** Within 5 % of `target`. */
const near = (value: Decimal, target: number) =>
  value
    .minus(target)
    .abs()
    .lte(target * 0.05);

/** How a symbol's rates are written: 1 (fractions) or 100 (percentages); null when the rows say neither. */
function rateScale(rows: readonly RiskLimitRow[]): 1 | 100 | null {
  const products = rows.map((row) => row.initial.times(row.maxLeverage));
  if (products.every((p) => near(p, 1))) return 1;
  if (products.every((p) => near(p, 100))) return 100;
  return null;
}

/** One symbol's risk-limit rows as tiers, or why they cannot be used. */
function tiersFrom(rows: readonly RiskLimitRow[]): Bracket[] | string {
  const scale = rateScale(rows);
  if (scale === null) return 'the rates are neither fractions nor percentages (initialMargin × maxLeverage is not 1 or 100)';
  const sorted = [...rows].sort((a, b) => a.cap.cmp(b.cap));
  const tiers = sorted.map((row, i): Bracket => ({
    bracket: i + 1,
    notionalFloor: i === 0 ? new Decimal(0) : sorted[i - 1]!.cap,
    notionalCap: row.cap,
    maxLeverage: row.maxLeverage.toNumber(),
    maintMarginRatio: row.maintenance.div(scale),
    cum: row.deduction,
  }));
  const problems = bracketProblems(tiers);
  return problems.length > 0 ? problems.join('; ') : tiers;
}

/** Every symbol's tiers in one page of risk limits; symbols with a malformed table are listed in `rejected`. */
export function parseRiskLimits(body: unknown): { symbols: Record<string, Bracket[]>; rejected: Record<string, string> } {
  const rows = new Map<string, (RiskLimitRow | null)[]>();
  for (const entry of listOf(body)) {
    const symbol = (entry as { symbol?: unknown } | null)?.symbol;
    if (typeof symbol !== 'string' || !SYMBOL.test(symbol)) continue;
    rows.set(symbol, [...(rows.get(symbol) ?? []), riskLimitRow(entry as Record<string, unknown>)]);
  }
  const symbols: Record<string, Bracket[]> = {};
  const rejected: Record<string, string> = {};
  for (const [symbol, symbolRows] of rows) {
    const tiers = symbolRows.every((row) => row !== null) ? tiersFrom(symbolRows as RiskLimitRow[]) : 'a tier is missing a field';
    if (typeof tiers === 'string') rejected[symbol] = tiers;
    else symbols[symbol] = tiers;
  }
  return { symbols, rejected };
}

const TRADED_CONTRACTS = new Set(['LinearPerpetual', 'InversePerpetual']);

function rulesFrom(entry: Record<string, unknown>): SymbolRules | string {
  const price = entry.priceFilter as Record<string, unknown> | undefined;
  const lot = entry.lotSizeFilter as Record<string, unknown> | undefined;
  if (!positive(price?.tickSize)) return 'no usable priceFilter.tickSize';
  if (!lot || !positive(lot.qtyStep) || !positive(lot.minOrderQty) || !positive(lot.maxOrderQty)) return 'no usable lotSizeFilter';
  const limitLot = { stepSize: canonical(lot.qtyStep), minQty: canonical(lot.minOrderQty), maxQty: canonical(lot.maxOrderQty) };
  const marketMax = positive(lot.maxMktOrderQty) ? canonical(lot.maxMktOrderQty) : limitLot.maxQty;
  const minNotional = lot.minNotionalValue;
  if (minNotional !== undefined && !positive(minNotional)) return 'a malformed minNotionalValue';
  return {
    tickSize: canonical(price.tickSize),
    priceFigures: null,
    lot: limitLot,
    marketLot: { ...limitLot, maxQty: marketMax },
    minNotional: minNotional === undefined ? null : canonical(minNotional),
  };
}

/** Every perpetual's order rules in one page of instruments-info; malformed ones are listed with the reason. */
export function parseInstruments(body: unknown): { symbols: Record<string, SymbolRules>; rejected: Record<string, string> } {
  const symbols: Record<string, SymbolRules> = {};
  const rejected: Record<string, string> = {};
  for (const entry of listOf(body)) {
    const e = entry as Record<string, unknown> | null;
    if (!e || typeof e.symbol !== 'string' || !SYMBOL.test(e.symbol) || !TRADED_CONTRACTS.has(e.contractType as string)) continue;
    if (e.status !== 'Trading') continue;
    const rules = rulesFrom(e);
    if (typeof rules === 'string') rejected[e.symbol] = rules;
    else symbols[e.symbol] = rules;
  }
  return { symbols, rejected };
}

/** The funding quote of `symbol` in a tickers body, received at `receivedAt`; null for none (dated contracts). */
export function parseTicker(body: unknown, symbol: string, receivedAt: number): FundingQuote | null {
  const entry = listOf(body).find((e) => (e as { symbol?: unknown } | null)?.symbol === symbol) as Record<string, unknown> | undefined;
  if (!entry || !fundingRateOk(entry.fundingRate)) return null;
  const next = Number(entry.nextFundingTime);
  if (typeof entry.nextFundingTime !== 'string' || !Number.isSafeInteger(next) || next <= 0) return null;
  return { symbol, rate: canonical(entry.fundingRate), nextFundingTime: next, time: receivedAt };
}

/** Mark-price bars, oldest first (Bybit lists them newest first); anything malformed refuses the whole answer. */
export function parseMarkKlines(body: unknown): MarkCandle[] | null {
  const list = resultOf(body)?.list;
  if (!Array.isArray(list) || list.length > MARK_CANDLE_LIMIT) return null;
  return candlesFrom([...list].reverse(), (start) =>
    typeof start === 'string' && Number.isSafeInteger(Number(start)) ? Number(start) : null,
  );
}
