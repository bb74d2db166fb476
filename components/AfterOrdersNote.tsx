import type { AfterOrdersText } from '@/lib/format';

/** "If 2 open orders fill (+0.3): liq. 74,120.5 (before fees; orders read at 14:05:09)", or "—" with the reason. */
export function AfterOrdersNote({ text, testId, class: className }: { text: AfterOrdersText; testId: string; class?: string }) {
  return (
    <p data-testid={testId} class={className}>
      {text.lead} <span class="font-mono">{text.liquidation}</span> {text.tail}
    </p>
  );
}
