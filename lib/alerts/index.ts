/**
 * Alert rules as a pure state machine: `evaluate(state, subject, settings, now) → { state, notifications }`.
 *
 * - Fires once per crossing: a rule's level only goes down again after the value recovers past its threshold
 *   by `rearmFraction` of it (hysteresis), so a price wiggling around a threshold fires once, not a stream.
 * - Escalation fires again (warning → danger); the same rule and level for the same position fires at most once
 *   per cool-down.
 * - State is keyed by account and position, not by tab, so two tabs showing one account fire once.
 * - The state is plain JSON: the background persists it, so a restarted worker neither repeats nor misses.
 */
import { Decimal } from '../core/decimal';
import type { RemedyWording } from '../exchanges/adapter';
import { translator, type Translate, type UiLanguage } from '../core/i18n';
import { money, orderPriceOf, percent, priceOf, remedyLines } from '../figures/format';
import { parsePositionKey, positionKey, positionSignature, type SnoozeChoice } from '../model/keys';
import { thresholdsFor, type Settings } from '../model/settings';
import type { PositionView, RiskView } from '../figures/types';

export type Level = 'warning' | 'danger' | 'on';
export type RuleName = 'distance' | 'stop' | 'marginRatio' | 'mismatch' | 'unreadable';

export interface RuleState {
  /** The level the rule is at now (absent: clear). */
  level: Level | null;
  /** When each level last fired (ms since epoch). */
  fired: Partial<Record<Level, number>>;
}

export interface AlertState {
  version: 1;
  rules: Record<string, RuleState>;
  /**
   * Positions seen readable, by `account|position` key, with when they were first seen: a time that stays the same,
   * so that a snapshot that changes no rule leaves the state as it was (and the worker writes nothing).
   */
  open: Record<string, number>;
  /** Snoozed positions by `account|position` key: until a time, or until the position changes (its signature). */
  snoozed?: Record<string, Snooze>;
}

export interface Snooze {
  until: number | null;
  /** Size and entry when snoozed "until it changes"; a different one ends the snooze. */
  signature: string | null;
}

export const EMPTY_ALERT_STATE: AlertState = { version: 1, rules: {}, open: {}, snoozed: {} };

/** Snoozes one position's alerts: 15 minutes, an hour, or until its size or entry changes. */
export function snooze(state: AlertState, position: string, choice: SnoozeChoice, signature: string, now: number): AlertState {
  const entry: Snooze =
    choice === 'change' ? { until: null, signature } : { until: now + (choice === '15m' ? 15 : 60) * 60_000, signature: null };
  return { ...state, snoozed: { ...state.snoozed, [position]: entry } };
}

export interface AlertSubject {
  /** Identifies the account across tabs: exchange, market and margin asset. */
  account: string;
  tabId: number;
  view: RiskView;
  unreadable: { symbol: string | null; reason: string }[];
  /** Whether every position of the account is in this view (no unread rows, no hidden symbols). */
  complete: boolean;
  /** The account's market (`usdm`): the remedies name its wallet. */
  market: string;
  /** The exchange's words for what liquidates a cross account and for each remedy (the adapter's `remedies`). */
  wording: RemedyWording;
  /** The page's language: the notifications speak it. */
  language: UiLanguage;
}

export interface AlertNotification {
  id: string;
  key: string;
  rule: RuleName;
  level: Level;
  tabId: number;
  /** The position it is about (to snooze it from the notification); null for account-wide alerts. */
  position: { key: string; signature: string } | null;
  title: string;
  message: string;
  /** The snooze buttons' labels (Chrome shows them for a position's alerts). */
  snoozeButtons: [string, string];
}

const RANK: Record<Level | 'none', number> = { none: 0, on: 1, warning: 1, danger: 2 };

/**
 * The level a value is at, given the level it was at: it rises as soon as it crosses a threshold, and falls only
 * once it has recovered past the threshold by the re-arm margin. `worse` says which way is dangerous.
 */
function levelWithHysteresis(
  value: Decimal,
  current: Level | null,
  thresholds: { warning: Decimal; danger: Decimal },
  rearm: Decimal,
  worse: 'below' | 'above',
): Level | null {
  const crossed = (threshold: Decimal, margin = new Decimal(0)) =>
    worse === 'below' ? value.lte(threshold.times(margin.plus(1))) : value.gte(threshold.times(margin.neg().plus(1)));
  const raw: Level | null = crossed(thresholds.danger) ? 'danger' : crossed(thresholds.warning) ? 'warning' : null;
  if (RANK[raw ?? 'none'] >= RANK[current ?? 'none']) return raw;
  // Improving: hold each level until the value is clear of its threshold by the re-arm margin.
  if (current === 'danger' && crossed(thresholds.danger, rearm)) return 'danger';
  if (current !== null && crossed(thresholds.warning, rearm)) return 'warning';
  return raw;
}

interface Step {
  key: string;
  /** The position key the rule is about; null for the account's and the unreadable-row rules. */
  position: string | null;
  rule: RuleName;
  level: Level | null;
  text: (t: Translate) => { title: string; message: string };
}

