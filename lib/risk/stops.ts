/**
 * Stop-loss suggestions that always sit before liquidation [DER]: a stop at or beyond the liquidation price
 * can never fire (the position is liquidated first), so such a level is reported as unavailable, never offered.
 */
import type { Decimal } from '../core/decimal';
import { toTick } from './display';
import { targetPrice, unrealizedPnl, type Holding } from './pnl';
import { direction, ok, unavailable, type Contract, type Result } from './types';
import { because } from '../core/i18n/reasons/because';

export interface StopSuggestion {
  price: Decimal;
  /** PnL locked in if the stop fills at its price (negative: a loss), in the margin asset, fees excluded. */
  lockedPnl: Decimal;
  /** |mark − price| / mark. */
  distanceFromMark: Decimal;
}

export interface StopContext {
  contract: Contract;
  holding: Holding;
  markPrice: Decimal;
  liquidationPrice: Decimal | null;
}

/** Whether a stop at `price` would fire before liquidation: strictly between the liquidation price and the mark. */
export function stopFiresBeforeLiquidation(price: Decimal, markPrice: Decimal, liquidationPrice: Decimal | null): boolean {
  if (!price.gt(0)) return false;
  if (liquidationPrice === null) return true;
  const low = liquidationPrice.lt(markPrice) ? liquidationPrice : markPrice;
  const high = liquidationPrice.lt(markPrice) ? markPrice : liquidationPrice;
  return price.gt(low) && price.lt(high);
}

/** A stop or take-profit at `price`: what it locks in there and how far it is from the mark. */
export function levelAt(context: StopContext, price: Decimal): StopSuggestion {
  return {
    price,
    lockedPnl: unrealizedPnl(context.contract, context.holding, price),
    distanceFromMark: context.markPrice.minus(price).abs().div(context.markPrice),
  };
}

function suggestion(context: StopContext, price: Decimal): Result<StopSuggestion> {
  if (!stopFiresBeforeLiquidation(price, context.markPrice, context.liquidationPrice)) {
    return unavailable(because('a stop there would not fire before liquidation, or would fire at once'));
  }
  return ok(levelAt(context, price));
}

/**
 * A suggested stop or take-profit an order can carry: on the symbol's `tick`, moved toward the mark (a stop so placed
 * still fires before liquidation), with what it locks in there.
 */
export function onTick(context: StopContext, suggested: StopSuggestion, tick: Decimal): StopSuggestion {
  return levelAt(context, toTick(suggested.price, tick, suggested.price.lt(context.markPrice) ? 'ceil' : 'floor'));
}

/** A stop `fraction` (0–1) of the way from the mark price to liquidation. */
export function stopAtFractionToLiquidation(context: StopContext, fraction: Decimal): Result<StopSuggestion> {
  if (context.liquidationPrice === null) return unavailable(because('no liquidation price to measure from'));
  if (!fraction.gt(0) || !fraction.lt(1)) return unavailable(because('the fraction must be between 0 and 1'));
  return suggestion(context, context.markPrice.plus(context.liquidationPrice.minus(context.markPrice).times(fraction)));
}

/** A stop whose loss from the entry equals `riskAmount` (margin asset). */
export function stopAtRiskAmount(context: StopContext, riskAmount: Decimal): Result<StopSuggestion> {
  if (!riskAmount.gt(0)) return unavailable(because('the risk amount must be above 0'));
  const { contract, holding } = context;
  const d = direction(holding.side);
  const perUnit = riskAmount.div(holding.size);
  const price =
    contract.type === 'linear'
      ? holding.entryPrice.minus(perUnit.times(d))
      : holding.entryPrice.pow(-1).plus(perUnit.div(contract.contractSize).times(d)).pow(-1);
  return suggestion(context, price);
}

/** A stop `distance` (quote units: one or two ATR) from the mark on the losing side. */
export function stopAtDistanceFromMark(context: StopContext, distance: Decimal): Result<StopSuggestion> {
  if (!distance.gt(0)) return unavailable(because('the distance must be above 0'));
  return suggestion(context, context.markPrice.minus(distance.times(direction(context.holding.side))));
}

/** A stop `fraction` (0.02 = 2 %) away from the entry on the losing side. */
export function stopAtEntryPercent(context: StopContext, fraction: Decimal): Result<StopSuggestion> {
  if (!fraction.gt(0) || !fraction.lt(1)) return unavailable(because('the percentage must be between 0 and 100'));
  return suggestion(context, context.holding.entryPrice.times(fraction.times(-direction(context.holding.side)).plus(1)));
}

export interface TakeProfitSuggestion {
  price: Decimal;
  /** PnL locked in if it fills at its price (a gain), margin asset, fees excluded. */
  lockedPnl: Decimal;
  distanceFromMark: Decimal;
}

/**
 * A take-profit at a return on the position's initial margin (`roe` a fraction, 0.5 = 50 %) at `leverage`;
 * unavailable when that price is already passed (it would fill at once) or not above 0.
 */
export function takeProfitAtRoe(context: StopContext, roe: Decimal, leverage: Decimal): Result<TakeProfitSuggestion> {
  const { contract, holding, markPrice } = context;
  const price = targetPrice(contract, holding.side, holding.entryPrice, roe, leverage);
  const ahead = holding.side === 'long' ? price.gt(markPrice) : price.lt(markPrice) && price.gt(0);
  if (!ahead) return unavailable(because('that price is already passed'));
  return ok(levelAt(context, price));
}

/**
 * Reward to risk: what a take-profit gains over what a stop loses, both from the entry (their PnL there, fees
 * excluded); null when the stop loses nothing or the take-profit gains nothing.
 */
export function rewardToRisk(stop: Pick<StopSuggestion, 'lockedPnl'>, takeProfit: Pick<StopSuggestion, 'lockedPnl'>): Decimal | null {
  if (!stop.lockedPnl.isNegative() || !takeProfit.lockedPnl.gt(0)) return null;
  return takeProfit.lockedPnl.div(stop.lockedPnl.abs());
}
