import { useState } from 'preact/hooks';

import { Decimal, dec, parseDecimal } from '@/lib/core/decimal';
import {
  averageTrueRange,
  formatAmount,
  levelAt,
  onTick,
  rewardToRisk,
  stopAtDistanceFromMark,
  stopAtFractionToLiquidation,
  stopAtRiskAmount,
  takeProfitAtRoe,
  type PositionRisk,
  type Result,
  type StopContext,
  type StopSuggestion,
  type TakeProfitSuggestion,
} from '@/lib/risk';
import type { ExchangeAdapter } from '@/lib/exchanges/adapter';
import type { SymbolRules } from '@/lib/exchanges/marketData';
import {
  afterOrdersText,
  fundingPaidText,
  fundingText,
  gridOf,
  tickOf,
  money,
  NONE,
  orderPriceOf,
  percent,
  priceOf,
  remedyLines,
  stopWarningText,
} from '@/lib/figures/format';
import type { ReadPosition } from '@/lib/model/snapshot';
import { percentText } from '@/lib/forms/settingsForm';
import { remedyFor } from '@/lib/figures/remedies';
import { stopCheck } from '@/lib/figures/stops';
import type { PositionView } from '@/lib/figures/types';

import { because } from '@/lib/core/i18n/reasons/because';

import { AfterOrdersNote } from './AfterOrdersNote';
import { useMarkCandles } from './markCandles';
import { useWords } from './words';

interface Props {
  /** The exchange the position is on: its contracts, order rules and words for each remedy. */
  adapter: ExchangeAdapter;
  position: ReadPosition;
  risk: PositionRisk;
  /** The account's wallet balance, for risk-% stops. */
  walletBalance: string | null;
  warningDistance: string;
  /** The user's price decimals (options), or null for the symbol's tick. */
  displayDecimals: number | null;
  /** The symbol's order rules, when fetched: prices on its tick, the size to close one the exchange accepts. */
  rules: SymbolRules | undefined;
  /**
   * The worker's figures for the position, the overlay's too (null until it has worked them out): its next funding
   * payment, funding paid, liquidation after its open orders fill.
   */
  figures: Pick<PositionView, 'funding' | 'fundingReason' | 'fundingPaid' | 'fundingPaidReason' | 'afterOrders'> | null;
}

/**
 * A suggestion as the popup lists it: its price on the tick and what it locks in — for a stop, its reward:risk
 * against `target` when there is one — or "—" with the reason.
 */
function suggestionText(
  grid: ReturnType<typeof gridOf>,
  context: StopContext,
  suggestion: Result<StopSuggestion>,
  asset: string | null,
  t: ReturnType<typeof useWords>['t'],
  target: StopSuggestion | null = null,
): string {
  if (!suggestion.ok) return `${NONE} ${t.reason(suggestion.reason)}`;
  const placed = onTick(context, suggestion.value, tickOf(grid, suggestion.value.price));
  const pnl = money(placed.lockedPnl, asset, 'half-up');
  const ratio = target && rewardToRisk(placed, target);
  return `${orderPriceOf(grid, placed.price)} · ${placed.lockedPnl.gt(0) ? '+' : ''}${pnl}${ratio ? ` · ${t('tools.rewardRisk', { ratio: formatAmount(ratio, 1) })}` : ''}`;
}

