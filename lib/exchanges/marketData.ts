/**
 * The public market data every exchange adapter turns its responses into: maintenance-margin tier tables, each
 * symbol's order rules (tick, lots, minimum notional), funding quotes and past settlements. Exchange-neutral: each
 * adapter's parsers (`lib/exchanges/<id>/`) check a venue's own response shapes and produce these.
 */
import { Decimal } from '../core/decimal';
import type { DecimalString } from '../core/parse/number';
import type { OrderRules } from '../risk/orderRules';
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
  tickSize: DecimalString;
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
