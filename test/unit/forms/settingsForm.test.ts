import { describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { formTextOf, settingsFromForm } from '@/lib/forms/settingsForm';

import { inEnglish } from './inEnglish';

describe('options form', () => {
  it('round-trips the defaults, percentages to fractions', () => {
    const text = formTextOf(DEFAULT_SETTINGS);
    expect(text.warningDistance).toBe('10');
    expect(settingsFromForm(text, DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('takes the taker fee as a percentage', () => {
    const outcome = settingsFromForm({ ...formTextOf(DEFAULT_SETTINGS), takerFee: '0.04' }, DEFAULT_SETTINGS);
    expect(outcome.ok && outcome.settings.takerFee).toBe('0.0004');
  });

  it('takes the typed thresholds, not the previous ones', () => {
    const outcome = settingsFromForm({ ...formTextOf(DEFAULT_SETTINGS), warningDistance: '30', dangerDistance: '25' }, DEFAULT_SETTINGS);
    expect(outcome.ok && [outcome.settings.warningDistance, outcome.settings.dangerDistance]).toEqual(['0.3', '0.25']);
  });

  it.each([
    [{ warningDistance: '' }, { warningDistance: 'Enter a percentage' }],
    [{ warningDistance: 'ten' }, { warningDistance: 'Not a number' }],
    [{ dangerDistance: '0' }, { dangerDistance: 'Between 0 and 100%' }],
    [{ dangerDistance: '15' }, { dangerDistance: 'Must not be above the warning distance' }],
    [{ dangerMarginRatio: '40' }, { dangerMarginRatio: 'Must not be below the warning margin ratio' }],
    [{ cooldownMinutes: '2.5' }, { cooldownMinutes: 'Whole minutes from 0 to 1440' }],
    [{ takerFee: '2' }, { takerFee: 'Between 0 and 1%' }],
  ])('refuses %j', (change, errors) => {
    expect(inEnglish(settingsFromForm({ ...formTextOf(DEFAULT_SETTINGS), ...change }, DEFAULT_SETTINGS))).toEqual({ ok: false, errors });
  });
});
