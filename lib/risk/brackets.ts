/**
 * Maintenance margin with Binance's tiers ("Tax Bracket" set-up).
 *
 * `MM = notional × MMR(tier) − cum(tier)`, where the tier is the one whose [notionalFloor, notionalCap]
 * holds the notional, and `cum_n = cum_{n−1} + floor_n × (MMR_n − MMR_{n−1})` keeps MM continuous across tiers.
 * Source: Binance FAQ "How to Calculate Liquidation Price of USDⓈ-M Futures Contracts" (math.md S1, §2.1).
 * Units: notional and cum in the margin asset (USDⓈ-M) or the coin (COIN-M); MMR a fraction (0.004 = 0.4 %).
 */
import { formatAmount } from './display';
import { Decimal, ZERO, magnitude } from '../core/decimal';
import { ok, unavailable, type Bracket, type Result } from './types';
import { because } from '../core/i18n/reasons/because';

/** Index of the tier holding `notional`, or −1; a notional exactly on a boundary belongs to the lower tier (MM is equal there). */
export function tierIndexFor(tiers: readonly Bracket[], notional: Decimal): number {
  const absolute = magnitude(notional);
  // Tiers ascend (bracketProblems checks it): the first whose cap reaches the notional is the one, if its floor
  // does too; a table that does not ascend gets the full search.
  const byCap = tiers.findIndex((t) => absolute.lte(t.notionalCap));
  if (byCap >= 0 && absolute.gte(tiers[byCap]!.notionalFloor)) return byCap;
  return tiers.findIndex((t) => absolute.gte(t.notionalFloor) && absolute.lte(t.notionalCap));
}

/** The tier holding `notional`. */
export function bracketFor(tiers: readonly Bracket[], notional: Decimal): Result<Bracket> {
  if (tiers.length === 0) return unavailable(because('no maintenance-margin tiers are known for this symbol'));
  const tier = tiers[tierIndexFor(tiers, notional)];
  return tier
    ? ok(tier)
    : unavailable(
        because('a notional of {notional} is beyond the last maintenance-margin tier', { notional: formatAmount(notional.abs(), 2) }),
      );
}

export function maintenanceMargin(tiers: readonly Bracket[], notional: Decimal): Result<Decimal> {
  const tier = bracketFor(tiers, notional);
  return tier.ok ? ok(magnitude(notional).times(tier.value.maintMarginRatio).minus(tier.value.cum)) : tier;
}

/**
 * Checks a tier table before we trust it: tiers ascend without gaps, MMR is in [0, 1), and every `cum`
 * follows Binance's rule. Returns the problems found (empty when the table is sound).
 */
export function bracketProblems(tiers: readonly Bracket[]): string[] {
  const problems: string[] = [];
  if (tiers.length === 0) return ['no tiers'];
  if (!tiers[0]!.notionalFloor.isZero()) problems.push('the first tier does not start at 0');
  tiers.forEach((tier, index) => {
    if (tier.maintMarginRatio.lt(0) || tier.maintMarginRatio.gte(1)) problems.push(`tier ${tier.bracket}: MMR outside [0, 1)`);
    if (!tier.notionalCap.gt(tier.notionalFloor)) problems.push(`tier ${tier.bracket}: cap not above floor`);
    const previous = tiers[index - 1];
    const expectedCum = previous
      ? previous.cum.plus(tier.notionalFloor.times(tier.maintMarginRatio.minus(previous.maintMarginRatio)))
      : ZERO;
    if (previous && !previous.notionalCap.eq(tier.notionalFloor)) problems.push(`tier ${tier.bracket}: gap after tier ${previous.bracket}`);
    if (!tier.cum.eq(expectedCum)) problems.push(`tier ${tier.bracket}: cum ${tier.cum.toFixed()} ≠ ${expectedCum.toFixed()}`);
  });
  return problems;
}

/** Builds a tier table from Binance-shaped rows of decimal strings (used by tests and the tier parsers). */
export function bracketsFrom(
  rows: readonly {
    bracket: number;
    notionalFloor: string;
    notionalCap: string;
    maxLeverage: number;
    maintMarginRatio: string;
    cum: string;
  }[],
): Bracket[] {
  return rows.map((row) => ({
    bracket: row.bracket,
    notionalFloor: new Decimal(row.notionalFloor),
    notionalCap: new Decimal(row.notionalCap),
    maxLeverage: row.maxLeverage,
    maintMarginRatio: new Decimal(row.maintMarginRatio),
    cum: new Decimal(row.cum),
  }));
}
