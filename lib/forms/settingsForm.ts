/**
 * The options form's text fields ↔ settings. Thresholds are typed as percentages ("10" = 10 %) and stored as
 * fractions ("0.1"); every field is checked with a message the form shows next to it.
 */
import { Decimal, parseDecimal } from '../core/decimal';
import type { UiPhrase } from '../core/i18n/ui';
import { parseSettings, type Settings } from '../model/settings';

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
  flags: Pick<Settings, 'rules' | 'overlay' | 'streamWhenHidden' | 'notificationSound' | 'displayDecimals'>,
): { ok: true; settings: Settings } | { ok: false; errors: Partial<Record<keyof FormText, UiPhrase>> } {
  const errors: Partial<Record<keyof FormText, UiPhrase>> = {};
  const fractions: Partial<Record<PercentField, string>> = {};
  for (const field of PERCENT_FIELDS) {
    const parsed = parseDecimal(text[field]);
    if (!parsed.ok) errors[field] = { key: parsed.empty ? 'form.enterPercentage' : 'form.notNumber' };
    else if (!parsed.value.gt(0) || !parsed.value.lt(field === 'takerFee' ? 1 : 100))
      errors[field] = { key: field === 'takerFee' ? 'form.percentBetween0and1' : 'form.percentBetween0and100' };
    else if (parsed.value.decimalPlaces() > 4) errors[field] = { key: 'form.atMost4Decimals' };
    else fractions[field] = parsed.value.div(100).toFixed();
  }
  const cooldown = parseDecimal(text.cooldownMinutes);
  if (!cooldown.ok || !cooldown.value.isInteger() || cooldown.value.lt(0) || cooldown.value.gt(1440)) {
    errors.cooldownMinutes = { key: 'form.wholeMinutes' };
  }
  if (fractions.dangerDistance && fractions.warningDistance && new Decimal(fractions.dangerDistance).gt(fractions.warningDistance)) {
    errors.dangerDistance = { key: 'form.dangerAboveWarning' };
  }
  if (
    fractions.dangerMarginRatio &&
    fractions.warningMarginRatio &&
    new Decimal(fractions.dangerMarginRatio).lt(fractions.warningMarginRatio)
  ) {
    errors.dangerMarginRatio = { key: 'form.dangerBelowWarning' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { rules, overlay, streamWhenHidden, notificationSound, displayDecimals } = flags;
  const { settings, problems } = parseSettings({
    version: 1,
    ...fractions,
    cooldownMinutes: cooldown.ok ? cooldown.value.toNumber() : 0,
    rules,
    overlay,
    streamWhenHidden,
    notificationSound,
    displayDecimals,
  });
  // The checks above cover what parseSettings checks; a problem left here is a bug, not user input.
  if (problems.length > 0) throw new Error(`settings form: ${problems.join('; ')}`);
  return { ok: true, settings };
}
