/**
 * The extension's own pages (popup, options, calculators) in the browser's language: a UI catalog per language,
 * English the reference (the compiler holds every key in every catalog, `test/unit/core/i18n.test.ts` the
 * placeholders), joined with the page's words (../index.ts) that the popup shows too (bands, sides, funding).
 */
import { CATALOGS, wordsOf, type MessageKey, type Phrase, type UiLanguage, type Words } from '..';
import { de } from './de';
import { enUi, type UiMessages } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import { ko } from './ko';
import { pt } from './pt';
import { ru } from './ru';
import { tr } from './tr';
import { uk } from './uk';
import { vi } from './vi';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';

export type { UiMessages } from './en';
export type UiMessageKey = keyof UiMessages;
/** A text the extension's pages show, not yet in a language: a form field's error, a reason. */
export type UiPhrase = Phrase<UiMessageKey | MessageKey>;

export const UI_CATALOGS: Record<UiLanguage, UiMessages> = {
  en: enUi,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  es,
  ru,
  tr,
  vi,
  ja,
  ko,
  pt,
  fr,
  de,
  uk,
};

export type UiTranslate = Words<UiMessageKey | MessageKey>;

/** The extension pages' words in `language`, with the page's words they share. */
export function uiTranslator(language: UiLanguage): UiTranslate {
  return wordsOf<UiMessageKey | MessageKey>({ ...CATALOGS[language], ...UI_CATALOGS[language] }, language);
}

/** A phrase in the language of `t`. */
export function sayIn(t: UiTranslate, phrase: UiPhrase): string {
  return t(phrase.key, phrase.params);
}
