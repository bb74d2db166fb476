/**
 * Turns what the reader saw into what the trader is shown: our own liquidation price and buffers for each
 * position (recomputed with `lib/risk`, cross positions with the others at their marks), the colour band by the
 * user's thresholds, and a flag when the page's liquidation price and ours disagree. A figure we cannot vouch
 * for is null with the reason.
 *
 * Two readings of the page are INFERRED (../shared/research/dom.md) and checked by the mismatch flag:
 * the Margin column of an isolated position is its margin including unrealised PnL (the API's
 * `isolatedMargin`), so its wallet is margin − PnL; and the account's Balance is the whole wallet, so the cross
 * wallet is Balance less the isolated positions' wallets.
 */
import { snapshotAfterOrders } from './afterOrders';
import { accountKey, positionKey, positionSignature } from '../model/keys';
import { Decimal, dec } from '../core/decimal';
import { marketOf, type ExchangeAdapter, type Prepared } from '../exchanges/adapter';
import { adapterOf } from '../exchanges';
import { orderRulesOf, type FundingQuote, type SymbolRules, type TierTables } from '../exchanges/marketData';
import {
  breakEvenPrice,
  fundingCost,
  marginToAdd,
  placeableCut,
  priceAtDistance,
  sizeToCut,
  stopAtFractionToLiquidation,
  type AccountRisk,
  type Position,
  type PositionRisk,
  type Result,
} from '../risk';
import type { FundingPaid, WatchedPosition } from './fundingPaid';
import type { Band } from '../model/overlay';
import type { Settings } from '../model/settings';
import type { PageSnapshot, ReadOpenOrders, ReadOrder, ReadPosition } from '../model/snapshot';
import type { DecimalString } from '../core/parse/number';

/** What the popup shows for one tab: its positions' distances and how current its prices are. */
export interface TabSummary {
  positions: { symbol: string; side: 'long' | 'short'; distance: string | null; band: Band }[];
  pricesFrom: 'page' | 'stream';
  /** When the figures were last recomputed (ms since epoch). */
  assessedAt: number;
  /** The tab is hidden and no streamed price has arrived for a while: the figures are stale. */
  stale: boolean;
}

export interface PositionView {
  row: number;
  symbol: string;
  side: 'long' | 'short';
  /** As read, to tell when the position changed (a fill, a partial close). */
  size: DecimalString;
  entryPrice: DecimalString;
  marginMode: 'cross' | 'isolated';
  leverage: number | null;
  markPrice: DecimalString;
  liquidationPrice: DecimalString | null;
  pageLiquidationPrice: DecimalString | null;
  /** Fraction of the mark price, positive while safe. */
  distance: DecimalString | null;
  /** No price within the tiers liquidates it (the page shows "--"): its distance is null, and nothing is near. */
  unliquidatable: boolean;
  /** Quote units the mark may move against the position. */
  priceBuffer: DecimalString | null;
  /** Margin balance minus maintenance margin of the position's pool, in the margin asset. */
  balanceBuffer: DecimalString | null;
  marginAsset: string | null;
  band: Band;
  /** Why a figure is missing. */
  reason: string | null;
  /** Set when the page's liquidation price and ours differ by more than `tolerance`. */
  mismatch: { tolerance: DecimalString } | null;
  /** Decimal places the page shows prices of this symbol with. */
  priceDecimals: number;
  /** For a position in warning or danger: what brings liquidation back to the warning distance. */
  remedy: Remedy | null;
  /** The position's stop-loss as read from the page, checked against our liquidation price. */
  stop: StopCheck | null;
  /** Where the position breaks even after paying the taker fee to open and to close (the user's fee setting). */
  breakEvenWithFees: DecimalString | null;
  /** The next funding payment at the exchange's current rate; null with `fundingReason` when unknown, both null for a dated contract. */
  funding: FundingView | null;
  fundingReason: string | null;
  /** Funding paid since LiqGuard first saw the position as it is; null with `fundingPaidReason` when unknown, both null for a dated contract. */
  fundingPaid: FundingPaid | null;
  fundingPaidReason: string | null;
  /** Liquidation if the open orders that add to this position fill; null when none do (or none were read). */
  afterOrders: AfterOrdersView | null;
}

export interface AfterOrdersView {
  /** How many orders add to the position, and the size they add. */
  orders: number;
  addedSize: DecimalString;
  /** Our liquidation price after they fill; null with `reason` when it cannot be vouched for. */
  liquidationPrice: DecimalString | null;
  reason: string | null;
  /** What the figure leaves out. */
  note: string;
  /** When the Open Orders list was read (unix ms). */
  readAt: number;
}

