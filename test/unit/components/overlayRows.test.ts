// @vitest-environment happy-dom
/**
 * The overlay's rows as the figures change: a read that only reorders the positions (the worst first) moves the rows
 * and draws none of them anew — on a page of 20 positions in warning, drawing them all on every read cost the page
 * about 11 ms of CPU a second (docs/performance.md) — while a row whose shape changes (a band, a remedy, a warning) is
 * drawn again, and every figure follows its signal.
 */
import { signal, type Signal } from '@preact/signals';
import { h, options, render, type VNode } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { Overlay } from '@/components/Overlay';
import { enOverlay } from '@/lib/core/i18n/en-overlay';
import type { OverlayPosition, OverlayView } from '@/lib/model/overlay';
import type { OverlayFigures, OverlayProps } from '@/lib/page/overlayProps';

const position = (symbol: string, distance: string, band: OverlayPosition['band'] = 'warning'): OverlayPosition => ({
  id: `${symbol}:long:isolated`,
  symbol,
  side: 'long',
  marginMode: 'isolated',
  leverage: 10,
  band,
  distance,
  liquidation: '100.00',
  priceBuffer: '1.00',
  marginBuffer: '1.00 USDT',
  breakEven: '110.00',
  funding: null,
  fundingPaid: null,
  afterOrders: null,
  reason: null,
  remedy: ['Add 10.00 USDT'],
  stopWarning: null,
  mismatch: null,
  snooze: null,
});

const view = (positions: OverlayPosition[]): OverlayView => ({
  account: { marginRatio: '1.00%', marginBalance: '1,000.00 USDT', reason: null },
  positions,
});

function draw(root: HTMLElement, figures: Signal<OverlayFigures>) {
  const props: OverlayProps = {
    route: { exchange: 'bybit', market: 'linear', symbol: 'BTCUSDT', language: null },
    marketLabel: 'USDT Perpetual',
    snapshot: null,
    stale: false,
    figures,
    pageChanged: false,
    ordersRead: false,
    placement: { x: 10, y: 10, collapsed: false },
    room: null,
    lost: [],
    words: { labels: { ...enOverlay }, reasons: {} },
    theme: 'dark',
    onPlacement: () => {},
    compact: false,
    onStress: async () => null,
    layoutReport: () => '',
    onSnooze: () => {},
  };
  render(h(Overlay, props), root);
}

const rows = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-testid="liqguard-position"]')];
const distances = (root: HTMLElement) => rows(root).map((row) => row.querySelector('[data-testid="liqguard-distance"]')!.textContent);

/** Preact's render hook (`options.__r`, as its devtools use it): which position rows are drawn, by symbol. */
const hooks = options as typeof options & { __r?: (vnode: VNode) => void };
const before = hooks.__r;
const drawnRows: string[] = [];
hooks.__r = (vnode) => {
  if (typeof vnode.type === 'function' && vnode.type.name === 'PositionRow')
    drawnRows.push((vnode.props as unknown as { position: OverlayPosition }).position.symbol);
  before?.(vnode);
};

describe('the overlay’s rows', () => {
  afterEach(() => {
    hooks.__r = before;
  });

  it('moves rows on a reorder, draws a row again when its shape changes, and keeps every figure live', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const figures = signal<OverlayFigures>({ view: view([position('SOLUSDT', '8.40%'), position('ETHUSDT', '8.90%')]), readAt: 1 });
    draw(root, figures);
    const [sol, eth] = rows(root);
    expect(rows(root).map((row) => row.dataset.symbol)).toEqual(['SOLUSDT', 'ETHUSDT']);
    expect(drawnRows).toEqual(['SOLUSDT', 'ETHUSDT']);
    drawnRows.length = 0;

    // ETH is now the nearest: the rows swap, each the same element, neither drawn again; the figures follow.
    figures.value = { view: view([position('ETHUSDT', '8.10%'), position('SOLUSDT', '8.50%')]), readAt: 2 };
    draw(root, figures);
    await vi.waitFor(() => expect(distances(root)).toEqual(['8.10%', '8.50%']));
    expect(rows(root)).toEqual([eth, sol]);
    expect(drawnRows).toEqual([]);

    // SOL falls into danger: its row is drawn again in its new band.
    figures.value = { view: view([position('SOLUSDT', '4.90%', 'danger'), position('ETHUSDT', '8.10%')]), readAt: 3 };
    draw(root, figures);
    await vi.waitFor(() => expect(distances(root)).toEqual(['4.90%', '8.10%']));
    expect(drawnRows).toEqual(['SOLUSDT']);
    expect(rows(root).map((row) => [row.dataset.symbol, row.dataset.band])).toEqual([
      ['SOLUSDT', 'danger'],
      ['ETHUSDT', 'warning'],
    ]);
    expect(rows(root)[0]!.querySelector('[data-testid="liqguard-band"]')!.textContent).toBe('Danger');
  });
});
