/**
 * Display strings for the UI, from the exact decimal strings of a view: every figure the overlay, the popup and the
 * notifications show is written here, once, the way the exchange writes it — prices at the symbol's tick, sizes at
 * its lot with their unit, money at its asset's decimals, percentages as "2.14%". "—" is what we show instead of a
 * guess.
 */
import { Decimal, dec } from '../core/decimal';
import type { FundingPaid, PositionView, StopCheck } from './types';
import { formatAmount, formatPercent, formatPrice, tickAt, tickDecimals, toTick, type TickRounding } from '../risk';
import { clockTime, sinceTime, until } from '../core/time';
import type { AfterOrdersText } from '../model/overlay';
import type { RemedyWording } from '../exchanges/adapter';
import type { Translate, UiLanguage } from '../core/i18n';
import type { SymbolRules } from '../exchanges/marketData';
import type { PageSnapshot, ReadPosition } from '../model/snapshot';
import type { Betas, StressOutcome } from './stress';
import type { AfterOrdersView, FundingView } from './types';

export const NONE = '—';

/** How one position's numbers are written: its tick, the page's price decimals (or the user's), its lot and unit. */
export type NumberGrid = Pick<PositionView, 'tickSize' | 'priceFigures' | 'priceDecimals' | 'lotSize' | 'sizeAsset'>;

/** The step a number shown with `decimals` places moves by: 2 → "0.01". */
const stepOfDecimals = (decimals: number) => new Decimal(10).pow(-decimals).toFixed();

/**
 * How `read` is written: its symbol's tick and market lot from the order rules when fetched, else the steps the page
 * shows its price and size with; prices at the user's decimals when chosen in the options.
 */
export function gridOf(read: ReadPosition, rules: SymbolRules | undefined, displayDecimals: number | null): NumberGrid {
  return {
    priceDecimals: displayDecimals ?? read.priceDecimals,
    tickSize: rules?.tickSize ?? stepOfDecimals(read.priceDecimals),
    priceFigures: rules?.priceFigures ?? null,
    lotSize: rules?.marketLot.stepSize ?? stepOfDecimals(dec(read.size).decimalPlaces()),
    sizeAsset: read.sizeAsset,
  };
}

/** The symbol's tick at `price`: its one step, or where the tick grows with the price, the step there. */
export function tickOf(grid: NumberGrid, price: string | Decimal): Decimal {
  return tickAt(dec(grid.tickSize), grid.priceFigures, dec(price));
}

/**
 * A price of the position as the page writes it: at the page's price decimals (the symbol's tick, as far as the page
 * tells), or the user's choice in the options.
 */
export function priceOf(grid: NumberGrid, value: string | Decimal | null, rounding: TickRounding = 'half-up'): string {
  if (value === null) return NONE;
  const tick = tickOf(grid, value);
  return tickDecimals(tick) === grid.priceDecimals
    ? formatPrice(dec(value), tick, rounding)
    : formatAmount(dec(value), grid.priceDecimals, rounding);
}

/** A price to type into an order (a stop, a take-profit): always on the symbol's tick, which the exchange enforces. */
export function orderPriceOf(grid: NumberGrid, value: string | Decimal): string {
  return formatPrice(dec(value), tickOf(grid, value));
}

/** A size of the position at its lot, with its unit: "20 SOL", "0.283 BTC", "15 Cont". */
export function sizeOf(grid: NumberGrid, value: string | Decimal, rounding: TickRounding = 'half-up'): string {
  const unit = grid.sizeAsset === 'contracts' ? 'Cont' : grid.sizeAsset;
  return `${formatAmount(dec(value), tickDecimals(dec(grid.lotSize)), rounding)} ${unit}`;
}

/** Stablecoins and fiat are shown to the cent; a coin (COIN-M margin in BTC) to eight places, as the exchanges show balances. */
export function moneyDecimals(asset: string | null): number {
  return asset === null || /^(USD|USDT|USDC|FDUSD|BUSD|USDE)$/.test(asset) ? 2 : 8;
}

