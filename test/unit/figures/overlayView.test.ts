import { describe, expect, it } from 'vitest';

import { accountKey, positionKey, positionSignature } from '@/lib/model/keys';
import { readBinancePage } from '@/lib/exchanges/binance/page/reader';
import { money, orderPriceOf, percent } from '@/lib/figures/format';
import { parseOverlayUpdate } from '@/lib/protocol/messages';
import { overlayOutline } from '@/lib/page/overlayOutline';
import { overlayView, overlayWords } from '@/lib/figures/overlayView';
import type { OverlayPosition } from '@/lib/model/overlay';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { riskView } from '@/lib/figures/riskView';

import { domOf, fixtures } from '../../fixtures/binance';

const NOW = Date.UTC(2026, 10, 26, 9, 0);

const overlayOf = (name: string, edit: (html: string) => string = (html) => html) => {
  const fixture = fixtures.find((f) => f.name === name)!;
  const snapshot = readBinancePage(domOf(edit(fixture.html), fixture.url).document, fixture.url)!;
  const view = riskView(snapshot, DEFAULT_SETTINGS, { now: NOW });
  const overlay = overlayView(snapshot, view, NOW);
  // In the page's order (the overlay leads with the worst), to line up with the view's positions.
  const inPageOrder = view.positions.map((p) => overlay.positions.find((shown) => shown.id === `${p.symbol}-${p.side}-${p.row}`)!);
  return { snapshot, view, overlay, inPageOrder };
};

