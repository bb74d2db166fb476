import { sayIn, uiTranslator, type UiPhrase } from '@/lib/core/i18n/ui';

const t = uiTranslator('en');

/** A form's outcome with its field errors said in English, as the options page and the popup say them. */
export function inEnglish<T extends { ok: boolean }>(outcome: T): T {
  if (outcome.ok || !('errors' in outcome)) return outcome;
  const errors = outcome.errors as Record<string, UiPhrase>;
  return { ...outcome, errors: Object.fromEntries(Object.entries(errors).map(([field, phrase]) => [field, sayIn(t, phrase)])) };
}

export const english = (phrase: UiPhrase) => sayIn(t, phrase);
