/**
 * How often the content script reads a page that keeps ticking, decided by the worker from the figures it just
 * worked out: every second while an alert could be near, every CALM_READ_INTERVAL_MS while none can be.
 */
import { dec } from '../core/decimal';
import { CALM_READ_INTERVAL_MS, MIN_READ_INTERVAL_MS, type ReadInterval } from '../model/readIntervals';
import { thresholdsFor, type Settings } from '../model/settings';
import { accountKey, positionKey } from '../model/keys';
import type { PageSnapshot } from '../model/snapshot';
import type { RiskView } from './types';

/**
 * How far (a fraction of the mark) a position's distance to liquidation must stay from its next threshold for
 * the page to be read every CALM_READ_INTERVAL_MS: slower reads delay a crossing by at most 2 s more, and a mark
 * price moving 2 % within 2 s is a crash, not a tick.
 */
const CALM_DISTANCE_MARGIN = '0.02';

/**
 * The account's margin ratio must stay below this share of its warning threshold: its margin balance would have to
 * fall by half to reach it.
 */
const CALM_RATIO_SHARE = '0.5';

/**
 * The least time between two reads of this page while it keeps changing. Read every second when a position is in
 * danger, near its next threshold, or cannot be assessed (one that no price can liquidate is calm), when a row
 * could not be read (it may be the risky one), or when the account's margin ratio is near its warning.
 */
export function readIntervalFor(snapshot: PageSnapshot, risk: RiskView, settings: Settings): ReadInterval {
  if (snapshot.state !== 'ok' || snapshot.unreadable.length > 0) return MIN_READ_INTERVAL_MS;
  const account = accountKey(snapshot);
  const positionsCalm = risk.positions.every((position) => {
    const { distance, unliquidatable, band } = position;
    // One no price can liquidate has no distance to watch; one we cannot assess may be the risky one.
    if (distance === null) return unliquidatable;
    if (band === 'danger') return false;
    const thresholds = thresholdsFor(settings, positionKey(account, position));
    const next = band === 'warning' ? thresholds.dangerDistance : thresholds.warningDistance;
    return dec(distance).minus(next).gte(CALM_DISTANCE_MARGIN);
  });
  const ratio = risk.account.marginRatio;
  const accountCalm = ratio === null || dec(ratio).lt(dec(settings.warningMarginRatio).times(CALM_RATIO_SHARE));
  return positionsCalm && accountCalm ? CALM_READ_INTERVAL_MS : MIN_READ_INTERVAL_MS;
}
