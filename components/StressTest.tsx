import { useMemo, useState } from 'preact/hooks';

import { Decimal } from '@/lib/core/decimal';
import { adapterOf } from '@/lib/exchanges';
import type { TierTables } from '@/lib/exchanges/marketData';
import { betasText, NONE, stressTexts } from '@/lib/figures/format';
import { betasOf, liquidatingMovesOf, stressTest } from '@/lib/figures/stress';
import { moveText, STRESS_MOVES } from '@/lib/model/overlay';
import type { PageSnapshot } from '@/lib/model/snapshot';

import { useMarkCandles } from './markCandles';
import { useWords } from './words';

/**
 * The stress test of a page's account: a control moves every mark together (−20 … +20 %) — or, by choice, BTC's
 * and each other mark by its beta to BTC from the exchange's public mark-price bars — and the popup says what
 * liquidates and in what order, the cross margin ratio and what is left; the headline is the smallest fall and the
 * smallest rise that liquidate a position.
 */
export function StressTest({ snapshot, tiers }: { snapshot: PageSnapshot; tiers: TierTables | null }) {
  const { t } = useWords();
  const [movePercent, setMovePercent] = useState(-10);
  const [byBeta, setByBeta] = useState(false);
  const adapter = adapterOf(snapshot);
  const { interval } = adapter.marketData.markCandles;
  const reference = adapter.marketData.markCandles.reference(snapshot.market);
  const symbols = [...new Set(snapshot.positions.map((p) => p.symbol))];
  const candles = useMarkCandles(adapter, snapshot.market, byBeta && reference ? [...symbols, reference] : []);
  const beta = byBeta && reference ? betasOf(symbols, reference, candles) : null;
  const betas = beta && 'betas' in beta ? beta.betas : undefined;
  const betaKey = betas
    ? Object.entries(betas)
        .map(([s, b]) => `${s}:${b.toFixed()}`)
        .join()
    : '';
  const moves = useMemo(() => liquidatingMovesOf(snapshot, tiers, betas), [snapshot, tiers, betaKey]);
  const texts = stressTexts(stressTest(snapshot, new Decimal(movePercent).div(100), tiers, moves, betas), snapshot, t);
  const waiting = beta !== null && 'reason' in beta;
  return (
    <section
      data-testid="stress-test"
      aria-label={t('stress.section')}
      class="space-y-1 rounded border border-slate-300 p-2 text-xs dark:border-slate-700"
    >
      <h2 class="text-sm font-semibold">{t('stress.title')}</h2>
      {reference && (
        <fieldset class="flex flex-wrap gap-3">
          <legend class="sr-only">{t('stress.section')}</legend>
          <label class="flex items-center gap-1">
            <input type="radio" name="stress-mode" checked={!byBeta} onChange={() => setByBeta(false)} />
            {t('stress.together')}
          </label>
          <label class="flex items-center gap-1">
            <input type="radio" name="stress-mode" checked={byBeta} onChange={() => setByBeta(true)} />
            {t('stress.byBeta', { reference, interval })}
          </label>
        </fieldset>
      )}
      {beta && (
        <p data-testid="stress-betas">{'reason' in beta ? `${NONE} ${t.reason(beta.reason)}` : betasText(beta.betas, reference!, t)}</p>
      )}
      {!waiting && (
        <>
          <p data-testid="stress-first-fall">{texts.firstFall}</p>
          <p data-testid="stress-first-rise">{texts.firstRise}</p>
        </>
      )}
      <label class="flex items-center gap-2">
        {byBeta && reference ? t('stress.moveOf', { reference }) : t('stress.move')}
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
      {!waiting && (
        <>
          <ul data-testid="stress-positions" aria-live="polite">
            {texts.positions.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          <p data-testid="stress-margin-ratio">{texts.marginRatio}</p>
          <p data-testid="stress-left">{texts.left}</p>
        </>
      )}
    </section>
  );
}
