/**
 * Every reason LiqGuard gives, said in each language: each template of lib/core/i18n/reasons has its words in every
 * language with the same placeholders, and an English reason written from any template (nested ones too) comes back
 * as that template's words with the same values — the matching never takes one template for another.
 */
import { describe, expect, it } from 'vitest';

import { UI_LANGUAGES, translator } from '@/lib/core/i18n';
import { fill } from '@/lib/core/i18n/fill';
import { REASON_CATALOGS, REASONS, reasonIn } from '@/lib/core/i18n/reasons';
import { readBinancePage } from '@/lib/exchanges/binance/page/reader';
import { riskView } from '@/lib/figures/riskView';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';

import { domOf, fixtures } from '../../fixtures/binance';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const languages = UI_LANGUAGES.filter((language) => language !== 'en');

/** Values for a template's placeholders, each unlike any template's words; a `{reason}` is itself a reason. */
const valuesOf = (template: string) =>
  Object.fromEntries(placeholders(template).map((name, i) => [name, name === 'reason' ? 'no value shown' : `V${i}x7`]));

describe('reasons in the 13 languages', () => {
  it.each(languages.map((language) => [language] as const))('%s: every reason, with its placeholders', (language) => {
    const catalog = REASON_CATALOGS[language];
    for (const template of REASONS) {
      expect([template, placeholders(catalog[template])]).toEqual([template, placeholders(template)]);
      expect(catalog[template].trim()).not.toBe('');
    }
  });

  it.each(languages.map((language) => [language] as const))(
    '%s: each reason written in English is said from its own template',
    (language) => {
      const say = reasonIn(language);
      const catalog = REASON_CATALOGS[language];
      for (const template of REASONS) {
        const values = valuesOf(template);
        const expected = fill(catalog[template], 'reason' in values ? { ...values, reason: catalog['no value shown'] } : values);
        expect([template, say(fill(template, values))]).toEqual([template, expected]);
      }
    },
  );

  it('says reasons joined with "; " one by one, and leaves a text no template matches as it is', () => {
    const say = reasonIn('de');
    expect(say('no price; no amount')).toBe('kein Preis; keine Menge');
    expect(say('FakeX publishes no funding history')).toBe('FakeX publishes no funding history');
    expect(reasonIn('en')('no price')).toBe('no price');
  });

  it('a message’s {reason} is said in its language too', () => {
    expect(translator('de')('alert.unreadableMessage', { reason: 'size is zero' })).toMatch(/^Größe ist null/);
  });

  it('every reason the fixtures give — the reader’s and the figures’ — is one LiqGuard can say in another language', () => {
    const given = fixtures.flatMap(({ html, url }) => {
      const snapshot = readBinancePage(domOf(html, url).document, url);
      if (!snapshot) return [];
      const view = riskView(snapshot, DEFAULT_SETTINGS);
      return [
        ...snapshot.reasons,
        ...snapshot.unreadable.map((row) => row.reason),
        ...view.positions.flatMap((p) => [p.reason, p.fundingReason, p.fundingPaidReason]),
        view.account.reason,
      ].filter((reason): reason is string => typeof reason === 'string');
    });
    expect(given.length).toBeGreaterThan(20);
    const say = reasonIn('de');
    expect(given.filter((reason) => say(reason) === reason)).toEqual([]);
  });
});
