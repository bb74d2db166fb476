/**
 * What the worker sends the page to draw: every figure already as text, so that the content script, which runs in
 * the exchange's page and should weigh little there, needs no Decimal, tier table or market data.
 */
import type { Settings } from './settings';

/** The colour band of a figure by the user's thresholds; unknown when we cannot vouch for the figure. */
export type Band = 'safe' | 'warning' | 'danger' | 'unknown';

/** "If 2 open orders fill (+0.3): liq." · "74,120.5" (or "—" with the reason) · "(before fees; orders read at 14:05:09)". */
export interface AfterOrdersText {
  lead: string;
  liquidation: string;
  tail: string;
}

export interface OverlayPosition {
  /** Tells the overlay's rows apart across updates. */
  id: string;
  symbol: string;
  side: 'long' | 'short';
  marginMode: 'cross' | 'isolated';
  leverage: number | null;
  band: Band;
  distance: string;
  liquidation: string;
  priceBuffer: string;
  marginBuffer: string;
  breakEven: string;
  /** Null when the row is not shown (a dated contract pays no funding). */
  funding: string | null;
  fundingPaid: string | null;
  afterOrders: AfterOrdersText | null;
  /** "— why a figure is missing". */
  reason: string | null;
  /** In warning or danger: what brings it back to the warning distance, one action a line, in the exchange's words. */
  remedy: string[];
  stopWarning: string | null;
  mismatch: string | null;
  /** What a snooze names: the position as the alert rules key it, and its current shape. */
  snooze: { position: string; signature: string } | null;
}

/** The moves of every mark the stress test offers, in whole percent. */
export const STRESS_MOVES = { min: -20, max: 20 } as const;

/** A move as the stress test's control shows it: "-10%", "+5%". */
export const moveText = (percent: number) => `${percent > 0 ? '+' : ''}${percent}%`;

/**
 * The overlay's own words (labels, status lines) by key, in the page's language: the worker sends them with every
 * answer, so that the page carries no catalog, not even English's; the overlay is drawn once they have come.
 */
export type OverlayLabels = Record<string, string>;

/**
 * The overlay's words in the page's language, sent with every answer (also for a page it cannot read): its labels,
 * and the page reader's reasons (English, as the page wrote them) said in the language.
 */
export interface OverlayWords {
  labels: OverlayLabels;
  reasons: Record<string, string>;
}

export interface OverlayView {
  account: { marginRatio: string; marginBalance: string; reason: string | null };
  positions: OverlayPosition[];
}

/** Whether the overlay shows, and compact (one line per position: symbol, side and distance). */
export type OverlayDisplay = Settings['overlay'];
