/** Hand-worked Binance positions (shipped BTCUSDT and ETHUSDT tiers) for the stress and funding tests. */
import type { PageSnapshot, ReadPosition } from '@/lib/model/snapshot';

import { fixtures } from '../../fixtures/binance';

const base = fixtures.find((f) => f.name === 'en-usdm-cross-isolated')!.expected;
const btc = { ...base.positions[0]!, row: 1, size: '0.5' } satisfies ReadPosition;

export function position(change: Partial<ReadPosition>): ReadPosition {
  return { ...btc, pageLiquidationPrice: null, pnl: '0', roiPercent: '0', takeProfit: null, stopLoss: null, ...change };
}

export const crossBtc = position({
  symbol: 'BTCUSDT',
  side: 'long',
  size: '1',
  sizeAsset: 'BTC',
  entryPrice: '60000',
  markPrice: '60000',
  marginMode: 'cross',
  margin: '3000',
  leverage: 20,
});
export const isolatedEth = position({
  row: 2,
  symbol: 'ETHUSDT',
  side: 'short',
  size: '10',
  sizeAsset: 'ETH',
  entryPrice: '3000',
  markPrice: '3000',
  priceDecimals: 2,
  marginMode: 'isolated',
  margin: '2000',
  leverage: 15,
});

export const snapshotOf = (positions: ReadPosition[], walletBalance: string): PageSnapshot => ({
  ...base,
  positionsCount: positions.length,
  positions,
  unreadable: [],
  account: { ...base.account, walletBalance },
});