export interface FundingView {
  /** The exchange's current rate for the next settlement, a fraction. */
  rate: DecimalString;
  nextFundingTime: number;
  /** What the position pays then at the current rate and mark, in the margin asset; negative: it receives. */
  payment: DecimalString;
}

/**
 * Public market data the view uses besides the page: tiers fresher than the shipped ones, each symbol's order
 * rules and funding quote, and the time (to tell a stale quote).
 */
export interface MarketContext {
  tiers?: TierTables | null;
  rules?: Record<string, SymbolRules>;
  funding?: Record<string, FundingQuote>;
  /** What the worker worked out of each watched position's funding paid (storage `fundingWatch`), by key. */
  fundingPaid?: Record<string, Pick<WatchedPosition, 'signature' | 'paid' | 'reason'>>;
  /** The Open Orders list as last read (the user opened that tab), and when. */
  orders?: { list: ReadOpenOrders; readAt: number } | null;
  now?: number;
  /**
   * Work out remedies (margin to add, size to close) for positions in warning or danger: the worker's alerts say
   * them; the overlay does not show them, so the page's own reads skip the solver.
   */
  remedies?: boolean;
  /** Work out each position's liquidation after its open orders fill: the overlay shows it; no alert uses it. */
  afterOrders?: boolean;
}

/** Each position's liquidation after its adding orders fill (see lib/afterOrders.ts), by position index. */
export function afterOrdersViews(snapshot: PageSnapshot, market: MarketContext): (AfterOrdersView | null)[] {
  const read = market.orders;
  if (!read || market.afterOrders === false || snapshot.openOrdersCount === 0) return snapshot.positions.map(() => null);
  const after = snapshotAfterOrders(snapshot, read.list.orders);
  if (after.fills.every((fill) => fill === null)) return snapshot.positions.map(() => null);
  const outdated =
    snapshot.openOrdersCount != null && read.list.count !== null && snapshot.openOrdersCount !== read.list.count
      ? `the Open Orders tab counts ${snapshot.openOrdersCount} now, ${read.list.count} when it was read: open it again to update`
      : null;
  // An order we could not read may add to its symbol's position, and through the shared wallet to every cross one.
  const crossSymbols = new Set(snapshot.positions.filter((p) => p.marginMode === 'cross').map((p) => p.symbol));
  const unreadableIn = (position: ReadPosition) =>
    read.list.unreadable.some(
      (row) => row.symbol === null || row.symbol === position.symbol || (position.marginMode === 'cross' && crossSymbols.has(row.symbol)),
    )
      ? 'an open order of this position (or of the cross account) could not be read'
      : null;
  const { prepared, risks, crossBlocked } = assess(after.snapshot, market.tiers ?? null);
  const note = ['before fees', ...(after.leftOut > 0 ? [`${after.leftOut} order(s) on symbols without a position not counted`] : [])].join(
    '; ',
  );
  return after.fills.map((fill, i) => {
    if (!fill) return null;
    const entry = prepared[i]!;
    const risk = risks[i];
    const blocked = snapshot.positions[i]!.marginMode === 'cross' ? crossBlocked : null;
    const reason =
      outdated ??
      unreadableIn(snapshot.positions[i]!) ??
      after.problems.get(i) ??
      ('reason' in entry ? entry.reason : null) ??
      blocked ??
      (risk?.liquidationPrice ? null : (risk?.unavailableReason ?? 'no liquidation price'));
    return { ...fill, liquidationPrice: reason === null ? risk!.liquidationPrice!.toFixed() : null, reason, note, readAt: read.readAt };
  });
}

/**
 * The next funding payment of a position from the exchange's quote, or why there is none to show; null for a
 * dated contract, which pays no funding.
 */
export function fundingOf(
  adapter: ExchangeAdapter,
  read: ReadPosition,
  quote: FundingQuote | undefined,
  now: number,
): Result<FundingView> | null {
  const fail = (reason: string): Result<FundingView> => ({ ok: false, reason });
  if (read.contract === 'dated') return null;
  if (read.sizeUnit !== marketOf(adapter, read.market)?.exactSizeUnit) return fail('funding needs the size in the exact unit');
  if (!quote) return fail('funding rate not fetched yet');
  if (now - quote.time > adapter.marketData.funding.staleMs || quote.nextFundingTime < now)
    return fail('the funding rate fetched is out of date');
  const payment = fundingCost(adapter.contractOf(read), read.side, dec(read.size), dec(read.markPrice), dec(quote.rate), 1);
  return { ok: true, value: { rate: quote.rate, nextFundingTime: quote.nextFundingTime, payment: payment.toFixed() } };
}

