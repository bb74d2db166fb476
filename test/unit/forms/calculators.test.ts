import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { english, inEnglish } from './inEnglish';

import {
  averageEntryCalculator,
  breakEvenCalculator,
  contractOf,
  fundingCalculator,
  liquidationCalculator,
  maxOpenCalculator,
  pnlCalculator,
  riskSizeCalculator,
  targetPriceCalculator,
} from '@/lib/forms/calculators';
import { Decimal } from '@/lib/core/decimal';
import { parseExchangeInfo } from '@/lib/exchanges/binance/marketData';
import { SHIPPED_USDM_TIERS } from '@/lib/exchanges/binance/tiers';

const linear = contractOf('linear', undefined);
/** The tables the popup gives the tier-based calculators for a USDⓈ-M symbol when none were fetched. */
const shipped = [SHIPPED_USDM_TIERS];

describe('Binance calculator tabs (math.md §4.1)', () => {
  it('PnL / ROE: 60,000 → 61,200 long, 1 BTC at 20x: margin 3,000, PnL 1,200, ROE 40 %', () => {
    expect(pnlCalculator('long', linear, { entry: '60,000', exit: '61200', quantity: '1', leverage: '20' })).toEqual({
      ok: true,
      result: { initialMargin: '3000', pnl: '1200', roe: '0.4' },
    });
  });

  it('T16: the initial margin of 1 BTC at 9,253.30 and 20x is 462.665', () => {
    const outcome = pnlCalculator('long', linear, { entry: '9253.30', exit: '9253.30', quantity: '1', leverage: '20' });
    expect(outcome.ok && outcome.result.initialMargin).toBe('462.665');
  });

  it('target price for an ROE, and a short that cannot gain that much', () => {
    expect(targetPriceCalculator('long', linear, { entry: '60000', roe: '40', leverage: '20' })).toEqual({
      ok: true,
      result: { targetPrice: '61200' },
    });
    expect(inEnglish(targetPriceCalculator('short', linear, { entry: '60000', roe: '2500', leverage: '20' }))).toEqual({
      ok: false,
      errors: { roe: 'A short cannot gain that much' },
    });
  });

  it('liquidation price with the tier at the liquidation price (BTCUSDT 2024: 50k–600k → 0.5 %, cum 50)', () => {
    const outcome = liquidationCalculator('long', 'BTCUSDT', { entry: '60000', quantity: '1', leverage: '10' }, shipped);
    expect(outcome.ok && outcome.result).toEqual({
      liquidationPrice: new Decimal('60000').minus('6000').minus('50').div('0.995').toFixed(),
      maintMarginRatio: '0.005',
    });
  });

  it('checks the leverage against the tier of the notional: 630,000 USDT of BTCUSDT takes 75x, not 100x', () => {
    const at = (leverage: string) => liquidationCalculator('long', 'BTCUSDT', { entry: '100000', quantity: '6.3', leverage }, shipped);
    expect(inEnglish(at('100'))).toEqual({
      ok: false,
      errors: { leverage: 'Above the 75x the exchange allows for a 630,000.00 USDT position (its maintenance tier)' },
    });
    expect(at('75').ok).toBe(true);
    // Within the second tier (50k–600k) 100x stands.
    expect(liquidationCalculator('long', 'BTCUSDT', { entry: '100000', quantity: '5', leverage: '100' }, shipped).ok).toBe(true);
  });

  it('max open: S7 — 469.205 USDT buys exactly 1 BTC short at 9,253.30 with mark 9,259.84 and 20x', () => {
    expect(
      maxOpenCalculator('short', 'BTCUSDT', { balance: '469.205', leverage: '20', price: '9253.30', mark: '9259.84' }, shipped),
    ).toEqual({
      ok: true,
      result: { size: '1', limitedBy: 'balance', sizeRule: { key: 'calc.notRounded' } },
    });
  });

  it('open price: weighted for USDⓈ-M, harmonic for COIN-M', () => {
    const fills = [
      { price: '100', quantity: '1' },
      { price: '200', quantity: '3' },
    ];
    expect(averageEntryCalculator(linear, fills)).toEqual({ ok: true, result: { averageEntry: '175', totalQuantity: '4' } });
    const coin = averageEntryCalculator(contractOf('inverse', '10'), fills);
    expect(coin.ok && new Decimal(coin.result.averageEntry).toFixed(6)).toBe('160.000000');
  });
});

