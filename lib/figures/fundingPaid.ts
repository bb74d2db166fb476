/**
 * Funding a position has paid (or received) while LiqGuard has seen it unchanged: each settlement after it was
 * first seen, at the settlement's own rate and mark price (`fundingRate` history, math.md §4.2: amount =
 * notional at the mark × rate, positive rate: longs pay). What happened before LiqGuard first saw the position
 * is not on the page nor in public data, so the figure says from when it counts.
 */
import { dec, sum } from '../core/decimal';
import { contractOfPosition, exactSizeUnit } from '../exchanges/binance/contracts';
import type { FundingSettlement } from '../exchanges/binance/marketData';
import { fundingCost, type Result } from '../risk';
import type { DecimalString, ReadPosition } from '../model/snapshot';

/** Binance charges within a minute of the funding time (math.md §4.2): a settlement counts once that minute is over. */
export const SETTLEMENT_DEVIATION_MS = 60_000;

export interface FundingPaid {
  /** Paid, in the margin asset; negative: received. */
  amount: DecimalString;
  settlements: number;
  /** When LiqGuard first saw the position as it is now (unix ms): settlements after it are counted. */
  since: number;
}

export function fundingPaidSince(position: ReadPosition, history: readonly FundingSettlement[], since: number, now: number): Result<FundingPaid> {
  if (position.market !== 'usdm') return { ok: false, reason: "the exchange's COIN-M funding history has no mark price" };
  if (position.sizeUnit !== exactSizeUnit(position.market)) return { ok: false, reason: 'funding needs the size in the exact unit' };
  const counted = history.filter((s) => s.fundingTime > since && s.fundingTime <= now - SETTLEMENT_DEVIATION_MS);
  const contract = contractOfPosition(position);
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
