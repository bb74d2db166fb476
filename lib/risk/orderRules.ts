/**
 * Order sizes the exchange accepts: a multiple of the symbol's step size, between its minimum and maximum
 * quantity, and (USDⓈ-M) a notional of at least the minimum notional, price × quantity (exchangeInfo filters
 * LOT_SIZE / MARKET_LOT_SIZE / MIN_NOTIONAL, math.md §2.3 S11h). A suggestion that no order can carry out is
 * not a suggestion, so sizes are rounded the safe way or refused with the reason.
 */
import { Decimal } from '../core/decimal';
import { ok, unavailable, type Contract, type Result } from './types';
import { because } from '../core/i18n/reasons/because';

export interface OrderRules {
  stepSize: Decimal;
  minQty: Decimal;
  maxQty: Decimal;
  /** In the quote asset; null where the market has no such filter (COIN-M). */
  minNotional: Decimal | null;
}

/**
 * `size` as an order of these rules at `price`.
 * - `up` for a size that must be reached at least (closing enough to move liquidation): rounded up to the
 *   step and raised to the minimum quantity and notional; refused above the maximum quantity.
 * - `down` for a size that must not be exceeded (a risk budget, what the balance can open): rounded down to
 *   the step and capped at the maximum quantity; refused below the minimum quantity or notional.
 */
export function placeableSize(
  size: Decimal,
  rules: OrderRules,
  price: Decimal,
  contract: Contract,
  rounding: 'up' | 'down',
): Result<Decimal> {
  const step = rules.stepSize;
  const steps = size.div(step);
  let placed = (rounding === 'up' ? steps.ceil() : steps.floor()).times(step);
  const minimumByNotional =
    rules.minNotional && contract.type === 'linear' && price.gt(0) ? rules.minNotional.div(price).div(step).ceil().times(step) : null;
  const minimum = minimumByNotional && minimumByNotional.gt(rules.minQty) ? minimumByNotional : rules.minQty;
  if (rounding === 'up') {
    if (placed.lt(minimum)) placed = minimum.div(step).ceil().times(step);
    if (placed.gt(rules.maxQty))
      return unavailable(because('more than one order can carry (at most {size})', { size: rules.maxQty.toFixed() }));
    return ok(placed);
  }
  if (placed.gt(rules.maxQty)) placed = rules.maxQty.div(step).floor().times(step);
  if (placed.lt(minimum) || placed.isZero()) {
    return unavailable(
      minimumByNotional && minimum.eq(minimumByNotional)
        ? because('below the smallest order ({notional} notional, {size} at this price)', {
            notional: rules.minNotional!.toFixed(),
            size: minimum.toFixed(),
          })
        : because('below the smallest order ({size})', { size: minimum.toFixed() }),
    );
  }
  return ok(placed);
}

/**
 * A part of a position to close as a market order: at least `cut`, placeable, and never more than the
 * position (the page's Close All closes a position of any size).
 */
export function placeableCut(cut: Decimal, positionSize: Decimal, rules: OrderRules, price: Decimal, contract: Contract): Result<Decimal> {
  if (cut.isZero()) return ok(cut);
  if (cut.gte(positionSize)) return ok(positionSize);
  const placed = placeableSize(cut, rules, price, contract, 'up');
  if (!placed.ok) return placed;
  return ok(placed.value.gt(positionSize) ? positionSize : placed.value);
}
