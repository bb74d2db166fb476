import type { ReadonlySignal } from '@preact/signals';

import type { AfterOrdersText } from '@/lib/format';

/** Each part as text, or as a signal whose text is drawn as it changes (the overlay's moving figures). */
type Parts = { [K in keyof AfterOrdersText]: string | ReadonlySignal<string> };

/** "If 2 open orders fill (+0.3): liq. 74,120.5 (before fees; orders read at 14:05:09)", or "—" with the reason. */
export function AfterOrdersNote({ text, testId, class: className }: { text: Parts; testId: string; class?: string }) {
  return (
    <p data-testid={testId} class={className}>
      {text.lead} <span class="font-mono">{text.liquidation}</span> {text.tail}
    </p>
  );
}
