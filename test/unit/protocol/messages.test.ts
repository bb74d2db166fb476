import { describe, expect, it } from 'vitest';

import { isPing, isPlaySound, parseMessage, parseStatusResponse, parseStressView } from '@/lib/protocol/messages';
import { SOUND_TONES } from '@/lib/model/sounds';

const route = { exchange: 'binance', market: 'usdm', symbol: 'BTCUSDT', language: 'en' };

describe('parseMessage', () => {
  it('accepts the known shapes', () => {
    expect(parseMessage({ type: 'page-status', route })).toEqual({ type: 'page-status', route });
    expect(parseMessage({ type: 'page-status', route: null })).toEqual({ type: 'page-status', route: null });
    // A page of the whole account (Hyperliquid's portfolio) trades no one symbol.
    const portfolio = { exchange: 'hyperliquid', market: 'perp', symbol: null, language: null };
    expect(parseMessage({ type: 'page-status', route: portfolio })).toEqual({ type: 'page-status', route: portfolio });
    expect(parseMessage({ type: 'get-status', extra: 1 })).toEqual({ type: 'get-status' });
  });

  it.each([
    null,
    'page-status',
    [],
    { type: 'nope' },
    { type: 'page-status' },
    { type: 'page-status', route: { ...route, market: 'USD-M' } },
    { type: 'page-status', route: { ...route, exchange: '<b>binance</b>' } },
    { type: 'page-status', route: { ...route, symbol: '<img src=x onerror=alert(1)>' } },
    { type: 'page-status', route: { ...route, symbol: 'A'.repeat(41) } },
    { type: 'page-status', route: { ...route, symbol: undefined } },
    { type: 'page-status', route: { ...route, language: 7 } },
  ])('drops %j', (value) => {
    expect(parseMessage(value)).toBeNull();
  });
});

describe('isPing (all a content script answers)', () => {
  it('is a ping only as an object of that type', () => {
    expect(isPing({ type: 'ping' })).toBe(true);
    for (const other of ['ping', null, { type: 'get-status' }, { kind: 'ping' }, [{ type: 'ping' }]]) expect(isPing(other)).toBe(false);
  });
});