/** Money in `asset` at its decimals, truncated as the exchange shows balances unless asked otherwise. */
export function money(value: string | Decimal | null, asset: string | null, rounding: TickRounding = 'truncate'): string {
  if (value === null) return NONE;
  return `${formatAmount(dec(value), moneyDecimals(asset), rounding)}${asset ? ` ${asset}` : ''}`;
}

export function percent(fraction: string | null): string {
  return fraction === null ? NONE : formatPercent(dec(fraction));
}

/** A funding amount: four places, since a settlement is often a fraction of a cent. */
function fundingAmount(value: string, asset: string | null): string {
  return `${formatAmount(new Decimal(value), 4, 'truncate')}${asset ? ` ${asset}` : ''}`;
}

/**
 * The next funding payment in words: "pays 3.00 USDT in 2 h 05 min (0.0100%)" — and, for an isolated position it
 * moves materially, "; liquidation then at 128.905" — or "—" with the reason.
 */
export function fundingText(
  funding: FundingView | null,
  reason: string | null,
  asset: string | null,
  now: number,
  t: Translate,
  grid: NumberGrid,
): string {
  if (!funding) return `${NONE} ${t.reason(reason ?? '')}`.trim();
  const payment = new Decimal(funding.payment);
  const rate = `${formatAmount(new Decimal(funding.rate).times(100), 4)}%`;
  const text = t(payment.isNegative() ? 'funding.receives' : 'funding.pays', {
    amount: fundingAmount(payment.abs().toFixed(), asset),
    time: until(funding.nextFundingTime, now),
    rate,
  });
  return funding.liquidationAfter ? t('funding.thenLiquidation', { funding: text, price: priceOf(grid, funding.liquidationAfter) }) : text;
}

/** Funding paid since LiqGuard first saw the position: "1.2345 USDT paid since 09:41 (2 settlements)", or "—" with the reason. */
export function fundingPaidText(paid: FundingPaid | null, reason: string | null, asset: string | null, now: number, t: Translate): string {
  if (!paid) return `${NONE} ${t.reason(reason ?? '')}`.trim();
  const since = sinceTime(paid.since, now);
  if (paid.settlements === 0) return t('fundingPaid.none', { since });
  const value = new Decimal(paid.amount);
  const one = paid.settlements === 1;
  const key = value.isNegative()
    ? one
      ? 'fundingPaid.receivedOne'
      : 'fundingPaid.receivedMany'
    : one
      ? 'fundingPaid.paidOne'
      : 'fundingPaid.paidMany';
  return t(key, { amount: fundingAmount(value.abs().toFixed(), asset), since, count: paid.settlements });
}

export function afterOrdersText(view: AfterOrdersView, grid: NumberGrid, t: Translate): AfterOrdersText {
  const size = sizeOf(grid, view.addedSize);
  return {
    lead: view.orders === 1 ? t('afterOrders.leadOne', { size }) : t('afterOrders.leadMany', { count: view.orders, size }),
    liquidation: view.reason ? `${NONE} ${t.reason(view.reason)}` : priceOf(grid, view.liquidationPrice),
    tail: t('afterOrders.tail', { note: t.reason(view.note), time: clockTime(view.readAt) }),
  };
}

/**
 * A stop at or beyond liquidation in words: "Your stop-loss 127.000 is beyond liquidation: it would never fire. A stop
 * at 129.84 fires first (-375.30 USDT)." — the safer stop on the tick, as an order takes it.
 */
export function stopWarningText(stop: StopCheck, grid: NumberGrid, asset: string | null, t: Translate): string {
  const safer =
    stop.saferStop && stop.saferStopPnl
      ? ` ${t('stop.saferFirst', { price: orderPriceOf(grid, stop.saferStop), pnl: money(stop.saferStopPnl, asset) })}`
      : '';
  return `${t(stop.source === 'order' ? 'stop.beyondOrder' : 'stop.beyondPosition', { price: priceOf(grid, stop.price) })}${safer}`;
}

