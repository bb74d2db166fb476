// @vitest-environment happy-dom
/**
 * Every fixture page through every text a trader is shown — the overlay, each notification, the popup's tools —
 * and not one raw or unformatted figure among them: prices on the symbol's tick, sizes with their unit, money at its
 * asset's decimals, percentages as "2.14%".
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';

import { PositionTools } from '@/components/PositionTools';
import { EMPTY_ALERT_STATE, evaluate } from '@/lib/alerts';
import { dec } from '@/lib/core/decimal';
import { binance } from '@/lib/exchanges/binance';
import { parseExchangeInfo, parsePremiumIndex } from '@/lib/exchanges/binance/marketData';
import { assess } from '@/lib/figures/assess';
import { overlayView } from '@/lib/figures/overlayView';
import { riskView } from '@/lib/figures/riskView';
import type { MarketContext } from '@/lib/figures/types';
import { accountKey } from '@/lib/model/keys';
import { uiLanguage } from '@/lib/core/i18n';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model/settings';
import type { PageSnapshot } from '@/lib/model/snapshot';
import { tickDecimals } from '@/lib/risk';

import { fixtures, FIXTURES_DIR } from '../../fixtures/binance';

const NOW = Date.UTC(2026, 10, 26, 9, 0);
const market = (file: string) => JSON.parse(readFileSync(resolve(FIXTURES_DIR, 'market', file), 'utf8')) as unknown;
const RULES = parseExchangeInfo(market('fapi-exchangeInfo.json')).symbols;
const FUNDING = parsePremiumIndex(market('fapi-premiumIndex-BTCUSDT.json'), 'BTCUSDT', NOW)!;

/** Thresholds wide enough that every position is in warning or danger: every remedy and warning is written. */
const ALARMED: Settings = {
  ...DEFAULT_SETTINGS,
  warningDistance: '0.9',
  dangerDistance: '0.5',
  warningMarginRatio: '0.001',
  dangerMarginRatio: '0.002',
};

/**
 * The figures in `text` that no exchange would print: more than eight decimals, four or more whole digits without
 * thousands separators, a space before "%".
 */
export function unformattedFigures(text: string): string[] {
  const found = [
    ...text.matchAll(/\d*\.\d{9,}/g),
    ...text.matchAll(/(?<![\w.,:+-])-?\d{4,}(?:\.\d+)?(?![\w:])/g),
    ...text.matchAll(/\d %/g),
  ];
  return found.map((match) => match[0]);
}

/** Every string in a value, however deep. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

const readable = fixtures.filter((f) => f.expected.state === 'ok' && f.expected.positions.length > 0);

function textsOf(snapshot: PageSnapshot, context: MarketContext): string[] {
  const view = riskView(snapshot, ALARMED, { ...context, now: NOW });
  const overlay = overlayView(snapshot, view, NOW);
  const { notifications } = evaluate(
    EMPTY_ALERT_STATE,
    {
      account: accountKey(snapshot),
      tabId: 1,
      view,
      unreadable: snapshot.unreadable,
      complete: true,
      market: snapshot.market,
      wording: binance.remedies,
      language: uiLanguage(snapshot.language),
    },
    ALARMED,
    NOW,
  );
  // A row's id and what a snooze names are keys, never shown.
  const shown = overlay.positions.map(({ id: _id, snooze: _snooze, ...text }) => text);
  return [...stringsOf([overlay.account, shown]), ...notifications.flatMap((n) => [n.title, n.message])];
}

/** The popup's tools for each position of `snapshot`, as the text a person reads. */
function popupTexts(snapshot: PageSnapshot, rules: MarketContext['rules']): string[] {
  const { risks } = assess(snapshot);
  return snapshot.positions.flatMap((position, i) => {
    const risk = risks[i];
    if (!risk) return [];
    const host = document.createElement('div');
    render(
      h(PositionTools, {
        adapter: binance,
        position,
        risk,
        walletBalance: snapshot.account.walletBalance,
        warningDistance: '0.3',
        displayDecimals: null,
        rules: rules?.[position.symbol],
        figures: null,
      }),
      host,
    );
    return [host.textContent ?? ''];
  });
}

