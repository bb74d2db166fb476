import { describe, expect, it } from 'vitest';

import { badgeFor, EMPTY_ALERT_STATE, evaluate, parseAlertState, type AlertState, type AlertSubject } from '@/lib/alerts';
import { binance } from '@/lib/exchanges/binance';
import { formTextOf, settingsFromForm, thresholdsFromForm } from '@/lib/forms/settingsForm';
import { DEFAULT_SETTINGS, parseSettings, thresholdsFor } from '@/lib/model/settings';
import type { PositionView, RiskView } from '@/lib/figures/types';

const MINUTE = 60_000;

function position(distance: string | null, overrides: Partial<PositionView> = {}): PositionView {
  return {
    row: 1,
    symbol: 'BTCUSDT',
    side: 'long',
    size: '1',
    entryPrice: '60000',
    marginMode: 'cross',
    leverage: 20,
    markPrice: '60000.0',
    liquidationPrice: '55000',
    pageLiquidationPrice: '55000.0',
    distance,
    pageDistance: null,
    unliquidatable: false,
    priceBuffer: null,
    balanceBuffer: null,
    marginAsset: 'USDT',
    band: 'safe',
    reason: null,
    mismatch: null,
    priceDecimals: 1,
    tickSize: '0.1',
    priceFigures: null,
    lotSize: '0.001',
    sizeAsset: 'BTC',
    remedy: { targetDistance: '0.10', marginToAdd: '1234.5678', sizeToCut: '0.12345', sizeToCutNote: 'not rounded' },
    stop: null,
    breakEvenWithFees: null,
    funding: null,
    fundingReason: null,
    fundingPaid: null,
    fundingPaidReason: null,
    afterOrders: null,
    ...overrides,
  };
}

function subject(positions: PositionView[], marginRatio: string | null = null, tabId = 1, extra: Partial<AlertSubject> = {}): AlertSubject {
  const view: RiskView = { positions, account: { asset: 'USDT', marginRatio, marginBalance: null, band: 'unknown', reason: null } };
  return {
    account: 'binance:usdm:USDT',
    tabId,
    view,
    unreadable: [],
    complete: true,
    market: 'usdm',
    wording: binance.remedies,
    language: 'en',
    ...extra,
  };
}

/** Feeds a series of (minute, subject) and collects what fired at each step. */
function run(series: [number, AlertSubject][], settings = DEFAULT_SETTINGS, start: AlertState = EMPTY_ALERT_STATE) {
  let state = start;
  const fired: string[][] = [];
  for (const [minute, input] of series) {
    const result = evaluate(state, input, settings, minute * MINUTE);
    state = result.state;
    fired.push(result.notifications.map((n) => `${n.rule}:${n.level}`));
  }
  return { fired, state };
}

