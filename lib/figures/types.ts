/** The worker's figures as types: what `riskView` makes of a snapshot, and what it is given besides it. */
import type { Prepared } from '../exchanges/adapter';
import type { FundingQuote, SymbolRules, TierTables } from '../exchanges/marketData';
import type { AccountRisk, PositionRisk } from '../risk';
import type { Band } from '../model/overlay';
import type { ReadOpenOrders } from '../model/snapshot';
import type { DecimalString } from '../core/parse/number';

/** What the popup shows for one tab: its positions' distances and how current its prices are. */
export interface TabSummary {
  positions: { symbol: string; side: 'long' | 'short'; distance: string | null; band: Band }[];
  pricesFrom: 'page' | 'stream';
  /** When the figures were last recomputed (ms since epoch). */
  assessedAt: number;
  /** The tab is hidden and no streamed price has arrived for a while: the figures are stale. */
  stale: boolean;
  /** Each position's figures as the worker worked them out, the overlay's too: what the popup shows of them. */
  figures: PositionView[];
  /** Rows the page shows that could not be read, and why: the popup names them rather than drop them. */
  unreadable: { symbol: string | null; reason: string }[];
  /** Set when the page itself could not be read (no positions list found): why, and no figures pass for current. */
  pageUnreadable?: string[];
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
  /** The same for the page's own liquidation price: shown, labelled as the page's, where ours cannot be vouched for. */
  pageDistance: DecimalString | null;
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
  /** Decimal places prices of this symbol are shown with: the page's, or the user's choice in the options. */
  priceDecimals: number;
  /** The symbol's tick: from its order rules, else the step of the page's price decimals. */
  tickSize: DecimalString;
  /** Where the tick grows with the price (Hyperliquid): at most this many significant figures, `tickSize` the finest step. */
  priceFigures: number | null;
  /** The symbol's market-order lot: from its order rules, else the step of the size as the page shows it. */
  lotSize: DecimalString;
  /** What the size is counted in (BTC, SOL, contracts). */
  sizeAsset: string;
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
  /**
   * An isolated position pays funding out of its margin: its liquidation price once it has paid this one, when that
   * moves it by 1 % of its distance from the mark or more; null otherwise.
   */
  liquidationAfter?: DecimalString | null;
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
  /** Work out each position's liquidation after its open orders fill: the overlay shows it; no alert uses it. */
  afterOrders?: boolean;
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

/** Each read position's model (or why there is none) and computed risk, plus the account's, before display. */
export interface Assessment {
  prepared: Prepared[];
  risks: (PositionRisk | null)[];
  crossBlocked: string | null;
  accounts: AccountRisk['accounts'];
  /** The margin assets whose cross wallet the adapter could work out from the page. */
  walletAssets: string[];
}

/** Funding paid while LiqGuard has seen a position unchanged (`fundingPaidSince`). */
export interface FundingPaid {
  /** Paid, in the margin asset; negative: received. */
  amount: DecimalString;
  settlements: number;
  /** When LiqGuard first saw the position as it is now (unix ms): settlements after it are counted. */
  since: number;
}

/** A position as LiqGuard first saw it unchanged, and the funding it has paid since (`fundingPaidSince`). */
export interface WatchedPosition {
  /** Size and entry (`positionSignature`, lib/model/keys.ts): a change starts the count again. */
  signature: string;
  since: number;
  paid: FundingPaid | null;
  /** Why `paid` is null once it was asked for. */
  reason: string | null;
}
