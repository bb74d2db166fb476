/**
 * The exchange seam: everything LiqGuard knows of one exchange, behind two typed faces. What differs between
 * venues is data here (markets, capabilities, endpoints, wording), and code only where data is not enough (the
 * page reader, the venue's readings of its page, its liquidation model). Adding an exchange is adding its folder
 * under `lib/exchanges/` and one line in each registry (`pages.ts`, `index.ts`).
 *
 * The page face (`PageAdapter`, in `pageFace.ts`) runs in the exchange's page and carries no Decimal; the worker face
 * below runs in the background worker and the popup, and carries no page reader. `hosts.ts` joins the two for the
 * manifest and the e2e harness.
 */
import { dec, type Decimal } from '../core/decimal';
import type { UiLanguage } from '../core/i18n';
import type { PageSnapshot, ReadPosition, SizeUnit } from '../model/snapshot';
import type { AccountRisk } from '../risk/account';
import type { Contract, Position } from '../risk/types';
import type { FundingQuote, FundingSettlement, MarkCandle, SymbolRules, TierTables } from './marketData';

/** One market of an exchange, as data: what its positions are and how the page sizes them. */
export interface MarketInfo {
  /** The id routes, snapshots and storage use (`usdm`). */
  id: string;
  /** As the user is shown it (`USD-M`: Ⓢ is missing from many fonts). */
  label: string;
  /** Linear (PnL in the quote asset) or inverse (PnL in the coin). */
  contract: Contract['type'];
  /** The size unit the math needs; a page showing another cannot be vouched for. */
  exactSizeUnit: SizeUnit;
}

/** What an exchange's adapter can do, per market where it differs: the README's limitations table comes from it. */
export interface Capabilities {
  /** Maintenance-margin tiers: shipped with LiqGuard (and refreshed), fetched only, or none. */
  tiers: Record<string, 'shipped' | 'fetched' | false>;
  /** Funding paid since a position was first seen, from the public funding history: true, or why not. */
  fundingPaid: Record<string, true | string>;
  /** The Open Orders list is read (liquidation after orders fill, stop orders checked). */
  openOrders: boolean;
  /**
   * A cross position's liquidation price: the exchange's own rule (`exact`), or an estimate where the exchange
   * liquidates a cross account by its maintenance margin rate and the price depends on everything else held.
   */
  crossPrice: 'exact' | 'estimate';
}

/** A read position as the risk math takes it, or why the page's figures cannot be used. */
export type Prepared = { position: Position } | { reason: string };

/** One public endpoint: where to ask, how, how often, and the checked shape it returns. */
export interface Feed<Parsed> {
  /** Null where the market has no such endpoint. */
  url: (market: string) => string | null;
  init?: RequestInit;
  refreshMs: number;
  parse: (body: unknown) => Parsed;
  /** The next page's address after `body` (fetched from `url`), where the answer comes in pages; null on the last. */
  next?: (body: unknown, url: string) => string | null;
}

/** Public market data only: what is asked for is a market or a symbol, never anything about the account. */
export interface MarketDataFeeds {
  tiers: Feed<{ symbols: TierTables['symbols']; rejected: Record<string, string> }> & {
    /** Stored tables back to checked ones; null when malformed (the shipped ones serve). */
    load: (stored: unknown) => TierTables | null;
  };
  rules: Feed<{ symbols: Record<string, SymbolRules>; rejected: Record<string, string> }> & {
    load: (stored: unknown) => Record<string, SymbolRules>;
  };
  funding: {
    /** Null where the market has no funding quote to fetch. */
    url: (market: string, symbol: string) => string | null;
    /** How to ask, where it is not a plain GET (a POST with the symbol in its body). */
    init?: (symbol: string) => RequestInit;
    parse: (body: unknown, symbol: string, receivedAt: number) => FundingQuote | null;
    load: (stored: unknown) => Record<string, FundingQuote>;
    refreshMs: number;
    /** A quote older than this is not shown. */
    staleMs: number;
  };
  fundingHistory: {
    /** Null where the market's history cannot give funding paid (`has.fundingPaid`). */
    url: (market: string, symbol: string, since: number) => string | null;
    parse: (body: unknown, symbol: string) => FundingSettlement[] | null;
    /** The most settlements one request returns: a full answer may have left some out. */
    limit: number;
  };
  /** Mark-price bars (oldest first) for volatility-scaled stops and the stress test's beta to BTC. */
  markCandles: {
    /** Null where the market has none. */
    url: (market: string, symbol: string) => string | null;
    parse: (body: unknown) => MarkCandle[] | null;
    /** What one bar spans, as people write it ("4 h"), and the symbol each market's beta is measured against. */
    interval: string;
    reference: (market: string) => string | null;
  };
  /** The public mark-price stream the worker follows while the page is hidden. */
  markStream: {
    url: (market: string, symbols: readonly string[]) => string | null;
    parse: (message: string) => { symbol: string; markPrice: string } | null;
    /** The messages that subscribe to `symbols` once the socket is open, where the URL does not name them. */
    subscribe?: (symbols: readonly string[]) => string[];
    /** A message the exchange wants every so often to keep the socket open. */
    keepAlive?: { message: string; everyMs: number };
  };
}

