/** Every position of a snapshot recomputed with its exchange's adapter: the model of each, and its risk. */
import { adapterOf } from '../exchanges';
import { type TierTables } from '../exchanges/marketData';
import { type Position, type PositionRisk } from '../risk';
import type { PageSnapshot } from '../model/snapshot';
import type { Assessment } from './types';
import { because } from '../core/i18n/reasons/because';

/** Recomputes every position of a snapshot with `lib/risk` (what `riskView` shows, and the popup's solvers use). */
export function assess(snapshot: PageSnapshot, freshTiers: TierTables | null = null): Assessment {
  const adapter = adapterOf(snapshot);
  const tables = [freshTiers, adapter.shippedTiers(snapshot.market)];
  const prepared = snapshot.positions.map((read) => adapter.prepare(read, tables));
  const usable = prepared.flatMap((p) => ('position' in p ? [p.position] : []));
  const crossBlocked = prepared.some((p, i) => 'reason' in p && snapshot.positions[i]!.marginMode === 'cross')
    ? because('another cross position could not be used, so cross figures are incomplete')
    : snapshot.unreadable.length > 0
      ? because('a row could not be read, so cross figures are incomplete')
      : snapshot.positionsCount !== null && snapshot.positionsCount > snapshot.positions.length + snapshot.unreadable.length
        ? because('not every position is on the page (is "Hide Other Symbols" on?), so cross figures are incomplete')
        : null;

  const wallets = crossBlocked ? {} : adapter.crossWallets(snapshot, usable);
  const risk = adapter.accountRisk(wallets, usable);
  const riskOf = new Map<Position, PositionRisk>(usable.map((p, i) => [p, risk.positions[i]!]));
  const risks = prepared.map((p, i) => {
    if (!('position' in p)) return null;
    const computed = riskOf.get(p.position)!;
    return snapshot.positions[i]!.marginMode === 'cross' && crossBlocked ? { ...computed, pool: null } : computed;
  });
  return { prepared, risks, crossBlocked, accounts: risk.accounts, walletAssets: Object.keys(wallets) };
}
