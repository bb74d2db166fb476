/**
 * Hyperliquid's page, read as positions the risk math takes. Hyperliquid's published liquidation price,
 *
 *     liq = price − side × margin_available / size / (1 − l × side),   l = 1 / MAINTENANCE_LEVERAGE = 1 / (2 × maxLeverage)
 *
 * with `margin_available` the isolated margin (or the cross account value) less the maintenance margin required
 * (hyperliquid.md §A; freqtrade `hyperliquid.py::dry_run_liquidation_price`, the same in HyENA's docs), is the margin
 * equation `balance + side × size × (liq − entry) = size × liq × l − deduction` solved for `liq`: the shared equation
 * (`lib/risk/liquidation.ts`) with the margin tiers' rate `1/(2L)` and deduction, cross positions sharing the account.
 * Units: USDC; sizes in the coin. Two readings are INFERRED and checked by the mismatch flag: an isolated position's
 * Margin includes its PnL (so its own margin is Margin − PnL), and the account's equity less the isolated positions'
 * Margin and the cross positions' PnL is the cross wallet.
 */
import { dec, sum, type Decimal } from '../../core/decimal';
import { because } from '../../core/i18n/reasons/because';
import type { PageSnapshot, ReadPosition } from '../../model/snapshot';
import { positionFrom, type Prepared } from '../adapter';
import { tiersFor, type TierTables } from '../marketData';

export function prepareHyperliquidPosition(read: ReadPosition, tables: readonly (TierTables | null)[]): Prepared {
  if (read.sizeUnit !== 'base') return { reason: because('the size is not shown in the exact unit') };
  const tiers = tiersFor(read.symbol, ...tables);
  if (!tiers.ok) return { reason: tiers.reason };
  if (read.marginMode === 'isolated' && (read.margin === null || read.pnl === null))
    return { reason: because('the isolated margin or PnL could not be read') };
  return {
    position: positionFrom(read, {
      marginAsset: 'USDC',
      isolatedMargin: read.marginMode === 'isolated' ? dec(read.margin!).minus(read.pnl!) : undefined,
      contract: { type: 'linear' },
      tiers: tiers.value.tiers,
    }),
  };
}

/** The USDC cross wallet: the account's equity less the isolated positions' Margin and the cross positions' PnL. */
export function hyperliquidCrossWallets(snapshot: PageSnapshot): Record<string, Decimal> {
  const { account, positions } = snapshot;
  const unknown = (p: ReadPosition) => (p.marginMode === 'isolated' ? p.margin === null : p.pnl === null);
  if (account.marginBalance === null || positions.some(unknown)) return {};
  const isolated = positions.filter((p) => p.marginMode === 'isolated').map((p) => dec(p.margin!));
  const crossPnl = positions.filter((p) => p.marginMode === 'cross').map((p) => dec(p.pnl!));
  return { USDC: dec(account.marginBalance).minus(sum(isolated)).minus(sum(crossPnl)) };
}
