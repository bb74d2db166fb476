import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';

import { evaluate, EMPTY_ALERT_STATE } from '@/lib/alerts';
import { adapterFor, registerAdapter } from '@/lib/exchanges';
import { overlayView } from '@/lib/figures/overlayView';
import { riskView } from '@/lib/figures/riskView';
import { accountKey } from '@/lib/model/keys';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { parseMessage } from '@/lib/protocol/messages';

import { fakex } from '.';
import { fakexPage } from './page';

const URL_ = 'https://app.fakex.test/trade/BTC-PERP';

function readFixture() {
  const window = new Window({ url: URL_, settings: { disableJavaScriptEvaluation: true } });
  window.document.write(readFileSync(resolve(import.meta.dirname, 'page.html'), 'utf8'));
  return fakexPage.read(window.document as unknown as Document, URL_)!;
}

describe('an exchange added as one folder and one registry call (FakeX)', () => {
  let unregister = () => {};
  afterEach(() => unregister());

  it('is unknown to LiqGuard until registered', () => {
    expect(adapterFor('fakex')).toBeNull();
    expect(() => riskView(readFixture(), DEFAULT_SETTINGS)).toThrow(/no exchange adapter is registered for "fakex"/);
  });

  it('is read from its page, crosses the message check, and is assessed with its own formula', () => {
    unregister = registerAdapter(fakex);
    const snapshot = readFixture();
    expect(snapshot.state).toBe('ok');
    expect(snapshot.positions.map((p) => [p.symbol, p.side, p.size, p.leverage])).toEqual([
      ['BTC-PERP', 'long', '0.5', 10],
      ['ETH-PERP', 'short', '10', 20],
    ]);
    expect(parseMessage({ type: 'page-snapshot', snapshot })).toEqual({ type: 'page-snapshot', snapshot });

    const view = riskView(snapshot, DEFAULT_SETTINGS);
    // Its formula by hand: 100,000 × (1 − 0.1 + 0.005) and 4,000 × (1 + 0.05 − 0.005).
    expect(view.positions.map((p) => p.liquidationPrice)).toEqual(['90500', '4180']);
    // The page shows the same liquidation prices: no mismatch.
    expect(view.positions.map((p) => p.mismatch)).toEqual([null, null]);
    // (99,000 − 90,500) / 99,000 is inside the 10 % warning distance; (4,180 − 4,100) / 4,100 inside the 5 % danger.
    expect(view.positions.map((p) => p.band)).toEqual(['warning', 'danger']);

    const overlay = overlayView(snapshot, view, 0);
    // The danger leads; its remedies in FakeX's own words.
    expect(overlay.positions.map((p) => [p.symbol, p.liquidation, p.distance])).toEqual([
      ['ETH-PERP', '4,180.00', '1.95%'],
      ['BTC-PERP', '90,500.0', '8.59%'],
    ]);
    expect(overlay.positions[0]!.remedy.every((line) => /^(Deposit|Sell) .* FakeX/.test(line))).toBe(true);
  });

  it('alerts on its positions under its own account key', () => {
    unregister = registerAdapter(fakex);
    const snapshot = readFixture();
    const view = riskView(snapshot, DEFAULT_SETTINGS);
    const account = accountKey(snapshot);
    expect(account).toBe('fakex:perp:USD');
    const { notifications } = evaluate(
      EMPTY_ALERT_STATE,
      { account, tabId: 1, view, unreadable: [], complete: true, market: 'perp', wording: fakex.remedies, language: 'en' },
      DEFAULT_SETTINGS,
      1_000,
    );
    expect(notifications.map((n) => [n.key, n.level])).toEqual([
      ['fakex:perp:USD|BTC-PERP:long:isolated|distance', 'warning'],
      ['fakex:perp:USD|ETH-PERP:short:isolated|distance', 'danger'],
    ]);
  });
});
