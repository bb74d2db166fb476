/** Display strings for the UI, from the exact decimal strings of a view. "—" is what we show instead of a guess. */
import { Decimal, dec } from '@/lib/decimal';
import { formatAmount, formatPercent } from '@/lib/risk';

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