/** For the selected position: what brings liquidation back to a distance, and stops that fire before it. */
export function PositionTools({ adapter, position, risk, walletBalance, warningDistance, displayDecimals, rules, figures }: Props) {
  // The popup's figures in words follow the popup's language, not the page's.
  const { language, t } = useWords();
  const [targetText, setTargetText] = useState(percentText(warningDistance));
  const target = parseDecimal(targetText);
  const targetError = !target.ok ? t('form.notNumber') : !target.value.gt(0) || !target.value.lt(100) ? t('form.between0and100') : null;
  const grid = gridOf(position, rules, displayDecimals);
  const asset = position.marginAsset;
  const remedy = !targetError && target.ok ? remedyFor(adapter, position, risk, target.value.div(100), rules) : null;
  const remedies = remedy
    ? remedyLines(adapter.remedies, position.market, language, {
        ...grid,
        remedy,
        marginMode: position.marginMode,
        marginAsset: asset,
        size: position.size,
      })
    : [];

  const context: StopContext = {
    contract: adapter.contractOf(position),
    holding: { side: position.side, size: dec(position.size), entryPrice: dec(position.entryPrice) },
    markPrice: dec(position.markPrice),
    liquidationPrice: risk.liquidationPrice,
  };
  const leverage = position.leverage === null ? null : new Decimal(position.leverage);
  const takeProfits: [string, Result<TakeProfitSuggestion>][] = leverage
    ? (['0.25', '0.5', '1'] as const).map((roe): [string, Result<TakeProfitSuggestion>] => [
        t('tools.roe', { percent: `${Number(roe) * 100}%` }),
        takeProfitAtRoe(context, new Decimal(roe), leverage),
      ])
    : [];
  const existing = stopCheck(adapter, position, risk, position.stopLoss, 'position', grid);
  // Reward:risk against the position's own take-profit, or else the take-profit at ROE +50 %.
  const ownTakeProfit = position.takeProfit === null ? null : levelAt(context, dec(position.takeProfit));
  const suggested = takeProfits[1]?.[1];
  const placedSuggestion = suggested?.ok ? onTick(context, suggested.value, tickOf(grid, suggested.value.price)) : null;
  const rewardTarget = ownTakeProfit?.lockedPnl.gt(0)
    ? { level: ownTakeProfit, said: t('tools.rrAgainstOwn', { price: priceOf(grid, ownTakeProfit.price) }) }
    : placedSuggestion
      ? {
          level: placedSuggestion,
          said: t('tools.rrAgainstSuggested', { roe: takeProfits[1]![0], price: orderPriceOf(grid, placedSuggestion.price) }),
        }
      : null;
  // Already down more than a share of the balance: no stop can hold the loss to it.
  const loss = position.pnl === null ? null : dec(position.pnl).neg();
  const alreadyDown = (share: Decimal) =>
    walletBalance && loss?.gte(dec(walletBalance).times(share))
      ? t('tools.alreadyDown', { loss: money(loss, asset), share: percent(loss.div(walletBalance).toFixed()) })
      : null;
  // Volatility-scaled stops: one and two average true ranges of the public mark-price bars from the mark.
  const candles = useMarkCandles(adapter, position.market, [position.symbol])[position.symbol]!;
  const atr = 'bars' in candles ? averageTrueRange(candles.bars) : null;
  const atrStop = (multiple: number): Result<StopSuggestion> =>
    'reason' in candles
      ? { ok: false, reason: candles.reason }
      : atr
        ? stopAtDistanceFromMark(context, atr.times(multiple))
        : { ok: false, reason: because('fewer bars than the average needs') };
  // A trailing stop activated now trails from the mark at worst: it triggers no further away than mark × (1 ∓ callback).
  const trailing = (['0.01', '0.02', '0.05'] as const).map((rate): [string, Result<StopSuggestion>] => [
    t('tools.callback', { rate: percent(rate) }),
    stopAtDistanceFromMark(context, context.markPrice.times(rate)),
  ]);
  /** Each stop: its label, the suggestion, and for a loss of a share of the balance, that share. */
  const stops: [string, Result<StopSuggestion>, Decimal | null][] = [
    ...(['0.25', '0.5', '0.75'] as const).map((f): [string, Result<StopSuggestion>, null] => [
      t('tools.wayToLiquidation', { percent: `${Number(f) * 100}%` }),
      stopAtFractionToLiquidation(context, new Decimal(f)),
      null,
    ]),
    ...[1, 2].map((multiple): [string, Result<StopSuggestion>, null] => [
      t('tools.atr', { multiple, interval: adapter.marketData.markCandles.interval }),
      atrStop(multiple),
      null,
    ]),
    ...(walletBalance
      ? (['1', '2'] as const).map((p): [string, Result<StopSuggestion>, Decimal] => [
          t('tools.loseBalance', { percent: `${p}%` }),
          stopAtRiskAmount(context, dec(walletBalance).times(p).div(100)),
          new Decimal(p).div(100),
        ])
      : []),
  ];

  return (
    <section
      data-testid="position-tools"
      aria-label={t('tools.section')}
      class="space-y-2 rounded border border-slate-300 p-2 text-xs dark:border-slate-700"
    >
      <h2 class="text-sm font-semibold">
        {t('tools.heading', {
          position: `${position.symbol} ${t(position.side === 'long' ? 'side.long' : 'side.short')}`,
          price: priceOf(grid, risk.liquidationPrice),
          distance: percent(risk.distanceToLiquidation?.toFixed() ?? null),
        })}
      </h2>
      <div>
        <label for="target-distance">{t('tools.target')}</label>{' '}
        <input
          id="target-distance"
          value={targetText}
          inputMode="decimal"
          aria-invalid={targetError ? true : undefined}
          class="w-16 rounded border border-slate-400 bg-white px-1 font-mono text-slate-900 dark:bg-slate-800 dark:text-slate-100"
          onInput={(e) => setTargetText((e.currentTarget as HTMLInputElement).value)}
        />
        {targetError && (
          <span role="alert" class="ml-1 text-red-700 dark:text-red-300">
            {targetError}
          </span>
        )}
        {remedies.length > 0 && (
          <ul data-testid="remedy" class="mt-1 list-disc pl-4">
            {remedies.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {remedy && remedy.sizeToCut === null && remedy.sizeToCutNote && (
          <p data-testid="remedy-cut-note" class="text-slate-600 dark:text-slate-300">
            {t('tools.noClose', { reason: remedy.sizeToCutNote })}
          </p>
        )}
        {!risk.pool && <p class="text-amber-800 dark:text-amber-300">{t('tools.incomplete')}</p>}
      </div>
      {figures?.afterOrders && <AfterOrdersNote text={afterOrdersText(figures.afterOrders, grid, t)} testId="popup-after-orders" />}
      {(figures?.funding || figures?.fundingReason) && (
        <p data-testid="popup-funding">
          {t('tools.labelled', {
            label: t('overlay.nextFunding'),
            text: fundingText(figures.funding, figures.fundingReason, position.marginAsset, Date.now(), t, grid),
          })}
        </p>
      )}
      {(figures?.fundingPaid || figures?.fundingPaidReason) && (
        <p data-testid="popup-funding-paid">
          {t('tools.labelled', {
            label: t('overlay.fundingSoFar'),
            text: fundingPaidText(figures.fundingPaid, figures.fundingPaidReason, position.marginAsset, Date.now(), t),
          })}
        </p>
      )}
      {existing?.beyondLiquidation && (
        <p data-testid="popup-stop-warning" role="alert" class="font-semibold text-red-700 dark:text-red-300">
          {stopWarningText(existing, grid, asset, t)}
        </p>
      )}
      <div>
        <h3 class="font-semibold">{t('tools.stops')}</h3>
        {rewardTarget && <p data-testid="reward-risk-target">{rewardTarget.said}</p>}
        <ul data-testid="stop-suggestions">
          {stops.map(([label, stop, share]) => (
            <li key={label} class="flex justify-between gap-2">
              <span>{label}</span>
              <span class="font-mono">
                {(share && alreadyDown(share)) ?? suggestionText(grid, context, stop, asset, t, rewardTarget?.level)}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 class="font-semibold">{t('tools.trailing')}</h3>
        <ul data-testid="trailing-suggestions">
          {trailing.map(([label, stop]) => (
            <li key={label} class="flex justify-between gap-2">
              <span>{label}</span>
              <span class="font-mono">{suggestionText(grid, context, stop, asset, t, rewardTarget?.level)}</span>
            </li>
          ))}
        </ul>
        {risk.distanceToLiquidation?.gt(0) && (
          <p data-testid="trailing-max">{t('tools.trailingMax', { rate: percent(risk.distanceToLiquidation.toFixed()) })}</p>
        )}
      </div>
      {takeProfits.length > 0 && (
        <div>
          <h3 class="font-semibold">{t('tools.takeProfits', { leverage: position.leverage ?? '' })}</h3>
          <ul data-testid="take-profit-suggestions">
            {takeProfits.map(([label, tp]) => (
              <li key={label} class="flex justify-between gap-2">
                <span>{label}</span>
                <span class="font-mono">{suggestionText(grid, context, tp, asset, t)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
