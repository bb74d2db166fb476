/**
 * Binance's page, read as positions the risk math takes. Two readings are INFERRED (../shared/research/dom.md) and
 * checked by the overlay's mismatch flag: the Margin column of an isolated position is its margin including
 * unrealised PnL (the API's `isolatedMargin`), so its wallet is margin − PnL; and the account's Balance is the whole
 * wallet, so the cross wallet is Balance less the isolated positions' wallets.
 */
import { dec, sum, ZERO, type Decimal } from '../../core/decimal';
import type { PageSnapshot, ReadPosition } from '../../model/snapshot';
import type { Position } from '../../risk/types';
import { positionFrom, type Prepared } from '../adapter';
import { tiersFor, type TierTables } from '../marketData';
import { baseAsset, contractOfPosition, exactSizeUnit } from './contracts';
import { because } from '../../core/i18n/reasons/because';

export function prepareBinancePosition(read: ReadPosition, tables: readonly (TierTables | null)[]): Prepared {
  if (read.sizeUnit !== exactSizeUnit(read.market)) {
    return {
      reason:
        read.market === 'usdm'
          ? because("size is shown in {asset}; switch the page's size unit to the coin for exact figures", { asset: read.sizeAsset })
          : because('size is shown in coin; switch the page to contracts (Cont) for exact figures'),
    };
  }
  const tiers = tiersFor(read.symbol, ...tables);
  if (!tiers.ok) return { reason: tiers.reason };
  if (read.marginMode === 'isolated' && (read.margin === null || read.pnl === null)) {
    return { reason: because('the isolated margin or PnL could not be read') };
  }
  return {
    position: positionFrom(read, {
      marginAsset: read.marginAsset ?? (read.market === 'usdm' ? 'USDT' : baseAsset(read.symbol)),
      isolatedMargin: read.marginMode === 'isolated' ? dec(read.margin!).minus(read.pnl!) : undefined,
      contract: contractOfPosition(read),
      tiers: tiers.value.tiers,
    }),
  };
}

/** The cross wallet of the account's asset: the Balance shown, less the isolated positions' own wallets. */
export function binanceCrossWallets(snapshot: PageSnapshot, usable: readonly Position[]): Record<string, Decimal> {
  const asset = snapshot.account.asset;
  if (!asset || snapshot.account.walletBalance === null) return {};
  const isolatedWallets = usable.filter((p) => p.marginMode === 'isolated' && p.marginAsset === asset).map((p) => p.isolatedMargin ?? ZERO);
  return { [asset]: dec(snapshot.account.walletBalance).minus(sum(isolatedWallets)) };
}