describe('distance alerts', () => {
  it.each([
    ['crossing the warning distance fires once', ['0.12', '0.09', '0.085', '0.08'], [[], ['distance:warning'], [], []]],
    [
      'a wiggle around the threshold fires once',
      ['0.101', '0.099', '0.102', '0.098', '0.105', '0.097'],
      [[], ['distance:warning'], [], [], [], []],
    ],
    ['escalation to danger fires again', ['0.12', '0.09', '0.04'], [[], ['distance:warning'], ['distance:danger']]],
    ['jumping straight to danger fires danger only', ['0.20', '0.03'], [[], ['distance:danger']]],
    [
      'recovery past the re-arm margin, then a new crossing within the cool-down, stays silent',
      ['0.09', '0.13', '0.09'],
      [['distance:warning'], [], []],
    ],
    ['a position past liquidation is in danger', ['-0.01'], [['distance:danger']]],
    ['an unknown distance neither fires nor re-arms', ['0.09', null, '0.09'], [['distance:warning'], [], []]],
  ] as const)('%s', (_, distances, expected) => {
    const { fired } = run(distances.map((d, i) => [i, subject([position(d)])]));
    expect(fired).toEqual(expected);
  });

  it('honours the cool-down: re-armed and crossed again within it stays silent, after it fires', () => {
    const steps = (minutes: number[]) => run(minutes.map((m, i) => [m, subject([position(i % 2 === 0 ? '0.09' : '0.13')])])).fired;
    expect(steps([0, 1, 2])).toEqual([['distance:warning'], [], []]);
    expect(steps([0, 1, 20])).toEqual([['distance:warning'], [], ['distance:warning']]);
  });

  it('de-escalates danger → warning without firing, and fires danger again after the cool-down', () => {
    const { fired } = run([
      [0, subject([position('0.04')])],
      [1, subject([position('0.07')])],
      [2, subject([position('0.04')])],
      [30, subject([position('0.07')])],
      [31, subject([position('0.04')])],
    ]);
    expect(fired).toEqual([['distance:danger'], [], [], [], ['distance:danger']]);
  });

  it('fires once for two tabs showing the same account', () => {
    const { fired } = run([
      [0, subject([position('0.09')], null, 1)],
      [0, subject([position('0.09')], null, 2)],
    ]);
    expect(fired).toEqual([['distance:warning'], []]);
  });

  it("tells what to do in the exchange's words, at amounts it accepts, per margin mode", () => {
    const { notifications } = evaluate(EMPTY_ALERT_STATE, subject([position('0.048')]), DEFAULT_SETTINGS, 0);
    expect(notifications[0]).toMatchObject({
      title: 'BTCUSDT Long is 4.80% from liquidation',
      message:
        'Liquidation at 55,000.0, mark 60,000.0. To get back to 10.00%: Transfer 1,234.57 USDT from Spot or Funding to the USDⓈ-M Futures wallet. ' +
        'Or: Close 0.124 BTC (12%) at market, reduce-only.',
      tabId: 1,
    });
    const isolated = evaluate(EMPTY_ALERT_STATE, subject([position('0.048', { marginMode: 'isolated' })]), DEFAULT_SETTINGS, 0);
    expect(isolated.notifications[0]!.message).toContain(
      'To get back to 10.00%: Add 1,234.57 USDT margin to this position (Margin ✎). Or:',
    );
  });

  it('survives a restart: the persisted state neither repeats nor misses', () => {
    const first = run([[0, subject([position('0.09')])]]);
    const persisted = parseAlertState(JSON.parse(JSON.stringify(first.state))).state;
    const after = run(
      [
        [1, subject([position('0.09')])],
        [2, subject([position('0.04')])],
      ],
      DEFAULT_SETTINGS,
      persisted,
    );
    expect(after.fired).toEqual([[], ['distance:danger']]);
  });

  it('leaves the state as it was when a later snapshot changes no rule (the worker then writes nothing)', () => {
    const first = run([[0, subject([position('0.09')])]]);
    // The price moved, within the same band: one minute later, and again a second after.
    const later = run(
      [
        [1, subject([position('0.085')])],
        [1 + 1 / 60, subject([position('0.087')])],
      ],
      DEFAULT_SETTINGS,
      first.state,
    );
    expect(later.state).toEqual(first.state);
    expect(JSON.stringify(later.state)).toBe(JSON.stringify(first.state));
  });

  it('forgets a closed position only when the view shows the whole account', () => {
    const partial = run([
      [0, subject([position('0.09')])],
      [1, subject([], null, 2, { complete: false })],
      [2, subject([position('0.09')])],
    ]);
    expect(partial.fired).toEqual([['distance:warning'], [], []]);
    const closed = run([
      [0, subject([position('0.09')])],
      [1, subject([])],
      [20, subject([position('0.09')])],
    ]);
    expect(closed.fired).toEqual([['distance:warning'], [], ['distance:warning']]);
  });

  it('is off when the rule is off', () => {
    const settings = { ...DEFAULT_SETTINGS, rules: { ...DEFAULT_SETTINGS.rules, distance: false } };
    expect(run([[0, subject([position('0.01')])]], settings).fired).toEqual([[]]);
  });
});

describe('other rules', () => {
  it('margin ratio: warning, danger, hysteresis below the threshold', () => {
    const { fired } = run(['0.40', '0.55', '0.48', '0.52', '0.85', '0.39', '0.55'].map((r, i) => [i * 20, subject([], r)]));
    expect(fired).toEqual([[], ['marginRatio:warning'], [], [], ['marginRatio:danger'], [], ['marginRatio:warning']]);
  });

  it("margin ratio: says what liquidates the account in its exchange's words", () => {
    const { notifications } = evaluate(EMPTY_ALERT_STATE, subject([], '0.85'), DEFAULT_SETTINGS, 0);
    expect(notifications.map((n) => n.message)).toEqual([
      'Binance liquidates cross positions when the margin ratio reaches 100%. Add margin or reduce positions.',
    ]);
  });

  it('mismatch fires when it appears, not while it stays', () => {
    const mismatch = { tolerance: '3' };
    const { fired } = run([
      [0, subject([position('0.5')])],
      [1, subject([position('0.5', { mismatch })])],
      [2, subject([position('0.5', { mismatch })])],
    ]);
    expect(fired).toEqual([[], ['mismatch:on'], []]);
  });

  it('a position that becomes unreadable while open fires once', () => {
    const unreadable = [{ symbol: 'BTCUSDT', reason: 'size is zero' }];
    const { fired } = run([
      [0, subject([position('0.5')])],
      [1, subject([], null, 1, { unreadable, complete: false })],
      [2, subject([], null, 1, { unreadable, complete: false })],
    ]);
    expect(fired).toEqual([[], ['unreadable:on'], []]);
  });
});

