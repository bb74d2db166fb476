/**
 * Every label the Bybit trading page shows that the reader looks for, in one place (English: no other language's
 * page was seen). SEEN (../shared/research/exchanges/bybit.md §D, from a userscript that reads the page): the
 * positions list is a real `<table>` whose header names "Contracts" or "Symbol", "Mark Price", "Liq. Price",
 * "Unrealized P&L" (cells "value USDT (±x%)") and "TP/SL" (cells "TP / SL", "--" for none); its columns can be moved
 * and hidden. INFERRED: the Qty, Entry Price and Position Margin headers, the mode and leverage in the contract cell
 * ("Cross 10.00x"), the Positions tab, and the account panel's Margin Balance, Maintenance Margin Rate and Available
 * Balance. Matching is loose (case, spaces and punctuation ignored; a unit may follow, "Qty(BTC)"). The fixture pages
 * that must match are `test/fixtures/bybit/`.
 */

export type BybitColumn = 'symbol' | 'size' | 'entryPrice' | 'markPrice' | 'liquidationPrice' | 'margin' | 'pnl' | 'tpsl';
export type BybitAccountKey = 'marginBalance' | 'marginRatio' | 'availableBalance';

export const COLUMNS: Record<BybitColumn, readonly string[]> = {
  symbol: ['Contracts', 'Symbol', 'Contract'],
  size: ['Qty', 'Quantity', 'Size', 'Position Size'],
  entryPrice: ['Entry Price', 'Avg. Entry Price', 'Average Entry Price'],
  markPrice: ['Mark Price'],
  liquidationPrice: ['Liq. Price', 'Liq Price', 'Liquidation Price', 'Est. Liq. Price'],
  margin: ['Position Margin', 'Position IM', 'IM'],
  pnl: ['Unrealized P&L', 'Unrealized PnL', 'Unrealised P&L'],
  tpsl: ['TP/SL'],
};

export const ACCOUNT: Record<BybitAccountKey, readonly string[]> = {
  marginBalance: ['Margin Balance'],
  marginRatio: ['Maintenance Margin Rate', 'MM Rate', 'MMR'],
  availableBalance: ['Available Balance'],
};

export const POSITIONS_TAB = ['Positions', 'Position'];
export const MODES = { cross: ['Cross'], isolated: ['Isolated'] } as const;
export const SIDES = { long: ['Long', 'Buy'], short: ['Short', 'Sell'] } as const;
