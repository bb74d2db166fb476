/**
 * How often a page is read: the intervals the worker may ask the content script for (`readIntervalFor`) and
 * the page side keeps to (`pacedReads`). Here, below both, so neither reaches into the other.
 */

/**
 * The shortest time between two reads of a page that keeps changing: once a second, as often as the exchange
 * publishes a new mark price (its fastest mark-price stream is 1 s, math.md), which is what liquidation follows.
 * A change after a quiet spell is read at once.
 */
export const MIN_READ_INTERVAL_MS = 1000;

/**
 * The time between two reads of a ticking page while no alert is near (the worker says when, `readIntervalFor`):
 * the exchange's default mark-price stream's period (3 s, math.md). Each read costs the page about a millisecond
 * of its main thread, nearly all of it fixed per read, so reading a calm page every second would triple that
 * for figures that cannot cross a threshold in the meantime.
 */
export const CALM_READ_INTERVAL_MS = 3000;

/** Every interval the worker may ask for: the message check takes these and no other. */
export const READ_INTERVALS = [MIN_READ_INTERVAL_MS, CALM_READ_INTERVAL_MS] as const;

export type ReadInterval = (typeof READ_INTERVALS)[number];