function distanceStep(subject: AlertSubject, p: PositionView, state: AlertState, settings: Settings): Step | null {
  const { account } = subject;
  if (p.distance === null) return null;
  const position = positionKey(account, p);
  const key = `${position}|distance`;
  const level = levelWithHysteresis(
    new Decimal(p.distance),
    state.rules[key]?.level ?? null,
    {
      warning: new Decimal(thresholdsFor(settings, position).warningDistance),
      danger: new Decimal(thresholdsFor(settings, position).dangerDistance),
    },
    new Decimal(settings.rearmFraction),
    'below',
  );
  return {
    key,
    position,
    rule: 'distance',
    level,
    text: (t) => {
      const remedies = remedyLines(subject.wording, subject.market, subject.language, p);
      return {
        title: t('alert.distanceTitle', {
          symbol: p.symbol,
          side: t(p.side === 'long' ? 'side.long' : 'side.short'),
          distance: percent(p.distance),
        }),
        message:
          t('alert.distanceMessage', { liquidation: priceOf(p, p.liquidationPrice), mark: priceOf(p, p.markPrice) }) +
          (remedies.length > 0
            ? ` ${t('alert.remedies', { target: percent(p.remedy!.targetDistance), remedies: remedies.join(`. ${t('alert.or')} `) })}`
            : ''),
      };
    },
  };
}

/** Runs every rule on `subject`; returns the next state and the notifications to show now. */
export function evaluate(
  state: AlertState,
  subject: AlertSubject,
  settings: Settings,
  now: number,
): { state: AlertState; notifications: AlertNotification[] } {
  const next: AlertState = { version: 1, rules: { ...state.rules }, open: { ...state.open }, snoozed: { ...state.snoozed } };
  const steps: Step[] = [];
  const { account, view } = subject;

  // A snooze ends at its time, or when the position it was set on changes.
  const snoozedNow = new Set<string>();
  for (const p of view.positions) {
    const position = positionKey(account, p);
    const entry = next.snoozed![position];
    if (!entry) continue;
    const expired = (entry.until !== null && now >= entry.until) || (entry.signature !== null && entry.signature !== positionSignature(p));
    if (expired) delete next.snoozed![position];
    else snoozedNow.add(position);
  }

  for (const p of view.positions) {
    const position = positionKey(account, p);
    next.open[position] ??= now;
    if (settings.rules.distance) {
      const step = distanceStep(subject, p, state, settings);
      if (step) steps.push(step);
    }
    if (settings.rules.stop && p.stop) {
      const stop = p.stop;
      steps.push({
        key: `${position}|stop`,
        position,
        rule: 'stop',
        level: stop.beyondLiquidation ? 'on' : null,
        text: (t) => ({
          title: t('alert.stopTitle', { symbol: p.symbol }),
          message:
            t('alert.stopMessage', { price: priceOf(p, stop.price), liquidation: priceOf(p, p.liquidationPrice) }) +
            (stop.saferStop && stop.saferStopPnl
              ? ` ${t('alert.stopSafer', { price: orderPriceOf(p, stop.saferStop), pnl: money(stop.saferStopPnl, p.marginAsset) })}`
              : ''),
        }),
      });
    }
    if (settings.rules.mismatch) {
      steps.push({
        key: `${position}|mismatch`,
        position,
        rule: 'mismatch',
        level: p.mismatch ? 'on' : null,
        text: (t) => ({
          title: t('alert.mismatchTitle', { symbol: p.symbol }),
          message: t('alert.mismatchMessage', { page: priceOf(p, p.pageLiquidationPrice), ours: priceOf(p, p.liquidationPrice) }),
        }),
      });
    }
  }

  if (settings.rules.marginRatio && view.account.marginRatio !== null) {
    const key = `${account}|account|marginRatio`;
    const ratio = new Decimal(view.account.marginRatio);
    steps.push({
      key,
      position: null,
      rule: 'marginRatio',
      level: levelWithHysteresis(
        ratio,
        state.rules[key]?.level ?? null,
        { warning: new Decimal(settings.warningMarginRatio), danger: new Decimal(settings.dangerMarginRatio) },
        new Decimal(settings.rearmFraction),
        'above',
      ),
      text: (t) => ({
        title: t('alert.marginRatioTitle', { ratio: percent(view.account.marginRatio) }),
        message: t('alert.marginRatioMessage', { cause: subject.wording.crossLiquidation(subject.language) }),
      }),
    });
  }

  if (settings.rules.unreadable) {
    const unreadableSymbols = new Set(subject.unreadable.map((row) => row.symbol).filter((s): s is string => s !== null));
    const openSymbols = new Set(
      Object.keys(state.open)
        .filter((k) => k.startsWith(`${account}|`))
        .flatMap((k) => parsePositionKey(k)?.symbol ?? []),
    );
    const readableSymbols = new Set(view.positions.map((p) => p.symbol));
    for (const symbol of new Set([...unreadableSymbols, ...openSymbols])) {
      const key = `${account}|${symbol}|unreadable`;
      if (!unreadableSymbols.has(symbol) && !state.rules[key]) continue;
      const reason = subject.unreadable.find((row) => row.symbol === symbol)?.reason ?? '';
      steps.push({
        key,
        position: null,
        rule: 'unreadable',
        // Only a position that was open and readable before, and is now on the page but unreadable.
        level: unreadableSymbols.has(symbol) && openSymbols.has(symbol) && !readableSymbols.has(symbol) ? 'on' : null,
        text: (t) => ({
          title: t('alert.unreadableTitle', { symbol }),
          message: t('alert.unreadableMessage', { reason }),
        }),
      });
    }
  }

  const notifications: AlertNotification[] = [];
  const t = translator(subject.language);
  const cooldown = settings.cooldownMinutes * 60_000;
  for (const step of steps) {
    const previous = next.rules[step.key] ?? { level: null, fired: {} };
    const rule: RuleState = { level: step.level, fired: { ...previous.fired } };
    const rising = RANK[step.level ?? 'none'] > RANK[previous.level ?? 'none'];
    const lastFired = step.level ? rule.fired[step.level] : undefined;
    const isSnoozed = step.position !== null && snoozedNow.has(step.position);
    if (rising && step.level && !isSnoozed && (lastFired === undefined || now - lastFired >= cooldown)) {
      rule.fired[step.level] = now;
      const position = view.positions.find((p) => positionKey(account, p) === step.position);
      notifications.push({
        id: `${step.key}|${step.level}|${now}`,
        key: step.key,
        rule: step.rule,
        level: step.level,
        tabId: subject.tabId,
        position: position ? { key: positionKey(account, position), signature: positionSignature(position) } : null,
        ...step.text(t),
        snoozeButtons: [t('alert.snooze1h'), t('alert.snoozeChange')],
      });
    }
    if (rule.level === null && Object.keys(rule.fired).length === 0) delete next.rules[step.key];
    else next.rules[step.key] = rule;
  }

  // Forget positions that are gone — only when this view shows the whole account, so a tab that hides other
  // symbols does not make their alerts fire again.
  if (subject.complete) {
    const present = new Set(view.positions.map((p) => positionKey(account, p)));
    for (const position of Object.keys(next.open)) {
      if (!position.startsWith(`${account}|`) || present.has(position)) continue;
      delete next.open[position];
      for (const key of Object.keys(next.rules)) if (key.startsWith(`${position}|`)) delete next.rules[key];
      delete next.snoozed![position];
    }
  }
  return { state: next, notifications };
}

