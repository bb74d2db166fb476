/**
 * Hyperliquid's liquidation against 29 prices the exchange itself reported for real isolated positions (freqtrade's
 * recorded test data, test/fixtures/hyperliquid/freqtrade-vectors.json), its margin tiers from the public meta answer
 * (built in the documented shape), and the adapter's reading of a position as the page shows it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import { hyperliquid } from '@/lib/exchanges/hyperliquid';
import { parseFunding, parseMeta, parseRules } from '@/lib/exchanges/hyperliquid/marketData';
import { loadRules } from '@/lib/exchanges/marketData';
import { gridOf, orderPriceOf } from '@/lib/figures/format';
import { stopCheck } from '@/lib/figures/stops';
import { KEEP_ALIVE, parseAssetCtxMessage, subscribeMessages } from '@/lib/exchanges/hyperliquid/markPrice';
import { parseHyperliquidRoute } from '@/lib/exchanges/hyperliquid/page/routes';
import type { ReadPosition } from '@/lib/model/snapshot';
import { bracketFor, liquidation, maintenanceMargin, notional, type Bracket, type PositionRisk } from '@/lib/risk';

const fixtures = resolve(import.meta.dirname, '../../../fixtures/hyperliquid');
const vectors = JSON.parse(readFileSync(resolve(fixtures, 'freqtrade-vectors.json'), 'utf8')) as {
  positions: {
    coin: string;
    side: 'long' | 'short';
    entryPrice: string;
    size: string;
    isolatedMargin: string;
    maxLeverage: number;
    liquidationPrice: string;
  }[];
};
const meta = JSON.parse(readFileSync(resolve(fixtures, 'market/metaAndAssetCtxs.json'), 'utf8'));
const d = (value: string | number) => new Decimal(value);
/** One tier at `maxLeverage`: "half of the initial margin at max leverage". */
const oneTier = (maxLeverage: number): Bracket[] => [
  { bracket: 1, notionalFloor: d(0), notionalCap: d('1e15'), maxLeverage, maintMarginRatio: d(1).div(2 * maxLeverage), cum: d(0) },
];

