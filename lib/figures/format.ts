/** Display strings for the UI, from the exact decimal strings of a view. "—" is what we show instead of a guess. */
import { Decimal, dec } from '../core/decimal';
import type { FundingPaid } from './types';
import { formatAmount, formatPercent } from '../risk';
import { clockTime, sinceTime, until } from '../core/time';
import type { AfterOrdersText } from '../model/overlay';
import type { AfterOrdersView, FundingView } from './types';

export const NONE = '—';

export function price(value: string | null, decimals: number): string {
  return value === null ? NONE : formatAmount(dec(value), decimals);
}

export function percent(fraction: string | null): string {
  return fraction === null ? NONE : formatPercent(dec(fraction));
}

export function amount(value: string | null, asset: string | null, decimals = 2): string {
  if (value === null) return NONE;
  return `${formatAmount(new Decimal(value), decimals, 'truncate')}${asset ? ` ${asset}` : ''}`;
}

/** The next funding payment in words: "pays 3.00 USDT in 2 h 05 min (0.0100 %)", or "—" with the reason. */
export function fundingText(funding: FundingView | null, reason: string | null, asset: string | null, now: number): string {
  if (!funding) return `${NONE} ${reason ?? ''}`.trim();
  const payment = new Decimal(funding.payment);
  const verb = payment.isNegative() ? 'receives' : 'pays';
  const rate = new Decimal(funding.rate).times(100);
  return `${verb} ${amount(payment.abs().toFixed(), asset, 4)} in ${until(funding.nextFundingTime, now)} (${formatAmount(rate, 4)} %)`;
}

/** Funding paid since LiqGuard first saw the position: "1.2345 USDT paid since 09:41 (2 settlements)", or "—" with the reason. */
export function fundingPaidText(paid: FundingPaid | null, reason: string | null, asset: string | null, now = Date.now()): string {
  if (!paid) return `${NONE} ${reason ?? ''}`.trim();
  const since = sinceTime(paid.since, now);
  if (paid.settlements === 0) return `none since ${since} (first seen)`;
  const value = new Decimal(paid.amount);
  const verb = value.isNegative() ? 'received' : 'paid';
  return `${amount(value.abs().toFixed(), asset, 4)} ${verb} since ${since} (${paid.settlements} settlement${paid.settlements === 1 ? '' : 's'})`;
}

export function afterOrdersText(view: AfterOrdersView, priceDecimals: number): AfterOrdersText {
  return {
    lead: `If ${view.orders} open order${view.orders === 1 ? '' : 's'} fill (+${view.addedSize}): liq.`,
    liquidation: view.reason ? `${NONE} ${view.reason}` : price(view.liquidationPrice, priceDecimals),
    tail: `(${view.note}; orders read at ${clockTime(view.readAt)})`,
  };
}
