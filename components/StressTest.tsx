import { useMemo, useState } from 'preact/hooks';

import { Decimal } from '@/lib/core/decimal';
import type { TierTables } from '@/lib/exchanges/marketData';
import { money, NONE, percent } from '@/lib/figures/format';
import { liquidatingMovesOf, stressTest } from '@/lib/figures/stress';
import type { PageSnapshot } from '@/lib/model/snapshot';

import { useWords } from './words';

/** The moves the control offers, in percent of the mark. */
const RANGE = { min: -20, max: 20 };

/**
 * The stress test of a page's account: a control moves every mark together (−20 … +20 %), and the popup says what
 * liquidates and in what order, the cross margin ratio and what is left; the headline is the smallest fall and the
 * smallest rise that liquidate a position.
 */
export function StressTest({ snapshot, tiers }: { snapshot: PageSnapshot; tiers: TierTables | null }) {
  const { t } = useWords();
  const [movePercent, setMovePercent] = useState(-10);
  const moves = useMemo(() => liquidatingMovesOf(snapshot, tiers), [snapshot, tiers]);
  const outcome = stressTest(snapshot, new Decimal(movePercent).div(100), tiers, moves);
  const nameOf = (row: number) => {
    const p = snapshot.positions[row]!;
    return `${p.symbol} ${t(p.side === 'long' ? 'side.long' : 'side.short')}`;
  };
  const liquidated = outcome.positions.filter((p) => p.state === 'liquidated').length;
  const first = (direction: 'fall' | 'rise') => {
    const move = direction === 'fall' ? outcome.firstFall : outcome.firstRise;
    const row = direction === 'fall' ? outcome.firstFallRow : outcome.firstRiseRow;
    if (outcome.reason) return `${NONE} ${t.reason(outcome.reason)}`;
    if (move === null || row === null) return t(direction === 'fall' ? 'stress.noneFall' : 'stress.noneRise');
    return t(direction === 'fall' ? 'stress.firstFall' : 'stress.firstRise', {
      move: percent(new Decimal(move).abs().toFixed()),
      position: nameOf(row),
    });
  };
  const shownMove = `${movePercent > 0 ? '+' : ''}${movePercent}%`;
  return (
    <section
      data-testid="stress-test"
      aria-label={t('stress.section')}
      class="space-y-1 rounded border border-slate-300 p-2 text-xs dark:border-slate-700"
    >
      <h2 class="text-sm font-semibold">{t('stress.title')}</h2>
      <p data-testid="stress-first-fall">{first('fall')}</p>
      <p data-testid="stress-first-rise">{first('rise')}</p>
      <label class="flex items-center gap-2">
        {t('stress.move')}
        <input
          type="range"
          min={RANGE.min}
          max={RANGE.max}
          step={1}
          value={movePercent}
          aria-valuetext={shownMove}
          onInput={(e) => setMovePercent(Number((e.currentTarget as HTMLInputElement).value))}
        />
        <output data-testid="stress-move" class="w-10 font-mono">
          {shownMove}
        </output>
      </label>
      <ul data-testid="stress-positions" aria-live="polite">
        {outcome.positions.map((p) => (
          <li key={p.row}>
            {p.state === 'liquidated'
              ? t('stress.liquidated', { position: nameOf(p.row), order: p.order ?? '', count: liquidated })
              : p.state === 'open'
                ? t('stress.open', { position: nameOf(p.row), distance: percent(p.distance) })
                : t('stress.unknown', { position: nameOf(p.row) })}
          </li>
        ))}
      </ul>
      <p data-testid="stress-margin-ratio">
        {outcome.marginRatio === null &&
        outcome.positions.some((p) => p.state === 'liquidated' && snapshot.positions[p.row]!.marginMode === 'cross')
          ? t('stress.crossGone')
          : t('stress.marginRatio', { ratio: percent(outcome.marginRatio) })}
      </p>
      <p data-testid="stress-left">{t('stress.left', { amount: money(outcome.equityLeft, outcome.asset) })}</p>
    </section>
  );
}
