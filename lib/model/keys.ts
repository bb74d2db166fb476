/**
 * Who a figure or an alert is about, as one typed record with one way to a string and one way back. The strings
 * are the keys of stored alert state, funding counts, snoozes and notification ids, so their form is fixed:
 * `exchange:market:asset` for an account, `<account>|SYMBOL:side:marginMode` for a position.
 */

export interface AccountId {
  exchange: string;
  market: string;
  /** The margin asset; null when the page did not show it. */
  asset: string | null;
}

/** What a position is, apart from its size: a fill or a partial close keeps the key and changes the signature. */
export interface PositionRef {
  symbol: string;
  side: 'long' | 'short';
  marginMode: 'cross' | 'isolated';
}

export interface PositionId extends PositionRef {
  account: AccountId;
}

/** How a snoozed position's alerts come back: after 15 minutes, an hour, or when its size or entry changes. */
export type SnoozeChoice = '15m' | '1h' | 'change';

/** One market of one exchange (`binance:usdm`): what tier tables and order rules are stored by. */
export const marketKey = (of: { exchange: string; market: string }) => `${of.exchange}:${of.market}`;

/** The account a snapshot shows, the same in every tab: exchange, market and margin asset. */
export const accountKey = (snapshot: { exchange: string; market: string; account: { asset: string | null } }) =>
  `${snapshot.exchange}:${snapshot.market}:${snapshot.account.asset ?? 'unknown'}`;

/** `account` is an `accountKey`. */
export const positionKey = (account: string, p: PositionRef) => `${account}|${p.symbol}:${p.side}:${p.marginMode}`;

const POSITION_KEY = /^([a-z0-9]{1,20}):([a-z0-9]{1,20}):([A-Za-z0-9]{1,20})\|([A-Za-z0-9_-]{1,40}):(long|short):(cross|isolated)$/;

/** The position a key names, or null when the text is not a position key. */
export function parsePositionKey(key: string): PositionId | null {
  const match = POSITION_KEY.exec(key);
  if (!match) return null;
  const [, exchange, market, asset, symbol, side, marginMode] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    'long' | 'short',
    'cross' | 'isolated',
  ];
  return { account: { exchange, market, asset: asset === 'unknown' ? null : asset }, symbol, side, marginMode };
}

/** What identifies a position's current shape: a fill or a partial close changes it. */
export const positionSignature = (p: { size: string; entryPrice: string }) => `${p.size}@${p.entryPrice}`;
