import { useComputed, type ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

import type { OverlayPosition } from '@/lib/model/overlay';
import type { SnoozeChoice } from '@/lib/model/keys';
import { clockTime } from '@/lib/core/time';
import type { Band } from '@/lib/model/overlay';

import type { OverlayProps } from '@/lib/page/overlayProps';

import { AfterOrdersNote } from './AfterOrdersNote';

const SNOOZE_CHOICES: [SnoozeChoice, string][] = [
  ['15m', '15 min'],
  ['1h', '1 h'],
  ['change', 'until it changes'],
];

function SnoozeControl({ snooze, onSnooze }: { snooze: NonNullable<OverlayPosition['snooze']>; onSnooze: OverlayProps['onSnooze'] }) {
  const [chosen, setChosen] = useState<string | null>(null);
  if (chosen)
    return (
      <p data-testid="liqguard-snoozed" class="text-xs text-slate-500">
        Alerts snoozed {chosen}.
      </p>
    );
  return (
    <p class="flex flex-wrap gap-1 text-xs text-slate-500">
      Snooze alerts:
      {SNOOZE_CHOICES.map(([choice, label]) => (
        <button
          key={choice}
          type="button"
          class="rounded border border-slate-400 px-1 hover:bg-slate-200 dark:hover:bg-slate-700"
          onClick={() => {
            onSnooze(snooze, choice);
            setChosen(label === 'until it changes' ? 'until the position changes' : `for ${label}`);
          }}
        >
          {label}
        </button>
      ))}
    </p>
  );
}

const BAND_CLASSES: Record<Band, string> = {
  safe: 'border-l-emerald-500',
  warning: 'border-l-amber-400',
  danger: 'border-l-red-500',
  unknown: 'border-l-slate-400',
};

const BAND_TEXT: Record<Band, string> = { safe: 'safe', warning: 'warning', danger: 'danger', unknown: 'unknown' };

/** The status line; `time` is when the figures were read, drawn as it changes. */
function statusLine(props: OverlayProps, time: ReadonlySignal<string>): { text: ComponentChildren; tone: 'ok' | 'warn' } {
  const { snapshot, stale } = props;
  if (!snapshot) return { text: 'Reading the page…', tone: 'ok' };
  if (stale) return { text: ['Another tab is selected: figures from ', time, ', not current. Open Positions to refresh.'], tone: 'warn' };
  if (snapshot.state === 'unreadable') {
    const prefix = props.pageChanged ? 'Page changed, numbers paused' : 'Could not read the page';
    return { text: `${prefix}: ${snapshot.reasons.join('; ')}`, tone: 'warn' };
  }
  const count = snapshot.positions.length;
  const parts: string[] = [];
  if (count > 0 && !props.ordersRead && (snapshot.openOrdersCount ?? 0) > 0) {
    parts.push(`${snapshot.openOrdersCount} open order(s): open the Open Orders tab once to see liquidation if they fill`);
  }
  if (snapshot.unreadable.length > 0) parts.push(`${snapshot.unreadable.length} row(s) unreadable`);
  const more = [...parts, ...snapshot.reasons].map((part) => ` · ${part}`).join('');
  return {
    text: [`${count} position${count === 1 ? '' : 's'} read at `, time, more],
    tone: snapshot.reasons.length + snapshot.unreadable.length > 0 ? 'warn' : 'ok',
  };
}

/** One text of a position, drawn as it changes ('' once the position is gone: the next render removes its row). */
function Live({ of, pick }: { of: ReadonlySignal<OverlayPosition | undefined>; pick: (position: OverlayPosition) => string | null }) {
  return <>{useComputed(() => (of.value && pick(of.value)) ?? '')}</>;
}

function PositionRow({
  position,
  figures,
  compact,
  onSnooze,
}: {
  position: OverlayPosition;
  figures: OverlayProps['figures'];
  compact: boolean;
  onSnooze: OverlayProps['onSnooze'];
}) {
  // This position as the figures change; each text shown below follows it (a text not shown costs nothing).
  const live = useComputed(() => figures.value.view?.positions.find((p) => p.id === position.id));
  const afterOrders = {
    lead: <Live of={live} pick={(p) => p.afterOrders?.lead ?? null} />,
    liquidation: <Live of={live} pick={(p) => p.afterOrders?.liquidation ?? null} />,
    tail: <Live of={live} pick={(p) => p.afterOrders?.tail ?? null} />,
  };
  return (
    <li
      data-testid="liqguard-position"
      data-symbol={position.symbol}
      data-side={position.side}
      data-band={position.band}
      class={`rounded border-l-4 bg-slate-100/70 px-2 py-1 dark:bg-slate-800/70 ${BAND_CLASSES[position.band]}`}
    >
      <div class="flex items-baseline justify-between gap-2">
        <span class="font-semibold">
          {position.symbol}{' '}
          <span class={position.side === 'long' ? 'text-emerald-600 dark:text-emerald-400' : 'text-red-600 dark:text-red-400'}>
            {position.side === 'long' ? 'Long' : 'Short'}
          </span>{' '}
          <span class="text-xs text-slate-500 dark:text-slate-400">
            {position.marginMode === 'cross' ? 'Cross' : 'Isolated'} {position.leverage === null ? '' : `${position.leverage}x`}
          </span>
        </span>
        <span
          data-testid="liqguard-distance"
          class="font-mono text-base font-semibold"
          title={`Distance to liquidation (${BAND_TEXT[position.band]})`}
        >
          <Live of={live} pick={(p) => p.distance} />
        </span>
      </div>
      {!compact && (
        <dl class="grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-600 dark:text-slate-300">
          <dt>Liq. price</dt>
          <dd data-testid="liqguard-liquidation" class="text-right font-mono">
            <Live of={live} pick={(p) => p.liquidation} />
          </dd>
          <dt>Price buffer</dt>
          <dd class="text-right font-mono">
            <Live of={live} pick={(p) => p.priceBuffer} />
          </dd>
          <dt>Margin buffer</dt>
          <dd class="text-right font-mono">
            <Live of={live} pick={(p) => p.marginBuffer} />
          </dd>
          <dt>Break-even with fees</dt>
          <dd data-testid="liqguard-break-even" class="text-right font-mono">
            <Live of={live} pick={(p) => p.breakEven} />
          </dd>
          {position.funding && (
            <>
              <dt>Next funding</dt>
              <dd data-testid="liqguard-funding" class="text-right">
                <Live of={live} pick={(p) => p.funding} />
              </dd>
            </>
          )}
          {position.fundingPaid && (
            <>
              <dt title="Funding paid or received since LiqGuard first saw the position as it is now (a fill starts the count again)">
                Funding so far
              </dt>
              <dd data-testid="liqguard-funding-paid" class="text-right">
                <Live of={live} pick={(p) => p.fundingPaid} />
              </dd>
            </>
          )}
        </dl>
      )}
      {position.afterOrders && !compact && (
        <AfterOrdersNote text={afterOrders} testId="liqguard-after-orders" class="text-xs text-slate-600 dark:text-slate-300" />
      )}
      {position.reason && (
        <p data-testid="liqguard-reason" class="text-xs text-amber-700 dark:text-amber-300">
          <Live of={live} pick={(p) => p.reason} />
        </p>
      )}
      {position.stopWarning && (
        <p data-testid="liqguard-stop-warning" role="alert" class="text-xs font-semibold text-red-700 dark:text-red-300">
          <Live of={live} pick={(p) => p.stopWarning} />
        </p>
      )}
      {position.snooze && <SnoozeControl snooze={position.snooze} onSnooze={onSnooze} />}
      {position.mismatch && (
        <p data-testid="liqguard-mismatch" role="alert" class="text-xs text-red-700 dark:text-red-300">
          <Live of={live} pick={(p) => p.mismatch} />
        </p>
      )}
    </li>
  );
}

export function Overlay(props: OverlayProps) {
  const { route, marketLabel, figures, placement, onPlacement } = props;
  // Read without subscribing: the figures are drawn through the signals below, and anything else that changes
  // (a position, a band, a warning shown or gone) comes with a render of its own.
  const { view } = figures.peek();
  const [dragging, setDragging] = useState(false);
  const origin = useRef<{ pointerX: number; pointerY: number; x: number; y: number } | null>(null);
  const time = useComputed(() => (figures.value.readAt === null ? '' : clockTime(figures.value.readAt)));
  const marginRatio = useComputed(() => figures.value.view?.account.marginRatio ?? '');
  const marginBalance = useComputed(() => figures.value.view?.account.marginBalance ?? '');
  const accountReason = useComputed(() => figures.value.view?.account.reason ?? '');
  const status = statusLine(props, time);

  const clamp = (x: number, y: number) => ({
    x: Math.min(Math.max(0, x), Math.max(0, window.innerWidth - 80)),
    y: Math.min(Math.max(0, y), Math.max(0, window.innerHeight - 40)),
  });

  return (
    <section
      data-testid="liqguard-overlay"
      aria-label="LiqGuard"
      style={{ left: `${placement.x}px`, top: `${placement.y}px` }}
      class="fixed z-[2147483646] w-80 max-w-[90vw] rounded-lg border border-slate-300 bg-white/95 font-sans text-sm text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-100"
    >
      <header
        class={`flex cursor-move items-center justify-between gap-2 px-3 py-2 select-none ${dragging ? 'opacity-80' : ''}`}
        onPointerDown={(event) => {
          if ((event.target as Element).closest('button')) return;
          (event.currentTarget as Element).setPointerCapture(event.pointerId);
          origin.current = { pointerX: event.clientX, pointerY: event.clientY, x: placement.x, y: placement.y };
          setDragging(true);
        }}
        onPointerMove={(event) => {
          const start = origin.current;
          if (!start) return;
          onPlacement({ ...placement, ...clamp(start.x + event.clientX - start.pointerX, start.y + event.clientY - start.pointerY) });
        }}
        onPointerUp={() => {
          origin.current = null;
          setDragging(false);
        }}
      >
        <h1 class="text-base font-semibold">LiqGuard</h1>
        <span class="text-xs text-slate-500 dark:text-slate-400">
          {route.symbol} · {marketLabel}
        </span>
        <button
          type="button"
          data-testid="liqguard-collapse"
          aria-expanded={!placement.collapsed}
          aria-label={placement.collapsed ? 'Show LiqGuard' : 'Hide LiqGuard details'}
          class="rounded px-1 text-slate-500 hover:bg-slate-200 dark:hover:bg-slate-700"
          onClick={() => onPlacement({ ...placement, collapsed: !placement.collapsed })}
        >
          {placement.collapsed ? '▸' : '▾'}
        </button>
      </header>
      {!placement.collapsed && (
        <div class="space-y-2 px-3 pb-3">
          {view && (
            <div data-testid="liqguard-account" class="flex flex-wrap justify-between gap-x-3 text-xs">
              <span class="whitespace-nowrap">
                Margin ratio{' '}
                <span data-testid="liqguard-margin-ratio" class="font-mono font-semibold">
                  {marginRatio}
                </span>
              </span>
              <span class="whitespace-nowrap">
                Margin balance <span class="font-mono">{marginBalance}</span>
              </span>
              {view.account.reason && <span class="w-full text-amber-700 dark:text-amber-300">{accountReason}</span>}
            </div>
          )}
          {view && view.positions.length > 0 && (
            <ul class="max-h-[50vh] space-y-1 overflow-y-auto">
              {view.positions.map((position) => (
                <PositionRow key={position.id} position={position} figures={figures} compact={props.compact} onSnooze={props.onSnooze} />
              ))}
            </ul>
          )}
          {view && view.positions.length === 0 && props.snapshot?.state === 'ok' && (
            <p data-testid="liqguard-empty" class="text-xs text-slate-600 dark:text-slate-300">
              No open positions on this page. Open one, or select the Positions tab, and LiqGuard shows how far it is from liquidation.
            </p>
          )}
          <p
            data-testid="liqguard-status"
            class={`text-xs ${status.tone === 'warn' ? 'text-amber-700 dark:text-amber-300' : 'text-slate-500 dark:text-slate-400'}`}
          >
            {status.text}
          </p>
        </div>
      )}
    </section>
  );
}
