/** English: the reference catalog (see ./index.ts). */
import { enOverlay } from './en-overlay';

export const en = {
  ...enOverlay,
  // Figures in words (the worker writes them).
  'figure.sharedCross': '(shared, cross)',
  'figure.crossEstimate': '(estimate: the account liquidates at a maintenance margin rate of 100%)',
  'figure.pageOwn': "The page's own figure: liquidation at {price}, {distance} away.",
  'funding.pays': 'pays {amount} in {time} ({rate})',
  'funding.thenLiquidation': '{funding}; liquidation then at {price}',
  'funding.receives': 'receives {amount} in {time} ({rate})',
  'fundingPaid.none': 'none since {since} (first seen)',
  'fundingPaid.paidOne': '{amount} paid since {since} (1 settlement)',
  'fundingPaid.paidMany': '{amount} paid since {since} ({count} settlements)',
  'fundingPaid.receivedOne': '{amount} received since {since} (1 settlement)',
  'fundingPaid.receivedMany': '{amount} received since {since} ({count} settlements)',
  'afterOrders.leadOne': 'If 1 open order fills (+{size}): liq.',
  'afterOrders.leadMany': 'If {count} open orders fill (+{size}): liq.',
  'afterOrders.tail': '({note}; orders read at {time})',
  'stop.beyondPosition': 'Your stop-loss {price} is beyond liquidation: it would never fire.',
  'stop.beyondOrder': 'Your stop order {price} is beyond liquidation: it would never fire.',
  'stop.saferFirst': 'A stop at {price} fires first ({pnl}).',
  'mismatch.overlay':
    'The page shows liquidation at {page}; ours differs by more than {tolerance}. Check the tiers and balance before relying on either.',
  // The stress test (popup and overlay).
  'stress.title': 'Stress test: if every mark moves together',
  'stress.firstFall': 'First liquidation on a fall: {move} ({position})',
  'stress.firstRise': 'First liquidation on a rise: {move} ({position})',
  'stress.noneFall': 'No liquidation on a fall of up to 99%',
  'stress.noneRise': 'No liquidation on a rise of up to 200%',
  'stress.liquidated': '{position}: liquidated ({order} of {count})',
  'stress.open': '{position}: {distance} from liquidation',
  'stress.unknown': '{position}: —',
  'stress.marginRatio': 'Cross margin ratio: {ratio}',
  'stress.crossGone': 'Cross margin ratio: — (the cross account is liquidated)',
  'stress.left': 'Left of the balance: {amount}',
  'stress.betas': 'Betas to {reference}: {betas}',
  // Notifications.
  'alert.distanceTitle': '{symbol} {side} is {distance} from liquidation',
  'alert.distanceMessage': 'Liquidation at {liquidation}, mark {mark}.',
  'alert.remedies': 'To get back to {target}: {remedies}.',
  'alert.or': 'Or:',
  'alert.stopTitle': '{symbol}: your stop-loss would never fire',
  'alert.stopMessage': 'Stop {price} is beyond liquidation {liquidation}: the position is liquidated first.',
  'alert.stopSafer': 'A stop at {price} fires before it, locking in {pnl}.',
  'alert.mismatchTitle': "{symbol}: the page's liquidation price differs from LiqGuard's",
  'alert.mismatchMessage': 'Page {page}, LiqGuard {ours}. Check the tiers and balance before relying on either.',
  'alert.marginRatioTitle': 'Margin ratio {ratio}',
  'alert.marginRatioMessage': '{cause} Add margin or reduce positions.',
  'alert.unreadableTitle': '{symbol}: LiqGuard can no longer read this position',
  'alert.unreadableMessage': '{reason}. Its figures are paused; check it on the page.',
  'alert.snooze1h': 'Snooze 1 h',
  'alert.snoozeChange': 'Snooze until the position changes',
};

export type Messages = Record<keyof typeof en, string>;
export type MessageKey = keyof Messages;
