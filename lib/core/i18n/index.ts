/**
 * LiqGuard's words in the 13 languages the page reader knows: the page's language on the page (the overlay and the
 * notifications about it), the browser's in the popup and the options. English is the fallback and the reference:
 * every other catalog has exactly its keys (the compiler checks it, and `test/unit/core/i18n.test.ts` checks the
 * placeholders). A message's `{name}` placeholders are filled by `translate`. Numbers are never translated here:
 * they keep the exchange's format (lib/figures/format.ts).
 */
import { de } from './de';
import { fill } from './fill';
import { en, type MessageKey, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import { ko } from './ko';
import { pt } from './pt';
import { reasonIn } from './reasons';
import { ru } from './ru';
import { tr } from './tr';
import { uk } from './uk';
import { vi } from './vi';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';

export type { Messages, MessageKey } from './en';
export { fill } from './fill';

import { UI_LANGUAGES, type UiLanguage } from './languages';

export { UI_LANGUAGES, type UiLanguage };

export const CATALOGS: Record<UiLanguage, Messages> = {
  en,
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

/** A language LiqGuard speaks for a BCP 47 tag ("de-AT" → de, "zh-Hant-TW" → zh-TW, "pt-BR" → pt), English otherwise. */
export function uiLanguage(tag: string | null | undefined): UiLanguage {
  const lower = (tag ?? '').toLowerCase();
  if (lower.startsWith('zh')) return /(tw|hk|mo|hant)/.test(lower) ? 'zh-TW' : 'zh-CN';
  const base = lower.split(/[-_]/)[0];
  return UI_LANGUAGES.find((language) => language === base) ?? 'en';
}

/** Words not yet in a language: a catalog key and its placeholders' values (JSON-safe: it may cross a message). */
export interface Phrase<K extends string = MessageKey> {
  key: K;
  params?: Record<string, string | number>;
}

/** A language's words: a message by key, and a reason (lib/core/i18n/reasons) said in it. */
export interface Words<K extends string> {
  (key: K, params?: Record<string, string | number>): string;
  reason: (text: string) => string;
}
export type Translate = Words<MessageKey>;

/**
 * The words of `catalog`: a message with its `{name}` placeholders filled (a missing one is left as written). A
 * `{reason}` or `{reasons}` value is a reason, and is said in the language too.
 */
export function wordsOf<K extends string>(catalog: Record<K, string>, language: UiLanguage): Words<K> {
  const reason = reasonIn(language);
  const say = (key: K, params?: Record<string, string | number>) => {
    if (params && ('reason' in params || 'reasons' in params)) {
      params = { ...params };
      for (const name of ['reason', 'reasons']) if (typeof params[name] === 'string') params[name] = reason(params[name] as string);
    }
    return fill(catalog[key] ?? key, params);
  };
  return Object.assign(say, { reason });
}

/** The words of `language`. */
export function translator(language: UiLanguage): Translate {
  return wordsOf(CATALOGS[language], language);
}