describe('overlayView', () => {
  it('writes each figure of the risk view as the overlay shows it, "—" with the reason where there is none', () => {
    const { view, overlay, inPageOrder } = overlayOf('en-usdm-cross-isolated');
    expect(inPageOrder.map((p) => p.liquidation)).toEqual(['72,846.9', '6,261.74', '128.759']);
    expect(inPageOrder.map((p) => p.distance)).toEqual(view.positions.map((p) => percent(p.distance)));
    expect(inPageOrder.map((p) => p.band)).toEqual(['safe', 'safe', 'warning']);
    expect(overlay.account.marginRatio).toBe('2.14%');
    expect(inPageOrder.map((p) => [p.mismatch, p.stopWarning, p.reason])).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null],
    ]);
    const quote = overlayOf('en-size-in-quote').overlay.positions[0]!;
    expect([quote.liquidation, quote.distance]).toEqual(['—', '—']);
    expect(quote.reason).toMatch(/^— .*size is shown in USDT/);
  });

  it('where our cross figure cannot be vouched for (a row unreadable), shows the page’s own distance, labelled as the page’s', () => {
    const { snapshot, inPageOrder } = overlayOf('en-usdm-cross-isolated', (html) =>
      html.replace('>-384.85 USDT<', '>384.85 USDT<').replace('>(-16.12%)<', '>(16.12%)<'),
    );
    expect(snapshot.unreadable.map((row) => row.symbol)).toEqual(['BTCUSDT']);
    const eth = inPageOrder.find((p) => p.symbol === 'ETHUSDT')!;
    expect(eth.distance).toBe('—');
    // (6,261.74 − 3,455.10) / 3,455.10 for the short: the page's own liquidation price, its own distance.
    expect(eth.reason).toBe(
      "— a row could not be read, so cross figures are incomplete. The page's own figure: liquidation at 6,261.74, 81.23% away.",
    );
  });

  it('speaks the page’s language: its labels, remedies and figures in words (numbers as the exchange writes them)', () => {
    const { inPageOrder } = overlayOf('de-usdm');
    const { labels } = overlayWords(fixtures.find((f) => f.name === 'de-usdm')!.expected);
    expect(labels['overlay.liquidation']).toBe('Liq.-Preis');
    expect(labels['band.warning']).toBe('Warnung');
    const sol = inPageOrder.find((p) => p.symbol === 'SOLUSDT')!;
    expect(sol.band).toBe('warning');
    expect(sol.remedy[0]).toMatch(/^Fügen Sie dieser Position [\d,]+\.\d{2} USDT Margin hinzu \(Margin ✎\)$/);
    expect(sol.remedy[1]).toMatch(/^Schließen Sie \d+ SOL \(\d+%\) zum Marktpreis, nur reduzieren$/);
    expect(overlayWords(fixtures.find((f) => f.name === 'en-usdm-cross-isolated')!.expected).labels['overlay.liquidation']).toBe(
      'Liq. price',
    );
    // Before the worker has a snapshot of the page, English.
    expect(overlayWords(undefined).labels['overlay.liquidation']).toBe('Liq. price');
  });

  it('names the stress test’s beta mode for the page’s market, and offers none where the market has no reference', async () => {
    const labels = (snapshot: Parameters<typeof overlayWords>[0]) => {
      const { labels: all } = overlayWords(snapshot);
      return [all['stress.byBeta'], all['stress.moveOf']];
    };
    expect(labels(fixtures.find((f) => f.name === 'en-usdm-cross-isolated')!.expected)).toEqual([
      'Each by its beta to BTCUSDT (4 h bars)',
      'Move BTCUSDT by',
    ]);
    expect(labels(fixtures.find((f) => f.name === 'de-usdm')!.expected)).toEqual([
      'Jeder nach seinem Beta zu BTCUSDT (4 h-Kerzen)',
      'BTCUSDT bewegen um',
    ]);
    const hyperliquid = (await import('../../fixtures/hyperliquid')).fixtures.find((f) => f.name === 'en-cross-isolated')!;
    expect(labels(hyperliquid.expected)).toEqual(['', '']);
    expect(labels(undefined)).toEqual(['', '']);
  });

  it('leads with the worst: danger, then warning, each nearest first; the rest keep the page’s order', () => {
    const fixture = fixtures.find((f) => f.name === 'en-usdm-cross-isolated')!;
    const settings = { ...DEFAULT_SETTINGS, warningDistance: '0.3', dangerDistance: '0.1' };
    const view = riskView(fixture.expected, settings, { now: NOW });
    expect(view.positions.map((p) => [p.symbol, p.band])).toEqual([
      ['BTCUSDT', 'warning'],
      ['ETHUSDT', 'safe'],
      ['SOLUSDT', 'danger'],
    ]);
    const overlay = overlayView(fixture.expected, view, NOW);
    expect(overlay.positions.map((p) => p.symbol)).toEqual(['SOLUSDT', 'BTCUSDT', 'ETHUSDT']);
    const bothWarning = overlayView(
      fixture.expected,
      riskView(fixture.expected, { ...settings, dangerDistance: '0.05' }, { now: NOW }),
      NOW,
    );
    expect(bothWarning.positions.map((p) => [p.symbol, p.band])).toEqual([
      ['SOLUSDT', 'warning'],
      ['BTCUSDT', 'warning'],
      ['ETHUSDT', 'safe'],
    ]);
  });

  it('names what a snooze is about only for a position in warning or danger, keyed as the alert rules key it', () => {
    const { snapshot, view, inPageOrder } = overlayOf('en-usdm-cross-isolated');
    const sol = view.positions[2]!;
    expect(inPageOrder.map((p) => p.snooze)).toEqual([
      null,
      null,
      { position: positionKey(accountKey(snapshot), sol), signature: positionSignature(sol) },
    ]);
  });

  it('says when a stop sits beyond liquidation, and the page’s liquidation price when ours differs', () => {
    const { view, overlay } = overlayOf('en-stop-beyond-liquidation');
    const stop = view.positions[0]!.stop!;
    expect(overlay.positions[0]!.stopWarning).toBe(
      `Your stop-loss 127.000 is beyond liquidation: it would never fire. A stop at ${orderPriceOf(view.positions[0]!, stop.saferStop!)} fires first (${money(stop.saferStopPnl, 'USDT')}).`,
    );
    const mismatched = overlayOf('en-usdm-cross-isolated', (html) => html.replace('>72,846.9<', '>72,700.0<')).inPageOrder[0]!;
    expect(mismatched.mismatch).toMatch(/^The page shows liquidation at 72,700\.0; ours differs by more than [\d.,]+\. Check the tiers/);
  });
});

