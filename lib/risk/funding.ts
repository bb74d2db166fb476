/**
 * Funding: `amount = position notional × funding rate` per interval, notional at the mark price; a positive
 * rate means longs pay shorts (Binance "Introduction to Binance Futures Funding Rates", S10, math.md §4.2).
 * USDⓈ-M notional is size × mark (quote), COIN-M is contracts × contract size / mark (coin).
 */
import type { Decimal } from '../core/decimal';
import { notional } from './pnl';
import { signed, type Contract, type Side } from './types';

/** What the position pays over the next `intervals` funding times at `rate` (a fraction); negative: it receives. */
export function fundingCost(contract: Contract, side: Side, size: Decimal, markPrice: Decimal, rate: Decimal, intervals: number): Decimal {
  return signed(notional(contract, size, markPrice).times(rate).times(intervals), side);
}
