/**
 * Bybit's isolated margin on the Unified Trading Account (UTA), linear (USDT perpetual) and inverse, as published in
 * "Trading Rules: Liquidation Process (Unified Trading Account)", Isolated Margin tab
 * (https://www.bybit.com/en/help-center/article/UTA-Trading-Rules-Liquidation-Process, updated 2026-08-07; read
 * through two third-party transcriptions, ../shared/research/exchanges/bybit.md §A2–A4):
 *
 *     linear  LP(long)  = [EP·Q − EP·Q/Lev − Extra/(1 − taker) − MMded] / [Q − Q·MMR]
 *             LP(short) = [EP·Q + EP·Q/Lev + Extra/(1 + taker) + MMded] / [Q + Q·MMR]
 *     inverse LP(long)  = Q·(MMR + 1) / [Q/EP + Q/EP/Lev + Extra/(1 + taker) + MMded]
 *             LP(short) = Q·(1 − MMR) / [Q/EP − Q/EP/Lev − Extra/(1 − taker) − MMded]
 *
 * Units: linear Q in the coin, prices, Extra and MMded in USDT; inverse Q in USD contracts (1 USD each), Extra and
 * MMded in the coin. MMR and the taker rate are fractions; MMR and MMded are the risk-limit tier's at the
 * liquidation price. The fee to close sits in both initial and maintenance margin and cancels; what is left of it
 * divides the extra margin.
 *
 * Both are Binance's isolated equation (`lib/risk/liquidation.ts`) with the position's wallet
 * `IM − fee to close + Extra/(1 ∓ taker)` and the tier's deduction as `cum`, so the adapter solves them with it
 * (tier at the liquidation price included) and `bybitIsolatedWallet` is the only Bybit-specific step.
 */
import { Decimal, ZERO } from '../../core/decimal';
import type { Side } from '../../risk/types';

const ONE = new Decimal(1);

/** Bybit's taker fee for non-VIP derivatives accounts (INFERRED as the user's: the page does not show their rate). */
export const BYBIT_TAKER_FEE = new Decimal('0.00055');

export interface IsolatedTerms {
  contract: 'linear' | 'inverse';
  side: Side;
  /** Linear: the coin; inverse: USD contracts. */
  size: Decimal;
  entryPrice: Decimal;
  leverage: Decimal;
  taker: Decimal;
}

/**
 * The initial margin at the position's leverage, without the fee: `EP·Q/Lev` USDT (linear), `Q/EP/Lev` coin
 * (inverse).
 */
export const initialMargin = (t: Pick<IsolatedTerms, 'contract' | 'size' | 'entryPrice' | 'leverage'>): Decimal =>
  t.contract === 'linear' ? t.entryPrice.times(t.size).div(t.leverage) : t.size.div(t.entryPrice).div(t.leverage);

/**
 * Bankruptcy price ("Bankruptcy Price (Perpetual and Expiry Contracts)"): linear `EP·(1 ∓ 1/Lev)`; inverse, where
 * the position's value is Q/price coins, `EP·Lev/(Lev ± 1)` (long −/+, short +/−), in USD per coin.
 */
export function bankruptcyPrice(t: Pick<IsolatedTerms, 'contract' | 'side' | 'entryPrice' | 'leverage'>): Decimal {
  const share = ONE.div(t.leverage);
  if (t.contract === 'linear') return t.entryPrice.times(t.side === 'long' ? ONE.minus(share) : ONE.plus(share));
  return t.entryPrice.times(t.leverage).div(t.side === 'long' ? t.leverage.plus(1) : t.leverage.minus(1));
}

/**
 * The estimated fee to close, charged at the bankruptcy price: `Q·EP·(1 ∓ 1/Lev)·taker` USDT (linear, long −);
 * `Q/EP·(1 ± 1/Lev)·taker` coin (inverse, long +). Worked example: 1 BTC at 40,000, 50x, 0.055 % → 21.56 USDT.
 */
export function feeToClose(t: IsolatedTerms): Decimal {
  const share = ONE.div(t.leverage);
  if (t.contract === 'linear')
    return t.size
      .times(t.entryPrice)
      .times(t.side === 'long' ? ONE.minus(share) : ONE.plus(share))
      .times(t.taker);
  return t.size
    .div(t.entryPrice)
    .times(t.side === 'long' ? ONE.plus(share) : ONE.minus(share))
    .times(t.taker);
}

/** The divisor of the extra margin: `1 − taker` for a linear long and an inverse short, `1 + taker` otherwise. */
const extraDivisor = (t: Pick<IsolatedTerms, 'contract' | 'side' | 'taker'>) =>
  (t.contract === 'linear') === (t.side === 'long') ? ONE.minus(t.taker) : ONE.plus(t.taker);

/** The wallet the published formulas give an isolated position: `IM + Extra/(1 ∓ taker)`, in the margin asset. */
export const bybitIsolatedWallet = (t: IsolatedTerms, extraMargin: Decimal): Decimal =>
  initialMargin(t).plus(extraMargin.isZero() ? ZERO : extraMargin.div(extraDivisor(t)));

/**
 * The margin added on top of the initial margin, from the position margin the page shows: that figure is INFERRED
 * to be the API's position margin, `IM + fee to close + Extra` (bybit.md §A2, B7).
 */
export const extraMarginOf = (t: IsolatedTerms, positionMargin: Decimal): Decimal =>
  positionMargin.minus(initialMargin(t)).minus(feeToClose(t));
