/** Display strings for the UI, from the exact decimal strings of a view. "—" is what we show instead of a guess. */
import { Decimal, dec } from '@/lib/decimal';
import { formatAmount, formatPercent } from '@/lib/risk';
import type { FundingPaid } from '@/lib/fundingPaid';
import type { FundingView } from '@/lib/view';

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

// Formatters made once: toLocaleTimeString() and toLocaleString() build a new one on every call, and the overlay
// shows times on every read.
const TIME = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: 'numeric', second: 'numeric' });
const HOUR_MINUTE = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const DAY_HOUR_MINUTE = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A clock time as the browser's locale writes it ("14:05:09", "2:05:09 PM"), as toLocaleTimeString() does. */
export const clockTime = (at: number) => TIME.format(at);

/** "2 h 05 min", "4 min", "<1 min": how long until `at`. */
export function until(at: number, now: number): string {
  const minutes = Math.max(0, Math.floor((at - now) / 60_000));
  if (minutes === 0) return '<1 min';
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
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
  const sameDay = new Date(paid.since).toDateString() === new Date(now).toDateString();
  const since = (sameDay ? HOUR_MINUTE : DAY_HOUR_MINUTE).format(paid.since);
  if (paid.settlements === 0) return `none since ${since} (first seen)`;
  const value = new Decimal(paid.amount);
  const verb = value.isNegative() ? 'received' : 'paid';
  return `${amount(value.abs().toFixed(), asset, 4)} ${verb} since ${since} (${paid.settlements} settlement${paid.settlements === 1 ? '' : 's'})`;
}
