import { describe, expect, it } from 'vitest';

import { hyperliquidPage } from '@/lib/exchanges/hyperliquid/page';
import { readHyperliquidPage } from '@/lib/exchanges/hyperliquid/page/reader';

import { domOf, fixtures } from '../../../fixtures/hyperliquid';
import { FUZZ_TIMEOUT_MS, fuzz, matches, VARIANTS_PER_PAGE, type ListOf } from '../pageFuzz';

describe('readHyperliquidPage on every fixture page', () => {
  it('has the variants the issue names: cross, isolated, empty, broken (and another tab)', () => {
    expect(fixtures.map((f) => f.name).sort()).toEqual([
      'en-20-rows',
      'en-broken-rows',
      'en-cross-isolated',
      'en-empty',
      'en-other-tab',
      'en-portfolio',
    ]);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_, fixture) => {
    const { document } = domOf(fixture.html, fixture.url);
    expect(readHyperliquidPage(document, fixture.url, hyperliquidPage.newCache())).toEqual(fixture.expected);
  });
});

describe('readHyperliquidPage degrades instead of guessing', () => {
  const base = fixtures.find((f) => f.name === 'en-cross-isolated')!;
  const read = (html: string) => readHyperliquidPage(domOf(html, base.url).document, base.url)!;

  it('tells a short shown with an unsigned size from its PnL, as SEEN', () => {
    const eth = read(base.html).positions.find((p) => p.symbol === 'ETH')!;
    expect([eth.side, eth.size, eth.pnl]).toEqual(['short', '9.3792', '2771.55']);
  });

  it('says it could not find the list when the headers changed', () => {
    const snapshot = read(base.html.replace(/>Entry Price</g, '>Opened at<'));
    expect([snapshot.state, snapshot.reasons[0], snapshot.positions]).toEqual([
      'unreadable',
      'could not find the positions list (its column headers)',
      [],
    ]);
  });

  it('refuses a size in another coin and a margin without its mode', () => {
    const snapshot = read(base.html.replace('0.5 BTC', '0.5 ETH').replace('(Isolated)', ''));
    expect(snapshot.unreadable.map((row) => row.reason)).toEqual([
      'size unit "ETH" is not BTC, USDC or contracts',
      'margin mode (cross / isolated) not shown',
    ]);
  });

  it('keeps what the overlay must not cover: the table and the account panel', () => {
    const { document } = domOf(base.html, base.url);
    const cache = hyperliquidPage.newCache();
    readHyperliquidPage(document, base.url, cache);
    const landmarks = hyperliquidPage.landmarks(document, cache);
    expect(landmarks.positions.map((e) => e.tagName)).toEqual(['DIV', 'TABLE']);
    expect(landmarks.account?.textContent).toContain('Account Equity');
  });
});

describe('Hyperliquid reader contract under mutation (seeded fuzzer)', () => {
  const list: ListOf = (document) => ({ header: document.querySelector('thead > tr'), rows: [...document.querySelectorAll('tbody > tr')] });
  it(
    `en-cross-isolated: ${VARIANTS_PER_PAGE} variants, never a wrong value`,
    () => {
      fuzz(
        { fixture: fixtures.find((f) => f.name === 'en-cross-isolated')!, reader: readHyperliquidPage, list },
        4241,
        (s) => s.positions,
        (s) => s?.positions ?? [],
        matches,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
