import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/decimal';
import { parseExchangeInfo } from '@/lib/exchanges/binance/marketData';
import { readBinancePage } from '@/lib/exchanges/binance/reader';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { riskView } from '@/lib/view';

import { domOf, fixtures } from './exchanges/binance/fixtures';

const viewOf = (name: string, edit: (html: string) => string = (html) => html) => {
  const fixture = fixtures.find((f) => f.name === name)!;
  const snapshot = readBinancePage(domOf(edit(fixture.html), fixture.url).document, fixture.url)!;
  return riskView(snapshot, DEFAULT_SETTINGS);
};

describe('riskView', () => {
  it('recomputes the demo account: our liquidation prices agree with the page’s, distances and bands follow', () => {
    const view = viewOf('en-usdm-cross-isolated');
    expect(view.positions.map((p) => p.mismatch)).toEqual([null, null, null]);
    expect(view.positions.map((p) => new Decimal(p.liquidationPrice!).toFixed(p.priceDecimals))).toEqual(['72846.9', '6261.74', '128.759']);
    // Distance = |mark − liquidation| / mark: SOL (139.870 → 128.7588) is inside the 10 % warning band.
    const sol = view.positions[2]!;
    expect(new Decimal(sol.distance!).toFixed(6)).toBe(new Decimal('139.87').minus(sol.liquidationPrice!).div('139.87').toFixed(6));
    expect(view.positions.map((p) => p.band)).toEqual(['safe', 'safe', 'warning']);
    expect(view.account.marginRatio && new Decimal(view.account.marginRatio).times(100).toFixed(2)).toBe('2.14');
  });

  it('flags a page liquidation price that differs from ours by more than the tolerance', () => {
    const view = viewOf('en-usdm-cross-isolated', (html) => html.replace('>72,846.9<', '>72,700.0<'));
    expect(view.positions[0]!.mismatch).not.toBeNull();
    expect(view.positions[1]!.mismatch).toBeNull();
  });

  it('shows no figure for a size in the quote asset, and says why', () => {
    const [position] = viewOf('en-size-in-quote').positions;
    expect(position!.liquidationPrice).toBeNull();
    expect(position!.distance).toBeNull();
    expect(position!.band).toBe('unknown');
    expect(position!.reason).toContain('size is shown in USDT');
  });

  it('reports COIN-M tiers as unknown instead of guessing', () => {
    const [position] = viewOf('en-coinm').positions;
    expect(position!.liquidationPrice).toBeNull();
    expect(position!.reason).toBe('maintenance-margin tiers for BTCUSD_PERP are unknown');
  });

  it('withholds cross figures when a position on the page could not be read', () => {
    const view = viewOf('en-hostile');
    expect(view.positions[0]!.liquidationPrice).toBeNull();
    expect(view.positions[0]!.reason).toMatch(/cross figures are incomplete/);
    expect(view.account.marginRatio).toBeNull();
  });

  it('gives both legs of a hedge pair one liquidation price', () => {
    const [long, short] = viewOf('en-hedge-mode').positions;
    expect(long!.liquidationPrice).not.toBeNull();
    expect(long!.liquidationPrice).toBe(short!.liquidationPrice);
  });
});

describe('stop-loss against liquidation', () => {
  it('flags a stop beyond liquidation, with a safer stop and what it locks in', () => {
    const [sol] = viewOf('en-stop-beyond-liquidation').positions;
    expect(sol!.stop).toMatchObject({ price: '127', beyondLiquidation: true });
    // 90 % of the way from the mark (139.870) to our liquidation price.
    const liquidation = new Decimal(sol!.liquidationPrice!);
    const safer = new Decimal('139.87').plus(liquidation.minus('139.87').times('0.9'));
    expect(new Decimal(sol!.stop!.saferStop!).eq(safer)).toBe(true);
    expect(new Decimal(sol!.stop!.saferStopPnl!).eq(safer.minus('142.35').times(30))).toBe(true);
  });

  it('leaves a stop before liquidation alone', () => {
    const eth = viewOf('en-usdm-cross-isolated').positions[1]!;
    expect(eth.stop).toEqual({ price: '3600', beyondLiquidation: false, saferStop: null, saferStopPnl: null });
  });
});

describe('true costs', () => {
  it('break-even pays the taker fee to open and to close (default 0.05 %)', () => {
    const [btc] = viewOf('en-usdm-cross-isolated').positions;
    expect(new Decimal(btc!.breakEvenWithFees!).eq(new Decimal('96250').times('1.0005').div('0.9995'))).toBe(true);
  });
});