/** Checks a persisted state; anything malformed starts clean (and is reported), never a crash. */
export function parseAlertState(raw: unknown): { state: AlertState; problem: string | null } {
  if (raw === undefined || raw === null) return { state: EMPTY_ALERT_STATE, problem: null };
  const r = raw as Partial<AlertState>;
  const isRule = (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    ['warning', 'danger', 'on', null].includes((value as RuleState).level) &&
    typeof (value as RuleState).fired === 'object' &&
    (value as RuleState).fired !== null &&
    Object.values((value as RuleState).fired).every((t) => typeof t === 'number');
  const valid =
    r.version === 1 &&
    typeof r.rules === 'object' &&
    r.rules !== null &&
    Object.values(r.rules).every(isRule) &&
    typeof r.open === 'object' &&
    r.open !== null &&
    Object.values(r.open).every((t) => typeof t === 'number') &&
    (r.snoozed === undefined ||
      (typeof r.snoozed === 'object' &&
        r.snoozed !== null &&
        Object.values(r.snoozed).every(
          (z) =>
            typeof z === 'object' &&
            z !== null &&
            (z.until === null || typeof z.until === 'number') &&
            (z.signature === null || typeof z.signature === 'string'),
        )));
  return valid
    ? { state: { ...(r as AlertState), snoozed: r.snoozed ?? {} }, problem: null }
    : { state: EMPTY_ALERT_STATE, problem: 'the stored alert state was malformed and was reset' };
}

/** The toolbar badge for a view: the worst distance, coloured by its band; empty with no positions. */
export function badgeFor(view: RiskView | null): { text: string; color: string } {
  const worst = view?.positions
    .filter((p) => p.distance !== null)
    .sort((a, b) => new Decimal(a.distance!).cmp(new Decimal(b.distance!)))[0];
  if (!view || view.positions.length === 0) return { text: '', color: '#64748b' };
  if (!worst) return { text: '?', color: '#64748b' };
  const percent = new Decimal(worst.distance!).times(100);
  const text = percent.lt(0)
    ? 'LIQ'
    : percent.lt(10)
      ? `${percent.toDecimalPlaces(1, Decimal.ROUND_DOWN).toFixed(1)}%`
      : `${percent.toDecimalPlaces(0, Decimal.ROUND_DOWN).toFixed(0)}%`;
  const color = worst.band === 'danger' ? '#dc2626' : worst.band === 'warning' ? '#d97706' : '#16a34a';
  return { text, color };
}
