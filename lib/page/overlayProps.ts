/** What the page loop gives the overlay to draw (`components/Overlay.tsx` draws it). */
import type { ReadonlySignal } from '@preact/signals';

import type { PageRoute } from '../exchanges/pageFace';
import type { SnoozeChoice } from '../model/keys';
import type { OverlayPosition, OverlayView, OverlayWords } from '../model/overlay';
import type { PageSnapshot } from '../model/snapshot';
import type { OverlayPlacement } from '../protocol/pageStorage';
import type { PageTheme, Room } from './placement';

/**
 * What moves with the prices: the figures as the worker worked them out for the last snapshot sent, and when
 * that snapshot was read. Drawn through signals, text by text, without rendering the overlay again: while the
 * page ticks, this changes every read and the rest of the overlay rarely does. Which positions, bands and
 * warnings there are is read from it when the overlay renders (see overlayOutline).
 */
export interface OverlayFigures {
  view: OverlayView | null;
  readAt: number | null;
}

/** A position the page showed and can no longer be read: its last figures, when they were read, and why. */
export interface LostPosition {
  position: OverlayPosition;
  readAt: number;
  reason: string;
}

export interface OverlayProps {
  route: PageRoute;
  /** How the exchange names the route's market (`USD-M`). */
  marketLabel: string;
  /** The last snapshot that showed positions (kept while another tab is selected). */
  snapshot: PageSnapshot | null;
  /** True while another tab is selected: the figures are the last ones read, not current. */
  stale: boolean;
  figures: ReadonlySignal<OverlayFigures>;
  /** The page showed positions and no longer can be read: figures are paused, not stale-but-shown. */
  pageChanged: boolean;
  /** Whether the Open Orders list has been read on this page (liquidation after they fill needs it). */
  ordersRead: boolean;
  /** Where the user put it (`x` below 0: not moved yet, the default spot `room` holds), and whether collapsed. */
  placement: OverlayPlacement;
  /** The default spot beside the page's figures, once they were found; null before. */
  room: Room | null;
  /** Positions that were read before and whose rows now cannot be: kept in view, their figures marked old. */
  lost: LostPosition[];
  /** The overlay's words in the page's language, as the worker last sent them. */
  words: OverlayWords;
  /** The page's theme, which the overlay follows. */
  theme: PageTheme;
  onPlacement: (placement: OverlayPlacement) => void;
  /** One line per position: symbol, side and distance. */
  compact: boolean;
  /** The stress test at a move of every mark (whole percent): its lines from the worker, or null without an answer. */
  onStress: (move: number, byBeta: boolean) => Promise<string[] | null>;
  /** The layout report around the positions list, for a bug report (no figure of the page in it). */
  layoutReport: () => string;
  /** Snooze this position's alerts. */
  onSnooze: (snooze: NonNullable<OverlayPosition['snooze']>, choice: SnoozeChoice) => void;
}
