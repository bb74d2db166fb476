// @vitest-environment happy-dom
/**
 * The extension's own pages speak the browser's language: the options page, the calculators (every tab, every
 * field's error), the selected position's tools and the stress test are rendered in each of the 13 languages, and no
 * English text of LiqGuard's catalogs is left in one that has its own words for it.
 */
import { h, render, type ComponentChildren } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';

import { AlertHistory } from '@/components/AlertHistory';
import { Calculators } from '@/components/calculators/Calculators';
import { Options } from '@/components/Options';
import { PositionThresholds } from '@/components/PositionThresholds';
import { PositionTools } from '@/components/PositionTools';
import { StressTest } from '@/components/StressTest';
import { UiLanguageContext } from '@/components/words';
import { CATALOGS, UI_LANGUAGES, type UiLanguage } from '@/lib/core/i18n';
import { REASON_CATALOGS, REASONS } from '@/lib/core/i18n/reasons';
import { UI_CATALOGS } from '@/lib/core/i18n/ui';
import { binance } from '@/lib/exchanges/binance';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { assess } from '@/lib/figures/assess';

import { fixtures } from '../../fixtures/binance';

const snapshot = fixtures.find((f) => f.name === 'en-stop-beyond-liquidation')!.expected;

/** Every text a person reads or hears in `root`: its text nodes, and the labels, placeholders and titles it carries. */
function textsIn(root: HTMLElement): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
  for (const element of root.querySelectorAll('*'))
    for (const name of ['aria-label', 'placeholder', 'title']) {
      const value = element.getAttribute(name);
      if (value) texts.push(value);
    }
  return texts.map((text) => text.trim()).filter(Boolean);
}

/** A catalog text as a pattern over a whole text: its placeholders stand for anything. */
const patternOf = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+')}$`, 's');

/** The English texts that `language` words differently: any of them shown in `language` is a text left untranslated. */
function englishLeftIn(texts: string[], language: UiLanguage): string[] {
  const catalogs = [
    [CATALOGS.en, CATALOGS[language]],
    [UI_CATALOGS.en, UI_CATALOGS[language]],
    [Object.fromEntries(REASONS.map((reason) => [reason, reason])), language === 'en' ? {} : REASON_CATALOGS[language]],
  ] as const;
  const english = catalogs.flatMap(([en, own]) =>
    Object.entries(en)
      // A template of placeholders and punctuation only ("{label}: {text}") has no English words to find.
      .filter(([key, text]) => own[key as keyof typeof own] !== text && /[A-Za-z]{3}/.test(text.replace(/\{\w+\}/g, '')))
      .map(([, text]) => patternOf(text)),
  );
  return texts.filter((text) => english.some((pattern) => pattern.test(text)));
}

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

const inLanguage = (language: UiLanguage, children: ComponentChildren) =>
  render(h(UiLanguageContext.Provider, { value: language }, children), host);

/** The calculators prefilled from a position, each tab's fields also given a bad value so that each error shows. */
function renderCalculators(language: UiLanguage) {
  inLanguage(
    language,
    h(Calculators, {
      prefill: {
        symbol: 'BTCUSDT',
        side: 'long',
        contract: 'linear',
        priceDecimals: 1,
        marginMode: 'cross',
        values: { entry: '60000', mark: '61000', quantity: '-1', leverage: '500', walletBalance: 'x', available: '0' },
      },
      markets: binance.markets,
      tiers: [binance.shippedTiers('usdm')],
      rules: {},
    }),
  );
}

describe('the popup, options and calculators in the browser’s language', () => {
  it('the check finds English left in another language', () => {
    expect(englishLeftIn(['Entry price', 'Einstiegspreis', 'Copy Liquidation price', 'PnL'], 'de')).toEqual([
      'Entry price',
      'Copy Liquidation price',
    ]);
  });

  it.each(UI_LANGUAGES.filter((l) => l !== 'en').map((language) => [language] as const))('%s', async (language) => {
    inLanguage(language, h(Options, {}));
    await expect.poll(() => host.querySelector('form') !== null).toBe(true);
    const options = textsIn(host);

    renderCalculators(language);
    const calculators = textsIn(host);

    const { risks } = assess(snapshot);
    inLanguage(
      language,
      h(PositionTools, {
        adapter: binance,
        position: snapshot.positions[0]!,
        risk: risks[0]!,
        walletBalance: snapshot.account.walletBalance,
        warningDistance: '0.3',
        displayDecimals: null,
        rules: undefined,
        figures: null,
      }),
    );
    const tools = textsIn(host);

    inLanguage(language, h(StressTest, { snapshot, tiers: null }));
    const stress = textsIn(host);

    inLanguage(language, h(PositionThresholds, { own: null, defaults: DEFAULT_SETTINGS, onSave: async () => {} }));
    const thresholds = textsIn(host);

    inLanguage(language, h(AlertHistory, {}));
    await expect.poll(() => host.querySelector('[data-testid="alert-history"]') !== null).toBe(true);
    const history = textsIn(host);

    expect(calculators.some((text) => text === UI_CATALOGS[language]['calc.tab.maxOpen'])).toBe(true);
    expect(options).toContain(UI_CATALOGS[language]['options.save']);
    expect(stress).toContain(CATALOGS[language]['stress.title']);
    expect(history).toContain(UI_CATALOGS[language]['history.empty']);
    expect(englishLeftIn([...options, ...calculators, ...tools, ...stress, ...history, ...thresholds], language)).toEqual([]);
  });

  it('English is the fallback and the reference: the same pages in English show its words', async () => {
    inLanguage('en', h(Options, {}));
    await expect.poll(() => host.querySelector('form') !== null).toBe(true);
    expect(textsIn(host)).toContain('Save');
    renderCalculators('en');
    expect(textsIn(host)).toContain('Must be above 0');
  });
});
