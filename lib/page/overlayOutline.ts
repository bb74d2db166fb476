/**
 * Kept apart from ./overlayView, whose formatting brings Decimal: the content script, which weighs on the
 * exchange's page, needs only this.
 */
import type { OverlayPosition, OverlayView } from '../model/overlay';

/**
 * What the overlay says, less its moving figures: which positions, in which order and band, with which warnings. While the
 * page ticks, a change of figures may wait for the overlay's next redraw; a change of this may not.
 */
export function overlayOutline(view: OverlayView | null): string {
  if (!view) return 'none';
  return JSON.stringify([shown(view.account.reason), view.positions.map(positionOutline)]);
}

const shown = (text: unknown) => (text === null ? 0 : 1);

/** One position's part of the outline: which it is, its band, how many remedies, which warnings and rows it shows. */
export const positionOutline = (p: OverlayPosition) => [
  p.id,
  p.band,
  p.remedy.length,
  ...[p.reason, p.stopWarning, p.mismatch, p.snooze, p.afterOrders, p.funding, p.fundingPaid].map(shown),
];
