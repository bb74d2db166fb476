/**
 * The public market data every exchange adapter turns its responses into: maintenance-margin tier tables, each
 * symbol's order rules (tick, lots, minimum notional), funding quotes and past settlements. Exchange-neutral: each
 * adapter's parsers (`lib/exchanges/<id>/`) check a venue's own response shapes and produce these.
 */
import { Decimal } from '../core/decimal';
import type { DecimalString } from '../core/parse/number';
import type { PageSnapshot, ReadPosition } from '../model/snapshot';
import type { OrderRules } from '../risk/orderRules';
import { bracketProblems } from '../risk/brackets';
import { ok, unavailable, type Bracket, type Result } from '../risk/types';
import { because } from '../core/i18n/reasons/because';

export interface TierTables {
  /** When these tiers were known to be current (ISO date). */
  asOf: string;
  source: string;
  symbols: Record<string, Bracket[]>;
}

/** The tiers for `symbol`, from the freshest tables that have it; unknown symbols are reported, not guessed. */
export function tiersFor(symbol: string, ...tables: (TierTables | null | undefined)[]): Result<{ tiers: Bracket[]; asOf: string }> {
  for (const table of tables) {
    const tiers = table?.symbols[symbol];
    if (table && tiers) return ok({ tiers, asOf: table.asOf });
  }
  return unavailable(because('maintenance-margin tiers for {symbol} are unknown', { symbol }));
}

/** Tier tables as stored: decimal strings, so they survive JSON. */
export interface StoredTierTables {
  fetchedAt: number;
  asOf: string;
  source: string;
  symbols: Record<
    string,
    { bracket: number; notionalFloor: string; notionalCap: string; maxLeverage: number; maintMarginRatio: string; cum: string }[]
  >;
}

export function storeTierTables(tables: TierTables, fetchedAt: number): StoredTierTables {
  return {
    fetchedAt,
    asOf: tables.asOf,
    source: tables.source,
    symbols: Object.fromEntries(
      Object.entries(tables.symbols).map(([symbol, tiers]) => [
        symbol,
        tiers.map((t) => ({
          bracket: t.bracket,
          notionalFloor: t.notionalFloor.toFixed(),
          notionalCap: t.notionalCap.toFixed(),
          maxLeverage: t.maxLeverage,
          maintMarginRatio: t.maintMarginRatio.toFixed(),
          cum: t.cum.toFixed(),
        })),
      ]),
    ),
  };
}

/** A lot filter: sizes must be a multiple of `stepSize` from `minQty` to `maxQty`. */
export interface LotRule {
  stepSize: DecimalString;
  minQty: DecimalString;
  maxQty: DecimalString;
}

export interface SymbolRules {
  /** The price step; where `priceFigures` is set, the finest one (the most decimals a price may have). */
  tickSize: DecimalString;
  /** At most this many significant figures in a price, integers always allowed (Hyperliquid); null: one step at every price. */
  priceFigures: number | null;
  /** LOT_SIZE: limit orders. */
  lot: LotRule;
  /** MARKET_LOT_SIZE: market orders (closing at mark), LOT_SIZE when the symbol has none. */
  marketLot: LotRule;
  /** MIN_NOTIONAL in the quote asset (USDⓈ-M); null where the market has none (COIN-M). */
  minNotional: DecimalString | null;
}

export interface StoredRules {
  fetchedAt: number;
  symbols: Record<string, SymbolRules>;
}

export interface FundingQuote {
  symbol: string;
  /** A fraction per interval ("0.0001" is 0.01 %); positive: longs pay shorts. */
  rate: DecimalString;
  /** Unix ms of the next settlement. */
  nextFundingTime: number;
  /** When LiqGuard received it (unix ms, this computer's clock, which is what judges it stale). */
  time: number;
}

/** A quote this old is no longer kept: its symbol has not been held (and asked for again) for a day. */
export const FUNDING_KEEP_MS = 24 * 60 * 60 * 1000;

