import { describe, expect, it } from 'vitest';

import { bybitPage } from '@/lib/exchanges/bybit/page';
import { readBybitPage, type BybitCache } from '@/lib/exchanges/bybit/page/reader';

import { domOf, fixtures } from '../../../fixtures/bybit';

describe('readBybitPage on every fixture page', () => {
  it('has the variants the issue names: one-way, hedge, isolated, cross, inverse, empty, another tab, broken', () => {
    expect(fixtures.map((f) => f.name).sort()).toEqual([
      'en-broken-rows',
      'en-empty',
      'en-inverse',
      'en-linear-20-rows',
      'en-linear-columns-hidden',
      'en-linear-hedge',
      'en-linear-one-way',
      'en-linear-split-header',
      'en-other-tab',
    ]);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_, fixture) => {
    const { document } = domOf(fixture.html, fixture.url);
    expect(readBybitPage(document, fixture.url, bybitPage.newCache())).toEqual(fixture.expected);
  });
});

describe('readBybitPage degrades instead of guessing', () => {
  const base = fixtures.find((f) => f.name === 'en-linear-one-way')!;
  const read = (html: string, url = base.url) => readBybitPage(domOf(html, url).document, url)!;

  it('returns null off a trading page', () => {
    expect(readBybitPage(domOf(base.html, base.url).document, 'https://www.bybit.com/en/markets')).toBeNull();
  });

  it('says it could not find the list when the headers changed, and reads no position', () => {
    const snapshot = read(base.html.replace(/>Entry Price</g, '>Opening<'));
    expect(snapshot.state).toBe('unreadable');
    expect(snapshot.reasons[0]).toBe('could not find the positions list (its column headers)');
    expect(snapshot.positions).toEqual([]);
  });

  it('reads the same rows with the columns in another order', () => {
    const { document } = domOf(base.html, base.url);
    for (const row of document.querySelectorAll('tr')) row.insertBefore(row.children[4]!, row.children[1]!);
    const snapshot = readBybitPage(document, base.url)!;
    expect(snapshot.positions).toEqual(base.expected.positions);
  });

  it('refuses a row of another market, a size in an unknown unit, and a row with both modes', () => {
    const snapshot = read(
      base.html
        .replace('<span class="s1">BTCUSDT</span>', '<span class="s1">BTCUSD</span>')
        .replace('-4 ETH', '-4 DOGE')
        .replace('<span>Isolated</span><span> 25.00x</span>', '<span>Isolated</span><span> Cross 25.00x</span>'),
    );
    expect(snapshot.positions).toEqual([]);
    expect(snapshot.unreadable.map((row) => row.reason)).toEqual([
      "BTCUSD is not a contract of this page's market",
      'size unit "DOGE" is not ETH, USDT or contracts',
      'both cross and isolated shown',
    ]);
  });

  it('keeps the table it found for the next read, and finds it again once it is replaced', () => {
    const { document } = domOf(base.html, base.url);
    const cache: BybitCache = {};
    readBybitPage(document, base.url, cache);
    const first = cache.table;
    expect(first?.tagName).toBe('TABLE');
    first!.replaceWith(first!.cloneNode(true));
    expect(readBybitPage(document, base.url, cache)!.positions).toHaveLength(3);
    expect(cache.table).not.toBe(first);
    expect(bybitPage.landmarks(document, cache).positions).toContain(cache.table);
    expect(bybitPage.landmarks(document, cache).account?.textContent).toContain('Margin Balance');
  });
});
