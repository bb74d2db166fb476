/**
 * The shortest time between two reads of a page that keeps changing: once a second, as often as the exchange
 * publishes a new mark price (its fastest mark-price stream is 1 s, math.md), which is what liquidation follows.
 * A change after a quiet spell is read at once.
 */
export const MIN_READ_INTERVAL_MS = 1000;

/**
 * How long after the interval the content script waits for the page's next change before reading anyway: a page
 * that keeps ticking changes again within this, and the read then shares that change's frame.
 */
export const SETTLE_MS = 100;
