/**
 * The layout report a trader attaches to a bug report when the page cannot be read: the page's labels and structure
 * around its positions list, and not one digit or number of the page.
 */
import { describe, expect, it } from 'vitest';

import { binancePage } from '@/lib/exchanges/binance/page';
import { layoutReport, redacted, reportRoot } from '@/lib/page/layoutReport';

import { domOf, fixtures } from '../../fixtures/binance';

/** The report of a fixture page, around its positions list as the reader found it. */
function reportOf(html: string, url: string) {
  const { document } = domOf(html, url);
  const cache = binancePage.newCache();
  binancePage.read(document, url, cache);
  return layoutReport(reportRoot(binancePage.landmarks(document, cache).positions, document.body));
}

describe('the layout report', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s: no digit of the page survives in it', (_, { html, url }) => {
    const report = reportOf(html, url);
    expect(report.length).toBeGreaterThan(0);
    expect(report).not.toMatch(/\d/);
  });

  it('keeps the labels a reader is built from, around the positions list', () => {
    const fixture = fixtures.find((f) => f.name === 'en-usdm-cross-isolated')!;
    const report = reportOf(fixture.html, fixture.url);
    for (const label of ['Symbol', 'Size', 'Entry Price', 'Mark Price', 'Liq.Price', 'Margin Ratio']) expect(report).toContain(label);
  });

  it('drops every word with a digit or an "@": figures, addresses, ids, e-mails', () => {
    expect(redacted('Balance 12,500.00 USDT · 0x3fA9b2c1 · trader@example.com · css-1aflf')).toBe('Balance # USDT · # · @ · #');
    const { document } = domOf(
      '<body><div role="row" aria-label="UID 7712"><span>me@example.com</span><b>0xAbC9</b> Margin</div><script>var x=1</script></body>',
      'https://www.binance.com/en/futures/BTCUSDT',
    );
    expect(layoutReport(document.body)).toBe('body\n  div [row] "UID #": Margin\n    span: @\n    b: #');
  });
});
