/**
 * The overlay's figures as the text it shows, made by the background worker from a `RiskView` and sent to the
 * page. The worker holds Decimal, the tier tables and the market data; the content script, which runs in the
 * exchange's page and should weigh little there, only reads the page and draws this text.
 */
import { accountKey, positionKey, positionSignature } from '../model/keys';
import { afterOrdersText, amount, fundingPaidText, fundingText, NONE, percent, price } from './format';
import type { PageSnapshot } from '../model/snapshot';
import type { OverlayView } from '../model/overlay';
import type { RiskView } from './types';

/** What the overlay draws for `snapshot`, whose risk is `view`, at `now` (funding countdowns). */
export function overlayView(snapshot: PageSnapshot, view: RiskView, now: number): OverlayView {
  const account = accountKey(snapshot);
  return {
    account: {
      marginRatio: percent(view.account.marginRatio),
      marginBalance: amount(view.account.marginBalance, view.account.asset),
      reason: view.account.reason,
    },
    positions: view.positions.map((position) => {
      const asset = position.marginAsset ?? view.account.asset;
      const decimals = position.priceDecimals;
      const stop = position.stop?.beyondLiquidation ? position.stop : null;
      const saferStop =
        stop?.saferStop && stop.saferStopPnl
          ? ` A stop at ${price(stop.saferStop, decimals)} fires first (${amount(stop.saferStopPnl, asset)}).`
          : '';
      return {
        id: `${position.symbol}-${position.side}-${position.row}`,
        symbol: position.symbol,
        side: position.side,
        marginMode: position.marginMode,
        leverage: position.leverage,
        band: position.band,
        distance: percent(position.distance),
        liquidation: price(position.liquidationPrice, decimals),
        priceBuffer: price(position.priceBuffer, decimals),
        marginBuffer: amount(position.balanceBuffer, asset),
        breakEven: price(position.breakEvenWithFees, decimals),
        funding: position.funding || position.fundingReason ? fundingText(position.funding, position.fundingReason, asset, now) : null,
        fundingPaid:
          position.fundingPaid || position.fundingPaidReason
            ? fundingPaidText(position.fundingPaid, position.fundingPaidReason, asset, now)
            : null,
        afterOrders: position.afterOrders ? afterOrdersText(position.afterOrders, decimals) : null,
        reason: position.reason ? `${NONE} ${position.reason}` : null,
        stopWarning: stop
          ? `Your ${stop.source === 'order' ? 'stop order' : 'stop-loss'} ${price(stop.price, decimals)} is beyond liquidation: it would never fire.${saferStop}`
          : null,
        mismatch: position.mismatch
          ? `The page shows liquidation at ${price(position.pageLiquidationPrice, decimals)}; ours differs by more than ${price(position.mismatch.tolerance, decimals)}. Check the tiers and balance before relying on either.`
          : null,
        snooze:
          position.band === 'warning' || position.band === 'danger' || stop
            ? { position: positionKey(account, position), signature: positionSignature(position) }
            : null,
      };
    }),
  };
}
