import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import { parseExchangeInfo } from '@/lib/exchanges/binance/marketData';
import { readBinancePage } from '@/lib/exchanges/binance/page/reader';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { riskView } from '@/lib/figures/riskView';

import { domOf, fixtures } from '../../fixtures/binance';

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
    // 90 % of the way from the mark (139.870) to our liquidation price, on the tick (0.001) toward the mark.
    const liquidation = new Decimal(sol!.liquidationPrice!);
    const exact = new Decimal('139.87').plus(liquidation.minus('139.87').times('0.9'));
    const safer = exact.toDecimalPlaces(3, Decimal.ROUND_CEIL);
    expect(safer.eq(exact)).toBe(false);
    expect(sol!.stop!.saferStop).toBe(safer.toFixed());
    expect(new Decimal(sol!.stop!.saferStopPnl!).eq(safer.minus('142.35').times(30))).toBe(true);
  });

  it('leaves a stop before liquidation alone', () => {
    const eth = viewOf('en-usdm-cross-isolated').positions[1]!;
    expect(eth.stop).toEqual({ price: '3600', source: 'position', beyondLiquidation: false, saferStop: null, saferStopPnl: null });
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
    const { fixtures: all } = await import('../../fixtures/binance');
    const base = all.find((f) => f.name === 'en-usdm-cross-isolated')!.expected;
    // Isolated long 10,000 DOGE from 0.1200 at 10x (wallet 120): liquidation (1,200 − 120) / (10,000 × 0.995) ≈ 0.10854.
    const doge = {
      ...base.positions[2]!,
      symbol: 'DOGEUSDT',
      sizeAsset: 'DOGE',
      size: '10000',
      entryPrice: '0.12',
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
  const market = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/binance/market', name), 'utf8'));
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
    expect(btc!.funding).toEqual({ rate: '0.0001', nextFundingTime: 1764144000000, payment: '4.774015', liquidationAfter: null });
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

describe('riskView after open orders fill', () => {
  const page = (name: string) => {
    const f = fixtures.find((x) => x.name === name)!;
    return readBinancePage(domOf(f.html, f.url).document, f.url)!;
  };
  const positions = page('en-usdm-cross-isolated');
  const list = page('en-open-orders').openOrders!;
  const withCount = { ...positions, openOrdersCount: list.count };
  const orders = { list, readAt: 1764136800000 };

  it('grows a position by the orders that add to it, at their limit or trigger prices, and recomputes its liquidation', () => {
    const view = riskView(withCount, DEFAULT_SETTINGS, { orders });
    const [btc, eth, sol] = view.positions;
    // BTC long 0.5 @ 96,250 + buy 0.2 @ 90,000 (0.3 less 0.1 filled) + stop buy 0.1 triggering at 99,000.
    expect(btc!.afterOrders).toMatchObject({ orders: 2, addedSize: '0.3', reason: null, note: 'before fees', readAt: 1764136800000 });
    expect(eth!.afterOrders).toMatchObject({ orders: 1, addedSize: '2', reason: null });
    // SOL's only readable order is a reduce-only take-profit: nothing adds to it.
    expect(sol!.afterOrders).toBeNull();

    // The same figure from the grown positions written out by hand: entry (0.5·96,250 + 0.2·90,000 + 0.1·99,000) / 0.8.
    const grown = {
      ...withCount,
      positions: withCount.positions.map((p) =>
        p.symbol === 'BTCUSDT'
          ? { ...p, size: '0.8', entryPrice: '95031.25' }
          : p.symbol === 'ETHUSDT'
            ? { ...p, size: '6', entryPrice: new Decimal('3412.5').times(4).plus(7200).div(6).toFixed() }
            : p,
      ),
    };
    const byHand = riskView(grown, DEFAULT_SETTINGS).positions;
    expect(btc!.afterOrders!.liquidationPrice).toBe(byHand[0]!.liquidationPrice);
    expect(eth!.afterOrders!.liquidationPrice).toBe(byHand[1]!.liquidationPrice);
    // More size on both sides of the cross account: BTC's liquidation moves toward its mark.
    expect(new Decimal(btc!.afterOrders!.liquidationPrice!).gt(btc!.liquidationPrice!)).toBe(true);
  });

  it('skips the after-orders figure when asked not to (the worker: no alert uses it), stop orders still checked', () => {
    const view = riskView(withCount, DEFAULT_SETTINGS, { orders, afterOrders: false });
    expect(view.positions.map((p) => p.afterOrders)).toEqual([null, null, null]);
    expect(view.positions.map((p) => p.stop)).toEqual(riskView(withCount, DEFAULT_SETTINGS, { orders }).positions.map((p) => p.stop));
  });

  it('posts an isolated fill’s initial margin to the position', () => {
    const buySol = {
      ...list,
      orders: [{ ...list.orders[0]!, symbol: 'SOLUSDT', price: '130', remaining: '10' }],
      unreadable: [],
      count: 1,
    };
    const [, , sol] = riskView({ ...positions, openOrdersCount: 1 }, DEFAULT_SETTINGS, { orders: { list: buySol, readAt: 0 } }).positions;
    // Wallet = Margin − PnL = 352.65 + 74.4, plus 10 · 130 / 10x; size 40 from (30 · 142.35 + 10 · 130) / 40.
    const entry = new Decimal('142.35').times(30).plus(1300).div(40);
    const pnl = new Decimal('139.87').minus(entry).times(40);
    const byHand = riskView(
      {
        ...positions,
        positions: positions.positions.map((p) =>
          p.symbol === 'SOLUSDT'
            ? {
                ...p,
                size: '40',
                entryPrice: entry.toFixed(),
                pnl: pnl.toFixed(),
                margin: new Decimal('427.05').plus(130).plus(pnl).toFixed(),
              }
            : p,
        ),
      },
      DEFAULT_SETTINGS,
    ).positions[2]!;
    expect(sol!.afterOrders!.liquidationPrice).toBe(byHand.liquidationPrice);
  });

  it('shows no prediction from an outdated or partly unreadable list, and none when the page says there are no orders', () => {
    const outdated = riskView({ ...positions, openOrdersCount: 3 }, DEFAULT_SETTINGS, { orders }).positions[0]!.afterOrders!;
    expect(outdated.liquidationPrice).toBeNull();
    expect(outdated.reason).toBe('the Open Orders tab counts 3 now, 5 when it was read: open it again to update');
    const broken = { ...list, unreadable: [{ row: 9, symbol: 'ETHUSDT', reason: 'x' }] };
    const view = riskView(withCount, DEFAULT_SETTINGS, { orders: { list: broken, readAt: 0 } }).positions;
    // ETH is cross: an unreadable ETH order blocks every cross position's prediction.
    expect(view[0]!.afterOrders!.reason).toContain('could not be read');
    expect(
      riskView({ ...positions, openOrdersCount: 0 }, DEFAULT_SETTINGS, { orders }).positions.every((p) => p.afterOrders === null),
    ).toBe(true);
  });
});

describe('stop orders from the Open Orders list', () => {
  const f = fixtures.find((x) => x.name === 'en-usdm-cross-isolated')!;
  const snapshot = readBinancePage(domOf(f.html, f.url).document, f.url)!;
  const list = (trigger: string) => ({
    count: 1,
    unreadable: [],
    reasons: [],
    orders: [
      {
        row: 1,
        symbol: 'BTCUSDT',
        side: 'sell' as const,
        positionSide: null,
        reduceOnly: true,
        type: 'Stop Market',
        price: null,
        triggerPrice: trigger,
        remaining: '0.5',
      },
    ],
  });
  const stopOf = (trigger: string, count = 1) =>
    riskView({ ...snapshot, openOrdersCount: count }, DEFAULT_SETTINGS, { orders: { list: list(trigger), readAt: 0 } }).positions[0]!.stop;

  it('warns about a reduce-only stop order that sits beyond liquidation (BTC long, liquidation 72,846.9)', () => {
    expect(stopOf('70000')).toMatchObject({ price: '70000', source: 'order', beyondLiquidation: true });
    expect(stopOf('80000')).toMatchObject({ price: '80000', source: 'order', beyondLiquidation: false });
  });

  it('ignores a take-profit (trigger above the mark of a long) and a list the page no longer agrees with', () => {
    expect(stopOf('99000')).toBeNull();
    expect(stopOf('70000', 2)).toBeNull();
  });
});