/** The share of the position a size is, as a whole percentage ("67%"); under 1 % it says so ("<1%"). */
function shareOf(part: Decimal, whole: Decimal): string {
  const share = part.div(whole);
  return share.lt('0.005') ? '<1%' : formatPercent(share, 0);
}

/**
 * What brings a position in warning or danger back to the remedy's distance, in its exchange's words and at
 * amounts the exchange accepts: the margin to add (rounded up to the cent, so that it is enough), the size to close
 * (rounded up to the lot) with its share of the position. Empty without a remedy.
 */
export function remedyLines(
  wording: RemedyWording,
  market: string,
  language: UiLanguage,
  p: NumberGrid & Pick<PositionView, 'remedy' | 'marginMode' | 'marginAsset' | 'size'>,
): string[] {
  const remedy = p.remedy;
  if (!remedy) return [];
  const lines: string[] = [];
  if (remedy.marginToAdd)
    lines.push(wording.addMargin({ amount: money(remedy.marginToAdd, p.marginAsset, 'ceil'), marginMode: p.marginMode, market, language }));
  if (remedy.sizeToCut) {
    const cut = toTick(dec(remedy.sizeToCut), dec(p.lotSize), 'ceil');
    lines.push(wording.close({ size: sizeOf(p, cut), share: shareOf(cut, dec(p.size)), language }));
  }
  return lines;
}

/** A stress test in words: the first liquidation each way, each position under the move, the cross ratio, what is left. */
export interface StressTexts {
  firstFall: string;
  firstRise: string;
  positions: string[];
  marginRatio: string;
  left: string;
}

/** The betas a stress test moves the marks by: "Betas to BTCUSDT: ETHUSDT 1.21, SOLUSDT 1.48" (the reference's own 1 left out). */
export function betasText(betas: Betas, reference: string, t: Translate): string {
  const others = Object.entries(betas).filter(([symbol]) => symbol !== reference);
  return t('stress.betas', { reference, betas: others.map(([symbol, beta]) => `${symbol} ${formatAmount(beta, 2)}`).join(', ') });
}

export function stressTexts(outcome: StressOutcome, snapshot: PageSnapshot, t: Translate): StressTexts {
  const nameOf = (row: number) => {
    const p = snapshot.positions[row]!;
    return `${p.symbol} ${t(p.side === 'long' ? 'side.long' : 'side.short')}`;
  };
  const first = (direction: 'fall' | 'rise') => {
    const [move, row] = direction === 'fall' ? [outcome.firstFall, outcome.firstFallRow] : [outcome.firstRise, outcome.firstRiseRow];
    if (outcome.reason) return `${NONE} ${t.reason(outcome.reason)}`;
    if (move === null || row === null) return t(direction === 'fall' ? 'stress.noneFall' : 'stress.noneRise');
    return t(direction === 'fall' ? 'stress.firstFall' : 'stress.firstRise', {
      move: percent(dec(move).abs().toFixed()),
      position: nameOf(row),
    });
  };
  const count = outcome.positions.filter((p) => p.state === 'liquidated').length;
  const crossGone = outcome.positions.some((p) => p.state === 'liquidated' && snapshot.positions[p.row]!.marginMode === 'cross');
  return {
    firstFall: first('fall'),
    firstRise: first('rise'),
    positions: outcome.positions.map((p) =>
      p.state === 'liquidated'
        ? t('stress.liquidated', { position: nameOf(p.row), order: p.order ?? '', count })
        : p.state === 'open'
          ? t('stress.open', { position: nameOf(p.row), distance: percent(p.distance) })
          : t('stress.unknown', { position: nameOf(p.row) }),
    ),
    marginRatio: crossGone ? t('stress.crossGone') : t('stress.marginRatio', { ratio: percent(outcome.marginRatio) }),
    left: t('stress.left', { amount: money(outcome.equityLeft, outcome.asset) }),
  };
}
