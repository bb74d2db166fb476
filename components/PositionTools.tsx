import { useState } from 'preact/hooks';

import { Decimal, dec, parseDecimal } from '@/lib/core/decimal';
import {
  formatPercent,
  marginToAdd,
  priceAtDistance,
  sizeToCut,
  stopAtFractionToLiquidation,
  stopAtRiskAmount,
  takeProfitAtRoe,
  type PositionRisk,
  type Result,
  type StopSuggestion,
  type TakeProfitSuggestion,
} from '@/lib/risk';
import type { ExchangeAdapter } from '@/lib/exchanges/adapter';
import type { SymbolRules } from '@/lib/exchanges/marketData';
import { afterOrdersText, fundingPaidText, fundingText } from '@/lib/figures/format';
import type { ReadPosition } from '@/lib/model/snapshot';
import { placeableCutOf } from '@/lib/figures/remedies';
import { stopCheck } from '@/lib/figures/stops';
import type { PositionView } from '@/lib/figures/types';

import { AfterOrdersNote } from './AfterOrdersNote';
import { amountText } from './calculators/Calculators';

interface Props {
  /** The exchange the position is on: its contracts and order rules. */
  adapter: ExchangeAdapter;
  position: ReadPosition;
  risk: PositionRisk;
  /** The account's wallet balance, for risk-% stops. */
  walletBalance: string | null;
  warningDistance: string;
  /** The symbol's order rules, when fetched: the size to close is then one the exchange accepts. */
  rules: SymbolRules | undefined;
  /**
   * The worker's figures for the position, the overlay's too (null until it has worked them out): its next funding
   * payment, funding paid, liquidation after its open orders fill.
   */
  figures: Pick<PositionView, 'funding' | 'fundingReason' | 'fundingPaid' | 'fundingPaidReason' | 'afterOrders'> | null;
}

