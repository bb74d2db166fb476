/**
 * A reason (./templates.ts) said in another language: the English text is matched to its template, its values
 * taken out, and the language's own template filled with them. A reason nested in another (`{reason}`) is said
 * too; reasons joined with "; " are said one by one; a text no template matches (an adapter's own words, a reason
 * stored by an older version) is shown as it is.
 */
import type { UiLanguage } from '../languages';
import { fill } from '../fill';
import { de } from './de';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import { ko } from './ko';
import { pt } from './pt';
import { ru } from './ru';
import { FIGURE_REASONS, READ_REASONS, type Reason, type ReasonCatalog } from './templates';
import { tr } from './tr';
import { uk } from './uk';
import { vi } from './vi';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';

export { because, type ReasonText } from './because';
export type { Reason, ReasonCatalog } from './templates';

export const REASON_CATALOGS: Record<Exclude<UiLanguage, 'en'>, ReasonCatalog> = {
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

export const REASONS: readonly Reason[] = [...READ_REASONS, ...FIGURE_REASONS];

interface Matcher {
  template: Reason;
  names: string[];
  pattern: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Templates with placeholders, the most specific (most fixed text) first: "TP/SL: {reason}" before "{column}: {reason}". */
const MATCHERS: Matcher[] = REASONS.filter((template) => template.includes('{'))
  .map((template) => {
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const source = template
      .split(/\{\w+\}/)
      .map(escape)
      .join('(.+?)');
    return { template, names, pattern: new RegExp(`^${source}$`, 's') };
  })
  .sort((a, b) => b.template.replace(/\{\w+\}/g, '').length - a.template.replace(/\{\w+\}/g, '').length);

const EXACT = new Set<string>(REASONS.filter((template) => !template.includes('{')));

function sayOne(text: string, catalog: ReasonCatalog): string | null {
  if (EXACT.has(text)) return catalog[text as Reason];
  for (const { template, names, pattern } of MATCHERS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const values = Object.fromEntries(names.map((name, i) => [name, match[i + 1]!]));
    if ('reason' in values) values.reason = sayIn(values.reason, catalog);
    return fill(catalog[template], values);
  }
  return null;
}

function sayIn(text: string, catalog: ReasonCatalog): string {
  return (
    sayOne(text, catalog) ??
    (text.includes('; ')
      ? text
          .split('; ')
          .map((part) => sayOne(part, catalog) ?? part)
          .join('; ')
      : text)
  );
}

/** Says a reason in `language` (English: as it is). */
export function reasonIn(language: UiLanguage): (text: string) => string {
  if (language === 'en') return (text) => text;
  const catalog = REASON_CATALOGS[language];
  return (text) => sayIn(text, catalog);
}
