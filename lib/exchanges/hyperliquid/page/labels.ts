/**
 * Every label the Hyperliquid app shows that the reader looks for (English: the app has no other language here).
 * SEEN (../shared/research/exchanges/hyperliquid.md §D, a raw capture of the positions table, 2025-11-15): the headers
 * Coin, Size, Position Value, Entry Price, Mark Price, PNL (ROE %), Liq. Price, Margin, Funding, Close All, TP/SL, and
 * the cells "ETH  20x", "9.3792 ETH", "29,481.64 USDC", "3,438.8", "+$2,771.75 (+171.9%)", "$1,474.08 (Cross)"; the
 * table's classes are generated hashes. INFERRED: the account panel's Account Equity, Cross Margin Ratio, Maintenance
 * Margin and Available to Trade, and "(Isolated)" beside an isolated position's margin. The fixture pages that must
 * match are `test/fixtures/hyperliquid/`.
 */

export type HyperliquidColumn =
  'coin' | 'size' | 'positionValue' | 'entryPrice' | 'markPrice' | 'pnl' | 'liquidationPrice' | 'margin' | 'tpsl';
export type HyperliquidAccountKey = 'marginBalance' | 'marginRatio' | 'maintenanceMargin' | 'availableBalance';

export const COLUMNS: Record<HyperliquidColumn, readonly string[]> = {
  coin: ['Coin'],
  size: ['Size'],
  positionValue: ['Position Value'],
  entryPrice: ['Entry Price'],
  markPrice: ['Mark Price'],
  pnl: ['PNL (ROE %)', 'PNL'],
  liquidationPrice: ['Liq. Price', 'Liquidation Price'],
  margin: ['Margin'],
  tpsl: ['TP/SL'],
};

export const ACCOUNT: Record<HyperliquidAccountKey, readonly string[]> = {
  marginBalance: ['Account Equity', 'Perps Equity'],
  marginRatio: ['Cross Margin Ratio'],
  maintenanceMargin: ['Maintenance Margin'],
  availableBalance: ['Available to Trade'],
};

export const POSITIONS_TAB = ['Positions'];
export const MODES = { cross: ['Cross'], isolated: ['Isolated'] } as const;
export const SIDES = { long: ['Long'], short: ['Short'] } as const;
