import { describe, expect, it } from 'vitest';

import { readBinancePage } from '@/lib/exchanges/binance/page/reader';
import { readIntervalFor } from '@/lib/figures/readInterval';
import { CALM_READ_INTERVAL_MS, MIN_READ_INTERVAL_MS } from '@/lib/model/readIntervals';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model/settings';
import { riskView } from '@/lib/figures/riskView';

import { domOf, fixtures } from '../../fixtures/binance';

const snapshotOf = (name: string) => {
  const fixture = fixtures.find((f) => f.name === name)!;
  return readBinancePage(domOf(fixture.html, fixture.url).document, fixture.url)!;
};

/** The demo account (BTCUSDT 23.7 % and ETHUSDT 81 % from liquidation, SOLUSDT 7.9 %; margin ratio 2.138 %). */
const intervalWith = (changes: Partial<Settings>, name = 'en-usdm-cross-isolated') => {
  const settings = { ...DEFAULT_SETTINGS, ...changes };
  const snapshot = snapshotOf(name);
  return readIntervalFor(snapshot, riskView(snapshot, settings), settings);
};

describe('readIntervalFor', () => {
  it('reads the demo account every 3 s: SOLUSDT is in warning but 2.9 points above danger, the rest far from any threshold', () => {
    expect(intervalWith({})).toBe(CALM_READ_INTERVAL_MS);
  });

  it('reads every second when a position comes within 2 points of its next threshold', () => {
    // SOLUSDT's 7.9 % against a 6 % danger threshold; BTCUSDT's 23.7 % against a 22 % warning.
    expect(intervalWith({ dangerDistance: '0.06' })).toBe(MIN_READ_INTERVAL_MS);
    expect(intervalWith({ warningDistance: '0.22' })).toBe(MIN_READ_INTERVAL_MS);
    expect(intervalWith({ warningDistance: '0.21' })).toBe(CALM_READ_INTERVAL_MS);
  });

  it('reads every second while a position is in danger', () => {
    expect(intervalWith({ dangerDistance: '0.08' })).toBe(MIN_READ_INTERVAL_MS);
  });

  it('reads every second when the margin ratio reaches half its warning threshold', () => {
    expect(intervalWith({ warningMarginRatio: '0.0427' })).toBe(MIN_READ_INTERVAL_MS);
    expect(intervalWith({ warningMarginRatio: '0.0428' })).toBe(CALM_READ_INTERVAL_MS);
  });

  it('reads every 3 s past positions no price can liquidate: they have no distance, and nothing to watch', () => {
    const settings = DEFAULT_SETTINGS;
    const snapshot = snapshotOf('en-20-rows');
    const risk = riskView(snapshot, settings);
    const withoutDistance = risk.positions.filter((p) => p.distance === null);
    // Six of the twenty show "--" on the page; each of the others is far from its next threshold.
    expect(withoutDistance.map((p) => p.symbol)).toEqual(['ETHUSDT', 'SOLUSDT', 'DOGEUSDT', 'BNBUSDT', 'LINKUSDT', 'AVAXUSDT']);
    expect(withoutDistance.every((p) => p.unliquidatable)).toBe(true);
    expect(readIntervalFor(snapshot, risk, settings)).toBe(CALM_READ_INTERVAL_MS);
  });

  it('reads every second when a figure cannot be vouched for or a row could not be read', () => {
    // The quote-asset size has no distance, nor do positions of unknown tiers; the hostile page has unreadable rows.
    expect(intervalWith({}, 'en-size-in-quote')).toBe(MIN_READ_INTERVAL_MS);
    expect(intervalWith({}, 'en-coinm')).toBe(MIN_READ_INTERVAL_MS);
    expect(snapshotOf('en-hostile').unreadable.length).toBeGreaterThan(0);
    expect(intervalWith({}, 'en-hostile')).toBe(MIN_READ_INTERVAL_MS);
  });
});