/**
 * A size to close at mark that the exchange accepts: the exact `cut` rounded up to the symbol's market lot and
 * minimum notional, or refused. Without the symbol's rules the exact size is given, with a note saying so.
 */
export function placeableCutOf(
  adapter: ExchangeAdapter,
  cut: Result<Decimal>,
  read: ReadPosition,
  rules: SymbolRules | undefined,
): { size: DecimalString | null; note: string | null } {
  if (!cut.ok) return { size: null, note: cut.reason };
  if (!rules) return { size: cut.value.toFixed(), note: "not rounded to the symbol's step size (order rules not fetched yet)" };
  const placed = placeableCut(cut.value, dec(read.size), orderRulesOf(rules, 'market'), dec(read.markPrice), adapter.contractOf(read));
  return placed.ok ? { size: placed.value.toFixed(), note: null } : { size: null, note: placed.reason };
}

export interface StopCheck {
  price: DecimalString;
  /** Where the stop was read: the position's TP/SL, or a stop order of the Open Orders list. */
  source: 'position' | 'order';
  /** At or beyond liquidation: the exchange liquidates first, the stop never fires. */
  beyondLiquidation: boolean;
  /** When it is beyond: a stop 90 % of the way from the mark to liquidation, and the PnL it would lock in. */
  saferStop: DecimalString | null;
  saferStopPnl: DecimalString | null;
}

/** How far toward liquidation the suggested replacement stop sits (the rest is room for slippage). */
const SAFER_STOP_FRACTION = '0.9';

/** A stop-loss price checked against our liquidation price: the position's own (TP/SL) unless another is given. */
export function stopCheck(
  adapter: ExchangeAdapter,
  read: ReadPosition,
  risk: PositionRisk | null,
  price = read.stopLoss,
  source: StopCheck['source'] = 'position',
): StopCheck | null {
  if (price === null || !risk?.liquidationPrice) return null;
  const stop = dec(price);
  const liquidationPrice = risk.liquidationPrice;
  const beyond = read.side === 'long' ? stop.lte(liquidationPrice) : stop.gte(liquidationPrice);
  if (!beyond) return { price, source, beyondLiquidation: false, saferStop: null, saferStopPnl: null };
  const safer = stopAtFractionToLiquidation(
    {
      contract: adapter.contractOf(read),
      holding: { side: read.side, size: dec(read.size), entryPrice: dec(read.entryPrice) },
      markPrice: dec(read.markPrice),
      liquidationPrice,
    },
    new Decimal(SAFER_STOP_FRACTION),
  );
  return {
    price,
    source,
    beyondLiquidation: true,
    saferStop: safer.ok ? safer.value.price.toFixed() : null,
    saferStopPnl: safer.ok ? safer.value.lockedPnl.toFixed() : null,
  };
}

/**
 * The position's stop to warn about: its TP/SL stop-loss or, where the Open Orders list was read (and is still
 * current), a stop order on the closing side with a trigger on the losing side of the mark (reduce-only or not:
 * either closes the position when it fires). The first one at or
 * beyond liquidation wins; otherwise the TP/SL one (or the first order) is reported as fine.
 */
function worstStop(
  adapter: ExchangeAdapter,
  read: ReadPosition,
  risk: PositionRisk | null,
  orders: readonly ReadOrder[],
): StopCheck | null {
  const closing = read.side === 'long' ? 'sell' : 'buy';
  const mark = dec(read.markPrice);
  const stopOrders = orders.filter(
    (o) =>
      o.symbol === read.symbol &&
      o.side === closing &&
      o.triggerPrice !== null &&
      (read.side === 'long' ? dec(o.triggerPrice).lt(mark) : dec(o.triggerPrice).gt(mark)),
  );
  const checks = [stopCheck(adapter, read, risk), ...stopOrders.map((o) => stopCheck(adapter, read, risk, o.triggerPrice, 'order'))].filter(
    (c) => c !== null,
  );
  return checks.find((c) => c.beyondLiquidation) ?? checks[0] ?? null;
}

export interface Remedy {
  /** The distance (fraction of mark) the remedy restores. */
  targetDistance: DecimalString;
  /** Margin to add, in the margin asset; null when it cannot be worked out. */
  marginToAdd: DecimalString | null;
  /**
   * Size to close at mark, in the position's size unit, as an order the exchange accepts (see `placeableCutOf`);
   * null for hedge pairs, when closing cannot reach it, or when no order can carry it (`sizeToCutNote` says).
   */
  sizeToCut: DecimalString | null;
  sizeToCutNote: string | null;
}