/** For the selected position: what brings liquidation back to a distance, and stops that fire before it. */
export function PositionTools({ adapter, position, risk, walletBalance, warningDistance, rules, figures }: Props) {
  const [targetText, setTargetText] = useState(new Decimal(warningDistance).times(100).toFixed());
  const target = parseDecimal(targetText);
  const targetError = !target.ok ? 'Not a number' : !target.value.gt(0) || !target.value.lt(100) ? 'Between 0 and 100' : null;
  const mark = dec(position.markPrice);
  const liquidationPrice = risk.liquidationPrice;

  let remedy: { margin: Result<Decimal>; cut: ReturnType<typeof placeableCutOf>; price: Decimal } | null = null;
  if (!targetError && target.ok && risk.pool && liquidationPrice) {
    const price = priceAtDistance(mark, liquidationPrice, target.value.div(100));
    remedy = {
      price,
      margin: marginToAdd(risk.pool, price),
      cut: placeableCutOf(adapter, sizeToCut(risk.pool, mark, price), position, rules),
    };
  }

  const context = {
    contract: adapter.contractOf(position),
    holding: { side: position.side, size: dec(position.size), entryPrice: dec(position.entryPrice) },
    markPrice: mark,
    liquidationPrice,
  };
  const leverage = position.leverage === null ? null : new Decimal(position.leverage);
  const takeProfits: [string, Result<TakeProfitSuggestion>][] = leverage
    ? (['0.25', '0.5', '1'] as const).map((roe): [string, Result<TakeProfitSuggestion>] => [
        `ROE +${Number(roe) * 100} %`,
        takeProfitAtRoe(context, new Decimal(roe), leverage),
      ])
    : [];
  const existing = stopCheck(adapter, position, risk);
  const stops: [string, Result<StopSuggestion>][] = [
    ...(['0.25', '0.5', '0.75'] as const).map((f): [string, Result<StopSuggestion>] => [
      `${Number(f) * 100} % of the way to liquidation`,
      stopAtFractionToLiquidation(context, new Decimal(f)),
    ]),
    ...(walletBalance
      ? (['1', '2'] as const).map((p): [string, Result<StopSuggestion>] => [
          `Lose ${p} % of the balance`,
          stopAtRiskAmount(context, dec(walletBalance).times(p).div(100)),
        ])
      : []),
  ];

  return (
    <section
      data-testid="position-tools"
      aria-label="Selected position"
      class="space-y-2 rounded border border-slate-300 p-2 text-xs dark:border-slate-700"
    >
      <h2 class="text-sm font-semibold">
        {position.symbol} {position.side === 'long' ? 'Long' : 'Short'} · liquidation {amountText(liquidationPrice?.toFixed())} ·{' '}
        {risk.distanceToLiquidation ? formatPercent(risk.distanceToLiquidation) : '—'} away
      </h2>
      <div>
        <label for="target-distance">Bring liquidation to (% from mark)</label>{' '}
        <input
          id="target-distance"
          value={targetText}
          inputMode="decimal"
          aria-invalid={targetError ? true : undefined}
          class="w-16 rounded border border-slate-400 bg-white px-1 font-mono text-slate-900"
          onInput={(e) => setTargetText((e.currentTarget as HTMLInputElement).value)}
        />
        {targetError && (
          <span role="alert" class="ml-1 text-red-600">
            {targetError}
          </span>
        )}
        {remedy && (
          <ul data-testid="remedy" class="mt-1">
            <li>
              Add margin:{' '}
              <span class="font-mono">{remedy.margin.ok ? amountText(remedy.margin.value.toFixed()) : `— ${remedy.margin.reason}`}</span>
            </li>
            <li>
              Or close:{' '}
              <span data-testid="remedy-cut" class="font-mono">
                {remedy.cut.size === null ? `— ${remedy.cut.note}` : amountText(remedy.cut.size)}
              </span>{' '}
              at mark
              {remedy.cut.size !== null && remedy.cut.note && <span class="text-slate-500"> ({remedy.cut.note})</span>}
            </li>
          </ul>
        )}
        {!risk.pool && <p class="text-amber-600">— the position's figures are incomplete, so no remedy can be worked out.</p>}
      </div>
      {figures?.afterOrders && (
        <AfterOrdersNote text={afterOrdersText(figures.afterOrders, position.priceDecimals)} testId="popup-after-orders" />
      )}
      {(figures?.funding || figures?.fundingReason) && (
        <p data-testid="popup-funding">
          Next funding: {fundingText(figures.funding, figures.fundingReason, position.marginAsset, Date.now())}
        </p>
      )}
      {(figures?.fundingPaid || figures?.fundingPaidReason) && (
        <p data-testid="popup-funding-paid">
          Funding so far: {fundingPaidText(figures.fundingPaid, figures.fundingPaidReason, position.marginAsset)}
        </p>
      )}
      {existing?.beyondLiquidation && (
        <p data-testid="popup-stop-warning" role="alert" class="font-semibold text-red-500">
          Your stop-loss {amountText(existing.price)} is beyond liquidation: it would never fire.
          {existing.saferStop ? ` A stop at ${amountText(existing.saferStop)} fires first (${amountText(existing.saferStopPnl)}).` : ''}
        </p>
      )}
      <div>
        <h3 class="font-semibold">Stop-loss suggestions (each fires before liquidation)</h3>
        <ul data-testid="stop-suggestions">
          {stops.map(([label, stop]) => (
            <li key={label} class="flex justify-between gap-2">
              <span>{label}</span>
              <span class="font-mono">
                {stop.ok ? `${amountText(stop.value.price.toFixed())} · ${amountText(stop.value.lockedPnl.toFixed())}` : `— ${stop.reason}`}
              </span>
            </li>
          ))}
        </ul>
      </div>
      {takeProfits.length > 0 && (
        <div>
          <h3 class="font-semibold">Take-profit suggestions (at {position.leverage}x)</h3>
          <ul data-testid="take-profit-suggestions">
            {takeProfits.map(([label, tp]) => (
              <li key={label} class="flex justify-between gap-2">
                <span>{label}</span>
                <span class="font-mono">
                  {tp.ok ? `${amountText(tp.value.price.toFixed())} · +${amountText(tp.value.lockedPnl.toFixed())}` : `— ${tp.reason}`}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
