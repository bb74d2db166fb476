import { describe, expect, it } from 'vitest';

import { textLines } from '@/lib/exchanges/pageText';
import { readBinancePage, type ReaderCache } from '@/lib/exchanges/binance/page/reader';

import { domOf, fixtures } from '../../../fixtures/binance';

describe('readBinancePage on every fixture page', () => {
  it('has the fixture variants the reader must handle', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
    expect(new Set(fixtures.map((f) => f.expected.language)).size).toBeGreaterThanOrEqual(4);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_, fixture) => {
    const { document } = domOf(fixture.html, fixture.url);
    const snapshot = readBinancePage(document, fixture.url)!;
    const { unreadable, ...rest } = fixture.expected;
    expect({ ...snapshot, unreadable: [] }).toEqual({ ...rest, unreadable: [] });
    expect(snapshot.unreadable.map((row) => row.row)).toEqual(unreadable.map((row) => row.row));
    snapshot.unreadable.forEach((row, i) => expect(row.reason).toContain(unreadable[i]!.reason));
  });
});

describe('readBinancePage degrades instead of guessing', () => {
  const base = fixtures.find((f) => f.name === 'en-usdm-cross-isolated')!;

  it('returns null off a futures trading page', () => {
    const { document } = domOf(base.html, 'https://www.binance.com/en/markets/overview');
    expect(readBinancePage(document, 'https://www.binance.com/en/markets/overview')).toBeNull();
  });

  it('says it could not find the list when the headers changed', () => {
    const html = base.html.replace(/>Symbol</g, '>Pair<');
    const { document } = domOf(html, base.url);
    const snapshot = readBinancePage(document, base.url)!;
    expect(snapshot.state).toBe('unreadable');
    expect(snapshot.reasons[0]).toBe('could not find the positions list (its column headers)');
    expect(snapshot.positions).toEqual([]);
  });

  it('says which account figure it could not read', () => {
    const html = base.html.replace('Maintenance Margin', 'Maint. Margin (new label)');
    const { document } = domOf(html, base.url);
    const snapshot = readBinancePage(document, base.url)!;
    expect(snapshot.account.maintenanceMargin).toBeNull();
    expect(snapshot.reasons).toContain('account panel: could not read maintenanceMargin');
  });

  it('refuses a row when two columns claim the same header', () => {
    const html = base.html.replace('>Break Even Price<', '>Mark Price<');
    const { document } = domOf(html, base.url);
    const snapshot = readBinancePage(document, base.url)!;
    expect(snapshot.positions).toEqual([]);
    expect(snapshot.unreadable[0]!.reason).toBe('two columns are labelled as markPrice');
  });

  it('matches labels loosely: case, spaces and punctuation', () => {
    const html = base.html
      .replace('>Liq.Price<', '>liq. price<')
      .replace('>PNL(ROI %)<', '>PnL (ROI%)<')
      .replace('>Entry Price<', '>ENTRY  PRICE<');
    const { document } = domOf(html, base.url);
    expect(readBinancePage(document, base.url)).toEqual(readBinancePage(domOf(base.html, base.url).document, base.url));
  });

  it('reads page text as text only: hostile markup stays inert', () => {
    const hostile = fixtures.find((f) => f.name === 'en-hostile')!;
    const { document, window } = domOf(hostile.html, hostile.url);
    readBinancePage(document, hostile.url);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('textLines', () => {
  it('splits on <br> and blocks, skips buttons and inputs', () => {
    const { document } = domOf(
      '<div id="c">-384.85 USDT<br>(-16.12%)<button>Close</button><input value="1"><div>x</div></div>',
      'https://www.binance.com/en/futures/BTCUSDT',
    );
    expect(textLines(document.getElementById('c')!)).toEqual(['-384.85 USDT', '(-16.12%)', 'x']);
  });
});

describe('readBinancePage with a cache (as the content script reads)', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))(
    '%s: every read equals a fresh read, through edits, added and removed rows',
    (_, fixture) => {
      const { document } = domOf(fixture.html, fixture.url);
      const cache: ReaderCache = {};
      const same = () => expect(readBinancePage(document, fixture.url, cache)).toEqual(readBinancePage(document, fixture.url));
      same();
      same();
      const rows = document.querySelectorAll('.list-item-container');
      if (rows.length === 0) return;
      // A figure changes in one row (its markup changes, the others are read from the cache).
      const last = rows[rows.length - 1]!;
      last.lastElementChild!.append(document.createTextNode(' '));
      same();
      last.querySelector('div')!.textContent = 'garbage';
      same();
      // Two cells of a row change places (the same cells, each with its markup unchanged), then one is replaced by a copy.
      const first = rows[0]!;
      first.insertBefore(first.children[3]!, first.children[2]!);
      same();
      first.replaceChild(first.children[2]!.cloneNode(true), first.children[2]!);
      same();
      // A row is added, then one removed.
      last.parentElement!.append(rows[0]!.cloneNode(true));
      same();
      rows[0]!.remove();
      same();
    },
  );
});
