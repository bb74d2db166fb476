/**
 * The popup's calculators as pure functions of what the user typed: each takes the fields' text, returns either
 * the results (exact decimal strings) or an error per field, never both. The math is lib/risk's; this layer only
 * reads and checks input. The tabs of Binance's Futures Calculator (math.md §4.1): PnL, Target Price, Liquidation Price,
 * Max Open, Open Price; plus risk-based size, funding, break-even.
 */
import { Decimal, parseDecimal } from '../core/decimal';
import type { UiPhrase } from '../core/i18n/ui';
import { orderRulesOf, type SymbolRules } from '../exchanges/marketData';
import { tiersFor, type TierTables } from '../exchanges/marketData';
import {
  bracketFor,
  formatAmount,
  averageEntryPrice,
  breakEvenPrice,
  fundingCost,
  initialMargin,
  liquidation,
  maxOpenSize,
  placeableSize,
  returnOnEquity,
  sizeForRisk,
  stopFiresBeforeLiquidation,
  targetPrice,
  unrealizedPnl,
  type Bracket,
  type Contract,
  type Side,
} from '../risk';

/** An error per field, as words not yet in a language (the page shows them in the browser's). */
export type FieldErrors = Record<string, UiPhrase>;
export type Outcome<T> = { ok: true; result: T } | { ok: false; errors: FieldErrors };

const said = (key: UiPhrase['key'], params?: UiPhrase['params']): UiPhrase => (params ? { key, params } : { key });
/** A reason of the math (lib/risk) as a field's error. */
const because = (reason: string) => said('form.because', { reason });

/** Reads the fields of one form, collecting an error per bad field. */
class Fields {
  readonly errors: FieldErrors = {};
  constructor(private readonly values: Record<string, string>) {}

  number(name: string, rule: 'positive' | 'non-negative' | 'any' = 'positive'): Decimal {
    const text = (this.values[name] ?? '').trim();
    if (text === '') {
      this.errors[name] = said('form.enterValue');
      return new Decimal(0);
    }
    const parsed = parseDecimal(text);
    if (!parsed.ok) {
      this.errors[name] = said('form.notNumber');
      return new Decimal(0);
    }
    if (rule === 'positive' && !parsed.value.gt(0)) this.errors[name] = said('form.aboveZero');
    if (rule === 'non-negative' && parsed.value.lt(0)) this.errors[name] = said('form.notNegative');
    return parsed.value;
  }

  optionalNumber(name: string, rule: 'positive' | 'non-negative' = 'positive'): Decimal | null {
    return (this.values[name] ?? '').trim() === '' ? null : this.number(name, rule);
  }

  leverage(name = 'leverage', tiers?: readonly Bracket[]): Decimal {
    const value = this.number(name);
    if (this.errors[name]) return value;
    if (!value.isInteger() || value.gt(200)) this.errors[name] = said('form.leverageRange');
    const max = tiers?.reduce((m, t) => Math.max(m, t.maxLeverage), 0);
    if (max && value.gt(max)) this.errors[name] = said('form.aboveSymbolMax', { max });
    return value;
  }

  /**
   * The leverage the exchange allows for a position of `notional` (quote units): each maintenance tier caps it, so a
   * 630,000 USDT BTCUSDT position may take 75x though the symbol's first tier allows 125x.
   */
  leverageForNotional(name: string, tiers: readonly Bracket[], notional: Decimal): Decimal {
    const value = this.leverage(name, tiers);
    if (this.errors[name]) return value;
    const tier = bracketFor(tiers, notional.abs());
    if (tier.ok && value.gt(tier.value.maxLeverage))
      this.errors[name] = said('form.aboveTierMax', { max: tier.value.maxLeverage, notional: formatAmount(notional.abs(), 2) });
    return value;
  }

  fail<T>(name: string, message: UiPhrase): Outcome<T> {
    this.errors[name] = message;
    return { ok: false, errors: this.errors };
  }

  done<T>(result: () => T): Outcome<T> {
    return Object.keys(this.errors).length > 0 ? { ok: false, errors: this.errors } : { ok: true, result: result() };
  }
}

const LINEAR: Contract = { type: 'linear' };

/** A linear contract, or an inverse one of `contractSize` (USD per contract; 100 when not given). */
export function contractOf(type: Contract['type'], contractSize: string | undefined): Contract {
  return type === 'linear' ? LINEAR : { type: 'inverse', contractSize: new Decimal(contractSize || '100') };
}

/** The symbol's tiers from the first of `tables` that has them (fetched before shipped). */
export function tiersOf(symbol: string, tables: readonly (TierTables | null)[]) {
  return tiersFor(symbol.trim().toUpperCase(), ...tables);
}

