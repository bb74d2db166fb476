/**
 * Turns what the reader saw into what the trader is shown: our own liquidation price and buffers for each
 * position (recomputed by its exchange's adapter, cross positions with the others at their marks), the colour band
 * by the user's thresholds, and a flag when the page's liquidation price and ours disagree — which is also how the
 * adapter's INFERRED readings of its page are checked on every read. A figure we cannot vouch for is null with the
 * reason.
 */
import { Decimal, dec } from '../core/decimal';
import { adapterOf } from '../exchanges';
import { breakEvenPrice, type PositionRisk } from '../risk';
import type { Prepared } from '../exchanges/adapter';
import type { Band } from '../model/overlay';
import { thresholdsFor, type DistanceThresholds, type Settings } from '../model/settings';
import { accountKey, positionKey } from '../model/keys';
import type { PageSnapshot } from '../model/snapshot';
import type { MarketContext, PositionView, RiskView } from './types';
import { afterOrdersViews } from './afterOrders';
import { assess } from './assess';
import { fundingFields, fundingOf, fundingPaidOf, liquidationAfterPayment } from './funding';
import { gridOf } from './format';
import { remedyFor } from './remedies';
import { worstStop } from './stops';
import { because } from '../core/i18n/reasons/because';

/** How far apart two liquidation prices may be before we flag it: 3 ticks, or 0.02 % of the price if larger. */
function mismatchTolerance(price: Decimal, decimals: number): Decimal {
  const ticks = new Decimal(`3e-${decimals}`);
  const relative = price.times('0.0002');
  return ticks.gt(relative) ? ticks : relative;
}

/** How far the mark may move against the position before `liquidation`, as a fraction of the mark. */
function distanceFrom(read: Pick<PageSnapshot['positions'][number], 'side' | 'markPrice'>, liquidation: Decimal): Decimal {
  const mark = dec(read.markPrice);
  return (read.side === 'long' ? mark.minus(liquidation) : liquidation.minus(mark)).div(mark);
}

function bandOf(distance: Decimal | null, settings: DistanceThresholds): Band {
  if (distance === null) return 'unknown';
  if (distance.lte(settings.dangerDistance)) return 'danger';
  if (distance.lte(settings.warningDistance)) return 'warning';
  return 'safe';
}

export function riskView(snapshot: PageSnapshot, settings: Settings, market: MarketContext = {}): RiskView {
  const adapter = adapterOf(snapshot);
  /** The next funding payment, with where it leaves an isolated position's liquidation. */
  const withLiquidationAfter = (funding: ReturnType<typeof fundingOf>, entry: Prepared, risk: PositionRisk | null) =>
    funding?.ok
      ? {
          ...funding,
          value: {
            ...funding.value,
            liquidationAfter: liquidationAfterPayment(adapter, entry, risk, dec(funding.value.payment))?.toFixed() ?? null,
          },
        }
      : funding;
  const { prepared, risks, crossBlocked, accounts, walletAssets } = assess(snapshot, market.tiers ?? null);
  const now = market.now ?? Date.now();
  const afterOrders = afterOrdersViews(snapshot, market);
  const asset = snapshot.account.asset;
  const positions = snapshot.positions.map((read, i): PositionView => {
    const entry = prepared[i]!;
    const computed = risks[i] ?? null;
    const blocked = read.marginMode === 'cross' && crossBlocked;
    const reason = 'reason' in entry ? entry.reason : blocked ? crossBlocked : (computed?.unavailableReason ?? null);
    const usableRisk = computed && !blocked ? computed : null;
    const ours = usableRisk?.liquidationPrice ?? null;
    const page = read.pageLiquidationPrice === null ? null : dec(read.pageLiquidationPrice);
    const rules = market.rules?.[read.symbol];
    const grid = gridOf(read, rules, settings.displayDecimals);
    let mismatch: PositionView['mismatch'] = null;
    // Where both prices of a cross position are estimates (the exchange liquidates the account, not the position),
    // their difference says nothing about a misread page.
    const bothEstimates = read.marginMode === 'cross' && adapter.has.crossPrice === 'estimate';
    if (usableRisk && !bothEstimates && snapshot.pricesFrom !== 'stream' && (ours !== null || page !== null)) {
      // The page shows its liquidation price at the symbol's tick (not the user's display decimals).
      const tolerance = mismatchTolerance(ours ?? page!, read.priceDecimals);
      if (ours === null || page === null || ours.minus(page).abs().gt(tolerance)) mismatch = { tolerance: tolerance.toFixed() };
    }
    const distance = usableRisk?.distanceToLiquidation ?? null;
    const thresholds = thresholdsFor(settings, positionKey(accountKey(snapshot), read));
    const band = bandOf(distance, thresholds);
    return {
      row: read.row,
      symbol: read.symbol,
      side: read.side,
      size: read.size,
      entryPrice: read.entryPrice,
      marginMode: read.marginMode,
      leverage: read.leverage,
      markPrice: read.markPrice,
      liquidationPrice: ours?.toFixed() ?? null,
      pageLiquidationPrice: read.pageLiquidationPrice,
      distance: distance?.toFixed() ?? null,
      pageDistance: page === null ? null : distanceFrom(read, page).toFixed(),
      unliquidatable: usableRisk?.unliquidatable ?? false,
      priceBuffer: usableRisk?.priceBuffer?.toFixed() ?? null,
      balanceBuffer: usableRisk?.balanceBuffer?.toFixed() ?? null,
      marginAsset: read.marginAsset,
      band,
      reason: ours === null ? reason : null,
      mismatch,
      ...grid,
      remedy:
        usableRisk && (band === 'warning' || band === 'danger')
          ? remedyFor(adapter, read, usableRisk, new Decimal(thresholds.warningDistance), rules)
          : null,
      stop: worstStop(
        adapter,
        read,
        usableRisk,
        market.orders && snapshot.openOrdersCount === market.orders.list.count ? market.orders.list.orders : [],
        grid,
      ),
      breakEvenWithFees:
        'position' in entry
          ? breakEvenPrice(
              entry.position.contract,
              read.side,
              dec(read.entryPrice),
              dec(settings.takerFee),
              dec(settings.takerFee),
            ).toFixed()
          : null,
      ...fundingFields(withLiquidationAfter(fundingOf(adapter, read, market.funding?.[read.symbol], now), entry, usableRisk)),
      afterOrders: afterOrders[i]!,
      ...fundingPaidOf(snapshot, read, market.fundingPaid),
    };
  });

  const accountRiskOf = accounts.find((a) => a.marginAsset === asset) ?? null;
  const walletKnown = asset !== null && walletAssets.includes(asset);
  const ratio = accountRiskOf?.marginRatio ?? null;
  const accountBand: Band =
    ratio === null
      ? 'unknown'
      : ratio.gte(settings.dangerMarginRatio)
        ? 'danger'
        : ratio.gte(settings.warningMarginRatio)
          ? 'warning'
          : 'safe';
  return {
    positions,
    account: {
      asset,
      marginRatio: ratio?.toFixed() ?? null,
      marginBalance: accountRiskOf && !crossBlocked && walletKnown ? accountRiskOf.marginBalance.toFixed() : null,
      band: accountBand,
      reason:
        ratio !== null
          ? null
          : (crossBlocked ??
            (!walletKnown
              ? because('the wallet Balance could not be read')
              : accountRiskOf?.unavailableReasons.join('; ') || because('no cross positions'))),
    },
  };
}