function remedyFor(
  adapter: ExchangeAdapter,
  read: ReadPosition,
  risk: PositionRisk,
  settings: Settings,
  rules: SymbolRules | undefined,
): Remedy | null {
  if (!risk.pool || !risk.liquidationPrice) return null;
  const mark = dec(read.markPrice);
  const targetDistance = new Decimal(settings.warningDistance);
  const target = priceAtDistance(mark, risk.liquidationPrice, targetDistance);
  const margin = marginToAdd(risk.pool, target);
  const cut = placeableCutOf(adapter, sizeToCut(risk.pool, mark, target), read, rules);
  return {
    targetDistance: targetDistance.toFixed(),
    marginToAdd: margin.ok ? margin.value.toFixed() : null,
    sizeToCut: cut.size,
    sizeToCutNote: cut.note,
  };
}

/** A position's funding paid as the worker worked it out (`MarketContext.fundingPaid`), or why it is unknown. */
export function fundingPaidOf(snapshot: PageSnapshot, read: ReadPosition, all: MarketContext['fundingPaid']) {
  const watched = all?.[positionKey(accountKey(snapshot), read)];
  if (read.contract === 'dated') return { fundingPaid: null, fundingPaidReason: null };
  // The worker's figure counts for the position as it was: after a fill or partial close it no longer does.
  if (!watched || watched.signature !== positionSignature(read) || (!watched.paid && !watched.reason)) {
    return { fundingPaid: null, fundingPaidReason: 'not worked out yet' };
  }
  return { fundingPaid: watched.paid, fundingPaidReason: watched.paid ? null : watched.reason };
}

const fundingFields = (funding: Result<FundingView> | null) =>
  funding === null
    ? { funding: null, fundingReason: null }
    : funding.ok
      ? { funding: funding.value, fundingReason: null }
      : { funding: null, fundingReason: funding.reason };

export interface AccountView {
  asset: string | null;
  marginRatio: DecimalString | null;
  marginBalance: DecimalString | null;
  band: Band;
  reason: string | null;
}

export interface RiskView {
  positions: PositionView[];
  account: AccountView;
}

/** How far apart two liquidation prices may be before we flag it: 3 ticks, or 0.02 % of the price if larger. */
function mismatchTolerance(price: Decimal, decimals: number): Decimal {
  const ticks = new Decimal(`3e-${decimals}`);
  const relative = price.times('0.0002');
  return ticks.gt(relative) ? ticks : relative;
}

function bandOf(distance: Decimal | null, settings: Settings): Band {
  if (distance === null) return 'unknown';
  if (distance.lte(settings.dangerDistance)) return 'danger';
  if (distance.lte(settings.warningDistance)) return 'warning';
  return 'safe';
}

/** Each read position's model (or why there is none) and computed risk, plus the account's, before display. */
export interface Assessment {
  prepared: Prepared[];
  risks: (PositionRisk | null)[];
  crossBlocked: string | null;
  accounts: AccountRisk['accounts'];
}

/** Recomputes every position of a snapshot with `lib/risk` (what `riskView` shows, and the popup's solvers use). */
export function assess(snapshot: PageSnapshot, freshTiers: TierTables | null = null): Assessment {
  const adapter = adapterOf(snapshot);
  const tables = [freshTiers, adapter.shippedTiers(snapshot.market)];
  const prepared = snapshot.positions.map((read) => adapter.prepare(read, tables));
  const usable = prepared.flatMap((p) => ('position' in p ? [p.position] : []));
  const crossBlocked = prepared.some((p, i) => 'reason' in p && snapshot.positions[i]!.marginMode === 'cross')
    ? 'another cross position could not be used, so cross figures are incomplete'
    : snapshot.unreadable.length > 0
      ? 'a row could not be read, so cross figures are incomplete'
      : snapshot.positionsCount !== null && snapshot.positionsCount > snapshot.positions.length + snapshot.unreadable.length
        ? 'not every position is on the page (is "Hide Other Symbols" on?), so cross figures are incomplete'
        : null;

  const wallets = crossBlocked ? {} : adapter.crossWallets(snapshot, usable);
  const risk = adapter.accountRisk(wallets, usable);
  const riskOf = new Map<Position, PositionRisk>(usable.map((p, i) => [p, risk.positions[i]!]));
  const risks = prepared.map((p, i) => {
    if (!('position' in p)) return null;
    const computed = riskOf.get(p.position)!;
    return snapshot.positions[i]!.marginMode === 'cross' && crossBlocked ? { ...computed, pool: null } : computed;
  });
  return { prepared, risks, crossBlocked, accounts: risk.accounts };
}

