/**
 * Hyperliquid's worker face: USDC-margined perpetuals (linear, sized in the coin), cross and isolated, with the
 * published liquidation formula and the margin tiers (`./position.ts`, `./marketData.ts`). All market data comes from
 * the public `/info` endpoint; positions only from the page, and the wallet address the page shows is never sent
 * anywhere. Its page face is `./page`.
 */
import { fill } from '../../core/i18n/fill';
import { because } from '../../core/i18n/reasons/because';
import { accountRisk } from '../../risk/account';
import type { ExchangeAdapter } from '../adapter';
import { loadFundingQuotes, loadRules, loadTierTables } from '../marketData';
import { API_HOST, INFO_URL, META_REQUEST, parseFunding, parseMeta, parseRules } from './marketData';
import { KEEP_ALIVE, markStreamUrl, parseAssetCtxMessage, subscribeMessages, withMarkPrices } from './markPrice';
import { MARKET_LABELS } from './page/routes';
import { hyperliquidCrossWallets, prepareHyperliquidPosition } from './position';
import { HYPERLIQUID_WORDING } from './wording';

const isPerp = (market: string) => market === 'perp';

export const hyperliquid: ExchangeAdapter = {
  id: 'hyperliquid',
  name: 'Hyperliquid',
  examplePage: 'app.hyperliquid.xyz/trade/BTC',
  markets: [{ id: 'perp', label: MARKET_LABELS.perp, contract: 'linear', exactSizeUnit: 'base' }],
  has: {
    tiers: { perp: 'fetched' },
    fundingPaid: { perp: because("the exchange's funding history has no mark price") },
    openOrders: false,
    crossPrice: 'exact',
  },
  prepare: prepareHyperliquidPosition,
  crossWallets: hyperliquidCrossWallets,
  // The published formula is the shared margin equation with the tiers' rate 1/(2L) (./position.ts).
  accountRisk,
  contractOf: () => ({ type: 'linear' }),
  shippedTiers: () => null,
  marketData: {
    tiers: {
      url: (market) => (isPerp(market) ? INFO_URL : null),
      init: META_REQUEST,
      refreshMs: 24 * 3600_000,
      parse: parseMeta,
      load: loadTierTables,
    },
    // Sizes at szDecimals, prices at five significant figures (the tick grows with the price), $10 the smallest order.
    rules: {
      url: (market) => (isPerp(market) ? INFO_URL : null),
      init: META_REQUEST,
      refreshMs: 24 * 3600_000,
      parse: parseRules,
      load: loadRules,
    },
    funding: {
      url: (market) => (isPerp(market) ? INFO_URL : null),
      init: () => META_REQUEST,
      parse: parseFunding,
      load: loadFundingQuotes,
      refreshMs: 60_000,
      staleMs: 5 * 60_000,
    },
    fundingHistory: { url: () => null, parse: () => null, limit: 0 },
    markCandles: { url: () => null, parse: () => null, interval: '4 h', reference: () => null },
    markStream: {
      url: (market, symbols) => (isPerp(market) ? markStreamUrl(symbols) : null),
      parse: parseAssetCtxMessage,
      subscribe: subscribeMessages,
      keepAlive: KEEP_ALIVE,
    },
  },
  withMarkPrices,
  // Funding is paid on the hour (INFERRED: within a minute).
  settlementDeviationMs: 60_000,
  remedies: {
    crossLiquidation: (language) => HYPERLIQUID_WORDING[language].crossLiquidation,
    addMargin: ({ amount, marginMode, language }) =>
      fill(HYPERLIQUID_WORDING[language][marginMode === 'cross' ? 'transfer' : 'addIsolated'], { amount }),
    close: ({ size, share, language }) => fill(HYPERLIQUID_WORDING[language].close, { size, share }),
  },
  // Only the public info endpoint (POST, market data: tiers, funding).
  hostPermissions: [`https://${API_HOST}/info`],
  dataHosts: [API_HOST],
};
