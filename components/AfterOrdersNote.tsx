import type { ComponentChildren } from 'preact';

import type { AfterOrdersText } from '@/lib/model/overlay';

/** Each part as text, or as what draws it (the overlay's parts follow its moving figures). */
type Parts = { [K in keyof AfterOrdersText]: ComponentChildren };

/** "If 2 open orders fill (+0.3): liq. 74,120.5 (before fees; orders read at 14:05:09)", or "—" with the reason. */
export function AfterOrdersNote({ text, testId, class: className }: { text: Parts; testId: string; class?: string }) {
  return (
    <p data-testid={testId} class={className}>
      {text.lead} <span class="font-mono">{text.liquidation}</span> {text.tail}
    </p>
  );
}
