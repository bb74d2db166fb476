/**
 * How much a symbol moves, from its mark-price bars: the average true range (Wilder, "New Concepts in Technical
 * Trading Systems", 1978), and its beta to a reference symbol (BTC). Prices in the quote asset; a beta has no unit.
 */
import { Decimal } from '../core/decimal';

export interface Bar {
  openTime: number;
  high: Decimal;
  low: Decimal;
  close: Decimal;
}

/**
 * The `period`-bar average true range at the last bar: true range = max(high − low, |high − previous close|,
 * |low − previous close|); the first average is the mean of the first `period` true ranges, each next one
 * (previous × (period − 1) + true range) / period. Null with fewer than `period` + 1 bars.
 */
export function averageTrueRange(bars: readonly Bar[], period = 14): Decimal | null {
  if (bars.length < period + 1) return null;
  const ranges = bars.slice(1).map((bar, i) => {
    const previous = bars[i]!.close;
    return Decimal.max(bar.high.minus(bar.low), bar.high.minus(previous).abs(), bar.low.minus(previous).abs());
  });
  let average = ranges
    .slice(0, period)
    .reduce((sum, r) => sum.plus(r), new Decimal(0))
    .div(period);
  for (const range of ranges.slice(period))
    average = average
      .times(period - 1)
      .plus(range)
      .div(period);
  return average;
}

/** Each bar's close-to-close return, keyed by the bar's open time. */
function returns(bars: readonly Bar[]): Map<number, Decimal> {
  return new Map(bars.slice(1).map((bar, i) => [bar.openTime, bar.close.div(bars[i]!.close).minus(1)]));
}

/**
 * Beta of `bars` to `reference`: cov(r, r_ref) / var(r_ref) over the close-to-close returns of the bars both have.
 * Null with fewer than `minimum` shared returns, or a reference that did not move.
 */
export function betaTo(bars: readonly Bar[], reference: readonly Bar[], minimum = 20): Decimal | null {
  const own = returns(bars);
  const pairs = [...returns(reference)].flatMap(([time, r]) => (own.has(time) ? [[own.get(time)!, r] as const] : []));
  if (pairs.length < minimum) return null;
  const mean = (values: Decimal[]) => values.reduce((sum, v) => sum.plus(v), new Decimal(0)).div(values.length);
  const meanOwn = mean(pairs.map(([r]) => r));
  const meanRef = mean(pairs.map(([, r]) => r));
  const covariance = pairs.reduce((sum, [r, q]) => sum.plus(r.minus(meanOwn).times(q.minus(meanRef))), new Decimal(0));
  const variance = pairs.reduce((sum, [, q]) => sum.plus(q.minus(meanRef).pow(2)), new Decimal(0));
  return variance.isZero() ? null : covariance.div(variance);
}
