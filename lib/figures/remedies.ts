/** What brings a position in warning or danger back to the warning distance: margin to add, or size to close. */
import { Decimal, dec } from '../core/decimal';
import { type ExchangeAdapter } from '../exchanges/adapter';
import { orderRulesOf, type SymbolRules } from '../exchanges/marketData';
import { marginToAdd, placeableCut, priceAtDistance, sizeToCut, type PositionRisk, type Result } from '../risk';
import type { ReadPosition } from '../model/snapshot';
import type { DecimalString } from '../core/parse/number';
import type { Remedy } from './types';

/**
 * A size to close at mark that the exchange accepts: the exact `cut` rounded up to the symbol's market lot and
 * minimum notional, or refused. Without the symbol's rules the exact size is given, with a note saying so.
 */
export function placeableCutOf(
  adapter: ExchangeAdapter,
  cut: Result<Decimal>,
  read: ReadPosition,
  rules: SymbolRules | undefined,
): { size: DecimalString | null; note: string | null } {
  if (!cut.ok) return { size: null, note: cut.reason };
  if (!rules) return { size: cut.value.toFixed(), note: "not rounded to the symbol's step size (order rules not fetched yet)" };
  const placed = placeableCut(cut.value, dec(read.size), orderRulesOf(rules, 'market'), dec(read.markPrice), adapter.contractOf(read));
  return placed.ok ? { size: placed.value.toFixed(), note: null } : { size: null, note: placed.reason };
}

/** What brings `read`'s liquidation back to `targetDistance` (a fraction of the mark): margin to add, or size to close. */
export function remedyFor(
  adapter: ExchangeAdapter,
  read: ReadPosition,
  risk: PositionRisk,
  targetDistance: Decimal,
  rules: SymbolRules | undefined,
): Remedy | null {
  if (!risk.pool || !risk.liquidationPrice) return null;
  const mark = dec(read.markPrice);
  const target = priceAtDistance(mark, risk.liquidationPrice, targetDistance);
  const margin = marginToAdd(risk.pool, target);
  const cut = placeableCutOf(adapter, sizeToCut(risk.pool, mark, target), read, rules);
  return {
    targetDistance: targetDistance.toFixed(),
    marginToAdd: margin.ok ? margin.value.toFixed() : null,
    sizeToCut: cut.size,
    sizeToCutNote: cut.note,
  };
}
