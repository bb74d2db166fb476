/**
 * Notional, PnL, initial margin and ROE for linear (USDⓈ-M) and inverse (COIN-M) contracts.
 *
 * Sources (math.md §1.1, §3, §4.1): Binance "A Beginner's Guide to Futures Trading" (S6) and
 * "How to Use the Binance Futures Calculator" (S5), COIN-M liquidation FAQ (S2).
 * - linear:  notional = size × price (quote);  PnL = direction × size × (price − entry) (quote)
 * - inverse: notional = contracts × contractSize / price (coin);  PnL = direction × contracts × contractSize × (1/entry − 1/price) (coin)
 * - initial margin = notional / leverage;  ROE = PnL / initial margin (a fraction, 0.4 = 40 %)
 */
import { Decimal, magnitude, sum } from '../core/decimal';
import { direction, signed, type Contract, type Side } from './types';

const ONE = new Decimal(1);

export interface Holding {
  side: Side;
  /** Base-asset quantity (linear) or number of contracts (inverse), absolute. */
  size: Decimal;
  entryPrice: Decimal;
}

/** Notional at `price`, in the unit the contract's tiers use (quote for linear, coin for inverse). */
export function notional(contract: Contract, size: Decimal, price: Decimal): Decimal {
  const absolute = magnitude(size);
  return contract.type === 'linear' ? absolute.times(price) : absolute.times(contract.contractSize).div(price);
}

/** Unrealised PnL of `holding` if the mark price were `price`, in the margin asset. */
export function unrealizedPnl(contract: Contract, holding: Holding, price: Decimal): Decimal {
  const size = signed(magnitude(holding.size), holding.side);
  return contract.type === 'linear'
    ? size.times(price.minus(holding.entryPrice))
    : size.times(contract.contractSize).times(ONE.div(holding.entryPrice).minus(ONE.div(price)));
}

/** Initial margin at `price` (the calculator uses the entry price; the position panel the mark price). */
export function initialMargin(contract: Contract, size: Decimal, price: Decimal, leverage: Decimal): Decimal {
  return notional(contract, size, price).div(leverage);
}

/** Return on equity as a fraction: PnL at `exitPrice` over the initial margin at entry (Binance calculator). */
export function returnOnEquity(contract: Contract, holding: Holding, exitPrice: Decimal, leverage: Decimal): Decimal {
  return unrealizedPnl(contract, holding, exitPrice).div(initialMargin(contract, holding.size, holding.entryPrice, leverage));
}

/**
 * The exit price at which ROE (a fraction) is reached (Binance calculator, "Target Price"):
 * linear `entry × (1 + direction × ROE / leverage)`; inverse `direction × entry / (direction − ROE / leverage)`.
 */
export function targetPrice(contract: Contract, side: Side, entryPrice: Decimal, roe: Decimal, leverage: Decimal): Decimal {
  const d = direction(side);
  const move = roe.div(leverage);
  return contract.type === 'linear' ? entryPrice.times(move.times(d).plus(1)) : entryPrice.times(d).div(move.neg().plus(d));
}

/**
 * Average entry after several fills (Binance calculator, "Open Price"): linear Σ(q·p)/Σq;
 * inverse (harmonic, since each contract is a fixed USD amount) Σq / Σ(q/p).
 */
export function averageEntryPrice(contract: Contract, fills: readonly { size: Decimal; price: Decimal }[]): Decimal | null {
  if (fills.length === 0) return null;
  const totalSize = sum(fills.map((fill) => fill.size));
  if (totalSize.isZero() || fills.some((fill) => !fill.price.gt(0))) return null;
  return contract.type === 'linear'
    ? sum(fills.map((fill) => fill.size.times(fill.price))).div(totalSize)
    : totalSize.div(sum(fills.map((fill) => fill.size.div(fill.price))));
}

/**
 * Break-even price after paying `openFeeRate` on the opening notional and `closeFeeRate` on the closing one
 * (fractions, 0.0004 = 0.04 %). Linear: long `entry × (1 + fo) / (1 − fc)`, short `entry × (1 − fo) / (1 + fc)`.
 * Inverse fees are charged in coin on notional `size × CM / price`, which gives `entry × (1 + fc) / (1 − fo)`
 * for longs and `entry × (1 − fc) / (1 + fo)` for shorts. Binance's own `breakEvenPrice` uses an undocumented
 * fee composition (math.md §1.1): read it from the page when it is shown.
 */
export function breakEvenPrice(contract: Contract, side: Side, entryPrice: Decimal, openFeeRate: Decimal, closeFeeRate: Decimal): Decimal {
  const d = direction(side);
  // Both cases are entry × (1 + d·a) / (1 − d·b); inverse contracts swap which fee plays which part.
  const [a, b] = contract.type === 'linear' ? [openFeeRate, closeFeeRate] : [closeFeeRate, openFeeRate];
  return entryPrice.times(a.times(d).plus(1)).div(b.times(-d).plus(1));
}
