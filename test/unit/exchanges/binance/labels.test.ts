import { describe, expect, it } from 'vitest';

import { LANGUAGES, ORDER_LABELS, pageLanguage } from '@/lib/exchanges/binance/page/labels';
import { normalizeLabel } from '@/lib/exchanges/pageText';

import { fixtures } from '../../../fixtures/binance';

describe('label dictionaries', () => {
  it.each(LANGUAGES)('%s is paired with a fixture page the reader must match', (language) => {
    expect(fixtures.filter((f) => f.expected.language === language).map((f) => f.name).length).toBeGreaterThan(0);
  });

  it.each(Object.keys(ORDER_LABELS))(
    '%s Open Orders labels are paired with a fixture page whose orders the reader must read',
    (language) => {
      const paired = fixtures.filter((f) => f.expected.language === language && (f.expected.openOrders?.orders.length ?? 0) > 0);
      expect(paired.map((f) => f.name)).toEqual([`${language}-open-orders`]);
    },
  );

  it('normalises the spellings the page varies between', () => {
    expect(normalizeLabel('Liq.Price')).toBe(normalizeLabel('Liq. Price'));
    expect(normalizeLabel('PNL(ROI%)')).toBe(normalizeLabel('PNL (ROI %)'));
    expect(normalizeLabel('收益额（收益率）')).toBe(normalizeLabel('收益额(收益率)'));
    expect(normalizeLabel('Entry\u200B Price')).toBe('entryprice');
  });

  it.each([
    [null, 'zh-CN', 'zh-CN'],
    ['zh-TW', null, 'zh-TW'],
    ['zh-HK', null, 'zh-TW'],
    ['pt-BR', 'pt-BR', 'pt'],
    ['en', null, 'en'],
    ['xx', null, 'en'],
    [null, null, 'en'],
  ])('html lang %s, URL %s → %s', (htmlLang, urlLanguage, expected) => {
    expect(pageLanguage(htmlLang, urlLanguage)).toBe(expected);
  });
});
