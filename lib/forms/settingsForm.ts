/**
 * The options form's text fields ↔ settings. Thresholds are typed as percentages ("10" = 10 %) and stored as
 * fractions ("0.1"); every field is checked with a message the form shows next to it.
 */
import { Decimal, parseDecimal } from '../core/decimal';
import type { UiPhrase } from '../core/i18n/ui';
import { parseSettings, type DistanceThresholds, type Settings } from '../model/settings';

export const PERCENT_FIELDS = [
  'warningDistance',
  'dangerDistance',
  'warningMarginRatio',
  'dangerMarginRatio',
  'rearmFraction',
  'takerFee',
] as const;
export type PercentField = (typeof PERCENT_FIELDS)[number];
export type FormText = Record<PercentField | 'cooldownMinutes', string>;

/** A fraction as the text of a percentage field: "0.0005" → "0.05". */
export const percentText = (fraction: string) => new Decimal(fraction).times(100).toFixed();

/** A percentage field's text as a fraction, or its error: above 0, below `max` %, at most four decimals. */
function fractionOf(text: string, max: number): { fraction: string } | { error: UiPhrase } {
  const parsed = parseDecimal(text);
  if (!parsed.ok) return { error: { key: parsed.empty ? 'form.enterPercentage' : 'form.notNumber' } };
  if (!parsed.value.gt(0) || !parsed.value.lt(max))
    return { error: { key: max === 1 ? 'form.percentBetween0and1' : 'form.percentBetween0and100' } };
  if (parsed.value.decimalPlaces() > 4) return { error: { key: 'form.atMost4Decimals' } };
  return { fraction: parsed.value.div(100).toFixed() };
}

const DANGER_ABOVE_WARNING: UiPhrase = { key: 'form.dangerAboveWarning' };

/** A position's own warning and danger distances, typed as percentages, or an error per field. */
export function thresholdsFromForm(text: {
  warningDistance: string;
  dangerDistance: string;
}): { ok: true; thresholds: DistanceThresholds } | { ok: false; errors: Partial<Record<'warningDistance' | 'dangerDistance', UiPhrase>> } {
  const warning = fractionOf(text.warningDistance, 100);
  const danger = fractionOf(text.dangerDistance, 100);
  const errors: Partial<Record<'warningDistance' | 'dangerDistance', UiPhrase>> = {};
  if ('error' in warning) errors.warningDistance = warning.error;
  if ('error' in danger) errors.dangerDistance = danger.error;
  if ('fraction' in warning && 'fraction' in danger) {
    if (new Decimal(danger.fraction).gt(warning.fraction)) errors.dangerDistance = DANGER_ABOVE_WARNING;
    else return { ok: true, thresholds: { warningDistance: warning.fraction, dangerDistance: danger.fraction } };
  }
  return { ok: false, errors };
}

export function formTextOf(settings: Settings): FormText {
  return {
    warningDistance: percentText(settings.warningDistance),
    dangerDistance: percentText(settings.dangerDistance),
    warningMarginRatio: percentText(settings.warningMarginRatio),
    dangerMarginRatio: percentText(settings.dangerMarginRatio),
    rearmFraction: percentText(settings.rearmFraction),
    takerFee: percentText(settings.takerFee),
    cooldownMinutes: String(settings.cooldownMinutes),
  };
}

/** The settings the form describes, or an error per field (nothing is saved then). */
export function settingsFromForm(
  text: FormText,
  flags: Pick<Settings, 'rules' | 'overlay' | 'streamWhenHidden' | 'alertSound' | 'displayDecimals' | 'positionThresholds'>,
): { ok: true; settings: Settings } | { ok: false; errors: Partial<Record<keyof FormText, UiPhrase>> } {
  const errors: Partial<Record<keyof FormText, UiPhrase>> = {};
  const fractions: Partial<Record<PercentField, string>> = {};
  for (const field of PERCENT_FIELDS) {
    const read = fractionOf(text[field], field === 'takerFee' ? 1 : 100);
    if ('error' in read) errors[field] = read.error;
    else fractions[field] = read.fraction;
  }
  const cooldown = parseDecimal(text.cooldownMinutes);
  if (!cooldown.ok || !cooldown.value.isInteger() || cooldown.value.lt(0) || cooldown.value.gt(1440)) {
    errors.cooldownMinutes = { key: 'form.wholeMinutes' };
  }
  if (fractions.dangerDistance && fractions.warningDistance && new Decimal(fractions.dangerDistance).gt(fractions.warningDistance)) {
    errors.dangerDistance = DANGER_ABOVE_WARNING;
  }
  if (
    fractions.dangerMarginRatio &&
    fractions.warningMarginRatio &&
    new Decimal(fractions.dangerMarginRatio).lt(fractions.warningMarginRatio)
  ) {
    errors.dangerMarginRatio = { key: 'form.dangerBelowWarning' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { rules, overlay, streamWhenHidden, alertSound, displayDecimals, positionThresholds } = flags;
  const { settings, problems } = parseSettings({
    version: 1,
    ...fractions,
    cooldownMinutes: cooldown.ok ? cooldown.value.toNumber() : 0,
    rules,
    overlay,
    streamWhenHidden,
    alertSound,
    displayDecimals,
    positionThresholds,
  });
  // The checks above cover what parseSettings checks; a problem left here is a bug, not user input.
  if (problems.length > 0) throw new Error(`settings form: ${problems.join('; ')}`);
  return { ok: true, settings };
}
