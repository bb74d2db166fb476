/**
 * Funding a position has paid (or received) while LiqGuard has seen it unchanged: each settlement after it was
 * first seen, at the settlement's own rate and mark price (`fundingRate` history, math.md §4.2: amount =
 * notional at the mark × rate, positive rate: longs pay). What happened before LiqGuard first saw the position
 * is not on the page nor in public data, so the figure says from when it counts.
 */
import { Decimal, dec, sum } from '../core/decimal';
import { accountKey, positionKey, positionSignature } from '../model/keys';
import type { FundingQuote } from '../exchanges/marketData';
import type { PageSnapshot } from '../model/snapshot';
import type { FundingPaid, FundingView, MarketContext } from './types';
import { marketOf, type ExchangeAdapter, type Prepared } from '../exchanges/adapter';
import type { FundingSettlement } from '../exchanges/marketData';
import { fundingCost, type PositionRisk, type Result } from '../risk';
import type { ReadPosition } from '../model/snapshot';
import { adapterOf } from '../exchanges';
import { because, type ReasonText } from '../core/i18n/reasons/because';

/** A settlement counts once the exchange's charging window after its time is over (`settlementDeviationMs`). */
export function fundingPaidSince(
  adapter: ExchangeAdapter,
  position: ReadPosition,
  history: readonly FundingSettlement[],
  since: number,
  now: number,
): Result<FundingPaid> {
  const available = adapter.has.fundingPaid[position.market] ?? because('funding paid is not known for this market');
  if (available !== true) return { ok: false, reason: available };
  if (position.sizeUnit !== marketOf(adapter, position.market)?.exactSizeUnit)
    return { ok: false, reason: because('funding needs the size in the exact unit') };
  const counted = history.filter((s) => s.fundingTime > since && s.fundingTime <= now - adapter.settlementDeviationMs);
  const contract = adapter.contractOf(position);
  const size = dec(position.size);
  const amount = sum(counted.map((s) => fundingCost(contract, position.side, size, dec(s.markPrice), dec(s.rate), 1)));
  return { ok: true, value: { amount: amount.toFixed(), settlements: counted.length, since } };
}

/**
 * The next funding payment of a position from the exchange's quote, or why there is none to show; null for a
 * dated contract, which pays no funding.
 */
export function fundingOf(
  adapter: ExchangeAdapter,
  read: ReadPosition,
  quote: FundingQuote | undefined,
  now: number,
): Result<FundingView> | null {
  const fail = (reason: ReasonText): Result<FundingView> => ({ ok: false, reason });
  if (read.contract === 'dated') return null;
  if (read.sizeUnit !== marketOf(adapter, read.market)?.exactSizeUnit) return fail(because('funding needs the size in the exact unit'));
  if (!quote) return fail(because('funding rate not fetched yet'));
  if (now - quote.time > adapter.marketData.funding.staleMs || quote.nextFundingTime < now)
    return fail(because('the funding rate fetched is out of date'));
  const payment = fundingCost(adapter.contractOf(read), read.side, dec(read.size), dec(read.markPrice), dec(quote.rate), 1);
  return { ok: true, value: { rate: quote.rate, nextFundingTime: quote.nextFundingTime, payment: payment.toFixed() } };
}

/** A position's funding paid as the worker worked it out (`MarketContext.fundingPaid`), or why it is unknown. */
export function fundingPaidOf(snapshot: PageSnapshot, read: ReadPosition, all: MarketContext['fundingPaid']) {
  const watched = all?.[positionKey(accountKey(snapshot), read)];
  if (read.contract === 'dated') return { fundingPaid: null, fundingPaidReason: null };
  const available = adapterOf(snapshot).has.fundingPaid[read.market];
  if (available !== undefined && available !== true) return { fundingPaid: null, fundingPaidReason: available };
  // The worker's figure counts for the position as it was: after a fill or partial close it no longer does.
  if (!watched || watched.signature !== positionSignature(read) || (!watched.paid && !watched.reason)) {
    return { fundingPaid: null, fundingPaidReason: because('not worked out yet') };
  }
  return { fundingPaid: watched.paid, fundingPaidReason: watched.paid ? null : watched.reason };
}

/** Below this share of its distance from the mark, a move of the liquidation price by a payment is not worth saying. */
const MATERIAL_SHARE = new Decimal('0.01');

/**
 * An isolated position's liquidation price once it has paid `payment` out of its margin (the adapter's own model at
 * the smaller wallet), when that moves it materially; null for a cross position, one that receives, or a small move.
 */
export function liquidationAfterPayment(
  adapter: ExchangeAdapter,
  prepared: Prepared,
  risk: PositionRisk | null,
  payment: Decimal,
): Decimal | null {
  if (!('position' in prepared) || prepared.position.marginMode !== 'isolated' || !payment.gt(0)) return null;
  const { position } = prepared;
  const before = risk?.liquidationPrice;
  if (!before || position.isolatedMargin === undefined) return null;
  const after = adapter.accountRisk({}, [{ ...position, isolatedMargin: position.isolatedMargin.minus(payment) }]).positions[0]
    ?.liquidationPrice;
  if (!after) return null;
  return after.minus(before).abs().gte(position.markPrice.minus(before).abs().times(MATERIAL_SHARE)) ? after : null;
}

/** `fundingOf` as the two fields of a `PositionView`. */
export const fundingFields = (funding: Result<FundingView> | null) =>
  funding === null
    ? { funding: null, fundingReason: null }
    : funding.ok
      ? { funding: funding.value, fundingReason: null }
      : { funding: null, fundingReason: funding.reason };