describe('isPlaySound (all the offscreen document answers)', () => {
  it('asks for one of the sounds LiqGuard plays itself, nothing else', () => {
    expect(isPlaySound({ type: 'play-sound', sound: 'chime' })).toBe(true);
    expect(isPlaySound({ type: 'play-sound', sound: 'siren' })).toBe(true);
    for (const other of [
      { type: 'play-sound', sound: 'system' },
      { type: 'play-sound', sound: 'off' },
      { type: 'play-sound', sound: 'toString' },
      { type: 'play-sound' },
      { type: 'ping', sound: 'chime' },
      'play-sound',
      null,
    ])
      expect(isPlaySound(other)).toBe(false);
  });

  it('each sound is a few short audible tones', () => {
    for (const tones of Object.values(SOUND_TONES)) {
      expect(tones.length).toBeGreaterThan(0);
      for (const tone of tones) {
        expect(tone.frequency).toBeGreaterThanOrEqual(200);
        expect(tone.frequency).toBeLessThanOrEqual(4000);
        expect(tone.duration).toBeGreaterThan(0);
        expect(tone.start + tone.duration).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe('parseStatusResponse', () => {
  it('accepts a list of pages and rejects a list with a bad entry', () => {
    expect(parseStatusResponse({ pages: [{ tabId: 3, route }] })).toEqual({ pages: [{ tabId: 3, route }] });
    expect(
      parseStatusResponse({
        pages: [
          { tabId: 3, route },
          { tabId: 'x', route },
        ],
      }),
    ).toBeNull();
    expect(parseStatusResponse(undefined)).toBeNull();
  });

  it("takes a tab's summary with the worker's figures for each of its positions, and nothing that does not line up", () => {
    const brief = { symbol: 'BTCUSDT', side: 'long', distance: '0.237', band: 'safe' };
    const summary = {
      positions: [brief],
      pricesFrom: 'page',
      assessedAt: 1,
      stale: false,
      figures: [{ symbol: 'BTCUSDT', distance: '0.237' }],
    };
    expect(parseStatusResponse({ pages: [{ tabId: 3, route, summary }] })).toEqual({ pages: [{ tabId: 3, route, summary }] });
    for (const figures of [undefined, [], [{ symbol: 'ETHUSDT' }], ['BTCUSDT']]) {
      expect(parseStatusResponse({ pages: [{ tabId: 3, route, summary: { ...summary, figures } }] })).toBeNull();
    }
  });
});

describe('page-snapshot messages', () => {
  it('accepts what the readers produce, for every fixture of every exchange, open orders and the portfolio page included', async () => {
    const pages = await Promise.all(['binance', 'bybit', 'hyperliquid'].map((exchange) => import(`../../fixtures/${exchange}/index.ts`)));
    const fixtures = pages.flatMap((page) => page.fixtures as { name: string; url: string; expected: unknown }[]);
    expect(fixtures.map((f) => f.url)).toContain('https://app.hyperliquid.xyz/portfolio');
    for (const fixture of fixtures) expect(parseMessage({ type: 'page-snapshot', snapshot: fixture.expected }), fixture.url).not.toBeNull();
  });

  it('drops a snapshot whose open orders are malformed or oversized', async () => {
    const { fixtures } = await import('../../fixtures/binance');
    const snapshot = fixtures.find((f) => f.name === 'en-open-orders')!.expected;
    const list = snapshot.openOrders!;
    for (const openOrders of [
      { ...list, orders: [{ ...list.orders[0]!, remaining: 0.2 }] },
      { ...list, orders: [{ ...list.orders[0]!, side: 'long' }] },
      { ...list, orders: Array.from({ length: 501 }, () => list.orders[0]!) },
      'all of them',
    ]) {
      expect(parseMessage({ type: 'page-snapshot', snapshot: { ...snapshot, openOrders } })).toBeNull();
    }
    // When the list was read: a time, or nothing.
    expect(parseMessage({ type: 'page-snapshot', snapshot: { ...snapshot, openOrdersReadAt: 1764136800000 } })).not.toBeNull();
    for (const openOrdersReadAt of ['1764136800000', -1, 1.5, null]) {
      expect(parseMessage({ type: 'page-snapshot', snapshot: { ...snapshot, openOrdersReadAt } })).toBeNull();
    }
  });

  it.each([
    [
      'a number where a decimal string belongs',
      (s: Record<string, unknown>) => ({ ...s, positions: [{ ...(s.positions as object[])[0], markPrice: 95480.3 }] }),
    ],
    ['an exponent', (s: Record<string, unknown>) => ({ ...s, account: { ...(s.account as object), walletBalance: '1e308' } })],
    [
      'markup as a symbol',
      (s: Record<string, unknown>) => ({ ...s, positions: [{ ...(s.positions as object[])[0], symbol: '<b>x</b>' }] }),
    ],
    ['oversized', (s: Record<string, unknown>) => ({ ...s, positions: Array.from({ length: 501 }, () => (s.positions as object[])[0]) })],
    ['an exchange id that is no id', (s: Record<string, unknown>) => ({ ...s, exchange: 'Binance.com' })],
    ['an unknown state', (s: Record<string, unknown>) => ({ ...s, state: 'great' })],
  ])('drops a forged snapshot: %s', async (_, forge) => {
    const { fixtures } = await import('../../fixtures/binance');
    const snapshot = fixtures.find((f) => f.name === 'en-usdm-cross-isolated')!.expected as unknown as Record<string, unknown>;
    expect(parseMessage({ type: 'page-snapshot', snapshot })).not.toBeNull();
    expect(parseMessage({ type: 'page-snapshot', snapshot: forge(snapshot) })).toBeNull();
  });

  it('checks page-visibility', () => {
    expect(parseMessage({ type: 'page-visibility', hidden: true })).toEqual({ type: 'page-visibility', hidden: true });
    expect(parseMessage({ type: 'page-visibility', hidden: 'yes' })).toBeNull();
  });
});

describe('snooze messages', () => {
  it('accepts a position key as lib/alerts writes it, and nothing else', () => {
    const ok = { type: 'snooze', position: 'binance:usdm:USDT|BTCUSDT:long:cross', choice: '1h', signature: '0.5@96250' };
    expect(parseMessage(ok)).toEqual(ok);
    expect(parseMessage({ ...ok, choice: 'forever' })).toBeNull();
    expect(parseMessage({ ...ok, position: 'binance:usdm:USDT|<b>:long:cross' })).toBeNull();
    expect(parseMessage({ ...ok, signature: 'x'.repeat(81) })).toBeNull();
  });
});

describe('stress test messages', () => {
  it('asks for a whole-percent move within the control’s range, every mark together or by beta, and nothing else', () => {
    expect(parseMessage({ type: 'stress', move: -20, byBeta: false })).toEqual({ type: 'stress', move: -20, byBeta: false });
    expect(parseMessage({ type: 'stress', move: 0, byBeta: true, extra: 1 })).toEqual({ type: 'stress', move: 0, byBeta: true });
    for (const move of [-21, 21, 2.5, '5', null, Number.NaN]) expect(parseMessage({ type: 'stress', move, byBeta: false })).toBeNull();
    for (const byBeta of [undefined, 'true', 1, null]) expect(parseMessage({ type: 'stress', move: -10, byBeta })).toBeNull();
  });

  it('takes the worker’s lines as text, and drops anything else', () => {
    expect(parseStressView({ type: 'stress-view', lines: ['First liquidation on a fall: 7.94% (SOLUSDT Long)'] })).toEqual([
      'First liquidation on a fall: 7.94% (SOLUSDT Long)',
    ]);
    expect(parseStressView({ type: 'stress-view', lines: [42] })).toBeNull();
    expect(parseStressView({ type: 'stress-view', lines: ['x'.repeat(601)] })).toBeNull();
    expect(parseStressView({ type: 'overlay-view', lines: [] })).toBeNull();
    expect(parseStressView(undefined)).toBeNull();
  });
});
