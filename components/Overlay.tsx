import { useComputed, type ReadonlySignal } from '@preact/signals';
import { Component, type ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

import type { OverlayPosition } from '@/lib/model/overlay';
import type { SnoozeChoice } from '@/lib/model/keys';
import { clockTime } from '@/lib/core/time';
import type { Band } from '@/lib/model/overlay';

import type { LostPosition, OverlayProps } from '@/lib/page/overlayProps';
import { positionOutline } from '@/lib/page/overlayOutline';
import { fill } from '@/lib/core/i18n/fill';
import { moveText, STRESS_MOVES, type OverlayWords } from '@/lib/model/overlay';

import { AfterOrdersNote } from './AfterOrdersNote';

const SNOOZE_CHOICES: [SnoozeChoice, 'snooze.15m' | 'snooze.1h' | 'snooze.change'][] = [
  ['15m', 'snooze.15m'],
  ['1h', 'snooze.1h'],
  ['change', 'snooze.change'],
];

/**
 * The overlay's words in the page's language, as the worker sent them (it is drawn once they have come). A `{reason}` or
 * `{reasons}` value is the page reader's, said in the language as the worker sent it.
 */
type Say = (key: string, params?: Record<string, string | number>) => string;
const sayer =
  (words: OverlayWords): Say =>
  (key, params) => {
    const filled = { ...params };
    for (const name of ['reason', 'reasons']) {
      const text = filled[name];
      if (typeof text === 'string')
        filled[name] = text
          .split('; ')
          .map((part) => words.reasons[part] ?? part)
          .join('; ');
    }
    return fill(words.labels[key] ?? key, filled);
  };

/** A message with a live part (the read time, drawn as it changes) where its `{name}` placeholder is. */
function withLive(template: string, name: string, live: ComponentChildren): ComponentChildren {
  const [before, after] = template.split(`{${name}}`);
  return after === undefined ? template : [before, live, after];
}

function SnoozeControl({
  snooze,
  name,
  say,
  onSnooze,
}: {
  snooze: NonNullable<OverlayPosition['snooze']>;
  /** The position as a person names it ("SOLUSDT Long"): each button says whose alerts it snoozes. */
  name: string;
  say: Say;
  onSnooze: OverlayProps['onSnooze'];
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  if (chosen)
    return (
      <p data-testid="liqguard-snoozed" class="text-xs text-slate-600 dark:text-slate-300">
        {chosen}
      </p>
    );
  return (
    <p
      role="group"
      aria-label={say('snooze.group', { position: name })}
      class="flex flex-wrap gap-1 text-xs text-slate-600 dark:text-slate-300"
    >
      {say('snooze.label')}
      {SNOOZE_CHOICES.map(([choice, key]) => (
        <button
          key={choice}
          type="button"
          aria-label={
            choice === 'change' ? say('snooze.untilChange', { position: name }) : say('snooze.forTime', { position: name, time: say(key) })
          }
          class="rounded border border-slate-400 px-1 hover:bg-slate-200 dark:hover:bg-slate-700"
          onClick={() => {
            onSnooze(snooze, choice);
            setChosen(choice === 'change' ? say('snooze.doneUntilChange') : say('snooze.doneForTime', { time: say(key) }));
          }}
        >
          {say(key)}
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

/** The band in words beside the distance, so that colour is never the only sign (WCAG 1.4.1). */
const BAND_WORD_CLASSES: Record<Band, string> = {
  safe: 'text-emerald-700 dark:text-emerald-300',
  warning: 'text-amber-800 dark:text-amber-300',
  danger: 'text-red-700 dark:text-red-300',
  unknown: 'text-slate-600 dark:text-slate-300',
};

/**
 * The stress test, worked out by the worker for the move chosen (every mark together, or where the market has a
 * reference, by choice each by its beta to it): opened, it asks at −10 %; its lines come back in the page's language.
 * Only the last answer asked for is shown.
 */
function StressPanel({ say, onStress }: { say: Say; onStress: OverlayProps['onStress'] }) {
  const [asking, setAsking] = useState({ move: -10, byBeta: false });
  const [lines, setLines] = useState<string[]>([]);
  const asked = useRef(0);
  const { move, byBeta } = asking;
  const ask = (next: typeof asking) => {
    setAsking(next);
    const number = ++asked.current;
    void onStress(next.move, next.byBeta).then((answer) => number === asked.current && setLines(answer ?? []));
  };
  const betaMode = say('stress.byBeta');
  return (
    <details
      data-testid="liqguard-stress"
      class="text-xs"
      onToggle={(event) => (event.currentTarget as HTMLDetailsElement).open && ask(asking)}
    >
      <summary class="cursor-pointer font-semibold">{say('stress.section')}</summary>
      {betaMode && (
        <label class="flex items-center gap-2">
          <input
            type="checkbox"
            checked={byBeta}
            onChange={(event) => ask({ move, byBeta: (event.currentTarget as HTMLInputElement).checked })}
          />
          {betaMode}
        </label>
      )}
      <label class="flex items-center gap-2">
        {say(byBeta ? 'stress.moveOf' : 'stress.move')}
        <input
          type="range"
          min={STRESS_MOVES.min}
          max={STRESS_MOVES.max}
          value={move}
          aria-valuetext={moveText(move)}
          onInput={(event) => ask({ move: Number((event.currentTarget as HTMLInputElement).value), byBeta })}
        />
        <output data-testid="liqguard-stress-move">{moveText(move)}</output>
      </label>
      <ul data-testid="liqguard-stress-lines" aria-live="polite">
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </details>
  );
}

/** When the page cannot be read: copies the layout report around its positions list (no figures) for a bug report. */
function LayoutReportButton({ say, report }: { say: Say; report: () => string }) {
  const [copied, setCopied] = useState(false);
  return (
    <p class="text-xs">
      <button
        type="button"
        data-testid="liqguard-layout-report"
        class="rounded border border-slate-400 px-2"
        onClick={() => void navigator.clipboard.writeText(report()).then(() => setCopied(true))}
      >
        {say('report.copy')}
      </button>{' '}
      {copied && <span role="status">{say('report.copied')}</span>}
    </p>
  );
}

/** The status line; `time` is when the figures were read, drawn as it changes. */
function statusLine(props: OverlayProps, time: ReadonlySignal<string>, say: Say): { text: ComponentChildren; tone: 'ok' | 'warn' } {
  const { snapshot, stale } = props;
  if (!snapshot) return { text: say('status.reading'), tone: 'ok' };
  if (stale) return { text: withLive(say('status.otherTab'), 'time', time), tone: 'warn' };
  if (snapshot.state === 'unreadable') {
    return {
      text: say(props.pageChanged ? 'status.pageChanged' : 'status.unreadable', { reasons: snapshot.reasons.join('; ') }),
      tone: 'warn',
    };
  }
  const count = snapshot.positions.length;
  const parts: string[] = [];
  if (count > 0 && !props.ordersRead && (snapshot.openOrdersCount ?? 0) > 0) {
    parts.push(say('status.openOrders', { count: snapshot.openOrdersCount ?? 0 }));
  }
  if (snapshot.unreadable.length > 0) parts.push(say('status.rowsUnreadable', { count: snapshot.unreadable.length }));
  const reasons = snapshot.reasons.map((reason) => props.words?.reasons[reason] ?? reason);
  const more = [...parts, ...reasons].map((part) => ` · ${part}`).join('');
  return {
    text: [withLive(count === 1 ? say('status.readOne') : say('status.readMany', { count }), 'time', time), more],
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
  say,
  onSnooze,
}: {
  position: OverlayPosition;
  figures: OverlayProps['figures'];
  compact: boolean;
  say: Say;
  onSnooze: OverlayProps['onSnooze'];
}) {
  const side = say(position.side === 'long' ? 'side.long' : 'side.short');
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
          <span class={position.side === 'long' ? 'text-emerald-700 dark:text-emerald-300' : 'text-red-700 dark:text-red-300'}>{side}</span>{' '}
          <span class="text-xs text-slate-600 dark:text-slate-300">
            {say(position.marginMode === 'cross' ? 'mode.cross' : 'mode.isolated')}{' '}
            {position.leverage === null ? '' : `${position.leverage}x`}
          </span>
        </span>
        <span class="whitespace-nowrap">
          <span data-testid="liqguard-band" class={`mr-1 text-xs font-semibold uppercase ${BAND_WORD_CLASSES[position.band]}`}>
            {say(`band.${position.band}`)}
          </span>
          <span data-testid="liqguard-distance" class="font-mono text-base font-semibold" title={say('overlay.distance')}>
            <Live of={live} pick={(p) => p.distance} />
          </span>
        </span>
      </div>
      {!compact && (
        <dl class="grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-600 dark:text-slate-300">
          <dt>{say('overlay.liquidation')}</dt>
          <dd data-testid="liqguard-liquidation" class="text-right font-mono">
            <Live of={live} pick={(p) => p.liquidation} />
          </dd>
          <dt>{say('overlay.priceBuffer')}</dt>
          <dd class="text-right font-mono">
            <Live of={live} pick={(p) => p.priceBuffer} />
          </dd>
          <dt>{say('overlay.marginBuffer')}</dt>
          <dd class="text-right font-mono">
            <Live of={live} pick={(p) => p.marginBuffer} />
          </dd>
          <dt>{say('overlay.breakEven')}</dt>
          <dd data-testid="liqguard-break-even" class="text-right font-mono">
            <Live of={live} pick={(p) => p.breakEven} />
          </dd>
          {position.funding && (
            <>
              <dt>{say('overlay.nextFunding')}</dt>
              <dd data-testid="liqguard-funding" class="text-right">
                <Live of={live} pick={(p) => p.funding} />
              </dd>
            </>
          )}
          {position.fundingPaid && (
            <>
              <dt title={say('overlay.fundingSoFarHint')}>{say('overlay.fundingSoFar')}</dt>
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
      {position.remedy.length > 0 && (!compact || position.band === 'danger') && (
        <ul data-testid="liqguard-remedy" aria-label={say('overlay.remedies')} class="text-xs text-slate-700 dark:text-slate-200">
          {position.remedy.map((_, i) => (
            <li key={i}>
              <Live of={live} pick={(p) => p.remedy[i] ?? null} />
            </li>
          ))}
        </ul>
      )}
      {position.stopWarning && (
        <p data-testid="liqguard-stop-warning" role="alert" class="text-xs font-semibold text-red-700 dark:text-red-300">
          <Live of={live} pick={(p) => p.stopWarning} />
        </p>
      )}
      {position.snooze && <SnoozeControl snooze={position.snooze} name={`${position.symbol} ${side}`} say={say} onSnooze={onSnooze} />}
      {position.mismatch && (
        <p data-testid="liqguard-mismatch" role="alert" class="text-xs text-red-700 dark:text-red-300">
          <Live of={live} pick={(p) => p.mismatch} />
        </p>
      )}
    </li>
  );
}

type RowProps = Parameters<typeof PositionRow>[0] & {
  /** The words' language (their first label): a row is drawn again in another. */
  language: string;
};

/** What a row's drawing depends on, beyond the texts that follow the figures by themselves. */
const rowShape = ({ position: p, compact, language }: RowProps) =>
  // Beyond the outline's part, what the row draws that the outline does not tell: the leverage and what a snooze names.
  JSON.stringify([language, compact, p.leverage, p.snooze, positionOutline(p)]);

/**
 * A position's row, drawn again only when its shape changes. Its figures follow the signals; a read that only
 * reorders the positions (the worst first, as their distances move) moves the rows without drawing 20 of them anew.
 */
class PositionItem extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps) {
    return rowShape(next) !== rowShape(this.props);
  }
  override render(props: RowProps) {
    return <PositionRow {...props} />;
  }
}

/** A position the page still shows but LiqGuard can no longer read: its last figures, struck through, when and why. */
function LostRow({ lost, say }: { lost: LostPosition; say: Say }) {
  const { position, readAt, reason } = lost;
  return (
    <li
      data-testid="liqguard-lost"
      data-symbol={position.symbol}
      data-side={position.side}
      class="rounded border-l-4 border-l-slate-400 bg-slate-100/70 px-2 py-1 dark:bg-slate-800/70"
    >
      <div class="flex items-baseline justify-between gap-2">
        <span class="font-semibold">
          {position.symbol} {say(position.side === 'long' ? 'side.long' : 'side.short')}
        </span>
        <span class="font-mono text-base text-slate-600 dark:text-slate-300">
          <s aria-label={say('lost.lastRead', { distance: position.distance })}>{position.distance}</s>
        </span>
      </div>
      <p class="text-xs text-slate-600 dark:text-slate-300">
        <s>{say('lost.figures', { liquidation: position.liquidation, buffer: position.marginBuffer })}</s>
      </p>
      <p data-testid="liqguard-lost-reason" class="text-xs text-amber-800 dark:text-amber-300">
        {say('lost.reason', { time: clockTime(readAt), reason })}
      </p>
    </li>
  );
}

export function Overlay(props: OverlayProps) {
  const { route, marketLabel, figures, placement, onPlacement, room, theme } = props;
  // Until the user moves it, the default spot beside the page's figures, as tall as the space there.
  const moved = placement.x >= 0;
  const at = moved ? placement : { x: room?.x ?? Math.max(16, window.innerWidth - 680), y: room?.y ?? placement.y };
  const maxHeight = !moved && room ? room.maxHeight : Math.max(96, window.innerHeight - at.y - 8);
  // Read without subscribing: the figures are drawn through the signals below, and anything else that changes
  // (a position, a band, a warning shown or gone) comes with a render of its own.
  const { view } = figures.peek();
  const [dragging, setDragging] = useState(false);
  const origin = useRef<{ pointerX: number; pointerY: number; x: number; y: number } | null>(null);
  const time = useComputed(() => (figures.value.readAt === null ? '' : clockTime(figures.value.readAt)));
  const marginRatio = useComputed(() => figures.value.view?.account.marginRatio ?? '');
  const marginBalance = useComputed(() => figures.value.view?.account.marginBalance ?? '');
  const accountReason = useComputed(() => figures.value.view?.account.reason ?? '');
  const say = sayer(props.words);
  const status = statusLine(props, time, say);
  // Said by screen readers when it changes: a position entering danger is announced, not only coloured.
  const inDanger = (view?.positions ?? [])
    .filter((p) => p.band === 'danger')
    .map((p) => `${p.symbol} ${say(p.side === 'long' ? 'side.long' : 'side.short')}`);

  const clamp = (x: number, y: number) => ({
    x: Math.min(Math.max(0, x), Math.max(0, window.innerWidth - 80)),
    y: Math.min(Math.max(0, y), Math.max(0, window.innerHeight - 40)),
  });
  const moveBy = (dx: number, dy: number) => onPlacement({ ...placement, ...clamp(at.x + dx, at.y + dy) });
  const KEY_STEPS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

  return (
    <section
      data-testid="liqguard-overlay"
      aria-label="LiqGuard"
      data-theme={theme}
      style={{ left: `${at.x}px`, top: `${at.y}px`, maxHeight: `${maxHeight}px` }}
      class={`${theme === 'dark' ? 'dark ' : ''}fixed z-[2147483646] flex w-80 max-w-[90vw] flex-col rounded-lg border border-slate-300 bg-white font-sans text-sm text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`}
    >
      <header
        class={`flex cursor-move items-center justify-between gap-2 px-3 py-2 select-none ${dragging ? 'opacity-80' : ''}`}
        onPointerDown={(event) => {
          if ((event.target as Element).closest('[data-testid="liqguard-collapse"]')) return;
          (event.currentTarget as Element).setPointerCapture(event.pointerId);
          origin.current = { pointerX: event.clientX, pointerY: event.clientY, x: at.x, y: at.y };
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
        <button
          type="button"
          data-testid="liqguard-move"
          aria-label={say('overlay.move')}
          class="rounded px-1 text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
          onKeyDown={(event) => {
            const step = KEY_STEPS[event.key];
            if (!step) return;
            event.preventDefault();
            const size = event.shiftKey ? 64 : 16;
            moveBy(step[0] * size, step[1] * size);
          }}
        >
          ⠿
        </button>
        <h1 class="text-base font-semibold">LiqGuard</h1>
        <span class="text-xs text-slate-600 dark:text-slate-300">
          {route.symbol === null ? marketLabel : `${route.symbol} · ${marketLabel}`}
        </span>
        <button
          type="button"
          data-testid="liqguard-collapse"
          aria-expanded={!placement.collapsed}
          aria-label={say(placement.collapsed ? 'overlay.show' : 'overlay.hide')}
          class="rounded px-1 text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
          onClick={() => onPlacement({ ...placement, collapsed: !placement.collapsed })}
        >
          {placement.collapsed ? '▸' : '▾'}
        </button>
      </header>
      <p data-testid="liqguard-announce" role="alert" class="sr-only">
        {inDanger.length > 0 ? say('overlay.inDanger', { positions: inDanger.join(', ') }) : ''}
      </p>
      {!placement.collapsed && (
        <div class="min-h-0 space-y-2 overflow-y-auto px-3 pb-3">
          {view && (
            <div data-testid="liqguard-account" class="flex flex-wrap justify-between gap-x-3 text-xs">
              <span class="whitespace-nowrap">
                {say('overlay.marginRatio')}{' '}
                <span data-testid="liqguard-margin-ratio" class="font-mono font-semibold">
                  {marginRatio}
                </span>
              </span>
              <span class="whitespace-nowrap">
                {say('overlay.marginBalance')} <span class="font-mono">{marginBalance}</span>
              </span>
              {view.account.reason && <span class="w-full text-amber-700 dark:text-amber-300">{accountReason}</span>}
            </div>
          )}
          {view && view.positions.length + props.lost.length > 0 && (
            <ul class="space-y-1">
              {props.lost.map((lost) => (
                <LostRow key={`lost-${lost.position.id}`} lost={lost} say={say} />
              ))}
              {view.positions.map((position) => (
                <PositionItem
                  key={position.id}
                  position={position}
                  figures={figures}
                  compact={props.compact}
                  say={say}
                  onSnooze={props.onSnooze}
                  language={props.words.labels['overlay.distance'] ?? ''}
                />
              ))}
            </ul>
          )}
          {view && view.positions.length > 0 && <StressPanel say={say} onStress={props.onStress} />}
          {view && view.positions.length + props.lost.length === 0 && props.snapshot?.state === 'ok' && (
            <p data-testid="liqguard-empty" class="text-xs text-slate-600 dark:text-slate-300">
              {say('overlay.empty')}
            </p>
          )}
          {(props.snapshot?.state === 'unreadable' || (props.snapshot?.unreadable.length ?? 0) > 0) && (
            <LayoutReportButton say={say} report={props.layoutReport} />
          )}
          <p
            data-testid="liqguard-status"
            class={`text-xs ${status.tone === 'warn' ? 'text-amber-700 dark:text-amber-300' : 'text-slate-600 dark:text-slate-300'}`}
          >
            {status.text}
          </p>
        </div>
      )}
    </section>
  );
}