export function riskView(snapshot: PageSnapshot, settings: Settings, market: MarketContext = {}): RiskView {
  const adapter = adapterOf(snapshot);
  const { prepared, risks, crossBlocked, accounts } = assess(snapshot, market.tiers ?? null);
  const now = market.now ?? Date.now();
  const afterOrders = afterOrdersViews(snapshot, market);
  const asset = snapshot.account.asset;
  const positions = snapshot.positions.map((read, i): PositionView => {
    const entry = prepared[i]!;
    const computed = risks[i] ?? null;
    const blocked = read.marginMode === 'cross' && crossBlocked;
    const reason = 'reason' in entry ? entry.reason : blocked ? crossBlocked : (computed?.unavailableReason ?? null);
    const usableRisk = computed && !blocked ? computed : null;
    const ours = usableRisk?.liquidationPrice ?? null;
    const page = read.pageLiquidationPrice === null ? null : dec(read.pageLiquidationPrice);
    const priceDecimals = settings.displayDecimals ?? read.priceDecimals;
    let mismatch: PositionView['mismatch'] = null;
    if (usableRisk && snapshot.pricesFrom !== 'stream' && (ours !== null || page !== null)) {
      // The page shows its liquidation price at the symbol's tick (not the user's display decimals).
      const tolerance = mismatchTolerance(ours ?? page!, read.priceDecimals);
      if (ours === null || page === null || ours.minus(page).abs().gt(tolerance)) mismatch = { tolerance: tolerance.toFixed() };
    }
    const distance = usableRisk?.distanceToLiquidation ?? null;
    const band = bandOf(distance, settings);
    return {
      row: read.row,
      symbol: read.symbol,
      side: read.side,
      size: read.size,
      entryPrice: read.entryPrice,
      marginMode: read.marginMode,
      leverage: read.leverage,
      markPrice: read.markPrice,
      liquidationPrice: ours?.toFixed() ?? null,
      pageLiquidationPrice: read.pageLiquidationPrice,
      distance: distance?.toFixed() ?? null,
      unliquidatable: usableRisk?.unliquidatable ?? false,
      priceBuffer: usableRisk?.priceBuffer?.toFixed() ?? null,
      balanceBuffer: usableRisk?.balanceBuffer?.toFixed() ?? null,
      marginAsset: read.marginAsset,
      band,
      reason: ours === null ? reason : null,
      mismatch,
      priceDecimals,
      remedy:
        usableRisk && market.remedies !== false && (band === 'warning' || band === 'danger')
          ? remedyFor(adapter, read, usableRisk, settings, market.rules?.[read.symbol])
          : null,
      stop: worstStop(
        adapter,
        read,
        usableRisk,
        market.orders && snapshot.openOrdersCount === market.orders.list.count ? market.orders.list.orders : [],
      ),
      breakEvenWithFees:
        'position' in entry
          ? breakEvenPrice(
              entry.position.contract,
              read.side,
              dec(read.entryPrice),
              dec(settings.takerFee),
              dec(settings.takerFee),
            ).toFixed()
          : null,
      ...fundingFields(fundingOf(adapter, read, market.funding?.[read.symbol], now)),
      afterOrders: afterOrders[i]!,
      ...fundingPaidOf(snapshot, read, market.fundingPaid),
    };
  });

  const accountRiskOf = accounts.find((a) => a.marginAsset === asset) ?? null;
  const ratio = accountRiskOf?.marginRatio ?? null;
  const accountBand: Band =
    ratio === null
      ? 'unknown'
      : ratio.gte(settings.dangerMarginRatio)
        ? 'danger'
        : ratio.gte(settings.warningMarginRatio)
          ? 'warning'
          : 'safe';
  return {
    positions,
    account: {
      asset,
      marginRatio: ratio?.toFixed() ?? null,
      marginBalance:
        accountRiskOf && !crossBlocked && snapshot.account.walletBalance !== null ? accountRiskOf.marginBalance.toFixed() : null,
      band: accountBand,
      reason:
        ratio !== null
          ? null
          : (crossBlocked ??
            (snapshot.account.walletBalance === null
              ? 'the wallet Balance could not be read'
              : accountRiskOf?.unavailableReasons.join('; ') || 'no cross positions')),
    },
  };
}
