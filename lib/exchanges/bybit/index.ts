/**
 * Bybit's worker face: USDT perpetuals (linear, sized in the coin) and inverse perpetuals (sized in USD contracts) on
 * the Unified Trading Account. Isolated positions liquidate at the published UTA formula (`./margin.ts`), solved with
 * the risk-limit tier at the liquidation price; cross positions liquidate with the whole account, when its
 * maintenance margin rate reaches 100 %, so that rate is the headline and a cross position's price an estimate
 * (bybit.md §A1, §A7). Its page face is `./page`.
 */
import { fill } from '../../core/i18n/fill';
import { because } from '../../core/i18n/reasons/because';
import { accountRisk } from '../../risk/account';
import type { ExchangeAdapter } from '../adapter';
import { loadFundingQuotes, loadRules, loadTierTables } from '../marketData';
import { contractOfBybit, exactSizeUnit } from './contracts';
import {
  API_HOST,
  instrumentsUrl,
  isBybitMarket,
  markCandlesUrl,
  nextPage,
  parseInstruments,
  parseMarkKlines,
  parseRiskLimits,
  parseTicker,
  riskLimitUrl,
  tickersUrl,
} from './marketData';
import { KEEP_ALIVE, markStreamUrl, parseTickerMessage, STREAM_HOST, subscribeMessages, withMarkPrices } from './markPrice';
import { MARKET_LABELS } from './page/routes';
import { bybitCrossWallets, prepareBybitPosition } from './position';
import { BYBIT_WORDING } from './wording';

const DAY_MS = 24 * 60 * 60 * 1000;
const NO_MARK_IN_HISTORY = because("the exchange's funding history has no mark price");

export const bybit: ExchangeAdapter = {
  id: 'bybit',
  name: 'Bybit',
  examplePage: 'bybit.com/trade/usdt/BTCUSDT',
  markets: [
    { id: 'linear', label: MARKET_LABELS.linear, contract: 'linear', exactSizeUnit: exactSizeUnit('linear') },
    { id: 'inverse', label: MARKET_LABELS.inverse, contract: 'inverse', exactSizeUnit: exactSizeUnit('inverse') },
  ],
  has: {
    tiers: { linear: 'fetched', inverse: 'fetched' },
    fundingPaid: { linear: NO_MARK_IN_HISTORY, inverse: NO_MARK_IN_HISTORY },
    openOrders: false,
    crossPrice: 'estimate',
  },
  prepare: prepareBybitPosition,
  crossWallets: bybitCrossWallets,
  // The published isolated formulas are Binance's equation with Bybit's wallet (./margin.ts); cross is the account's
  // maintenance margin against its margin balance, as on Binance.
  accountRisk,
  contractOf: (read) => contractOfBybit(read.market),
  shippedTiers: () => null,
  marketData: {
    tiers: {
      url: (market) => (isBybitMarket(market) ? riskLimitUrl(market) : null),
      refreshMs: DAY_MS,
      parse: parseRiskLimits,
      next: nextPage,
      load: loadTierTables,
    },
    rules: {
      url: (market) => (isBybitMarket(market) ? instrumentsUrl(market) : null),
      refreshMs: DAY_MS,
      parse: parseInstruments,
      next: nextPage,
      load: loadRules,
    },
    funding: {
      url: (market, symbol) => (isBybitMarket(market) ? tickersUrl(market, symbol) : null),
      parse: parseTicker,
      load: loadFundingQuotes,
      refreshMs: 60_000,
      staleMs: 5 * 60_000,
    },
    fundingHistory: { url: () => null, parse: () => null, limit: 0 },
    markCandles: {
      url: (market, symbol) => (isBybitMarket(market) ? markCandlesUrl(market, symbol) : null),
      parse: parseMarkKlines,
      interval: '4 h',
      reference: (market) => (market === 'linear' ? 'BTCUSDT' : market === 'inverse' ? 'BTCUSD' : null),
    },
    markStream: {
      url: (market, symbols) => (isBybitMarket(market) ? markStreamUrl(market, symbols) : null),
      parse: parseTickerMessage,
      subscribe: subscribeMessages,
      keepAlive: KEEP_ALIVE,
    },
  },
  withMarkPrices,
  // INFERRED: settlements are charged at the funding time, within a minute, as on Binance.
  settlementDeviationMs: 60_000,
  remedies: {
    crossLiquidation: (language) => BYBIT_WORDING[language].crossLiquidation,
    addMargin: ({ amount, marginMode, language }) =>
      fill(BYBIT_WORDING[language][marginMode === 'cross' ? 'transfer' : 'addIsolated'], { amount }),
    close: ({ size, share, language }) => fill(BYBIT_WORDING[language].close, { size, share }),
  },
  // Only the public v5 market endpoints (risk limits, instruments, tickers, mark-price bars).
  hostPermissions: [`https://${API_HOST}/v5/market/*`],
  dataHosts: [API_HOST, STREAM_HOST],
};