describe('overlayOutline (what may not wait for a ticking page’s next redraw)', () => {
  it('stays the same when only the figures move', () => {
    const { overlay, inPageOrder } = overlayOf('en-usdm-cross-isolated');
    const moved = overlayOf('en-usdm-cross-isolated', (html) => html.replace('>95,480.3<', '>95,490.1<'));
    expect(moved.inPageOrder[0]!.distance).not.toBe(inPageOrder[0]!.distance);
    expect(overlayOutline(moved.overlay)).toBe(overlayOutline(overlay));
  });

  it('changes with a band, a position, the order, a warning, a remedy, or figures appearing or going', () => {
    const { overlay } = overlayOf('en-usdm-cross-isolated');
    const [sol, btc, eth] = overlay.positions as [OverlayPosition, OverlayPosition, OverlayPosition];
    const outline = overlayOutline(overlay);
    const changed = [
      { ...overlay, positions: [sol, { ...btc, band: 'warning' as const }, eth] },
      { ...overlay, positions: [sol, btc] },
      { ...overlay, positions: [btc, sol, eth] },
      { ...overlay, positions: [sol, btc, { ...eth, stopWarning: 'beyond liquidation' }] },
      { ...overlay, positions: [{ ...sol, remedy: [] }, btc, eth] },
      { ...overlay, account: { ...overlay.account, reason: 'no margin balance' } },
      overlayOf('en-usdm-cross-isolated', (html) => html.replace('>72,846.9<', '>72,700.0<')).overlay,
      null,
    ];
    for (const view of changed) expect(overlayOutline(view)).not.toBe(outline);
  });
});

describe('parseOverlayUpdate (the content script’s check of what the worker sent)', () => {
  const { overlay } = overlayOf('en-usdm-cross-isolated');
  const words = overlayWords(fixtures.find((f) => f.name === 'de-usdm')!.expected);
  const update = { type: 'overlay-view', view: overlay, words, display: { enabled: true, compact: false }, readEveryMs: 3000 };

  it('takes an update as the worker sends it, and one without figures', () => {
    expect(parseOverlayUpdate(JSON.parse(JSON.stringify(update)))).toEqual(update);
    expect(parseOverlayUpdate({ ...update, view: null })).toEqual({ ...update, view: null });
    expect(parseOverlayUpdate({ ...update, readEveryMs: 1000 })).toEqual({ ...update, readEveryMs: 1000 });
  });

  const position = overlay.positions[0]!;
  it.each([
    ['another type', { ...update, type: 'page-snapshot' }],
    ['no display', { ...update, display: undefined }],
    ['a display flag that is not a boolean', { ...update, display: { enabled: 'yes', compact: false } }],
    ['a band it does not know', { ...update, view: { ...overlay, positions: [{ ...position, band: 'fine' }] } }],
    ['a text past any sentence it shows', { ...update, view: { ...overlay, positions: [{ ...position, distance: 'x'.repeat(601) }] } }],
    ['a figure that is not text', { ...update, view: { ...overlay, positions: [{ ...position, liquidation: 72846.9 }] } }],
    ['a symbol with markup', { ...update, view: { ...overlay, positions: [{ ...position, symbol: '<b>BTC</b>' }] } }],
    ['no read interval', { ...update, readEveryMs: undefined }],
    ['no words', { ...update, words: null }],
    ['a label that is not one of its keys', { ...update, words: { ...words, labels: { ...words.labels, '<b>x</b>': 'x' } } }],
    ['a reason that is not text', { ...update, words: { ...words, reasons: { 'no price': 7 } } }],
    ['a read interval it does not know', { ...update, readEveryMs: 60_000 }],
    ['more rows than any page holds', { ...update, view: { ...overlay, positions: Array.from({ length: 501 }, () => position) } }],
  ])('drops %s', (_, value) => {
    expect(parseOverlayUpdate(value)).toBeNull();
  });
});
