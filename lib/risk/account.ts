/**
 * Risk of every position in an account, the way Binance computes it (math.md §1.1–§1.3):
 * - cross positions of one margin asset share the cross wallet; each symbol's liquidation price counts every
 *   other cross position's maintenance margin and unrealised PnL **at its mark price** (TMM1, UPNL1 of S1);
 * - both legs of a hedge-mode symbol in cross liquidate together, at one price;
 * - an isolated position stands alone on its own wallet (`isolatedWallet`).
 * Margin ratio = maintenance margin / margin balance, margin balance = wallet balance + unrealised PnL (S3, S4).
 * Fractions are fractions: a distance of 0.064 is 6.4 % of the mark price.
 */
import { ZERO, dec, magnitude, sum, type Decimal, type DecimalInput } from '../core/decimal';
import { maintenanceMargin } from './brackets';
import { NO_LIQUIDATION_PRICE, liquidation, toBracket, type BracketInput, type MarginPool } from './liquidation';
import { notional, unrealizedPnl } from './pnl';
import type { Position, Result, Side } from './types';
import { because } from '../core/i18n/reasons/because';

export interface PositionRisk {
  symbol: string;
  side: Side;
  marginMode: Position['marginMode'];
  notional: Decimal;
  unrealizedPnl: Decimal;
  /** At the mark price; null when the symbol's tiers are unknown. */
  maintenanceMargin: Decimal | null;
  liquidationPrice: Decimal | null;
  /** Why there is no liquidation price (or no distance), when there is none. */
  unavailableReason?: string;
  /** No mark price within the exchange's tiers liquidates it (the exchange shows "--"), as things stand: no distance to watch. */
  unliquidatable: boolean;
  /** |mark − liquidation| / mark, positive while the position is safe, negative once past it. */
  distanceToLiquidation: Decimal | null;
  /** How far the mark price can move against the position before liquidation, in quote units (signed like distance). */
  priceBuffer: Decimal | null;
  /** Margin balance minus maintenance margin of the pool the position lives in (cross wallet, or its own). */
  balanceBuffer: Decimal | null;
  /** That pool, for the what-if solvers (margin to add, size to cut); null when its figures are unknown. */
  pool: MarginPool | null;
}

export interface MarginAssetRisk {
  marginAsset: string;
  walletBalance: Decimal;
  unrealizedPnl: Decimal;
  /** Cross positions only: isolated positions live on their own wallets. */
  marginBalance: Decimal;
  maintenanceMargin: Decimal | null;
  /** maintenance margin / margin balance; null when either is unknown or the balance is ≤ 0. */
  marginRatio: Decimal | null;
  balanceBuffer: Decimal | null;
  unavailableReasons: string[];
}

export interface AccountRisk {
  positions: PositionRisk[];
  accounts: MarginAssetRisk[];
}

/** A position's figures at its mark price, computed once. */
interface AtMark {
  position: Position;
  notional: Decimal;
  unrealizedPnl: Decimal;
  maintenance: Result<Decimal>;
}

function atMark(position: Position): AtMark {
  const value = notional(position.contract, position.size, position.markPrice);
  return {
    position,
    notional: value,
    unrealizedPnl: unrealizedPnl(position.contract, position, position.markPrice),
    maintenance: maintenanceMargin(position.tiers, value),
  };
}

/**
 * The risk of one pool's members. Their margin balance minus maintenance margin at the mark (the balance
 * buffer) decides the sign of the distance: positive while the pool is not liquidated.
 */
