/**
 * User settings, their defaults, and the one validator every reader of stored settings goes through.
 * Thresholds are fractions as decimal strings (0.10 = 10 %).
 */
import { Decimal } from '../core/decimal';
import { parsePositionKey } from './keys';
import { ALERT_SOUNDS, isAlertSound, type AlertSound } from './sounds';

export interface AlertRules {
  distance: boolean;
  /** The position's stop-loss sits at or beyond liquidation. */
  stop: boolean;
  marginRatio: boolean;
  mismatch: boolean;
  unreadable: boolean;
}

export interface Settings {
  version: 1;
  /** Distance to liquidation (fraction of mark) at or below which a position is in warning / danger. */
  warningDistance: string;
  dangerDistance: string;
  /** Account margin ratio at or above which the account is in warning / danger (Binance advises below 80 %). */
  warningMarginRatio: string;
  dangerMarginRatio: string;
  /** How far past a threshold (a fraction of it) a value must recover before the alert re-arms. */
  rearmFraction: string;
  /** The same alert (rule and level) for the same position fires at most once per cool-down. */
  cooldownMinutes: number;
  rules: AlertRules;
  /** Show the overlay on futures pages; compact shows one line per position. */
  overlay: { enabled: boolean; compact: boolean };
  /** Follow the public mark-price stream while a futures tab is hidden. */
  streamWhenHidden: boolean;
  /**
   * What an alert sounds like: the system's notification sound (Chrome lets a notification make it; Firefox decides on
   * its own), one of LiqGuard's (`./sounds.ts`), or none.
   */
  alertSound: AlertSound;
  /** Decimal places for prices in the overlay; null: as the page shows them (the symbol's tick). */
  displayDecimals: number | null;
  /** The user's taker fee rate (a fraction; Binance's base tier is 0.05 %), for break-even with fees. */
  takerFee: string;
  /** A position's own distance thresholds (a 3x hedge and a 50x scalp need different ones), by its position key. */
  positionThresholds: Record<string, DistanceThresholds>;
}

export interface DistanceThresholds {
  warningDistance: string;
  dangerDistance: string;
}

/** At most this many positions keep thresholds of their own. */
export const MAX_POSITION_THRESHOLDS = 200;

/** The distance thresholds of the position keyed `position`: its own, or the settings'. */
export function thresholdsFor(settings: Settings, position: string): DistanceThresholds {
  return settings.positionThresholds[position] ?? settings;
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  warningDistance: '0.1',
  dangerDistance: '0.05',
  warningMarginRatio: '0.5',
  dangerMarginRatio: '0.8',
  rearmFraction: '0.2',
  cooldownMinutes: 15,
  rules: { distance: true, stop: true, marginRatio: true, mismatch: true, unreadable: true },
  overlay: { enabled: true, compact: false },
  streamWhenHidden: true,
  alertSound: 'system',
  displayDecimals: null,
  takerFee: '0.0005',
  positionThresholds: {},
};

const FRACTION = /^(0(\.\d{1,8})?|1(\.0{1,8})?)$/;
const isFraction = (value: unknown): value is string => typeof value === 'string' && FRACTION.test(value) && new Decimal(value).gt(0);

/** Each position's own thresholds, those well-formed (a position key, fractions, danger not above warning). */
function positionThresholdsOf(raw: unknown, problems: string[]): Record<string, DistanceThresholds> {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push('positionThresholds must be an object');
    return {};
  }
  const kept: Record<string, DistanceThresholds> = {};
  for (const [position, value] of Object.entries(raw).slice(0, MAX_POSITION_THRESHOLDS)) {
    const { warningDistance, dangerDistance } = (value ?? {}) as Record<string, unknown>;
    if (
      parsePositionKey(position) &&
      isFraction(warningDistance) &&
      isFraction(dangerDistance) &&
      !new Decimal(dangerDistance).gt(warningDistance)
    )
      kept[position] = { warningDistance, dangerDistance };
    else problems.push(`the thresholds of ${position.slice(0, 80)} were not valid`);
  }
  return kept;
}

/** The alert's sound; settings stored before the choice had a yes/no for the system's sound. */
function alertSoundOf(r: Record<string, unknown>, problems: string[]): AlertSound {
  if (isAlertSound(r.alertSound)) return r.alertSound;
  if (r.alertSound !== undefined) problems.push(`alertSound must be one of ${ALERT_SOUNDS.join(', ')}`);
  else if (typeof r.notificationSound === 'boolean') return r.notificationSound ? 'system' : 'off';
  return DEFAULT_SETTINGS.alertSound;
}

