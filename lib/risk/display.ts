/**
 * Display rounding, kept apart from the exact values. Binance truncates margins and fees it displays
 * (math.md §1.8: 2.486011688 → 2.48601168, 462.665 → 462.66) and shows prices to the symbol's tick size.
 */
import { Decimal, type Rounding } from '../core/decimal';

export type TickRounding = 'truncate' | 'half-up' | 'floor' | 'ceil';

const MODES: Record<TickRounding, Rounding> = {
  truncate: Decimal.ROUND_DOWN,
  'half-up': Decimal.ROUND_HALF_UP,
  floor: Decimal.ROUND_FLOOR,
  ceil: Decimal.ROUND_CEIL,
};

/**
 * The tick at `price` where it depends on the price: Hyperliquid's "Prices can have up to 5 significant figures, but no
 * more than MAX_DECIMALS - szDecimals decimal places … Integer prices are always allowed, regardless of the number of
 * significant figures" ("Tick and lot size", https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/tick-and-lot-size).
 * `finest` is the step of the most decimals allowed (10^-(6 − szDecimals) for a perpetual), `significantFigures`
 * null where the tick is one step at every price. Units: the price's.
 */
export function tickAt(finest: Decimal, significantFigures: number | null, price: Decimal): Decimal {
  if (significantFigures === null || !price.gt(0)) return finest;
  // `e` is the exponent of the leading figure: 3143.3 → 3, so five figures end at 10^(3 − 4).
  const figuresStep = new Decimal(10).pow(price.e - (significantFigures - 1));
  return Decimal.max(finest, Decimal.min(figuresStep, 1));
}

/** `value` on the grid of `tick` ("0.1", "0.01", "5"), rounded as asked. */
export function toTick(value: Decimal, tick: Decimal, rounding: TickRounding = 'half-up'): Decimal {
  return value.div(tick).toDecimalPlaces(0, MODES[rounding]).times(tick);
}

/** Decimal places a tick implies: "0.10" → 1, "0.001" → 3, "5" → 0. */
export function tickDecimals(tick: Decimal): number {
  return Math.max(0, tick.toSignificantDigits().decimalPlaces());
}

/** "26,316.89": thousands separated, exactly `decimals` places, rounded as asked. */
export function formatAmount(value: Decimal, decimals: number, rounding: TickRounding = 'half-up'): string {
  const fixed = value.toDecimalPlaces(decimals, MODES[rounding]).toFixed(decimals);
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const sign = whole.startsWith('-') ? '-' : '';
  const grouped = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** A price on the symbol's tick, formatted: `formatPrice(26316.8933, 0.01)` → "26,316.89". */
export function formatPrice(value: Decimal, tick: Decimal, rounding: TickRounding = 'half-up'): string {
  return formatAmount(toTick(value, tick, rounding), tickDecimals(tick), rounding);
}

/** A fraction as a percentage the way the exchanges write one, two decimals and no space: 0.064 → "6.40%". */
export function formatPercent(fraction: Decimal, decimals = 2, rounding: TickRounding = 'half-up'): string {
  return `${formatAmount(fraction.times(100), decimals, rounding)}%`;
}
