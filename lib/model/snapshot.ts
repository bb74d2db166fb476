/**
 * What a page reader saw, exchange-neutral and JSON-safe: numbers travel as decimal strings (they cross the
 * message boundary and storage; `lib/figures/` turns them back into Decimals), and nothing is computed here.
 */
import type { DecimalString } from '../core/parse/number';

export type SizeUnit = 'base' | 'quote' | 'contracts';

export interface ReadPosition {
  /** 1-based row on the page, to say which row a problem is in. */
  row: number;
  symbol: string;
  /** The exchange's market id (its adapter lists them: Binance's `usdm`, `coinm`). */
  market: string;
  contract: 'perpetual' | 'dated';
  side: 'long' | 'short';
  /** Absolute size in `sizeUnit` (`sizeAsset` names it: BTC, USDT, contracts). */
  size: DecimalString;
  sizeUnit: SizeUnit;
  sizeAsset: string;
  entryPrice: DecimalString;
  markPrice: DecimalString;
  /** Decimal places the page shows this symbol's mark price with (its tick, as far as the page tells). */
  priceDecimals: number;
  /** The page's own liquidation price; null when it shows "--". */
  pageLiquidationPrice: DecimalString | null;
  marginMode: 'cross' | 'isolated';
  leverage: number | null;
  /** The Margin column: for isolated positions the position's margin. */
  margin: DecimalString | null;
  marginAsset: string | null;
  pnl: DecimalString | null;
  /** ROI as a percentage, as shown ("-16.12"). */
  roiPercent: DecimalString | null;
  /** The position's take-profit and stop-loss trigger prices (the "TP/SL for position" column), when set. */
  takeProfit: DecimalString | null;
  stopLoss: DecimalString | null;
}

/** One order of the Open Orders list. */
export interface ReadOrder {
  row: number;
  symbol: string;
  /** Buy or sell; in hedge mode the side of the position it opens or closes is in `positionSide`. */
  side: 'buy' | 'sell';
  positionSide: 'long' | 'short' | null;
  /** Reduce-only (or a hedge-mode Close): it can only make a position smaller; null when the page does not say. */
  reduceOnly: boolean | null;
  /** The order type as shown ("Limit", "Stop Market"). */
  type: string;
  /** The limit price; null for a market order (then `triggerPrice` is where it would fill, about). */
  price: DecimalString | null;
  triggerPrice: DecimalString | null;
  /** What is left to fill (amount − filled), in the position's size unit. */
  remaining: DecimalString;
}

export interface ReadOpenOrders {
  /** The count the Open Orders tab shows, when it shows one. */
  count: number | null;
  orders: ReadOrder[];
  unreadable: UnreadableRow[];
  /** What could not be read or found. */
  reasons: string[];
}

export interface UnreadableRow {
  row: number;
  symbol: string | null;
  reason: string;
}

export interface ReadAccount {
  asset: string | null;
  walletBalance: DecimalString | null;
  /** The order form's available balance ("Avbl"): what a new order may use; null where the page does not show it. */
  availableBalance?: DecimalString | null;
  marginBalance: DecimalString | null;
  maintenanceMargin: DecimalString | null;
  /** As shown, a percentage ("4.51"). */
  marginRatioPercent: DecimalString | null;
  /** The labels that were not found or not readable. */
  missing: string[];
}

export type ReadState =
  /** Positions read (possibly none, possibly with some unreadable rows). */
  | 'ok'
  /** Another tab is selected: positions are not on the page, the last good snapshot is stale. */
  | 'other-tab'
  /** The page did not have what the reader looks for. */
  | 'unreadable';

export interface PageSnapshot {
  /** The adapter that read it (`lib/exchanges/index.ts`). */
  exchange: string;
  market: string;
  /** The symbol the page trades (from the URL); null on a page of the whole account. */
  pageSymbol: string | null;
  language: string;
  state: ReadState;
  /** Why the state is not plain 'ok', or what was partly missing; for the status line. */
  reasons: string[];
  /** The count the Positions tab shows ("Positions(3)"), when it shows one. */
  positionsCount: number | null;
  /** The count the Open Orders tab shows, when it shows one (0: no open orders). */
  openOrdersCount?: number | null;
  /** The open orders, read while the Open Orders tab is selected (the positions list is not on the page then). */
  openOrders?: ReadOpenOrders;
  /** When `openOrders` was read (unix ms): the content script sends the last list it read with each snapshot. */
  openOrdersReadAt?: number;
  positions: ReadPosition[];
  unreadable: UnreadableRow[];
  account: ReadAccount;
  /**
   * Where the mark prices come from: the page, or the exchange's public mark-price stream while the page is
   * hidden (then the page's own liquidation prices are old and not compared).
   */
  pricesFrom?: 'page' | 'stream';
}
