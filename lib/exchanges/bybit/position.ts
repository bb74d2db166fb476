/**
 * Bybit's page, read as positions the risk math takes. Two readings are INFERRED (bybit.md §A2, §A7, §D) and checked
 * by the overlay's mismatch flag: an isolated position's Position Margin is the API's position margin (initial
 * margin + fee to close + margin added, no PnL), from which the published formula's wallet follows
 * (`bybitIsolatedWallet`); and the account's Margin Balance is the USDT collateral plus the cross positions' PnL,
 * so the cross wallet is the Margin Balance less that PnL.
 */
import { dec, sum, ZERO, type Decimal } from '../../core/decimal';
import { because } from '../../core/i18n/reasons/because';
import type { PageSnapshot, ReadPosition } from '../../model/snapshot';
import { positionFrom, type Prepared } from '../adapter';
import { tiersFor, type TierTables } from '../marketData';
import { baseAsset, contractOfBybit, exactSizeUnit } from './contracts';
import { BYBIT_TAKER_FEE, bybitIsolatedWallet, extraMarginOf, initialMargin, type IsolatedTerms } from './margin';

/** A position margin this far below the initial margin (a share of it) is another figure, not a rounding. */
const MARGIN_SLACK = dec('0.01');

/** The wallet the published formula gives an isolated position, from the position margin the page shows. */
function isolatedWallet(read: ReadPosition): Decimal | string {
  if (read.margin === null || read.leverage === null) return because('the isolated margin, PnL or leverage could not be read');
  const terms: IsolatedTerms = {
    contract: read.market === 'inverse' ? 'inverse' : 'linear',
    side: read.side,
    size: dec(read.size),
    entryPrice: dec(read.entryPrice),
    leverage: dec(String(read.leverage)),
    taker: BYBIT_TAKER_FEE,
  };
  const extra = extraMarginOf(terms, dec(read.margin));
  if (extra.lt(initialMargin(terms).times(MARGIN_SLACK).neg()))
    return because('the position margin shown is below the initial margin at its leverage');
  return bybitIsolatedWallet(terms, extra.gt(0) ? extra : ZERO);
}

export function prepareBybitPosition(read: ReadPosition, tables: readonly (TierTables | null)[]): Prepared {
  if (read.sizeUnit !== exactSizeUnit(read.market)) return { reason: because('the size is not shown in the exact unit') };
  const tiers = tiersFor(read.symbol, ...tables);
  if (!tiers.ok) return { reason: tiers.reason };
  const wallet = read.marginMode === 'isolated' ? isolatedWallet(read) : null;
  if (typeof wallet === 'string') return { reason: wallet };
  return {
    position: positionFrom(read, {
      marginAsset: read.market === 'inverse' ? baseAsset(read.symbol) : 'USDT',
      isolatedMargin: wallet ?? undefined,
      contract: contractOfBybit(read.market),
      tiers: tiers.value.tiers,
    }),
  };
}

/**
 * The USDT cross wallet: the Margin Balance shown less every cross USDT position's unrealised PnL (unknown when one's
 * PnL is). Inverse positions are margined in their coin, whose wallet the page does not show.
 */
export function bybitCrossWallets(snapshot: PageSnapshot): Record<string, Decimal> {
  const { account } = snapshot;
  const cross = snapshot.positions.filter((p) => p.marginMode === 'cross' && p.market === 'linear');
  if (account.asset !== 'USDT' || account.marginBalance === null || cross.some((p) => p.pnl === null)) return {};
  return { USDT: dec(account.marginBalance).minus(sum(cross.map((p) => dec(p.pnl!)))) };
}