/**
 * A size to open rounded down to the symbol's lot (an order the exchange accepts, never more than asked), with
 * what was done to it; refused below the smallest order.
 */
function orderSizeOf(size: Decimal, price: Decimal, rules: SymbolRules | undefined) {
  if (!rules) return { ok: true as const, size, sizeRule: said('calc.notRounded') };
  const placed = placeableSize(size, orderRulesOf(rules, 'limit'), price, LINEAR, 'down');
  if (!placed.ok) return placed;
  return { ok: true as const, size: placed.value, sizeRule: said('calc.roundedDown', { step: rules.lot.stepSize }) };
}

export function pnlCalculator(side: Side, contract: Contract, values: Record<string, string>) {
  const f = new Fields(values);
  const entry = f.number('entry');
  const exit = f.number('exit');
  const quantity = f.number('quantity');
  const leverage = f.leverage();
  return f.done(() => {
    const holding = { side, size: quantity, entryPrice: entry };
    return {
      initialMargin: initialMargin(contract, quantity, entry, leverage).toFixed(),
      pnl: unrealizedPnl(contract, holding, exit).toFixed(),
      roe: returnOnEquity(contract, holding, exit, leverage).toFixed(),
    };
  });
}

export function targetPriceCalculator(side: Side, contract: Contract, values: Record<string, string>) {
  const f = new Fields(values);
  const entry = f.number('entry');
  const roePercent = f.number('roe', 'any');
  const leverage = f.leverage();
  // A short gains at most 100 % of its notional (price → 0): ROE / leverage must stay below 1.
  if (Object.keys(f.errors).length === 0 && side === 'short' && roePercent.div(100).div(leverage).gte(1)) {
    return f.fail<{ targetPrice: string }>('roe', said('form.shortGain'));
  }
  return f.done(() => ({ targetPrice: targetPrice(contract, side, entry, roePercent.div(100), leverage).toFixed() }));
}

/**
 * Isolated liquidation for a new position (wallet = initial margin) or with a given wallet balance, with the
 * symbol's tiers re-selected at the liquidation price. Linear contracts only.
 */
export function liquidationCalculator(side: Side, symbol: string, values: Record<string, string>, tables: readonly (TierTables | null)[]) {
  const tiers = tiersOf(symbol, tables);
  const f = new Fields(values);
  if (!tiers.ok) return f.fail<{ liquidationPrice: string; maintMarginRatio: string }>('symbol', because(tiers.reason));
  const entry = f.number('entry');
  const quantity = f.number('quantity');
  const leverage = f.leverageForNotional('leverage', tiers.value.tiers, quantity.times(entry));
  const wallet = f.optionalNumber('wallet');
  if (Object.keys(f.errors).length > 0) return f.done(() => ({ liquidationPrice: '', maintMarginRatio: '' }));
  const balance = wallet ?? initialMargin(LINEAR, quantity, entry, leverage);
  const result = liquidation(
    { contract: LINEAR, balance, legs: [{ side, size: quantity, entryPrice: entry, tiers: tiers.value.tiers }] },
    entry,
  );
  if (!result.ok) return f.fail<{ liquidationPrice: string; maintMarginRatio: string }>('wallet', because(result.reason));
  return f.done(() => ({
    liquidationPrice: result.value.price.toFixed(),
    maintMarginRatio: result.value.brackets[0]!.maintMarginRatio.toFixed(),
  }));
}

export function maxOpenCalculator(
  side: Side,
  symbol: string,
  values: Record<string, string>,
  tables: readonly (TierTables | null)[],
  rules?: SymbolRules,
) {
  type Result = { size: string; limitedBy: string; sizeRule: UiPhrase };
  const tiers = tiersOf(symbol, tables);
  const f = new Fields(values);
  if (!tiers.ok) return f.fail<Result>('symbol', because(tiers.reason));
  const balance = f.number('balance');
  const leverage = f.leverage('leverage', tiers.value.tiers);
  const price = f.number('price');
  const mark = f.optionalNumber('mark');
  if (Object.keys(f.errors).length > 0) return f.done<Result>(() => ({}) as Result);
  const result = maxOpenSize({
    side,
    balance,
    leverage: leverage.toNumber(),
    orderPrice: price,
    markPrice: mark ?? undefined,
    tiers: tiers.value.tiers,
  });
  if (!result.ok) return f.fail<Result>('leverage', because(result.reason));
  const order = orderSizeOf(result.value.size, price, rules);
  if (!order.ok) return f.fail<Result>('balance', said('form.mostItOpens', { reason: order.reason }));
  return f.done<Result>(() => ({ size: order.size.toFixed(), limitedBy: result.value.limitedBy, sizeRule: order.sizeRule }));
}

