/**
 * Position sizing: how much to open for a given risk (math.md §4.1 [DER]), and the calculator's "Max Open"
 * bounded by the cost to open (FAQ "How to Calculate Cost Required to Open a Position", S7, math.md §1.7) and
 * by the tiers' caps for the chosen leverage.
 */
import { ZERO, type Decimal } from '../core/decimal';
import { notional, unrealizedPnl } from './pnl';
import { direction, ok, unavailable, type Bracket, type Contract, type Result, type Side } from './types';
import { because } from '../core/i18n/reasons/because';

export interface RiskSizing {
  size: Decimal;
  /** Notional at entry, in the margin asset. */
  notional: Decimal;
  initialMargin: Decimal;
  /** Loss at the stop including both fees (equals the risk amount). */
  lossAtStop: Decimal;
}

/**
 * The size whose loss at `stopPrice`, plus the opening fee on the entry notional and the closing fee on the stop
 * notional, equals `riskAmount` (margin asset). Fees are fractions (0.0005 = 0.05 %).
 */
export function sizeForRisk(input: {
  contract: Contract;
  side: Side;
  entryPrice: Decimal;
  stopPrice: Decimal;
  riskAmount: Decimal;
  leverage: Decimal;
  openFeeRate?: Decimal;
  closeFeeRate?: Decimal;
}): Result<RiskSizing> {
  const { contract, side, entryPrice, stopPrice, riskAmount, leverage } = input;
  if (!entryPrice.gt(0) || !stopPrice.gt(0)) return unavailable(because('entry and stop must be above 0'));
  if (!riskAmount.gt(0)) return unavailable(because('the risk amount must be above 0'));
  if (!leverage.gt(0)) return unavailable(because('leverage must be above 0'));
  const stopIsOnLossSide = direction(side) === 1 ? stopPrice.lt(entryPrice) : stopPrice.gt(entryPrice);
  if (!stopIsOnLossSide)
    return unavailable(side === 'long' ? because('a long stop must be below the entry') : because('a short stop must be above the entry'));
  const unit = entryPrice.div(entryPrice);
  const unitLoss = unrealizedPnl(contract, { side, size: unit, entryPrice }, stopPrice)
    .neg()
    .plus(notional(contract, unit, entryPrice).times(input.openFeeRate ?? ZERO))
    .plus(notional(contract, unit, stopPrice).times(input.closeFeeRate ?? ZERO));
  const size = riskAmount.div(unitLoss);
  const entryNotional = notional(contract, size, entryPrice);
  return ok({ size, notional: entryNotional, initialMargin: entryNotional.div(leverage), lossAtStop: size.times(unitLoss) });
}

/**
 * The largest size one can open with `balance` at `leverage` for an order at `orderPrice` (linear contracts):
 * cost per unit = orderPrice / leverage + open loss, open loss = |min(0, direction × (mark − orderPrice))| (S7),
 * and the notional may not pass the cap of the last tier that still allows this leverage.
 */
export function maxOpenSize(input: {
  side: Side;
  balance: Decimal;
  leverage: number;
  orderPrice: Decimal;
  markPrice?: Decimal;
  tiers: readonly Bracket[];
}): Result<{ size: Decimal; limitedBy: 'balance' | 'tier' }> {
  const { side, balance, leverage, orderPrice, tiers } = input;
  if (!orderPrice.gt(0)) return unavailable(because('the price must be above 0'));
  if (!(leverage > 0)) return unavailable(because('leverage must be above 0'));
  const allowed = tiers.filter((tier) => tier.maxLeverage >= leverage);
  if (allowed.length === 0) return unavailable(because("leverage {leverage}x is above this symbol's maximum", { leverage }));
  const mark = input.markPrice ?? orderPrice;
  const openLoss = mark.minus(orderPrice).times(direction(side));
  const unitCost = orderPrice.div(leverage).plus(openLoss.lt(0) ? openLoss.neg() : ZERO);
  const byBalance = balance.gt(0) ? balance.div(unitCost) : ZERO;
  const cap = allowed.reduce((max, tier) => (tier.notionalCap.gt(max) ? tier.notionalCap : max), ZERO);
  const byTier = cap.div(orderPrice);
  return ok(byBalance.lte(byTier) ? { size: byBalance, limitedBy: 'balance' } : { size: byTier, limitedBy: 'tier' });
}
