/** Stop-losses checked against our liquidation price: the position's TP/SL and the stop orders read from the page. */
import { Decimal, dec } from '../core/decimal';
import { type ExchangeAdapter } from '../exchanges/adapter';
import { onTick, stopAtFractionToLiquidation, type PositionRisk, type StopContext } from '../risk';
import { tickOf, type NumberGrid } from './format';
import type { ReadOrder, ReadPosition } from '../model/snapshot';
import type { StopCheck } from './types';
import type { DecimalString } from '../core/parse/number';

/** How far toward liquidation the suggested replacement stop sits (the rest is room for slippage). */
const SAFER_STOP_FRACTION = '0.9';

/** A stop-loss price checked against our liquidation price: the position's own (TP/SL) unless another is given. */
export function stopCheck(
  adapter: ExchangeAdapter,
  read: ReadPosition,
  risk: PositionRisk | null,
  price: DecimalString | null,
  source: StopCheck['source'],
  grid: NumberGrid,
): StopCheck | null {
  if (price === null || !risk?.liquidationPrice) return null;
  const stop = dec(price);
  const liquidationPrice = risk.liquidationPrice;
  const beyond = read.side === 'long' ? stop.lte(liquidationPrice) : stop.gte(liquidationPrice);
  if (!beyond) return { price, source, beyondLiquidation: false, saferStop: null, saferStopPnl: null };
  const context: StopContext = {
    contract: adapter.contractOf(read),
    holding: { side: read.side, size: dec(read.size), entryPrice: dec(read.entryPrice) },
    markPrice: dec(read.markPrice),
    liquidationPrice,
  };
  const exact = stopAtFractionToLiquidation(context, new Decimal(SAFER_STOP_FRACTION));
  const safer = exact.ok ? { ok: true as const, value: onTick(context, exact.value, tickOf(grid, exact.value.price)) } : exact;
  return {
    price,
    source,
    beyondLiquidation: true,
    saferStop: safer.ok ? safer.value.price.toFixed() : null,
    saferStopPnl: safer.ok ? safer.value.lockedPnl.toFixed() : null,
  };
}

/**
 * The position's stop to warn about: its TP/SL stop-loss or, where the Open Orders list was read (and is still
 * current), a stop order on the closing side with a trigger on the losing side of the mark (reduce-only or not:
 * either closes the position when it fires). The first one at or
 * beyond liquidation wins; otherwise the TP/SL one (or the first order) is reported as fine.
 */
export function worstStop(
  adapter: ExchangeAdapter,
  read: ReadPosition,
  risk: PositionRisk | null,
  orders: readonly ReadOrder[],
  grid: NumberGrid,
): StopCheck | null {
  const closing = read.side === 'long' ? 'sell' : 'buy';
  const mark = dec(read.markPrice);
  const stopOrders = orders.filter(
    (o) =>
      o.symbol === read.symbol &&
      o.side === closing &&
      o.triggerPrice !== null &&
      (read.side === 'long' ? dec(o.triggerPrice).lt(mark) : dec(o.triggerPrice).gt(mark)),
  );
  const checks = [
    stopCheck(adapter, read, risk, read.stopLoss, 'position', grid),
    ...stopOrders.map((o) => stopCheck(adapter, read, risk, o.triggerPrice, 'order', grid)),
  ].filter((c) => c !== null);
  return checks.find((c) => c.beyondLiquidation) ?? checks[0] ?? null;
}
