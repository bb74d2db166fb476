/**
 * FakeX's worker face. Its published formula (made up, like the exchange): an isolated linear position liquidates at
 * `entry × (1 − 1/leverage + mmr)` long and `entry × (1 + 1/leverage − mmr)` short, in USD, with one flat
 * maintenance rate `mmr` of 0.5 %. No cross margin, no tiers, no public market data.
 */
import { Decimal, dec } from '@/lib/core/decimal';
import type { ExchangeAdapter } from '@/lib/exchanges/adapter';
import type { PositionRisk } from '@/lib/risk/account';
import type { Position } from '@/lib/risk/types';

const MMR = new Decimal('0.005');

/** FakeX's formula for one isolated position. */
function fakexLiquidationPrice(position: Pick<Position, 'side' | 'entryPrice' | 'leverage'>): Decimal {
  const margin = new Decimal(1).div(position.leverage);
  return position.side === 'long'
    ? position.entryPrice.times(margin.neg().plus(1).plus(MMR))
    : position.entryPrice.times(margin.plus(1).minus(MMR));
}

function risk(position: Position): PositionRisk {
  const liquidationPrice = fakexLiquidationPrice(position);
  const toward = position.side === 'long' ? position.markPrice.minus(liquidationPrice) : liquidationPrice.minus(position.markPrice);
  const pnl = position.markPrice
    .minus(position.entryPrice)
    .times(position.size)
    .times(position.side === 'long' ? 1 : -1);
  return {
    symbol: position.symbol,
    side: position.side,
    marginMode: position.marginMode,
    notional: position.size.times(position.markPrice),
    unrealizedPnl: pnl,
    maintenanceMargin: position.size.times(position.markPrice).times(MMR),
    liquidationPrice,
    unliquidatable: false,
    distanceToLiquidation: toward.div(position.markPrice),
    priceBuffer: toward,
    balanceBuffer: null,
    pool: null,
  };
}

export const fakex: ExchangeAdapter = {
  id: 'fakex',
  name: 'FakeX',
  examplePage: 'app.fakex.test/trade/BTC-PERP',
  markets: [{ id: 'perp', label: 'Perpetuals', contract: 'linear', exactSizeUnit: 'base' }],
  has: { tiers: { perp: false }, fundingPaid: { perp: 'FakeX publishes no funding history' }, openOrders: false, crossPrice: 'exact' },
  prepare: (read) =>
    read.marginMode !== 'isolated' || read.leverage === null || read.margin === null
      ? { reason: 'FakeX positions are isolated, with their leverage and margin shown' }
      : {
          position: {
            symbol: read.symbol,
            marginAsset: 'USD',
            side: read.side,
            size: dec(read.size),
            entryPrice: dec(read.entryPrice),
            markPrice: dec(read.markPrice),
            marginMode: 'isolated',
            leverage: read.leverage,
            isolatedMargin: dec(read.margin),
            contract: { type: 'linear' },
            tiers: [],
          },
        },
  crossWallets: () => ({}),
  accountRisk: (_, positions) => ({ positions: positions.map(risk), accounts: [] }),
  contractOf: () => ({ type: 'linear' }),
  shippedTiers: () => null,
  marketData: {
    tiers: { url: () => null, refreshMs: Infinity, parse: () => ({ symbols: {}, rejected: {} }), load: () => null },
    rules: { url: () => null, refreshMs: Infinity, parse: () => ({ symbols: {}, rejected: {} }), load: () => ({}) },
    funding: { url: () => null, parse: () => null, load: () => ({}), refreshMs: Infinity, staleMs: 0 },
    fundingHistory: { url: () => null, parse: () => null, limit: 0 },
    markCandles: { url: () => null, parse: () => null, interval: '1 h', reference: () => null },
    markStream: { url: () => null, parse: () => null },
  },
  withMarkPrices: (snapshot) => snapshot,
  settlementDeviationMs: 0,
  remedies: {
    crossLiquidation: () => 'FakeX has no cross margin.',
    addMargin: ({ amount }) => `Deposit ${amount} into this FakeX position`,
    close: ({ size, share }) => `Sell ${size} (${share}) on FakeX`,
  },
  hostPermissions: [],
  dataHosts: [],
};
