import { useMemo, useState } from 'preact/hooks';

import { Decimal } from '@/lib/core/decimal';
import type { TierTables } from '@/lib/exchanges/marketData';
import { stressTexts } from '@/lib/figures/format';
import { liquidatingMovesOf, stressTest } from '@/lib/figures/stress';
import { moveText, STRESS_MOVES } from '@/lib/model/overlay';
import type { PageSnapshot } from '@/lib/model/snapshot';

import { useWords } from './words';

/**
 * The stress test of a page's account: a control moves every mark together (−20 … +20 %), and the popup says what
 * liquidates and in what order, the cross margin ratio and what is left; the headline is the smallest fall and the
 * smallest rise that liquidate a position.
 */
export function StressTest({ snapshot, tiers }: { snapshot: PageSnapshot; tiers: TierTables | null }) {
  const { t } = useWords();
  const [movePercent, setMovePercent] = useState(-10);
  const moves = useMemo(() => liquidatingMovesOf(snapshot, tiers), [snapshot, tiers]);
  const texts = stressTexts(stressTest(snapshot, new Decimal(movePercent).div(100), tiers, moves), snapshot, t);
  return (
    <section
      data-testid="stress-test"
      aria-label={t('stress.section')}
      class="space-y-1 rounded border border-slate-300 p-2 text-xs dark:border-slate-700"
    >
      <h2 class="text-sm font-semibold">{t('stress.title')}</h2>
      <p data-testid="stress-first-fall">{texts.firstFall}</p>
      <p data-testid="stress-first-rise">{texts.firstRise}</p>
      <label class="flex items-center gap-2">
        {t('stress.move')}
        <input
          type="range"
          min={STRESS_MOVES.min}
          max={STRESS_MOVES.max}
          step={1}
          value={movePercent}
          aria-valuetext={moveText(movePercent)}
          onInput={(e) => setMovePercent(Number((e.currentTarget as HTMLInputElement).value))}
        />
        <output data-testid="stress-move" class="w-10 font-mono">
          {moveText(movePercent)}
        </output>
      </label>
      <ul data-testid="stress-positions" aria-live="polite">
        {texts.positions.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <p data-testid="stress-margin-ratio">{texts.marginRatio}</p>
      <p data-testid="stress-left">{texts.left}</p>
    </section>
  );
}