/** The stored quotes with `quote` added, less those kept past `FUNDING_KEEP_MS`: storage holds the symbols of a day. */
export function withFundingQuote(quotes: Record<string, FundingQuote>, quote: FundingQuote): Record<string, FundingQuote> {
  const kept = Object.entries(quotes).filter(([, held]) => quote.time - held.time < FUNDING_KEEP_MS);
  return { ...Object.fromEntries(kept), [quote.symbol]: quote };
}

/** One bar of a symbol's public mark-price history (its volatility, and how it moves with BTC). */
export interface MarkCandle {
  openTime: number;
  high: DecimalString;
  low: DecimalString;
  close: DecimalString;
}

export interface FundingSettlement {
  fundingTime: number;
  /** A fraction; positive: longs paid shorts. */
  rate: DecimalString;
  markPrice: DecimalString;
}

/** The rules of one order kind as the risk engine takes them: market orders close at mark, limit orders open. */
export function orderRulesOf(rules: SymbolRules, kind: 'market' | 'limit'): OrderRules {
  const lot = kind === 'market' ? rules.marketLot : rules.lot;
  return {
    stepSize: new Decimal(lot.stepSize),
    minQty: new Decimal(lot.minQty),
    maxQty: new Decimal(lot.maxQty),
    minNotional: rules.minNotional === null ? null : new Decimal(rules.minNotional),
  };
}

const SYMBOL = /^[A-Z0-9_]{2,40}$/;
const DECIMAL = /^\d{1,20}(\.\d{1,20})?$/;
const SIGNED_DECIMAL = /^-?\d{1,20}(\.\d{1,20})?$/;

/** A decimal string at or above 0, as the exchanges' public endpoints write them. */
export const nonNegative = (value: unknown): value is string => typeof value === 'string' && DECIMAL.test(value);
/** A decimal string above 0. */
export const positive = (value: unknown): value is string => nonNegative(value) && new Decimal(value).gt(0);
export const canonical = (value: string) => new Decimal(value).toFixed();
/** A funding rate as a fraction: signed, and below 10 % in size (no exchange's cap comes near it). */
export const fundingRateOk = (value: unknown): value is string =>
  typeof value === 'string' && SIGNED_DECIMAL.test(value) && new Decimal(value).abs().lt('0.1');

/** A lot filter's fields, checked; null when any is missing or malformed. */
export function lotFrom(filter: Record<string, unknown> | undefined): LotRule | null {
  if (!filter || !positive(filter.stepSize) || !positive(filter.maxQty)) return null;
  const minQty = filter.minQty;
  if (typeof minQty !== 'string' || !DECIMAL.test(minQty)) return null;
  return { stepSize: canonical(filter.stepSize), minQty: canonical(minQty), maxQty: canonical(filter.maxQty) };
}

/** Stored rules read back; anything malformed is dropped (then no suggestion claims to be placeable). */
export function loadRules(stored: unknown): Record<string, SymbolRules> {
  const symbols = (stored as Partial<StoredRules> | null)?.symbols;
  if (typeof symbols !== 'object' || symbols === null) return {};
  const out: Record<string, SymbolRules> = {};
  for (const [symbol, rules] of Object.entries(symbols)) {
    const r = rules as Partial<SymbolRules> | null;
    const lot = lotFrom(r?.lot as unknown as Record<string, unknown>);
    const marketLot = lotFrom(r?.marketLot as unknown as Record<string, unknown>);
    if (!SYMBOL.test(symbol) || !r || !positive(r.tickSize) || !lot || !marketLot || (r.minNotional !== null && !positive(r.minNotional)))
      continue;
    const priceFigures = r.priceFigures ?? null;
    if (priceFigures !== null && !(Number.isInteger(priceFigures) && priceFigures >= 1 && priceFigures <= 20)) continue;
    out[symbol] = { tickSize: r.tickSize, priceFigures, lot, marketLot, minNotional: r.minNotional ?? null };
  }
  return out;
}