describe('more calculators', () => {
  it('risk-based size, and a stop that would sit beyond liquidation', () => {
    const safe = riskSizeCalculator(
      'long',
      'BTCUSDT',
      {
        entry: '60000',
        stop: '59000',
        leverage: '10',
        feePercent: '0.05',
        riskAmount: '100',
      },
      shipped,
    );
    expect(safe.ok && safe.result.stopBeforeLiquidation).toBe(true);
    expect(safe.ok && new Decimal(safe.result.lossAtStop).toDecimalPlaces(20).toFixed()).toBe('100');
    const tooFar = riskSizeCalculator(
      'long',
      'BTCUSDT',
      {
        entry: '60000',
        stop: '50000',
        leverage: '100',
        feePercent: '0',
        riskPercent: '1',
        balance: '10000',
      },
      shipped,
    );
    expect(tooFar.ok && tooFar.result.stopBeforeLiquidation).toBe(false);
  });

  it('sizes to open are rounded down to the symbol’s lot, and refused below its smallest order', () => {
    const rules = parseExchangeInfo(
      JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/binance/market/fapi-exchangeInfo.json'), 'utf8')),
    ).symbols;
    const values = { entry: '60000', stop: '59000', leverage: '10', feePercent: '0.05', riskAmount: '100' };
    const exact = riskSizeCalculator('long', 'BTCUSDT', values, shipped);
    const placed = riskSizeCalculator('long', 'BTCUSDT', values, shipped, rules.BTCUSDT);
    expect(exact.ok && placed.ok).toBe(true);
    if (!exact.ok || !placed.ok) return;
    expect(placed.result.size).toBe(new Decimal(exact.result.size).toDecimalPlaces(3, Decimal.ROUND_DOWN).toFixed());
    expect(english(placed.result.sizeRule)).toBe('rounded down to the step (0.001)');
    // Fewer coins, less loss at the stop: never more than the risk asked for.
    expect(new Decimal(placed.result.lossAtStop).lte(exact.result.lossAtStop)).toBe(true);
    // 1 USDT of risk with a 1,000 stop is 0.00096 BTC: under BTCUSDT's 100 USDT minimum notional.
    const tiny = riskSizeCalculator('long', 'BTCUSDT', { ...values, riskAmount: '1' }, shipped, rules.BTCUSDT);
    expect(inEnglish(tiny)).toEqual({
      ok: false,
      errors: { riskAmount: 'The size for this risk is below the smallest order (100 notional, 0.002 at this price)' },
    });
    const maxOpen = maxOpenCalculator(
      'short',
      'BTCUSDT',
      { balance: '469.2', leverage: '20', price: '9253.30', mark: '9259.84' },
      shipped,
      rules.BTCUSDT,
    );
    expect(maxOpen.ok && maxOpen.result.size).toBe('0.999');
  });

  it('T22: funding for a long 0.5 BTC at 60,000 and +0.01 % over 3 intervals is 9 USDT', () => {
    expect(fundingCalculator('long', linear, { size: '0.5', mark: '60000', ratePercent: '0.01', intervals: '3' })).toEqual({
      ok: true,
      result: { cost: '9' },
    });
  });

  it('break-even with fees', () => {
    const outcome = breakEvenCalculator('long', linear, { entry: '60000', openFeePercent: '0.05', closeFeePercent: '0.05' });
    expect(outcome.ok && new Decimal(outcome.result.breakEven).toFixed(4)).toBe(
      new Decimal('60000').times('1.0005').div('0.9995').toFixed(4),
    );
  });
});

describe('bad input gets a clear error per field and no result', () => {
  it.each([
    [{ entry: '', exit: '61200', quantity: '1', leverage: '20' }, { entry: 'Enter a value' }],
    [{ entry: 'abc', exit: '61200', quantity: '1', leverage: '20' }, { entry: 'Not a number' }],
    [{ entry: '60000', exit: '61200', quantity: '0', leverage: '20' }, { quantity: 'Must be above 0' }],
    [
      { entry: '-1', exit: '61200', quantity: '1', leverage: '2.5' },
      { entry: 'Must be above 0', leverage: 'A whole number from 1 to 200' },
    ],
  ])('%j', (values, errors) => {
    expect(inEnglish(pnlCalculator('long', linear, values))).toEqual({ ok: false, errors });
  });

  it('leverage above the tier’s maximum, an unknown symbol', () => {
    expect(inEnglish(liquidationCalculator('long', 'BTCUSDT', { entry: '60000', quantity: '1', leverage: '150' }, shipped))).toEqual({
      ok: false,
      errors: { leverage: "Above this symbol's maximum (125x)" },
    });
    expect(inEnglish(liquidationCalculator('long', 'NOPEUSDT', { entry: '60000', quantity: '1', leverage: '10' }, shipped))).toEqual({
      ok: false,
      errors: { symbol: 'maintenance-margin tiers for NOPEUSDT are unknown' },
    });
  });

  it('a wallet so large there is no liquidation price says so', () => {
    const outcome = liquidationCalculator('long', 'BTCUSDT', { entry: '60000', quantity: '1', leverage: '10', wallet: '100000' }, shipped);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && english(outcome.errors.wallet!)).toMatch(/no liquidation price/);
  });
});