describe('stored values', () => {
  it.each([undefined, null, 'x', { version: 2 }, { version: 1, rules: { a: { level: 'boom', fired: {} } }, open: {} }])(
    'a malformed alert state %j starts clean',
    (raw) => {
      expect(parseAlertState(raw).state).toEqual(EMPTY_ALERT_STATE);
    },
  );

  it('settings: missing values (older versions) take their defaults silently', () => {
    expect(parseSettings({ version: 1, warningDistance: '0.15' })).toEqual({
      settings: { ...DEFAULT_SETTINGS, warningDistance: '0.15' },
      problems: [],
    });
  });

  it('settings: corrupt values fall back to defaults, with the reasons', () => {
    const { settings, problems } = parseSettings({
      warningDistance: 'abc',
      dangerDistance: '0.2',
      cooldownMinutes: -3,
      rules: { distance: 'yes' },
    });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toEqual([
      'warningDistance must be a fraction between 0 and 1',
      'cooldownMinutes must be a whole number of minutes from 0 to 1440',
      'rules.distance must be true or false',
      'the danger distance must not be above the warning distance',
    ]);
  });

  it('settings: the alert sound is one of the known ones; the yes/no stored before the choice becomes system or none', () => {
    expect(parseSettings({ version: 1, alertSound: 'siren' }).settings.alertSound).toBe('siren');
    expect(parseSettings({ version: 1, notificationSound: false }).settings.alertSound).toBe('off');
    expect(parseSettings({ version: 1, notificationSound: true }).settings.alertSound).toBe('system');
    expect(parseSettings({ version: 1, alertSound: 'chime', notificationSound: false }).settings.alertSound).toBe('chime');
    const corrupt = parseSettings({ version: 1, alertSound: 'https://example.test/a.mp3' });
    expect(corrupt.settings.alertSound).toBe(DEFAULT_SETTINGS.alertSound);
    expect(corrupt.problems).toEqual(['alertSound must be one of system, chime, siren, off']);
    expect(parseSettings({ version: 1 }).settings).not.toHaveProperty('notificationSound');
  });
});

describe('a position’s own thresholds', () => {
  const key = 'binance:usdm:USDT|BTCUSDT:long:cross';
  const scalp = { ...DEFAULT_SETTINGS, positionThresholds: { [key]: { warningDistance: '0.3', dangerDistance: '0.25' } } };

  it('alert that position at its own thresholds, and the others at the defaults', () => {
    // 28 % from liquidation: inside its own warning (30 %), far outside the default (10 %).
    const btc = position('0.28');
    const eth = position('0.28', { symbol: 'ETHUSDT', side: 'short' });
    expect(run([[0, subject([btc, eth])]], scalp).fired).toEqual([['distance:warning']]);
    expect(run([[0, subject([btc, eth])]]).fired).toEqual([[]]);
  });

  it('are kept when well-formed, and a malformed one is dropped with the reason', () => {
    const { settings, problems } = parseSettings({
      version: 1,
      positionThresholds: {
        [key]: { warningDistance: '0.3', dangerDistance: '0.25' },
        'not a position': { warningDistance: '0.3', dangerDistance: '0.25' },
        'binance:usdm:USDT|ETHUSDT:short:cross': { warningDistance: '0.1', dangerDistance: '0.2' },
      },
    });
    expect(settings.positionThresholds).toEqual({ [key]: { warningDistance: '0.3', dangerDistance: '0.25' } });
    expect(problems).toEqual([
      'the thresholds of not a position were not valid',
      'the thresholds of binance:usdm:USDT|ETHUSDT:short:cross were not valid',
    ]);
    expect(parseSettings({ version: 1, positionThresholds: [] }).problems).toEqual(['positionThresholds must be an object']);
    expect(thresholdsFor(scalp, key)).toEqual({ warningDistance: '0.3', dangerDistance: '0.25' });
    expect(thresholdsFor(scalp, 'binance:usdm:USDT|ETHUSDT:short:cross')).toBe(scalp);
  });

  it('the options form keeps them, and the popup’s form checks them like the options’', () => {
    const saved = settingsFromForm(formTextOf(scalp), scalp);
    expect(saved.ok && saved.settings.positionThresholds).toEqual(scalp.positionThresholds);
    expect(thresholdsFromForm({ warningDistance: '30', dangerDistance: '25' })).toEqual({
      ok: true,
      thresholds: { warningDistance: '0.3', dangerDistance: '0.25' },
    });
    expect(thresholdsFromForm({ warningDistance: '30', dangerDistance: '35' })).toEqual({
      ok: false,
      errors: { dangerDistance: { key: 'form.dangerAboveWarning' } },
    });
    expect(thresholdsFromForm({ warningDistance: '', dangerDistance: '0' })).toEqual({
      ok: false,
      errors: { warningDistance: { key: 'form.enterPercentage' }, dangerDistance: { key: 'form.percentBetween0and100' } },
    });
  });
});

