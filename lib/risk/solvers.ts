/**
 * What-if solvers: what to do to move liquidation to a target. Each works on a `MarginPool` (a cross symbol
 * with the rest of the account folded into its balance, or an isolated position), so cross, isolated, linear and
 * inverse share one implementation. Derived from the margin equation of math.md §1.2–§1.5 [DER]: at the
 * liquidation price P, balance + PnL(P) = MM(P), with MM's tier taken at P.
 */
import { ZERO, type Decimal } from '../core/decimal';
import { liquidation, marginSlackAt, type Leg, type Liquidation, type MarginPool } from './liquidation';
import { averageEntryPrice, notional, unrealizedPnl } from './pnl';
import { ok, unavailable, type Result } from './types';
import { because } from '../core/i18n/reasons/because';

/**
 * The price `distance` (a fraction of mark) away from `markPrice` on the side where liquidation lies:
 * below the mark when liquidation is below it (longs), above it otherwise.
 */
export function priceAtDistance(markPrice: Decimal, liquidationPrice: Decimal, distance: Decimal): Decimal {
  const below = liquidationPrice.lt(markPrice);
  return markPrice.times(below ? distance.neg().plus(1) : distance.plus(1));
}

/** Margin to add (to the cross wallet or the isolated position) so that liquidation moves to `targetPrice`; 0 when it already lies beyond. */
export function marginToAdd(pool: MarginPool, targetPrice: Decimal): Result<Decimal> {
  if (!targetPrice.gt(0)) return unavailable(because('the target price must be above 0'));
  const slack = marginSlackAt(pool, targetPrice);
  if (!slack.ok) return slack;
  return ok(slack.value.gte(0) ? ZERO : slack.value.neg());
}

/** Liquidation after adding (positive) or removing (negative) margin. */
export function liquidationAfterMarginChange(pool: MarginPool, change: Decimal, near?: Decimal) {
  return liquidation({ ...pool, balance: pool.balance.plus(change) }, near);
}

/**
 * Liquidation after another fill of the same side at `price` (average entry moves; tier follows the new
 * notional). `addedMargin` is what the fill posts to an isolated position (its notional / leverage); 0 for cross.
 */
export function liquidationAfterFill(
  pool: MarginPool,
  fill: { size: Decimal; price: Decimal },
  addedMargin: Decimal = ZERO,
  near?: Decimal,
): Result<Liquidation> {
  if (pool.legs.length !== 1) return unavailable(because('adding to a hedge pair: solve each side on its own'));
  const leg = pool.legs[0]!;
  const entryPrice = averageEntryPrice(pool.contract, [{ size: leg.size, price: leg.entryPrice }, fill]);
  if (!entryPrice) return unavailable(because('the fill must have a size and a price above 0'));
  const grown: Leg = { ...leg, size: leg.size.plus(fill.size), entryPrice };
  return liquidation({ ...pool, balance: pool.balance.plus(addedMargin), legs: [grown] }, near);
}

/**
 * How much of a one-way position to close at the mark price (reduce-only) so that liquidation moves to
 * `targetPrice`. Closing at mark turns the closed part's PnL into wallet balance, so the pool's margin
 * balance A = balance + PnL(mark) is unchanged; what remains, s, must satisfy at P = targetPrice
 *     A + s·(pnl₁(P) − pnl₁(mark)) = s·notional₁(P)·MMR − cum
 * with per-unit PnL and notional (pnl₁, notional₁) and the tier at s·notional₁(P). Returns the size to cut,
 * 0 when none is needed; unavailable when even closing everything would not do.
 */
export function sizeToCut(pool: MarginPool, markPrice: Decimal, targetPrice: Decimal): Result<Decimal> {
  if (pool.legs.length !== 1) return unavailable(because('cutting a hedge pair: reduce the side that carries the risk and solve again'));
  const leg = pool.legs[0]!;
  if (!targetPrice.gt(0)) return unavailable(because('the target price must be above 0'));
  const now = marginSlackAt(pool, targetPrice);
  if (!now.ok) return now;
  if (now.value.gte(0)) return ok(ZERO);

  const unit = { ...leg, size: leg.size.div(leg.size) };
  const marginBalance = pool.balance.plus(unrealizedPnl(pool.contract, leg, markPrice));
  const moveLoss = unrealizedPnl(pool.contract, unit, targetPrice).minus(unrealizedPnl(pool.contract, unit, markPrice));
  const unitNotional = notional(pool.contract, unit.size, targetPrice);
  for (const tier of leg.tiers) {
    const denominator = unitNotional.times(tier.maintMarginRatio).minus(moveLoss);
    if (!denominator.gt(0)) continue;
    const remaining = marginBalance.plus(tier.cum).div(denominator);
    if (!remaining.gt(0)) return unavailable(because('even closing the whole position would not move liquidation there'));
    const remainingNotional = remaining.times(unitNotional);
    if (remainingNotional.gte(tier.notionalFloor) && remainingNotional.lte(tier.notionalCap)) {
      return ok(remaining.gte(leg.size) ? ZERO : leg.size.minus(remaining));
    }
  }
  return unavailable(because('no size is consistent with the tiers at that price'));
}