/** Stored quotes read back, by symbol; malformed ones are dropped. */
export function loadFundingQuotes(stored: unknown): Record<string, FundingQuote> {
  if (typeof stored !== 'object' || stored === null) return {};
  const out: Record<string, FundingQuote> = {};
  for (const [symbol, quote] of Object.entries(stored)) {
    const q = quote as Partial<FundingQuote> | null;
    if (!q || q.symbol !== symbol || !fundingRateOk(q.rate) || typeof q.time !== 'number' || !Number.isSafeInteger(q.nextFundingTime))
      continue;
    if (q.nextFundingTime! <= 0) continue;
    out[symbol] = { symbol, rate: canonical(q.rate), nextFundingTime: q.nextFundingTime!, time: q.time };
  }
  return out;
}

/** One stored tier (the `Bracket` fields as decimal strings), or null when a field is malformed. */
function storedTier(row: unknown): Bracket | null {
  const r = row as Record<string, unknown> | null;
  const decimal = (value: unknown) => (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? new Decimal(value) : null);
  const [floor, cap, mmr, cum] = [r?.notionalFloor, r?.notionalCap, r?.maintMarginRatio, r?.cum].map(decimal);
  if (!r || !floor || !cap || !mmr || !cum || !Number.isInteger(r.bracket) || !((r.maxLeverage as number) > 0)) return null;
  return {
    bracket: r.bracket as number,
    notionalFloor: floor,
    notionalCap: cap,
    maxLeverage: r.maxLeverage as number,
    maintMarginRatio: mmr,
    cum,
  };
}

/** Stored tables back to checked tiers; a symbol whose table is malformed is dropped (the shipped tables remain). */
export function loadTierTables(stored: unknown): TierTables | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const s = stored as Partial<StoredTierTables>;
  if (typeof s.asOf !== 'string' || typeof s.source !== 'string' || typeof s.symbols !== 'object' || s.symbols === null) return null;
  const symbols: Record<string, Bracket[]> = {};
  for (const [symbol, rows] of Object.entries(s.symbols)) {
    const tiers = Array.isArray(rows) ? rows.map(storedTier) : [null];
    if (SYMBOL.test(symbol) && tiers.every((t) => t !== null) && bracketProblems(tiers as Bracket[]).length === 0)
      symbols[symbol] = tiers as Bracket[];
  }
  return { asOf: s.asOf, source: s.source, symbols };
}

/** One stream message as JSON; null when it is longer than `maxLength` (no market message is) or not JSON. */
export function jsonMessage(raw: string, maxLength: number): unknown {
  if (raw.length > maxLength) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/**
 * A snapshot re-priced from the stream's marks: each position the stream priced is `reprice`d, and the snapshot is
 * marked as priced from the stream, so the page's own liquidation prices (now old) are not compared.
 */
export function withStreamMarks(
  snapshot: PageSnapshot,
  marks: Record<string, string>,
  reprice: (position: ReadPosition, mark: string) => ReadPosition,
): PageSnapshot {
  return {
    ...snapshot,
    pricesFrom: 'stream',
    positions: snapshot.positions.map((position) => {
      const mark = marks[position.symbol];
      return mark === undefined ? position : reprice(position, mark);
    }),
  };
}

/**
 * Mark-price bars as `[openTime, open, high, low, close, …]`, oldest first, each checked — prices above 0, a high at or
 * above the low with the close between them, open times ascending — or null: one bad bar refuses the answer.
 * `timeOf` reads a bar's open time as the venue writes it (a number, or a string of one); null when it is not one.
 */
export function candlesFrom(bars: readonly unknown[], timeOf: (value: unknown) => number | null): MarkCandle[] | null {
  const candles: MarkCandle[] = [];
  for (const bar of bars) {
    if (!Array.isArray(bar) || bar.length < 5) return null;
    const [start, open, high, low, close] = bar as unknown[];
    const openTime = timeOf(start);
    if (openTime === null || ![open, high, low, close].every(positive)) return null;
    const [h, l, c] = [high, low, close].map((v) => new Decimal(v as string)) as [Decimal, Decimal, Decimal];
    if (h.lt(l) || c.gt(h) || c.lt(l) || (candles.length > 0 && openTime <= candles.at(-1)!.openTime)) return null;
    candles.push({ openTime, high: h.toFixed(), low: l.toFixed(), close: c.toFixed() });
  }
  return candles;
}