describe('badgeFor', () => {
  it('shows the worst distance coloured by its band, and nothing without positions', () => {
    const view = (positions: PositionView[]): RiskView => ({
      positions,
      account: { asset: null, marginRatio: null, marginBalance: null, band: 'unknown', reason: null },
    });
    expect(badgeFor(view([position('0.35'), position('0.048', { band: 'danger' })]))).toEqual({ text: '4.8%', color: '#dc2626' });
    expect(badgeFor(view([position('0.35')]))).toEqual({ text: '35%', color: '#16a34a' });
    expect(badgeFor(view([]))).toEqual({ text: '', color: '#64748b' });
    expect(badgeFor(view([position(null)]))).toEqual({ text: '?', color: '#64748b' });
  });
});

describe('stop-loss rule', () => {
  it('fires once when the stop sits beyond liquidation, and says where a stop would work', () => {
    const stop = { price: '54000', source: 'position' as const, beyondLiquidation: true, saferStop: '55500', saferStopPnl: '-4500' };
    const first = evaluate(EMPTY_ALERT_STATE, subject([position('0.5', { stop })]), DEFAULT_SETTINGS, 0);
    expect(first.notifications.map((n) => n.rule)).toEqual(['stop']);
    expect(first.notifications[0]!.message).toBe(
      'Stop 54,000.0 is beyond liquidation 55,000.0: the position is liquidated first. A stop at 55,500.0 fires before it, locking in -4,500.00 USDT.',
    );
    expect(evaluate(first.state, subject([position('0.5', { stop })]), DEFAULT_SETTINGS, 1).notifications).toEqual([]);
  });
});

describe('snooze', () => {
  const key = 'binance:usdm:USDT|BTCUSDT:long:cross';

  it('silences a position for 15 minutes, then a new crossing fires again', async () => {
    const { snooze } = await import('@/lib/alerts');
    const start = snooze(EMPTY_ALERT_STATE, key, '15m', '1@60000', 0);
    const { fired } = run(
      [
        [1, subject([position('0.09')])],
        [2, subject([position('0.13')])],
        [16, subject([position('0.13')])],
        [17, subject([position('0.04')])],
      ],
      DEFAULT_SETTINGS,
      start,
    );
    expect(fired).toEqual([[], [], [], ['distance:danger']]);
  });

  it('“until it changes” ends when the size or entry changes', async () => {
    const { snooze } = await import('@/lib/alerts');
    const start = snooze(EMPTY_ALERT_STATE, key, 'change', '1@60000', 0);
    const { fired } = run(
      [
        [1, subject([position('0.04')])],
        [500, subject([position('0.04')])],
        [501, subject([position('0.13', { size: '2' })])],
        [502, subject([position('0.04', { size: '2' })])],
      ],
      DEFAULT_SETTINGS,
      start,
    );
    expect(fired).toEqual([[], [], [], ['distance:danger']]);
  });

  it('leaves other positions and account alerts alone', async () => {
    const { snooze } = await import('@/lib/alerts');
    const start = snooze(EMPTY_ALERT_STATE, key, '1h', '1@60000', 0);
    const { fired } = run([[1, subject([position('0.04'), position('0.04', { symbol: 'ETHUSDT' })], '0.9')]], DEFAULT_SETTINGS, start);
    expect(fired[0]!.sort()).toEqual(['distance:danger', 'marginRatio:danger']);
  });
});