export function averageEntryCalculator(contract: Contract, fills: { price: string; quantity: string }[]) {
  const f = new Fields(
    Object.fromEntries(
      fills.flatMap((fill, i) => [
        [`price${i}`, fill.price],
        [`quantity${i}`, fill.quantity],
      ]),
    ),
  );
  const parsed = fills.map((_, i) => ({ price: f.number(`price${i}`), size: f.number(`quantity${i}`) }));
  return f.done(() => {
    const total = parsed.reduce((sum, fill) => sum.plus(fill.size), new Decimal(0));
    return { averageEntry: averageEntryPrice(contract, parsed)!.toFixed(), totalQuantity: total.toFixed() };
  });
}

export function riskSizeCalculator(
  side: Side,
  symbol: string,
  values: Record<string, string>,
  tables: readonly (TierTables | null)[],
  rules?: SymbolRules,
) {
  const tiers = tiersOf(symbol, tables);
  const f = new Fields(values);
  type Result = {
    size: string;
    sizeRule: UiPhrase;
    notional: string;
    margin: string;
    lossAtStop: string;
    liquidationPrice: string | null;
    stopBeforeLiquidation: boolean;
  };
  if (!tiers.ok) return f.fail<Result>('symbol', because(tiers.reason));
  const entry = f.number('entry');
  const stop = f.number('stop');
  const leverage = f.leverage('leverage', tiers.value.tiers);
  const fee = f.number('feePercent', 'non-negative').div(100);
  const riskAmount = f.optionalNumber('riskAmount');
  const riskPercent = riskAmount === null ? f.number('riskPercent') : null;
  const balance = riskAmount === null ? f.number('balance') : null;
  if (Object.keys(f.errors).length > 0) return f.done<Result>(() => ({}) as Result);
  const risk = riskAmount ?? balance!.times(riskPercent!).div(100);
  const sizing = sizeForRisk({
    contract: LINEAR,
    side,
    entryPrice: entry,
    stopPrice: stop,
    riskAmount: risk,
    leverage,
    openFeeRate: fee,
    closeFeeRate: fee,
  });
  if (!sizing.ok) return f.fail<Result>('stop', because(sizing.reason));
  const order = orderSizeOf(sizing.value.size, entry, rules);
  if (!order.ok)
    return f.fail<Result>(riskAmount === null ? 'riskPercent' : 'riskAmount', said('form.sizeForRisk', { reason: order.reason }));
  // Notional, margin and loss are proportional to the size at fixed prices and fees.
  const scale = order.size.div(sizing.value.size);
  const { size } = order;
  const [notional, margin, lossAtStop] = [sizing.value.notional, sizing.value.initialMargin, sizing.value.lossAtStop].map((v) =>
    v.times(scale),
  ) as [Decimal, Decimal, Decimal];
  const liq = liquidation(
    { contract: LINEAR, balance: margin, legs: [{ side, size, entryPrice: entry, tiers: tiers.value.tiers }] },
    entry,
  );
  const liquidationPrice = liq.ok ? liq.value.price : null;
  return f.done<Result>(() => ({
    size: size.toFixed(),
    sizeRule: order.sizeRule,
    notional: notional.toFixed(),
    margin: margin.toFixed(),
    lossAtStop: lossAtStop.toFixed(),
    liquidationPrice: liquidationPrice?.toFixed() ?? null,
    stopBeforeLiquidation: stopFiresBeforeLiquidation(stop, entry, liquidationPrice),
  }));
}

export function fundingCalculator(side: Side, contract: Contract, values: Record<string, string>) {
  const f = new Fields(values);
  const size = f.number('size');
  const mark = f.number('mark');
  const rate = f.number('ratePercent', 'any').div(100);
  const intervals = f.number('intervals');
  if (!f.errors.intervals && (!intervals.isInteger() || intervals.gt(1000))) f.errors.intervals = said('form.intervalsRange');
  return f.done(() => ({ cost: fundingCost(contract, side, size, mark, rate, intervals.toNumber()).toFixed() }));
}

export function breakEvenCalculator(side: Side, contract: Contract, values: Record<string, string>) {
  const f = new Fields(values);
  const entry = f.number('entry');
  const openFee = f.number('openFeePercent', 'non-negative').div(100);
  const closeFee = f.number('closeFeePercent', 'non-negative').div(100);
  if (!f.errors.closeFeePercent && closeFee.gte(1)) f.errors.closeFeePercent = said('form.below100Percent');
  return f.done(() => ({ breakEven: breakEvenPrice(contract, side, entry, openFee, closeFee).toFixed() }));
}
