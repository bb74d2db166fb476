import type { AfterOrdersView } from '@/lib/view';

import { clockTime, NONE, price } from './format';

/** "If 2 open orders fill (+0.3): liq. 74,120.5 (before fees; orders read at 14:05:09)", or "—" with the reason. */
export function AfterOrdersNote({ view, priceDecimals, testId, class: className }: { view: AfterOrdersView; priceDecimals: number; testId: string; class?: string }) {
  return (
    <p data-testid={testId} class={className}>
      If {view.orders} open order{view.orders === 1 ? '' : 's'} fill (+{view.addedSize}): liq.{' '}
      <span class="font-mono">{view.reason ? `${NONE} ${view.reason}` : price(view.liquidationPrice, priceDecimals)}</span>
      {' '}({view.note}; orders read at {clockTime(view.readAt)})
    </p>
  );
}