describe('every figure a trader reads is written as the exchange writes it', () => {
  it('the check catches a raw Decimal, an ungrouped thousand and a spaced percent, and passes what the exchange prints', () => {
    expect(unformattedFigures('a stop at 64061.92857142857142857142857142857142857')).toHaveLength(2);
    expect(unformattedFigures('Page 6225.29, LiqGuard 3,660.10')).toEqual(['6225.29']);
    expect(unformattedFigures('2.14 % from liquidation')).toEqual(['4 %']);
    expect(unformattedFigures('Close 20 SOL (67%) · 1000PEPEUSDT at 14:05:09 · 72,846.9 · 0.00001234 BTC · -2,482.81 USDT')).toEqual([]);
  });

  it.each(readable.map((f) => [f.name, f.expected] as const))(
    '%s: overlay and notifications, with and without order rules',
    (_, snapshot) => {
      for (const context of [{}, { rules: RULES, funding: { BTCUSDT: FUNDING } }]) {
        const texts = textsOf(snapshot, context);
        expect(texts.length).toBeGreaterThan(0);
        expect(texts.flatMap(unformattedFigures)).toEqual([]);
      }
    },
  );

  it.each(readable.map((f) => [f.name, f.expected] as const))('%s: the popup’s remedies and suggestions', (_, snapshot) => {
    const texts = popupTexts(snapshot, RULES);
    expect(texts.flatMap(unformattedFigures)).toEqual([]);
  });

  it('prices are on the symbol’s tick in every text, the stop suggestions too', () => {
    const snapshot = fixtures.find((f) => f.name === 'en-stop-beyond-liquidation')!.expected;
    const view = riskView(snapshot, ALARMED, { rules: RULES, now: NOW });
    const overlay = overlayView(snapshot, view, NOW);
    // SOLUSDT: the page shows 3 decimals, its order rules' tick is 0.01. What the page shows keeps the page's
    // decimals; a price to type into an order is on the tick.
    const [sol] = view.positions;
    expect([sol!.priceDecimals, tickDecimals(dec(sol!.tickSize))]).toEqual([3, 2]);
    const shown = overlay.positions[0]!;
    for (const figure of [shown.liquidation, shown.breakEven]) expect(figure).toMatch(/^[\d,]+\.\d{3}$/);
    expect(shown.stopWarning).toMatch(/A stop at [\d,]+\.\d{2} fires first \(-[\d,]+\.\d{2} USDT\)/);
    const [tools] = popupTexts(snapshot, RULES);
    const suggested = [...tools!.matchAll(/liquidation([\d,]+\.\d+) · /g)].map((m) => m[1]!);
    expect(suggested).toHaveLength(3);
    for (const price of suggested) expect(price).toMatch(/^[\d,]+\.\d{2}$/);
  });

  it('remedies name the action the exchange offers for the margin mode, with units and the share closed', () => {
    const snapshot = fixtures.find((f) => f.name === 'en-usdm-cross-isolated')!.expected;
    const overlay = overlayView(snapshot, riskView(snapshot, ALARMED, { rules: RULES, now: NOW }), NOW);
    const [btc, sol] = ['BTCUSDT', 'SOLUSDT'].map((symbol) => overlay.positions.find((p) => p.symbol === symbol));
    expect(btc!.marginMode).toBe('cross');
    expect(btc!.remedy[0]).toMatch(/^Transfer [\d,]+\.\d{2} USDT from Spot or Funding to the USDⓈ-M Futures wallet$/);
    expect(btc!.remedy[1]).toMatch(/^Close [\d.]+ BTC \(\d+%\) at market, reduce-only$/);
    expect(sol!.marginMode).toBe('isolated');
    expect(sol!.remedy[0]).toMatch(/^Add [\d,]+\.\d{2} USDT margin to this position \(Margin ✎\)$/);
    expect(sol!.remedy[1]).toMatch(/^Close \d+ SOL \(\d+%\) at market, reduce-only$/);
  });
});
