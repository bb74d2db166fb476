import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseFundingHistory } from '@/lib/exchanges/binance/marketData';
import { readBinancePage } from '@/lib/exchanges/binance/page/reader';
import { binance } from '@/lib/exchanges/binance';
import { fundingPaidSince } from '@/lib/figures/funding';

const SETTLEMENT_DEVIATION_MS = binance.settlementDeviationMs;
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import type { ReadPosition } from '@/lib/model/snapshot';
import { fundingPaidOf } from '@/lib/figures/funding';
import { riskView } from '@/lib/figures/riskView';

import { domOf, fixtures } from '../../fixtures/binance';

const history = parseFundingHistory(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/binance/market/fapi-fundingRate-BTCUSDT.json'), 'utf8')),
  'BTCUSDT',
)!;
const f = fixtures.find((x) => x.name === 'en-usdm-cross-isolated')!;
const snapshot = readBinancePage(domOf(f.html, f.url).document, f.url)!;
const btc: ReadPosition = snapshot.positions[0]!; // long 0.5 BTC
const [first, second, third] = history;

describe('fundingPaidSince', () => {
  it('adds each settlement after the position was first seen, at its own rate and mark (T22: 0.5 BTC × 95,000 × 0.01 % = 4.75)', () => {
    const paid = fundingPaidSince(binance, btc, history, first!.fundingTime - 1, second!.fundingTime + SETTLEMENT_DEVIATION_MS);
    // 4.75 paid, then 0.5 × 96,123.45 × 0.0025 % = 1.201543125 received.
    expect(paid).toEqual({ ok: true, value: { amount: '3.548456875', settlements: 2, since: first!.fundingTime - 1 } });
  });

  it('counts a settlement only once its minute of deviation is over, and none from before the position was seen', () => {
    const since = first!.fundingTime;
    const justAfter = fundingPaidSince(binance, btc, history, since, third!.fundingTime + SETTLEMENT_DEVIATION_MS - 1);
    expect(justAfter.ok && justAfter.value.settlements).toBe(1);
    const none = fundingPaidSince(binance, btc, history, third!.fundingTime, third!.fundingTime + 3600_000);
    expect(none).toEqual({ ok: true, value: { amount: '0', settlements: 0, since: third!.fundingTime } });
  });

  it('has no figure for COIN-M (its history has no mark price)', () => {
    expect(fundingPaidSince(binance, { ...btc, market: 'coinm' }, history, 0, Date.now()).ok).toBe(false);
  });
});

describe('fundingPaidOf', () => {
  const key = 'binance:usdm:USDT|BTCUSDT:long:cross';
  const paid = { amount: '4.75', settlements: 1, since: 1 };

  it('shows what the worker worked out for the position as it is', () => {
    const view = riskView(snapshot, DEFAULT_SETTINGS, { fundingPaid: { [key]: { signature: '0.5@96250', paid, reason: null } } });
    expect(view.positions[0]!.fundingPaid).toEqual(paid);
    expect(view.positions[1]!.fundingPaidReason).toBe('not worked out yet');
  });

  it('drops a figure worked out for the position before a fill changed it', () => {
    expect(fundingPaidOf(snapshot, btc, { [key]: { signature: '0.4@96000', paid, reason: null } })).toEqual({
      fundingPaid: null,
      fundingPaidReason: 'not worked out yet',
    });
  });
});