/**
 * Checks stored (or entered) settings. Returns the settings and the problems found; anything invalid is replaced
 * by its default, so a corrupt value never reaches the alert rules.
 */
export function parseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const flag = (value: unknown, name: string, fallback: boolean) => {
    if (typeof value === 'boolean') return value;
    if (value !== undefined) problems.push(`${name} must be true or false`);
    return fallback;
  };
  if (typeof raw !== 'object' || raw === null)
    return { settings: DEFAULT_SETTINGS, problems: raw === undefined || raw === null ? [] : ['settings were not an object'] };
  const r = raw as Record<string, unknown>;
  const fraction = (
    key: 'warningDistance' | 'dangerDistance' | 'warningMarginRatio' | 'dangerMarginRatio' | 'rearmFraction' | 'takerFee',
  ) => {
    const value = r[key];
    if (value === undefined) return DEFAULT_SETTINGS[key]; // a setting added after this value was stored
    if (isFraction(value)) return value;
    problems.push(`${key} must be a fraction between 0 and 1`);
    return DEFAULT_SETTINGS[key];
  };
  const settings: Settings = {
    version: 1,
    warningDistance: fraction('warningDistance'),
    dangerDistance: fraction('dangerDistance'),
    warningMarginRatio: fraction('warningMarginRatio'),
    dangerMarginRatio: fraction('dangerMarginRatio'),
    rearmFraction: fraction('rearmFraction'),
    takerFee: fraction('takerFee'),
    cooldownMinutes:
      r.cooldownMinutes === undefined
        ? DEFAULT_SETTINGS.cooldownMinutes
        : Number.isInteger(r.cooldownMinutes) && (r.cooldownMinutes as number) >= 0 && (r.cooldownMinutes as number) <= 1440
          ? (r.cooldownMinutes as number)
          : (problems.push('cooldownMinutes must be a whole number of minutes from 0 to 1440'), DEFAULT_SETTINGS.cooldownMinutes),
    rules: { ...DEFAULT_SETTINGS.rules },
    overlay: { ...DEFAULT_SETTINGS.overlay },
    streamWhenHidden: flag(r.streamWhenHidden, 'streamWhenHidden', DEFAULT_SETTINGS.streamWhenHidden),
    alertSound: alertSoundOf(r, problems),
    displayDecimals:
      r.displayDecimals === undefined || r.displayDecimals === null
        ? null
        : Number.isInteger(r.displayDecimals) && (r.displayDecimals as number) >= 0 && (r.displayDecimals as number) <= 8
          ? (r.displayDecimals as number)
          : (problems.push('displayDecimals must be a whole number from 0 to 8'), null),
    positionThresholds: positionThresholdsOf(r.positionThresholds, problems),
  };
  const overlay = r.overlay;
  if (typeof overlay === 'object' && overlay !== null) {
    const o = overlay as Record<string, unknown>;
    settings.overlay = { enabled: flag(o.enabled, 'overlay.enabled', true), compact: flag(o.compact, 'overlay.compact', false) };
  }
  const rules = r.rules;
  if (typeof rules === 'object' && rules !== null) {
    for (const key of Object.keys(settings.rules) as (keyof AlertRules)[]) {
      const value = (rules as Record<string, unknown>)[key];
      if (typeof value === 'boolean') settings.rules[key] = value;
      else if (value !== undefined) problems.push(`rules.${key} must be true or false`);
    }
  }
  if (new Decimal(settings.dangerDistance).gt(settings.warningDistance)) {
    problems.push('the danger distance must not be above the warning distance');
    settings.dangerDistance = DEFAULT_SETTINGS.dangerDistance;
    settings.warningDistance = DEFAULT_SETTINGS.warningDistance;
  }
  if (new Decimal(settings.dangerMarginRatio).lt(settings.warningMarginRatio)) {
    problems.push('the danger margin ratio must not be below the warning margin ratio');
    settings.dangerMarginRatio = DEFAULT_SETTINGS.dangerMarginRatio;
    settings.warningMarginRatio = DEFAULT_SETTINGS.warningMarginRatio;
  }
  return { settings, problems };
}
