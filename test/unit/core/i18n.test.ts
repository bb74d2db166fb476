import { describe, expect, it } from 'vitest';

import { CATALOGS, translator, uiLanguage, UI_LANGUAGES } from '@/lib/core/i18n';
import { en } from '@/lib/core/i18n/en';
import { UI_CATALOGS } from '@/lib/core/i18n/ui';
import { enUi } from '@/lib/core/i18n/ui/en';
import { LABELS } from '@/lib/exchanges/binance/page/labels';
import { BINANCE_WORDING } from '@/lib/exchanges/binance/wording';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('LiqGuard speaks the 13 languages the page reader knows', () => {
  it('has a catalog, and Binance its remedy wording, for exactly the languages the reader reads', () => {
    expect([...UI_LANGUAGES].sort()).toEqual(Object.keys(LABELS).sort());
    expect(Object.keys(CATALOGS).sort()).toEqual([...UI_LANGUAGES].sort());
    expect(Object.keys(UI_CATALOGS).sort()).toEqual([...UI_LANGUAGES].sort());
    expect(Object.keys(BINANCE_WORDING).sort()).toEqual([...UI_LANGUAGES].sort());
  });

  it.each(UI_LANGUAGES.map((language) => [language] as const))(
    '%s: every key of the English catalogs (page and UI), with the same placeholders',
    (language) => {
      const catalog = CATALOGS[language];
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        expect([key, placeholders(catalog[key as keyof typeof en])]).toEqual([key, placeholders(text)]);
        expect(catalog[key as keyof typeof en].trim()).not.toBe('');
      }
      const ui = UI_CATALOGS[language];
      expect(Object.keys(ui).sort()).toEqual(Object.keys(enUi).sort());
      for (const [key, text] of Object.entries(enUi)) {
        expect([key, placeholders(ui[key as keyof typeof enUi])]).toEqual([key, placeholders(text)]);
        expect(ui[key as keyof typeof enUi].trim()).not.toBe('');
      }
      const wording = BINANCE_WORDING[language];
      for (const [key, text] of Object.entries(BINANCE_WORDING.en))
        expect([key, placeholders(wording[key as keyof typeof wording])]).toEqual([key, placeholders(text)]);
    },
  );

  it('translates, not only copies: each language but English has its own words for the overlay', () => {
    for (const language of UI_LANGUAGES.filter((l) => l !== 'en'))
      expect(CATALOGS[language]['overlay.distance']).not.toBe(en['overlay.distance']);
  });

  it('fills placeholders and leaves a missing one as written', () => {
    const t = translator('de');
    expect(t('alert.marginRatioTitle', { ratio: '85.00%' })).toBe('Margin-Quote 85.00%');
    expect(translator('en')('status.readMany', { count: 3 })).toBe('3 positions read at {time}');
  });

  it.each([
    ['de-AT', 'de'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh', 'zh-CN'],
    ['pt-BR', 'pt'],
    ['uk-UA', 'uk'],
    ['nl', 'en'],
    [null, 'en'],
  ] as const)('the browser’s %s is spoken as %s', (tag, language) => {
    expect(uiLanguage(tag)).toBe(language);
  });
});
