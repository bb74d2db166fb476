/**
 * The account as it would be if the open orders that add to its positions filled: each position grown by the
 * orders' remaining sizes at their limit (or, for stop entries, trigger) prices, its entry averaged, and an
 * isolated position's wallet grown by the orders' initial margin. `assess` recomputes this snapshot like
 * any other, so the tier at the new notional and the cross account's other positions follow.
 *
 * Left out, and said: orders that only reduce a position (reduce-only, hedge-mode closes, the other side in
 * one-way mode), orders on symbols with no position (their margin mode and leverage are not on the list), and
 * trading fees.
 */
import { dec, sum } from '../core/decimal';
import { assess } from './assess';
import type { AfterOrdersView, MarketContext } from './types';
import { adapterOf } from '../exchanges';
import { marketOf } from '../exchanges/adapter';
import { averageEntryPrice, initialMargin, unrealizedPnl } from '../risk';
import type { PageSnapshot, ReadOrder, ReadPosition } from '../model/snapshot';
import type { DecimalString } from '../core/parse/number';
import { because } from '../core/i18n/reasons/because';

export interface OrderFills {
  /** How many orders add to the position, and the size they add (in its size unit). */
  orders: number;
  addedSize: DecimalString;
}

export interface AfterOrders {
  snapshot: PageSnapshot;
  /** Per position (same index as the snapshot's): what filling adds to it, null when nothing does. */
  fills: (OrderFills | null)[];
  /** Why a position could not be grown, by position index. */
  problems: Map<number, string>;
  /** Orders on symbols without a position, which are not counted. */
  leftOut: number;
}

/** The orders that add to `position`: same symbol, its side, not reduce-only. */
function addingOrders(position: ReadPosition, orders: readonly ReadOrder[]): ReadOrder[] {
  const side = position.side === 'long' ? 'buy' : 'sell';
  return orders.filter(
    (o) =>
      o.symbol === position.symbol && !o.reduceOnly && o.side === side && (o.positionSide === null || o.positionSide === position.side),
  );
}

export function snapshotAfterOrders(snapshot: PageSnapshot, orders: readonly ReadOrder[]): AfterOrders {
  const adapter = adapterOf(snapshot);
  const problems = new Map<number, string>();
  const fills: (OrderFills | null)[] = [];
  const positions = snapshot.positions.map((position, index): ReadPosition => {
    const adding = addingOrders(position, orders);
    fills.push(adding.length > 0 ? { orders: adding.length, addedSize: sum(adding.map((o) => dec(o.remaining))).toFixed() } : null);
    if (adding.length === 0) return position;
    if (position.sizeUnit !== marketOf(adapter, position.market)?.exactSizeUnit) {
      problems.set(index, because('the size is not shown in the exact unit'));
      return position;
    }
    const contract = adapter.contractOf(position);
    const added = adding.map((o) => ({ size: dec(o.remaining), price: dec((o.price ?? o.triggerPrice)!) }));
    const size = dec(position.size);
    const entry = averageEntryPrice(contract, [{ size, price: dec(position.entryPrice) }, ...added])!;
    const grownSize = size.plus(sum(added.map((a) => a.size)));
    const pnl = unrealizedPnl(contract, { side: position.side, size: grownSize, entryPrice: entry }, dec(position.markPrice));
    let margin = position.margin;
    if (position.marginMode === 'isolated') {
      if (position.margin === null || position.pnl === null || position.leverage === null) {
        problems.set(index, because('the isolated margin, PnL or leverage could not be read'));
        return position;
      }
      // An isolated fill posts its initial margin (notional at the fill price / leverage) to the position.
      const posted = sum(added.map((a) => initialMargin(contract, a.size, a.price, dec(String(position.leverage)))));
      margin = dec(position.margin).minus(position.pnl).plus(posted).plus(pnl).toFixed();
    }
    return { ...position, size: grownSize.toFixed(), entryPrice: entry.toFixed(), pnl: pnl.toFixed(), margin };
  });
  const held = new Set(snapshot.positions.map((p) => p.symbol));
  const leftOut = orders.filter((o) => !o.reduceOnly && !held.has(o.symbol)).length;
  return { snapshot: { ...snapshot, positions }, fills, problems, leftOut };
}

/** Each position's liquidation after its adding orders fill (`snapshotAfterOrders`), by position index. */
export function afterOrdersViews(snapshot: PageSnapshot, market: MarketContext): (AfterOrdersView | null)[] {
  const read = market.orders;
  if (!read || market.afterOrders === false || snapshot.openOrdersCount === 0) return snapshot.positions.map(() => null);
  const after = snapshotAfterOrders(snapshot, read.list.orders);
  if (after.fills.every((fill) => fill === null)) return snapshot.positions.map(() => null);
  const outdated =
    snapshot.openOrdersCount != null && read.list.count !== null && snapshot.openOrdersCount !== read.list.count
      ? because('the Open Orders tab counts {count} now, {then} when it was read: open it again to update', {
          count: snapshot.openOrdersCount,
          then: read.list.count,
        })
      : null;
  // An order we could not read may add to its symbol's position, and through the shared wallet to every cross one.
  const crossSymbols = new Set(snapshot.positions.filter((p) => p.marginMode === 'cross').map((p) => p.symbol));
  const unreadableIn = (position: ReadPosition) =>
    read.list.unreadable.some(
      (row) => row.symbol === null || row.symbol === position.symbol || (position.marginMode === 'cross' && crossSymbols.has(row.symbol)),
    )
      ? because('an open order of this position (or of the cross account) could not be read')
      : null;
  const { prepared, risks, crossBlocked } = assess(after.snapshot, market.tiers ?? null);
  const note = [
    because('before fees'),
    ...(after.leftOut > 0 ? [because('{count} order(s) on symbols without a position not counted', { count: after.leftOut })] : []),
  ].join('; ');
  return after.fills.map((fill, i) => {
    if (!fill) return null;
    const entry = prepared[i]!;
    const risk = risks[i];
    const blocked = snapshot.positions[i]!.marginMode === 'cross' ? crossBlocked : null;
    const reason =
      outdated ??
      unreadableIn(snapshot.positions[i]!) ??
      after.problems.get(i) ??
      ('reason' in entry ? entry.reason : null) ??
      blocked ??
      (risk?.liquidationPrice ? null : (risk?.unavailableReason ?? because('no liquidation price')));
    return { ...fill, liquidationPrice: reason === null ? risk!.liquidationPrice!.toFixed() : null, reason, note, readAt: read.readAt };
  });
}
