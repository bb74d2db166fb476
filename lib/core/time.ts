/** Times as the browser's locale writes them; no Decimal here, so the page's content script can use it. */

// Formatters made once: toLocaleTimeString() and toLocaleString() build a new one on every call, and the overlay
// shows times on every read.
const TIME = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: 'numeric', second: 'numeric' });
const HOUR_MINUTE = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const DAY_HOUR_MINUTE = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A clock time as the browser's locale writes it ("14:05:09", "2:05:09 PM"), as toLocaleTimeString() does. */
export const clockTime = (at: number) => TIME.format(at);

/** "09:41" on the day of `now`, "Nov 24, 09:41" before it. */
export const sinceTime = (at: number, now: number) =>
  (new Date(at).toDateString() === new Date(now).toDateString() ? HOUR_MINUTE : DAY_HOUR_MINUTE).format(at);

/** "2 h 05 min", "4 min", "<1 min": how long until `at`. */
export function until(at: number, now: number): string {
  const minutes = Math.max(0, Math.floor((at - now) / 60_000));
  if (minutes === 0) return '<1 min';
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
