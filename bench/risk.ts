/** Time to recompute a 1,000-position cross account (goal ≤ 20 ms median on the project's 2-core machines). */
import { Decimal } from '@/lib/core/decimal';
import { SHIPPED_USDM_TIERS } from '@/lib/exchanges/binance/tiers';
import { accountRisk, type Position } from '@/lib/risk';

import { measure, type Figure } from './measure';

export function crossAccountOf(count: number): { wallet: Record<string, Decimal>; positions: Position[] } {
  const tables = Object.entries(SHIPPED_USDM_TIERS.symbols);
  // A fixed pseudo-random walk, so every run measures the same account.
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const positions: Position[] = Array.from({ length: count }, (_, i) => {
    const [symbol, tiers] = tables[i % tables.length]!;
    const entry = new Decimal(Math.round(100 + next() * 60000)).div(10);
    return {
      symbol: `${symbol}#${i}`,
      marginAsset: 'USDT',
      side: next() < 0.5 ? 'long' : 'short',
      size: new Decimal(Math.round(1 + next() * 5000)).div(1000),
      entryPrice: entry,
      markPrice: entry.times(new Decimal(Math.round(9800 + next() * 400)).div(10000)),
      marginMode: 'cross',
      leverage: 10,
      contract: { type: 'linear' },
      tiers,
    };
  });
  return { wallet: { USDT: new Decimal('2000000') }, positions };
}

export function benchRisk(): Figure[] {
  const { wallet, positions } = crossAccountOf(1000);
  const risk = accountRisk(wallet, positions);
  const solved = risk.positions.filter((p) => p.liquidationPrice !== null).length;
  return [
    measure(
      'risk: recompute a 1,000-position cross account',
      'ms',
      20,
      40,
      () => accountRisk(wallet, positions),
      `${solved} liquidation prices`,
    ),
  ];
}