/** The exchange's words for what a trader can do about a position in danger. */
export interface RemedyWording {
  /** What liquidates a cross account, for the margin-ratio alert. */
  crossLiquidation(language: UiLanguage): string;
  /** The action that adds `amount` (written with its asset) to the margin behind a position of this mode and market. */
  addMargin(action: { amount: string; marginMode: 'cross' | 'isolated'; market: string; language: UiLanguage }): string;
  /** The order that closes `size` (written with its unit) of a position, `share` of it. */
  close(action: { size: string; share: string; language: UiLanguage }): string;
}

export interface ExchangeAdapter {
  id: string;
  name: string;
  /** A trading page's address as a person types it (`binance.com/en/futures/BTCUSDT`), for the popup's empty state. */
  examplePage: string;
  markets: readonly MarketInfo[];
  has: Capabilities;
  /** The venue's readings of its page turned into a position (which columns include PnL, the default asset…). */
  prepare(read: ReadPosition, tables: readonly (TierTables | null)[]): Prepared;
  /** Each cross pool's wallet, from the account the page shows and the positions that could be used. */
  crossWallets(snapshot: PageSnapshot, usable: readonly Position[]): Record<string, Decimal>;
  /** The venue's liquidation model over a whole account (cross pools and isolated positions). */
  accountRisk(wallets: Record<string, Decimal>, positions: readonly Position[]): AccountRisk;
  contractOf(read: Pick<ReadPosition, 'symbol' | 'market'>): Contract;
  /** The tier tables that ship with LiqGuard for a market, if any. */
  shippedTiers(market: string): TierTables | null;
  marketData: MarketDataFeeds;
  /** A snapshot re-priced from the stream's marks (PnL and isolated margins follow). */
  withMarkPrices(snapshot: PageSnapshot, marks: Record<string, string>): PageSnapshot;
  /** A funding settlement is charged within this of its time: it counts once that is over. */
  settlementDeviationMs: number;
  remedies: RemedyWording;
  /** The manifest's host permissions: public market data only. */
  hostPermissions: readonly string[];
  /** The hosts of that data and of the stream (the e2e harness serves them locally). */
  dataHosts: readonly string[];
}

/** The market `id` of `adapter`, or null for one it does not list. */
export const marketOf = (adapter: Pick<ExchangeAdapter, 'markets'>, id: string): MarketInfo | null =>
  adapter.markets.find((m) => m.id === id) ?? null;

/** The risk math's position from a page's reading, with what the venue's rules add (margin asset, own margin, contract, tiers). */
export const positionFrom = (
  read: ReadPosition,
  venue: Pick<Position, 'marginAsset' | 'isolatedMargin' | 'contract' | 'tiers'>,
): Position => ({
  symbol: read.symbol,
  side: read.side,
  size: dec(read.size),
  entryPrice: dec(read.entryPrice),
  markPrice: dec(read.markPrice),
  marginMode: read.marginMode,
  leverage: read.leverage ?? 1,
  ...venue,
});
