import type { Decimal } from '../core/decimal';
import type { ReasonText } from '../core/i18n/reasons/because';

export type Side = 'long' | 'short';
export type MarginMode = 'cross' | 'isolated';

/** +1 for long, −1 for short: the `Side1BOTH` / "Order Direction" of Binance's formulas. */
export const direction = (side: Side): 1 | -1 => (side === 'long' ? 1 : -1);

/** `value × direction(side)` without turning the ±1 into a Decimal (the hot paths run this thousands of times). */
export const signed = (value: Decimal, side: Side): Decimal => (side === 'long' ? value : value.neg());

/**
 * One maintenance-margin tier, with Binance's field names (GET /fapi/v1/leverageBracket).
 * USDⓈ-M: notional bounds in the quote asset. COIN-M: bounds in the base coin (the API's `qtyFloor`/`qtyCap`),
 * because a COIN-M notional is `contracts × contractSize / price` coins. `cum` is in the margin asset.
 * A position of notional N in this tier has maintenance margin `N × maintMarginRatio − cum`.
 */
export interface Bracket {
  bracket: number;
  notionalFloor: Decimal;
  notionalCap: Decimal;
  /** The API's `initialLeverage`: the highest leverage allowed while the notional stays in this tier. */
  maxLeverage: number;
  maintMarginRatio: Decimal;
  cum: Decimal;
}

/** USDⓈ-M contracts are linear (PnL in quote, size in base); COIN-M are inverse (PnL in coin, size in contracts). */
export type Contract = { type: 'linear' } | { type: 'inverse'; contractSize: Decimal };

export interface Position {
  symbol: string;
  /** The asset the position is margined in: USDT, USDC, … (USDⓈ-M) or the coin (COIN-M). */
  marginAsset: string;
  side: Side;
  /** Absolute size: base asset for linear contracts, number of contracts for inverse ones. */
  size: Decimal;
  entryPrice: Decimal;
  markPrice: Decimal;
  marginMode: MarginMode;
  leverage: number;
  /** The position's own wallet (Binance `isolatedWallet`), for isolated positions. */
  isolatedMargin?: Decimal;
  contract: Contract;
  tiers: readonly Bracket[];
}

export interface Account {
  /** Wallet balance per margin asset (USDT, USDC, BTC …): deposits + realised PnL + funding − fees. */
  walletBalance: Record<string, Decimal>;
  positions: Position[];
}

/** A figure we refuse to make up, and why. */
export interface Unavailable {
  reason: string;
}

export type Result<T> = { ok: true; value: T } | ({ ok: false } & Unavailable);

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** A figure refused, with its reason written from LiqGuard's templates (so it can be said in any language). */
export const unavailable = <T>(reason: ReasonText): Result<T> => ({ ok: false, reason });
