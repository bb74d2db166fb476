/**
 * Binance's worker face: USDⓈ-M (linear, sized in the coin) and COIN-M (inverse, sized in contracts), Binance's
 * cross and isolated liquidation with its maintenance tiers (`lib/risk/account.ts`, math.md), and its public market
 * data. Its page face is `./page`.
 */
import { fill } from '../../core/i18n/fill';
import { accountRisk } from '../../risk/account';
import type { ExchangeAdapter } from '../adapter';
import { contractOfPosition, exactSizeUnit } from './contracts';
import {
  EXCHANGE_INFO_ENDPOINTS,
  FUNDING_HISTORY_LIMIT,
  FUNDING_REFRESH_MS,
  FUNDING_STALE_MS,
  fundingHistoryUrl,
  parseExchangeInfo,
  parseFundingHistory,
  parseMarkCandles,
  markCandlesUrl,
  parsePremiumIndex,
  premiumIndexUrl,
  RULES_REFRESH_MS,
} from './marketData';
import { MARK_PRICE_HOSTS, markPriceStreamUrl, parseMarkPriceMessage, withMarkPrices } from './markPrice';
import { MARKET_LABELS, type FuturesMarket } from './page/routes';
import { binanceCrossWallets, prepareBinancePosition } from './position';
import { BINANCE_WORDING } from './wording';
import { loadFundingQuotes, loadRules, loadTierTables } from '../marketData';
import { BRACKET_ENDPOINTS, parseBracketResponse, SHIPPED_USDM_TIERS, TIER_REFRESH_MS } from './tiers';
import { because } from '../../core/i18n/reasons/because';

const isMarket = (market: string): market is FuturesMarket => market === 'usdm' || market === 'coinm';

export const binance: ExchangeAdapter = {
  id: 'binance',
  name: 'Binance',
  examplePage: 'binance.com/en/futures/BTCUSDT',
  markets: [
    { id: 'usdm', label: MARKET_LABELS.usdm, contract: 'linear', exactSizeUnit: exactSizeUnit('usdm') },
    { id: 'coinm', label: MARKET_LABELS.coinm, contract: 'inverse', exactSizeUnit: exactSizeUnit('coinm') },
  ],
  has: {
    tiers: { usdm: 'shipped', coinm: 'fetched' },
    fundingPaid: { usdm: true, coinm: because("the exchange's COIN-M funding history has no mark price") },
    openOrders: true,
    crossPrice: 'exact',
  },
  prepare: prepareBinancePosition,
  crossWallets: binanceCrossWallets,
  accountRisk,
  contractOf: contractOfPosition,
  shippedTiers: (market) => (market === 'usdm' ? SHIPPED_USDM_TIERS : null),
  marketData: {
    tiers: {
      url: (market) => (isMarket(market) ? BRACKET_ENDPOINTS[market] : null),
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      refreshMs: TIER_REFRESH_MS,
      parse: parseBracketResponse,
      load: loadTierTables,
    },
    rules: {
      url: (market) => (isMarket(market) ? EXCHANGE_INFO_ENDPOINTS[market] : null),
      refreshMs: RULES_REFRESH_MS,
      parse: parseExchangeInfo,
      load: loadRules,
    },
    funding: {
      url: (market, symbol) => (isMarket(market) ? premiumIndexUrl(market, symbol) : null),
      parse: parsePremiumIndex,
      load: loadFundingQuotes,
      refreshMs: FUNDING_REFRESH_MS,
      staleMs: FUNDING_STALE_MS,
    },
    fundingHistory: {
      url: (market, symbol, since) => (market === 'usdm' ? fundingHistoryUrl(symbol, since) : null),
      parse: parseFundingHistory,
      limit: FUNDING_HISTORY_LIMIT,
    },
    markCandles: {
      url: (market, symbol) => (isMarket(market) ? markCandlesUrl(market, symbol) : null),
      parse: parseMarkCandles,
      interval: '4 h',
      reference: (market) => (market === 'usdm' ? 'BTCUSDT' : market === 'coinm' ? 'BTCUSD_PERP' : null),
    },
    markStream: {
      url: (market, symbols) => (isMarket(market) ? markPriceStreamUrl(market, symbols) : null),
      parse: parseMarkPriceMessage,
    },
  },
  withMarkPrices,
  // Binance charges within a minute of the funding time (math.md §4.2).
  settlementDeviationMs: 60_000,
  // Binance's own words: a cross position draws on the futures wallet, which is funded by a transfer; an isolated
  // one takes margin through the position's Margin ✎ dialog; a close is a reduce-only market order.
  remedies: {
    crossLiquidation: (language) => BINANCE_WORDING[language].crossLiquidation,
    addMargin: ({ amount, marginMode, market, language }) =>
      fill(BINANCE_WORDING[language][marginMode === 'cross' ? 'transfer' : 'addIsolated'], {
        amount,
        wallet: market === 'coinm' ? 'COIN-M' : 'USDⓈ-M',
      }),
    close: ({ size, share, language }) => fill(BINANCE_WORDING[language].close, { size, share }),
  },
  // Only the exchange's public market data: the tier endpoint for maintenance-margin tiers, and exchangeInfo /
  // premiumIndex / fundingRate for order rules and funding.
  hostPermissions: [
    'https://www.binance.com/bapi/futures/v1/friendly/*',
    'https://fapi.binance.com/fapi/v1/*',
    'https://dapi.binance.com/dapi/v1/*',
  ],
  dataHosts: ['www.binance.com', 'fapi.binance.com', 'dapi.binance.com', ...Object.values(MARK_PRICE_HOSTS)],
};
