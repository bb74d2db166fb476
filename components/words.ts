import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

import { uiLanguage, type UiLanguage } from '@/lib/core/i18n';
import { sayIn, uiTranslator, type UiPhrase, type UiTranslate } from '@/lib/core/i18n/ui';

/** The extension pages' language: the browser's, English where LiqGuard does not speak it. Tests provide their own. */
export const UiLanguageContext = createContext<UiLanguage>(uiLanguage(globalThis.navigator?.language));

const translators = new Map<UiLanguage, UiTranslate>();

/** The words of the extension page's language: `t(key, params)`, `say(phrase)`. */
export function useWords(): { language: UiLanguage; t: UiTranslate; say: (phrase: UiPhrase) => string } {
  const language = useContext(UiLanguageContext);
  let t = translators.get(language);
  if (!t) translators.set(language, (t = uiTranslator(language)));
  const translate = t;
  return { language, t: translate, say: (phrase) => sayIn(translate, phrase) };
}
