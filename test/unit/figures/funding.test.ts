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
import { Decimal } from '@/lib/core/decimal';
import { translator } from '@/lib/core/i18n';
import { fundingText, priceOf } from '@/lib/figures/format';

import { crossBtc, isolatedEth, snapshotOf } from './handWorked';

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

  it("gives the adapter's reason at once where the market's funding paid cannot be worked out", () => {
    expect(fundingPaidOf({ ...snapshot, exchange: 'bybit', market: 'linear' }, { ...btc, market: 'linear' }, undefined)).toEqual({
      fundingPaid: null,
      fundingPaidReason: "the exchange's funding history has no mark price",
    });
  });

  it('drops a figure worked out for the position before a fill changed it', () => {
    expect(fundingPaidOf(snapshot, btc, { [key]: { signature: '0.4@96000', paid, reason: null } })).toEqual({
      fundingPaid: null,
      fundingPaidReason: 'not worked out yet',
    });
  });
});

describe('funding in the liquidation: an isolated position pays funding out of its margin', () => {
  const now = Date.UTC(2026, 11, 7, 9, 0);
  const quote = (rate: string) => ({ ETHUSDT: { symbol: 'ETHUSDT', rate, nextFundingTime: now + 3_600_000, time: now } });
  const snapshot = snapshotOf([crossBtc, isolatedEth], '12000');
  const ethOf = (rate: string) => riskView(snapshot, DEFAULT_SETTINGS, { funding: quote(rate), now }).positions[1]!;

  it('says where the short’s liquidation moves once it pays 30 USDT (a rate of −0.1 % on 30,000 USDT)', () => {
    // 2,000 − 30 + 10 (3,000 − P) = 0.004 × 10 P: P = 31,970 / 10.04, from 32,000 / 10.04 — 2.99 of a 187.25 distance.
    const eth = ethOf('-0.001');
    expect(eth.funding!.payment).toBe('30');
    expect(eth.funding!.liquidationAfter).toBe(new Decimal(31970).div('10.04').toFixed());
    expect(fundingText(eth.funding, null, 'USDT', now, translator('en'), eth)).toBe(
      `pays 30.0000 USDT in 1 h 00 min (-0.1000%); liquidation then at ${priceOf(eth, new Decimal(31970).div('10.04'))}`,
    );
  });

  it('says nothing of a move under 1 % of its distance, of a payment received, or of a cross position', () => {
    // 10 USDT moves it by 0.996, under 1 % of 187.25.
    expect(ethOf('-0.000333').funding!.liquidationAfter).toBeNull();
    expect(ethOf('0.001').funding!.liquidationAfter).toBeNull();
    const btc = riskView(snapshot, DEFAULT_SETTINGS, { funding: { BTCUSDT: { ...quote('0.01').ETHUSDT, symbol: 'BTCUSDT' } }, now })
      .positions[0]!;
    expect(btc.funding!.liquidationAfter).toBeNull();
  });
});
