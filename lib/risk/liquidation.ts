/**
 * Liquidation price: the mark price at which margin balance equals maintenance margin.
 *
 * Binance's USDⓈ-M formula (FAQ "How to Calculate Liquidation Price of USDⓈ-M Futures Contracts", math.md §1.2,
 * S1), with `d` = +1 long / −1 short, `Q` absolute size, WB' = WB − TMM1 + UPNL1 (cross) or the isolated wallet:
 *
 *     LP = (WB' + Σcum − Σ d·Q·EP) / (Σ Q·MMR − Σ d·Q)          (sums over the symbol's legs: BOTH, or LONG + SHORT)
 *
 * COIN-M (FAQ "… of COIN-M Futures Contracts", S2; reconstructed from the coin margin equation, math.md §3),
 * with N contracts of size CM:
 *
 *     LP = Σ N·(MMR + d) / ((WB' + Σcum)/CM + Σ d·N/EP)
 *
 * Each leg's tier is the one that holds at the liquidation price, not at entry or mark (S1, math.md §1.4): we try
 * tier combinations and keep the root whose notionals fall inside the tiers that produced it. Prices in quote
 * units; WB', cum in the margin asset (quote for USDⓈ-M, coin for COIN-M).
 */
import { Decimal, ZERO, dec, sum, type DecimalInput } from '../core/decimal';
import { bracketFor, tierIndexFor } from './brackets';
import { notional, unrealizedPnl, type Holding } from './pnl';
import { ok, signed, unavailable, type Bracket, type Contract, type Result } from './types';
import { because } from '../core/i18n/reasons/because';

export interface Leg extends Holding {
  tiers: readonly Bracket[];
}

/** What stands between a symbol's legs and liquidation: the balance they may lose, in the margin asset. */
export interface MarginPool {
  contract: Contract;
  /** Cross: wallet balance − other positions' maintenance margin + their unrealised PnL. Isolated: the position's wallet. */
  balance: Decimal;
  legs: readonly Leg[];
}

export interface Liquidation {
  price: Decimal;
  /** The tier of each leg at that price, in leg order. */
  brackets: Bracket[];
}

const ONE = new Decimal(1);

/** Why a position has no liquidation price: no price within the tiers liquidates it (not that we could not tell). */
export const NO_LIQUIDATION_PRICE = because(
  'no liquidation price: the margin covers any price move within the exchange\'s tiers (the exchange shows "--")',
);

/** numerator / denominator; 0 for a quotient at or below 0, null for none. */
function positiveQuotient(numerator: Decimal, denominator: Decimal): Decimal | null {
  if (denominator.isZero()) return null;
  return numerator.isZero() || numerator.isNegative() !== denominator.isNegative() ? ZERO : numerator.div(denominator);
}

/**
 * The root of the margin equation with the given tiers, whether or not it lies in them (null: no root). A root
 * at or below 0 (no liquidation price) comes back as 0, without the division: most positions of a well-funded
 * account have none, and a 40-digit division is the dearest step of a recompute.
 */
function rawRoot(pool: MarginPool, brackets: readonly Bracket[]): Decimal | null {
  const { contract, legs } = pool;
  const cum = sum(brackets.map((b) => b.cum));
  if (contract.type === 'linear') {
    const numerator = pool.balance.plus(cum).minus(sum(legs.map((l) => signed(l.size.times(l.entryPrice), l.side))));
    const denominator = sum(legs.map((l, i) => l.size.times(brackets[i]!.maintMarginRatio).minus(signed(l.size, l.side))));
    return positiveQuotient(numerator, denominator);
  }
  const numerator = sum(
    legs.map((l, i) =>
      l.size.times(l.side === 'long' ? brackets[i]!.maintMarginRatio.plus(ONE) : brackets[i]!.maintMarginRatio.minus(ONE)),
    ),
  );
  const denominator = pool.balance
    .plus(cum)
    .div(contract.contractSize)
    .plus(sum(legs.map((l) => signed(l.size, l.side).div(l.entryPrice))));
  return positiveQuotient(numerator, denominator);
}

function rootFor(pool: MarginPool, brackets: readonly Bracket[]): Decimal | null {
  const price = rawRoot(pool, brackets);
  if (!price?.gt(0)) return null;
  const consistent = pool.legs.every((leg, i) => {
    const at = notional(pool.contract, leg.size, price);
    return at.gte(brackets[i]!.notionalFloor) && at.lte(brackets[i]!.notionalCap);
  });
  return consistent ? price : null;
}

/**
 * One leg: start from the tier at `near` and follow the root into the tier it lands in until it stays put
 * (the highfestiva gist's loop, S14). A root ≤ 0 in the first tier means no liquidation price.
 */
function followTiers(pool: MarginPool, near: Decimal): Result<Liquidation> | null {
  const leg = pool.legs[0]!;
  let index = tierIndexFor(leg.tiers, notional(pool.contract, leg.size, near));
  if (index < 0) return null;
  for (let step = 0; step <= leg.tiers.length; step++) {
    const tier = leg.tiers[index]!;
    const price = rawRoot(pool, [tier]);
    if (price === null) return null;
    const landed = price.gt(0) ? tierIndexFor(leg.tiers, notional(pool.contract, leg.size, price)) : 0;
    if (landed === index) return price.gt(0) ? ok({ price, brackets: [tier] }) : unavailable(NO_LIQUIDATION_PRICE);
    if (landed < 0) return unavailable(NO_LIQUIDATION_PRICE);
    index = landed;
  }
  return null;
}