describe('mismatch tolerance', () => {
  it('uses the page’s tick even when the liquidation price shows trailing zeros ("0.1100")', async () => {
    const { fixtures: all } = await import('./exchanges/binance/fixtures');
    const base = all.find((f) => f.name === 'en-usdm-cross-isolated')!.expected;
    // Isolated long 10,000 DOGE from 0.1200 at 10x (wallet 120): liquidation (1,200 − 120) / (10,000 × 0.995) ≈ 0.10854.
    const doge = {
      ...base.positions[2]!,
      symbol: 'DOGEUSDT',
      sizeAsset: 'DOGE',
      size: '10000',
      entryPrice: '0.12',
      breakEvenPrice: null,
      markPrice: '0.115',
      priceDecimals: 4,
      pageLiquidationPrice: '0.11',
      margin: '70',
      pnl: '-50',
      roiPercent: null,
      takeProfit: null,
      stopLoss: null,
    };
    const view = riskView({ ...base, positions: [doge] }, DEFAULT_SETTINGS);
    expect(new Decimal(view.positions[0]!.liquidationPrice!).toFixed(5)).toBe('0.10854');
    // 0.0015 apart at a 0.0001 tick: flagged (3 ticks would be 0.0003), not hidden behind "2 decimals".
    expect(view.positions[0]!.mismatch).toEqual({ tolerance: '0.0003' });
  });
});

describe('riskView with public market data', () => {
  const fixture = fixtures.find((f) => f.name === 'en-usdm-cross-isolated')!;
  const snapshot = readBinancePage(domOf(fixture.html, fixture.url).document, fixture.url)!;
  const market = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/binance/market', name), 'utf8'));
  const rules = parseExchangeInfo(market('fapi-exchangeInfo.json')).symbols;
  const now = 1764136800000;
  const quote = (symbol: string, rate: string, time = now) => ({ symbol, rate, nextFundingTime: 1764144000000, time });

  it('gives the next funding payment from the quote: longs pay a positive rate, shorts receive it (math.md §4.2)', () => {
    const view = riskView(snapshot, DEFAULT_SETTINGS, {
      funding: { BTCUSDT: quote('BTCUSDT', '0.0001'), ETHUSDT: quote('ETHUSDT', '0.0001') },
      now,
    });
    const [btc, eth, sol] = view.positions;
    // 0.5 BTC × 95,480.3 × 0.01 % and 4 ETH × 3,455.1 × 0.01 %.
    expect(btc!.funding).toEqual({ rate: '0.0001', nextFundingTime: 1764144000000, payment: '4.774015' });
    expect(eth!.funding?.payment).toBe('-1.38204');
    expect(sol!.funding).toBeNull();
    expect(sol!.fundingReason).toBe('funding rate not fetched yet');
  });

  it('shows no funding from an out-of-date quote', () => {
    const view = riskView(snapshot, DEFAULT_SETTINGS, { funding: { BTCUSDT: quote('BTCUSDT', '0.0001', now - 6 * 60_000) }, now });
    expect(view.positions[0]!.funding).toBeNull();
    expect(view.positions[0]!.fundingReason).toBe('the funding rate fetched is out of date');
  });

  it('rounds the size to close up to the symbol’s market lot, and says when it could not', () => {
    const exact = riskView(snapshot, DEFAULT_SETTINGS).positions[2]!.remedy!;
    expect(exact.sizeToCutNote).toContain('not rounded');
    const placed = riskView(snapshot, DEFAULT_SETTINGS, { rules }).positions[2]!.remedy!;
    // SOLUSDT trades in whole coins: the exact cut rounded up (closing more only moves liquidation further).
    expect(placed.sizeToCut).toBe(new Decimal(exact.sizeToCut!).ceil().toFixed());
    expect(placed.sizeToCutNote).toBeNull();
    const tiny = { ...rules, SOLUSDT: { ...rules.SOLUSDT!, marketLot: { stepSize: '1', minQty: '1', maxQty: '1' } } };
    const refused = riskView(snapshot, DEFAULT_SETTINGS, { rules: tiny }).positions[2]!.remedy!;
    expect(refused.sizeToCut).toBeNull();
    expect(refused.sizeToCutNote).toBe('more than one order can carry (at most 1)');
  });
});