describe('29 liquidation prices Hyperliquid reported', () => {
  it.each(vectors.positions.map((p, i) => [i + 1, p] as const))('#%i', (_, p) => {
    const result = liquidation({
      contract: { type: 'linear' },
      balance: d(p.isolatedMargin),
      legs: [{ side: p.side, size: d(p.size), entryPrice: d(p.entryPrice), tiers: oneTier(p.maxLeverage) }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const error = result.value.price.minus(p.liquidationPrice).abs().div(p.liquidationPrice);
    expect(error.lte('1e-4'), `${result.value.price.toFixed()} against ${p.liquidationPrice}`).toBe(true);
  });

  it('covers longs and shorts of four coins', () => {
    expect(vectors.positions).toHaveLength(29);
    expect(new Set(vectors.positions.map((p) => p.side))).toEqual(new Set(['long', 'short']));
    expect(new Set(vectors.positions.map((p) => p.coin))).toEqual(new Set(['BTC', 'ETH', 'SOL', 'DOGE']));
  });
});

describe('margin tiers from metaAndAssetCtxs', () => {
  const { symbols, rejected } = parseMeta(meta);

  it('gives each tier the rate 1/(2L) and the published deduction; a table id below 50 is one tier', () => {
    expect(symbols.BTC!.map((t) => [t.notionalFloor.toFixed(), t.maintMarginRatio.toFixed(), t.cum.toFixed(), t.maxLeverage])).toEqual([
      ['0', '0.0125', '0', 40],
      ['150000000', '0.025', '1875000', 20],
    ]);
    // The published example: 20x is a maintenance rate of 2.5 %.
    expect(symbols.SOL![0]!.maintMarginRatio.toFixed()).toBe('0.025');
    expect(symbols.DOGE!.map((t) => t.maintMarginRatio.toFixed())).toEqual(['0.05']);
    // Continuous at the bound: 150M at 1.25 % is 1,875,000, and so is 150M × 2.5 % − 1,875,000.
    const at = (value: string) => maintenanceMargin(symbols.BTC!, d(value));
    expect([at('150000000'), at('150000000.01')].map((m) => m.ok && m.value.toFixed(2))).toEqual(['1875000.00', '1875000.00']);
  });

  it('leaves out delisted coins and says why a table cannot be used', () => {
    expect(Object.keys(symbols)).toHaveLength(20);
    expect(Object.keys(symbols)).toEqual(expect.arrayContaining(['BTC', 'DOGE', 'ETH', 'SOL', 'XRP']));
    expect(Object.keys(symbols)).not.toContain('OLD');
    expect(rejected).toEqual({ BROKEN: 'its margin table has no tiers' });
    expect(parseMeta({ nope: true })).toEqual({ symbols: {}, rejected: {} });
  });

  it('reads the hourly funding rate, the next payment on the next hour', () => {
    const at = Date.UTC(2026, 11, 7, 21, 12, 30);
    expect(parseFunding(meta, 'BTC', at)).toEqual({
      symbol: 'BTC',
      rate: '0.0000125',
      nextFundingTime: Date.UTC(2026, 11, 7, 22),
      time: at,
    });
    expect(parseFunding(meta, 'PEPE', at)).toBeNull();
  });
});

describe('order rules from metaAndAssetCtxs (“Tick and lot size”)', () => {
  it('sizes at szDecimals, prices at most 6 − szDecimals decimals and five figures, $10 the smallest order', () => {
    const { symbols, rejected } = parseRules(meta);
    const lot = (step: string) => ({ stepSize: step, minQty: step, maxQty: '1000000000000000' });
    expect(symbols.BTC).toEqual({ tickSize: '0.1', priceFigures: 5, lot: lot('0.00001'), marketLot: lot('0.00001'), minNotional: '10' });
    expect([symbols.ETH!.tickSize, symbols.ETH!.lot.stepSize]).toEqual(['0.01', '0.0001']);
    expect([symbols.SOL!.tickSize, symbols.SOL!.lot.stepSize]).toEqual(['0.0001', '0.01']);
    expect([symbols.DOGE!.tickSize, symbols.DOGE!.lot.stepSize]).toEqual(['0.000001', '1']);
    expect(Object.keys(symbols)).not.toContain('OLD');
    expect(rejected).toEqual({});
    // Stored and read back unchanged.
    expect(loadRules(JSON.parse(JSON.stringify({ fetchedAt: 1, symbols })))).toEqual(symbols);
  });

  it('refuses a coin whose szDecimals is missing or beyond the six decimals a price may have', () => {
    const broken = structuredClone(meta);
    broken[0].universe[0].szDecimals = 7;
    delete broken[0].universe[1].szDecimals;
    const { symbols, rejected } = parseRules(broken);
    expect(rejected).toEqual({ BTC: 'no usable szDecimals', ETH: 'no usable szDecimals' });
    expect(symbols.SOL).toBeDefined();
    expect(parseRules({ nope: true })).toEqual({ symbols: {}, rejected: {} });
    const stored = (priceFigures: unknown) => loadRules({ fetchedAt: 1, symbols: { SOL: { ...symbols.SOL, priceFigures } } });
    expect([stored(0), stored('5'), stored(5.5)]).toEqual([{}, {}, {}]);
  });

  it('puts every price the popup suggests on a price the exchange accepts', () => {
    const { symbols } = parseRules(meta);
    // The SEEN short (9.3792 ETH from 3,438.8, mark 3,143.3) with a stop of 3,600, beyond a liquidation price of 3,539.95.
    const eth: ReadPosition = { ...seenShort, stopLoss: '3600' };
    const grid = gridOf(eth, symbols.ETH, null);
    expect([orderPriceOf(grid, '3521.23456'), orderPriceOf(grid, '96250.7'), orderPriceOf(grid, '9.876543')]).toEqual([
      '3,521.2',
      '96,251',
      '9.88',
    ]);
    const check = stopCheck(hyperliquid, eth, { liquidationPrice: d('3539.95') } as PositionRisk, eth.stopLoss, 'position', grid);
    expect(check).toMatchObject({ beyondLiquidation: true, saferStop: '3500.2' });
  });
});

describe('the public WebSocket', () => {
  it('subscribes to each coin held and reads its mark from a pushed asset context, nothing else', () => {
    expect(subscribeMessages(['SOL', 'BTC', 'SOL']).map((m) => JSON.parse(m))).toEqual([
      { method: 'subscribe', subscription: { type: 'activeAssetCtx', coin: 'BTC' } },
      { method: 'subscribe', subscription: { type: 'activeAssetCtx', coin: 'SOL' } },
    ]);
    expect(JSON.parse(KEEP_ALIVE.message)).toEqual({ method: 'ping' });
    const push = (data: object) => JSON.stringify({ channel: 'activeAssetCtx', data });
    expect(parseAssetCtxMessage(push({ coin: 'BTC', ctx: { markPx: '96300.0', funding: '0.0000125' } }))).toEqual({
      symbol: 'BTC',
      markPrice: '96300',
    });
    expect(parseAssetCtxMessage(push({ coin: 'BTC', ctx: { markPx: '0' } }))).toBeNull();
    expect(parseAssetCtxMessage(JSON.stringify({ channel: 'pong' }))).toBeNull();
    expect(parseAssetCtxMessage('{')).toBeNull();
  });
});

describe('routes', () => {
  it.each([
    ['https://app.hyperliquid.xyz/trade/BTC', 'BTC'],
    ['https://app.hyperliquid.xyz/trade/kPEPE/', 'kPEPE'],
    // The whole account's positions, no coin traded.
    ['https://app.hyperliquid.xyz/portfolio', null],
  ])('%s trades %s', (url, symbol) => expect(parseHyperliquidRoute(url)).toEqual({ market: 'perp', symbol, language: null }));

  it.each([
    'https://app.hyperliquid.xyz/trade',
    'https://app.hyperliquid.xyz/trade/xyz:TSLA',
    'https://app.hyperliquid.xyz/portfolio/history',
    'http://app.hyperliquid.xyz/trade/BTC',
    'https://hyperliquid.xyz.evil.test/trade/BTC',
  ])('%s is not a perpetual trading page', (url) => expect(parseHyperliquidRoute(url)).toBeNull());
});

/** The short SEEN on the page (hyperliquid.md §B), as the reader gives it. */
const seenShort: ReadPosition = {
  row: 1,
  symbol: 'ETH',
  market: 'perp',
  contract: 'perpetual',
  side: 'short',
  size: '9.3792',
  sizeUnit: 'base',
  sizeAsset: 'ETH',
  entryPrice: '3438.8',
  markPrice: '3143.3',
  priceDecimals: 1,
  pageLiquidationPrice: '5535.1',
  marginMode: 'cross',
  leverage: 20,
  margin: '1474.08',
  marginAsset: 'USDC',
  pnl: '2771.75',
  roiPercent: '171.9',
  takeProfit: null,
  stopLoss: null,
};

describe('the adapter on a read position', () => {
  // Vector #1 as the page would show it at its entry: Margin includes the PnL (0 at entry).
  const v = vectors.positions[0]!;
  const read: ReadPosition = {
    row: 1,
    symbol: v.coin,
    market: 'perp',
    contract: 'perpetual',
    side: v.side,
    size: v.size,
    sizeUnit: 'base',
    sizeAsset: v.coin,
    entryPrice: v.entryPrice,
    markPrice: v.entryPrice,
    priceDecimals: 1,
    pageLiquidationPrice: null,
    marginMode: 'isolated',
    leverage: 1,
    margin: v.isolatedMargin,
    marginAsset: 'USDC',
    pnl: '0',
    roiPercent: '0',
    takeProfit: null,
    stopLoss: null,
  };

  it('works out the reported liquidation price from what the page shows', () => {
    const prepared = hyperliquid.prepare(read, [{ asOf: 'test', source: 'test', symbols: { [v.coin]: oneTier(v.maxLeverage) } }]);
    if (!('position' in prepared)) throw new Error(prepared.reason);
    const [risk] = hyperliquid.accountRisk({}, [prepared.position]).positions;
    expect(risk!.liquidationPrice!.minus(v.liquidationPrice).abs().div(v.liquidationPrice).lte('1e-4')).toBe(true);
  });

  it('says the tiers are unknown before the meta answer arrives', () => {
    expect(hyperliquid.prepare(read, [])).toEqual({ reason: `maintenance-margin tiers for ${v.coin} are unknown` });
  });
});

/**
 * The published formula with the tier a price falls in: `liq = price − side × margin_available / size / (1 − l × side)`,
 * `margin_available = margin − (size × price × l − deduction)`, `l` the tier's rate (hyperliquid.md §A).
 */
function publishedPrice(side: 'long' | 'short', size: Decimal, entry: Decimal, margin: Decimal, tier: Bracket): Decimal {
  const direction = side === 'long' ? 1 : -1;
  const available = margin.minus(size.times(entry).times(tier.maintMarginRatio).minus(tier.cum));
  return entry.minus(
    available
      .times(direction)
      .div(size)
      .div(d(1).minus(tier.maintMarginRatio.times(direction))),
  );
}

describe('isolated positions on the tiered tables (generated)', () => {
  const { symbols } = parseMeta(meta);
  const decimalBetween = (min: number, max: number, scale: number) =>
    fc.integer({ min: min * 10 ** scale, max: max * 10 ** scale }).map((n) => new Decimal(n).div(10 ** scale));

  it('the price solved is the published formula at the tier there; more margin moves it away', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.record({
          coin: fc.constantFrom('BTC', 'ETH', 'SOL'),
          side: fc.constantFrom<'long' | 'short'>('long', 'short'),
          notional: decimalBetween(1000, 400_000_000, 0),
          entry: decimalBetween(10, 150000, 2),
          leverage: fc.integer({ min: 1, max: 10 }),
        }),
        ({ coin, side, notional: value, entry, leverage }) => {
          const tiers = symbols[coin]!;
          const size = value.div(entry).toDecimalPlaces(6);
          if (!size.gt(0)) return;
          const margin = size.times(entry).div(leverage);
          const solve = (balance: Decimal) =>
            liquidation({ contract: { type: 'linear' }, balance, legs: [{ side, size, entryPrice: entry, tiers }] }, entry);
          const result = solve(margin);
          if (!result.ok) return;
          checked++;
          const { price, brackets } = result.value;
          const tierThere = bracketFor(tiers, notional({ type: 'linear' }, size, price));
          expect(tierThere.ok && tierThere.value.bracket).toBe(brackets[0]!.bracket);
          expect(
            price
              .minus(publishedPrice(side, size, entry, margin, brackets[0]!))
              .abs()
              .div(price)
              .lt('1e-15'),
          ).toBe(true);
          const more = solve(margin.times('1.1'));
          if (more.ok) expect(side === 'long' ? more.value.price.lt(price) : more.value.price.gt(price)).toBe(true);
        },
      ),
      { seed: 20261207, numRuns: 300 },
    );
    expect(checked).toBeGreaterThanOrEqual(100);
  });
});
