/**
 * Funding a position has paid (or received) while LiqGuard has seen it unchanged: each settlement after it was
 * first seen, at the settlement's own rate and mark price (`fundingRate` history, math.md §4.2: amount =
 * notional at the mark × rate, positive rate: longs pay). What happened before LiqGuard first saw the position
 * is not on the page nor in public data, so the figure says from when it counts.
 */
import { dec, sum } from '../core/decimal';
import { marketOf, type ExchangeAdapter } from '../exchanges/adapter';
import type { FundingSettlement } from '../exchanges/marketData';
import { fundingCost, type Result } from '../risk';
import type { ReadPosition } from '../model/snapshot';
import type { DecimalString } from '../core/parse/number';

export interface FundingPaid {
  /** Paid, in the margin asset; negative: received. */
  amount: DecimalString;
  settlements: number;
  /** When LiqGuard first saw the position as it is now (unix ms): settlements after it are counted. */
  since: number;
}

/** A settlement counts once the exchange's charging window after its time is over (`settlementDeviationMs`). */
export function fundingPaidSince(
  adapter: ExchangeAdapter,
  position: ReadPosition,
  history: readonly FundingSettlement[],
  since: number,
  now: number,
): Result<FundingPaid> {
  const available = adapter.has.fundingPaid[position.market] ?? 'funding paid is not known for this market';
  if (available !== true) return { ok: false, reason: available };
  if (position.sizeUnit !== marketOf(adapter, position.market)?.exactSizeUnit)
    return { ok: false, reason: 'funding needs the size in the exact unit' };
  const counted = history.filter((s) => s.fundingTime > since && s.fundingTime <= now - adapter.settlementDeviationMs);
  const contract = adapter.contractOf(position);
  const size = dec(position.size);
  const amount = sum(counted.map((s) => fundingCost(contract, position.side, size, dec(s.markPrice), dec(s.rate), 1)));
  return { ok: true, value: { amount: amount.toFixed(), settlements: counted.length, since } };
}

/** A position as LiqGuard first saw it unchanged, and the funding it has paid since (`fundingPaidSince`). */
export interface WatchedPosition {
  /** Size and entry (`positionSignature`, lib/model/keys.ts): a change starts the count again. */
  signature: string;
  since: number;
  paid: FundingPaid | null;
  /** Why `paid` is null once it was asked for. */
  reason: string | null;
}