function* tierCombinations(legs: readonly Leg[], index = 0, chosen: Bracket[] = []): Generator<Bracket[]> {
  if (index === legs.length) {
    yield chosen;
    return;
  }
  for (const tier of legs[index]!.tiers) yield* tierCombinations(legs, index + 1, [...chosen, tier]);
}

/**
 * Solves a pool for its liquidation price. `near` (usually the mark price) is tried first — its tiers are
 * nearly always the answer — and picks between two roots, which only a hedge pair can have.
 */
export function liquidation(pool: MarginPool, near?: Decimal): Result<Liquidation> {
  if (pool.legs.length === 0) return unavailable(because('no position'));
  if (pool.legs.some((leg) => leg.tiers.length === 0)) return unavailable(because('no maintenance-margin tiers are known for this symbol'));
  if (pool.legs.some((leg) => !leg.size.gt(0) || !leg.entryPrice.gt(0)))
    return unavailable(because('size and entry price must be above 0'));

  // One leg has at most one root (MM grows more slowly than the PnL moves, MMR < 1; math.md §1.4), so
  // following the tiers finds it in a step or two; the full search below stays as the fallback.
  if (near && pool.legs.length === 1) {
    const found = followTiers(pool, near);
    if (found) return found;
  }

  const roots: Liquidation[] = [];
  for (const brackets of tierCombinations(pool.legs)) {
    const price = rootFor(pool, brackets);
    if (price && !roots.some((root) => root.price.eq(price))) roots.push({ price, brackets: [...brackets] });
    if (roots.length > 0 && pool.legs.length === 1) break;
  }
  if (roots.length === 0) {
    return unavailable(NO_LIQUIDATION_PRICE);
  }
  const reference = near ?? sum(pool.legs.map((l) => l.entryPrice)).div(pool.legs.length);
  roots.sort((a, b) => a.price.minus(reference).abs().cmp(b.price.minus(reference).abs()));
  return ok(roots[0]!);
}

/** The pool's margin balance minus its maintenance margin if the mark were `price` (negative: liquidated). */
export function marginSlackAt(pool: MarginPool, price: Decimal): Result<Decimal> {
  let slack = pool.balance;
  for (const leg of pool.legs) {
    const tier = bracketFor(leg.tiers, notional(pool.contract, leg.size, price));
    if (!tier.ok) return tier;
    const pnl = unrealizedPnl(pool.contract, leg, price);
    const maintenance = notional(pool.contract, leg.size, price).times(tier.value.maintMarginRatio).minus(tier.value.cum);
    slack = slack.plus(pnl).minus(maintenance);
  }
  return ok(slack);
}

export type BracketInput =
  | Bracket
  | {
      bracket: number;
      notionalFloor: DecimalInput;
      notionalCap: DecimalInput;
      maxLeverage: number;
      maintMarginRatio: DecimalInput;
      cum: DecimalInput;
    };

export const toBracket = (b: BracketInput): Bracket => ({
  bracket: b.bracket,
  notionalFloor: dec(b.notionalFloor),
  notionalCap: dec(b.notionalCap),
  maxLeverage: b.maxLeverage,
  maintMarginRatio: dec(b.maintMarginRatio),
  cum: dec(b.cum),
});

interface LegInput {
  side: 'long' | 'short';
  entryPrice: DecimalInput;
  tiers: readonly BracketInput[];
}

function poolBalance(walletBalance: DecimalInput, otherMaintenanceMargin?: DecimalInput, otherUnrealizedPnl?: DecimalInput) {
  return dec(walletBalance)
    .minus(otherMaintenanceMargin ?? ZERO)
    .plus(otherUnrealizedPnl ?? ZERO);
}

/**
 * USDⓈ-M liquidation price of one symbol: one leg (one-way or isolated) or two (a hedge pair in cross, which
 * liquidates together). For isolated, pass the position's wallet as `walletBalance` and nothing for the others.
 * Returns null when there is no liquidation price (see `liquidation` for the reason).
 */
export function linearLiquidationPrice(input: {
  walletBalance: DecimalInput;
  otherMaintenanceMargin?: DecimalInput;
  otherUnrealizedPnl?: DecimalInput;
  legs: readonly (LegInput & { size: DecimalInput })[];
}): Decimal | null {
  const result = liquidation({
    contract: { type: 'linear' },
    balance: poolBalance(input.walletBalance, input.otherMaintenanceMargin, input.otherUnrealizedPnl),
    legs: input.legs.map((l) => ({ side: l.side, size: dec(l.size).abs(), entryPrice: dec(l.entryPrice), tiers: l.tiers.map(toBracket) })),
  });
  return result.ok ? result.value.price : null;
}

/** COIN-M liquidation price; balances in coin, `contracts` absolute, tiers in coin quantity. */
export function inverseLiquidationPrice(input: {
  walletBalance: DecimalInput;
  contractSize: DecimalInput;
  otherMaintenanceMargin?: DecimalInput;
  otherUnrealizedPnl?: DecimalInput;
  legs: readonly (LegInput & { contracts: DecimalInput })[];
}): Decimal | null {
  const result = liquidation({
    contract: { type: 'inverse', contractSize: dec(input.contractSize) },
    balance: poolBalance(input.walletBalance, input.otherMaintenanceMargin, input.otherUnrealizedPnl),
    legs: input.legs.map((l) => ({
      side: l.side,
      size: dec(l.contracts).abs(),
      entryPrice: dec(l.entryPrice),
      tiers: l.tiers.map(toBracket),
    })),
  });
  return result.ok ? result.value.price : null;
}