function poolRisk(pool: MarginPool, members: readonly AtMark[], why?: string): PositionRisk[] {
  const mark = members[0]!.position.markPrice;
  const solved = why ? null : liquidation(pool, mark);
  const slack = why
    ? null
    : pool.balance
        .plus(sum(members.map((m) => m.unrealizedPnl)))
        .minus(sum(members.map((m) => (m.maintenance.ok ? m.maintenance.value : ZERO))));
  return members.map((member) => {
    const base = {
      symbol: member.position.symbol,
      side: member.position.side,
      marginMode: member.position.marginMode,
      notional: member.notional,
      unrealizedPnl: member.unrealizedPnl,
      maintenanceMargin: member.maintenance.ok ? member.maintenance.value : null,
      balanceBuffer: slack,
      pool: why ? null : pool,
    };
    if (!solved?.ok || slack === null) {
      const reason = why ?? (solved && !solved.ok ? solved.reason : 'unknown');
      const unliquidatable = slack !== null && slack.gte(0) && solved?.ok === false && solved.reason === NO_LIQUIDATION_PRICE;
      return { ...base, liquidationPrice: null, unavailableReason: reason, unliquidatable, distanceToLiquidation: null, priceBuffer: null };
    }
    const gap = magnitude(mark.minus(solved.value.price));
    const signedGap = slack.gte(0) ? gap : gap.neg();
    return {
      ...base,
      liquidationPrice: solved.value.price,
      unliquidatable: false,
      distanceToLiquidation: signedGap.div(mark),
      priceBuffer: signedGap,
    };
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Every position's risk, and each margin asset's cross account figures. */
export function accountRisk(walletBalances: Record<string, Decimal>, positions: readonly Position[]): AccountRisk {
  const risks = new Map<Position, PositionRisk>();
  const accounts: MarginAssetRisk[] = [];
  const byAsset = groupBy(positions.map(atMark), (m) => m.position.marginAsset);
  for (const asset of Object.keys(walletBalances)) if (!byAsset.has(asset)) byAsset.set(asset, []);

  for (const [asset, members] of byAsset) {
    const walletBalance = walletBalances[asset];
    const cross = members.filter((m) => m.position.marginMode === 'cross');
    const unknownTiers = new Set(cross.filter((m) => !m.maintenance.ok).map((m) => m.position.symbol));
    const reasons: string[] = [];
    if (walletBalance === undefined) reasons.push(because('the {asset} wallet balance could not be read', { asset }));
    if (unknownTiers.size > 0)
      reasons.push(because('maintenance-margin tiers unknown for {symbols}', { symbols: [...unknownTiers].join(', ') }));
    const why = reasons.length > 0 ? reasons.join('; ') : undefined;
    const maintenanceOf = (group: readonly AtMark[]) => sum(group.map((m) => (m.maintenance.ok ? m.maintenance.value : ZERO)));
    const pnlOf = (group: readonly AtMark[]) => sum(group.map((m) => m.unrealizedPnl));
    const totalMaintenance = why ? null : maintenanceOf(cross);
    const totalPnl = pnlOf(cross);

    for (const group of groupBy(cross, (m) => m.position.symbol).values()) {
      // WB' of S1: the cross wallet less the other symbols' maintenance margin, plus their unrealised PnL.
      const balance =
        walletBalance === undefined || totalMaintenance === null
          ? ZERO
          : walletBalance.minus(totalMaintenance.minus(maintenanceOf(group))).plus(totalPnl.minus(pnlOf(group)));
      const pool: MarginPool = { contract: group[0]!.position.contract, balance, legs: group.map((m) => m.position) };
      poolRisk(pool, group, why).forEach((risk, i) => risks.set(group[i]!.position, risk));
    }

    for (const member of members.filter((m) => m.position.marginMode === 'isolated')) {
      const { position } = member;
      const isolatedWhy =
        position.isolatedMargin === undefined
          ? because('the isolated margin could not be read')
          : member.maintenance.ok
            ? undefined
            : member.maintenance.reason;
      const pool: MarginPool = { contract: position.contract, balance: position.isolatedMargin ?? ZERO, legs: [position] };
      risks.set(position, poolRisk(pool, [member], isolatedWhy)[0]!);
    }

    if (walletBalance !== undefined || cross.length > 0) {
      const marginBalance = (walletBalance ?? ZERO).plus(totalPnl);
      accounts.push({
        marginAsset: asset,
        walletBalance: walletBalance ?? ZERO,
        unrealizedPnl: totalPnl,
        marginBalance,
        maintenanceMargin: totalMaintenance,
        marginRatio: totalMaintenance !== null && marginBalance.gt(0) ? totalMaintenance.div(marginBalance) : null,
        balanceBuffer: totalMaintenance !== null ? marginBalance.minus(totalMaintenance) : null,
        unavailableReasons: reasons,
      });
    }
  }
  return { positions: positions.map((p) => risks.get(p)!), accounts };
}

/**
 * Facade: a cross account of linear (USDⓈ-M) positions in one margin asset, numbers as strings or Decimals.
 * Each position's liquidation price is computed with every other position at its mark price.
 */
export function crossAccountRisk(input: {
  walletBalance: DecimalInput;
  positions: readonly {
    symbol: string;
    side: Side;
    size: DecimalInput;
    entryPrice: DecimalInput;
    markPrice: DecimalInput;
    tiers: readonly BracketInput[];
    leverage?: number;
  }[];
}): { positions: PositionRisk[]; account: MarginAssetRisk } {
  const positions: Position[] = input.positions.map((p) => ({
    symbol: p.symbol,
    marginAsset: 'quote',
    side: p.side,
    size: dec(p.size).abs(),
    entryPrice: dec(p.entryPrice),
    markPrice: dec(p.markPrice),
    marginMode: 'cross',
    leverage: p.leverage ?? 1,
    contract: { type: 'linear' },
    tiers: p.tiers.map(toBracket),
  }));
  const risk = accountRisk({ quote: dec(input.walletBalance) }, positions);
  return { positions: risk.positions, account: risk.accounts[0]! };
}
