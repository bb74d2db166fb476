/**
 * The stress test: every mark moved together by one fraction, the account recomputed at each move through its
 * exchange's own engine (`assess` over `adapter.withMarkPrices`, cross pools included), and what that does — which
 * positions liquidate and in what order, the cross margin ratio, what is left of the balance. The headline is the
 * smallest fall and the smallest rise that liquidate a position.
 *
 * A position liquidates when its distance to liquidation at the moved marks is 0 or below (for a cross position,
 * when its pool reaches maintenance). A liquidated position leaves nothing: its margin is lost at its bankruptcy
 * figure. Moves are searched in 2 % steps to −99 % and +200 %, then narrowed to a hundredth of a basis point.
 *
 * With betas (each symbol's to BTC, from mark-price bars), the move is BTC's, and each mark moves by its beta times
 * it; the search stops before any mark would reach 0.
 */
import { Decimal, dec } from '../core/decimal';
import { because, type ReasonText } from '../core/i18n/reasons/because';
import { adapterOf } from '../exchanges';
import type { TierTables } from '../exchanges/marketData';
import type { PageSnapshot } from '../model/snapshot';
import { betaTo, type Bar } from '../risk';
import { assess } from './assess';
import type { Assessment } from './types';

const STEP = new Decimal('0.02');
const LIMITS = { fall: new Decimal('-0.99'), rise: new Decimal('2') };

/** Each symbol's beta to the reference the move is of; without, every mark moves by the move itself. */
export type Betas = Record<string, Decimal>;

/** A symbol's mark-price bars, oldest first, or why there are none (yet). */
export type Candles = { bars: Bar[] } | { reason: ReasonText };

/** Each symbol's beta to `reference` from their bars (the reference's own is 1), or why one cannot be had. */
export function betasOf(
  symbols: readonly string[],
  reference: string,
  candles: Record<string, Candles>,
): { betas: Betas } | { reason: ReasonText } {
  const referenceBars = candles[reference];
  if (!referenceBars || 'reason' in referenceBars) return { reason: referenceBars?.reason ?? because('volatility not fetched yet') };
  const betas: Betas = {};
  for (const symbol of symbols) {
    const own = candles[symbol];
    if (!own || 'reason' in own) return { reason: own?.reason ?? because('volatility not fetched yet') };
    const beta = symbol === reference ? new Decimal(1) : betaTo(own.bars, referenceBars.bars);
    if (!beta) return { reason: because('no beta to {reference} for {symbol}', { reference, symbol }) };
    betas[symbol] = beta;
  }
  return { betas };
}

/** How far the move may go each way with `betas`, no mark reaching 0 or below. */
function limitsOf(betas: Betas | undefined) {
  const values = Object.values(betas ?? {});
  const steepest = (sign: 1 | -1) => Decimal.max(1, ...values.map((b) => b.times(sign)));
  return {
    fall: Decimal.max(LIMITS.fall.div(steepest(1)), LIMITS.fall),
    rise: Decimal.min(LIMITS.rise, new Decimal('0.99').div(steepest(-1))),
  };
}
const NARROWING = 20;

type State = 'liquidated' | 'open' | 'unknown';

/** One position under a move. */
export interface StressedPosition {
  /** Its index in the snapshot. */
  row: number;
  state: State;
  /** Among those liquidated by the move, its place (1 first); null when it is not. */
  order: number | null;
  /** The move (fraction of the mark, signed) that liquidates it in the move's direction; null for none in range. */
  liquidatesAt: string | null;
  /** Its distance to liquidation at the moved marks, while open. */
  distance: string | null;
}

export interface StressOutcome {
  move: string;
  positions: StressedPosition[];
  /** The cross account's margin ratio at the move (the page's margin asset); null once it liquidated, or unknown. */
  marginRatio: string | null;
  /** What is left in the page's margin asset: open pools' margin balances and open isolated positions' equity. */
  equityLeft: string | null;
  asset: string | null;
  /** The smallest fall and rise that liquidate a position (negative and positive fractions); null for none in range. */
  firstFall: string | null;
  firstRise: string | null;
  /** The positions (indexes in the snapshot) those first liquidate. */
  firstFallRow: number | null;
  firstRiseRow: number | null;
  /** Why a figure above is missing (a position whose figures cannot be vouched for), or null. */
  reason: string | null;
}

/** Each position's state with every mark moved by `move`, and the assessment there. */
function statesAt(
  snapshot: PageSnapshot,
  tiers: TierTables | null,
  move: Decimal,
  betas?: Betas,
): { states: State[]; assessment: Assessment } {
  const marks = Object.fromEntries(
    snapshot.positions.map((p) => [
      p.symbol,
      dec(p.markPrice)
        .times(move.times(betas?.[p.symbol] ?? 1).plus(1))
        .toFixed(),
    ]),
  );
  const moved = move.isZero() ? snapshot : adapterOf(snapshot).withMarkPrices(snapshot, marks);
  const assessment = assess(moved, tiers);
  const states = assessment.risks.map((risk): State => {
    if (!risk || !risk.pool) return 'unknown';
    if (risk.distanceToLiquidation === null) return risk.unliquidatable ? 'open' : 'unknown';
    return risk.distanceToLiquidation.lte(0) ? 'liquidated' : 'open';
  });
  return { states, assessment };
}

/** The move, in one direction, that first liquidates each position (null: none within the limit, or unknown). */
function liquidatingMoves(
  snapshot: PageSnapshot,
  tiers: TierTables | null,
  start: readonly State[],
  direction: 'fall' | 'rise',
  betas?: Betas,
): (Decimal | null)[] {
  const limits = limitsOf(betas);
  const limit = limits[direction];
  const step = direction === 'fall' ? STEP.neg() : STEP;
  const found: (Decimal | null)[] = snapshot.positions.map(() => null);
  const pending = new Set(start.flatMap((state, i) => (state === 'open' ? [i] : [])));
  let previous = new Decimal(0);
  while (pending.size > 0 && !previous.eq(limit)) {
    const move = Decimal.min(Decimal.max(previous.plus(step), limits.fall), limits.rise);
    const { states } = statesAt(snapshot, tiers, move, betas);
    for (const i of [...pending]) {
      if (states[i] === 'open') continue;
      pending.delete(i);
      if (states[i] === 'liquidated') found[i] = narrow(snapshot, tiers, i, previous, move, betas);
    }
    previous = move;
  }
  return found;
}

/** Between a move that leaves position `i` open and one that liquidates it, the move that first does. */
function narrow(snapshot: PageSnapshot, tiers: TierTables | null, i: number, open: Decimal, liquidated: Decimal, betas?: Betas): Decimal {
  for (let n = 0; n < NARROWING; n++) {
    const middle = open.plus(liquidated).div(2);
    if (statesAt(snapshot, tiers, middle, betas).states[i] === 'liquidated') liquidated = middle;
    else open = middle;
  }
  return liquidated;
}

/** The index of the smallest move, or null for none. */
const smallest = (moves: (Decimal | null)[]) =>
  moves.reduce<number | null>((best, m, i) => (m !== null && (best === null || m.abs().lt(moves[best]!.abs())) ? i : best), null);

/** The moves that liquidate each position, falling and rising (the same for every move tried: work them out once). */
export interface LiquidatingMoves {
  fall: (Decimal | null)[];
  rise: (Decimal | null)[];
  /** A position whose figures cannot be vouched for now: no first liquidation can be named. */
  unknown: boolean;
}

export function liquidatingMovesOf(snapshot: PageSnapshot, tiers: TierTables | null = null, betas?: Betas): LiquidatingMoves {
  // The states as things stand: which positions are open to be searched, and whether any cannot be worked out.
  const start = statesAt(snapshot, tiers, new Decimal(0), betas).states;
  return {
    fall: liquidatingMoves(snapshot, tiers, start, 'fall', betas),
    rise: liquidatingMoves(snapshot, tiers, start, 'rise', betas),
    unknown: start.some((state) => state === 'unknown'),
  };
}

/**
 * `snapshot` with every mark moved by `move` (a fraction: −0.2 is a 20 % fall), or with `betas` each by its beta times
 * it; `moves` are the liquidating moves worked out once for the same betas (worked out here when not given).
 */
export function stressTest(
  snapshot: PageSnapshot,
  move: Decimal,
  tiers: TierTables | null = null,
  moves?: LiquidatingMoves,
  betas?: Betas,
): StressOutcome {
  const { fall, rise, unknown } = moves ?? liquidatingMovesOf(snapshot, tiers, betas);
  const asset = snapshot.account.asset;
  const { states, assessment } = statesAt(snapshot, tiers, move, betas);
  const inDirection = move.isNegative() ? fall : rise;
  const liquidated = states
    .flatMap((state, i) => (state === 'liquidated' ? [i] : []))
    .sort((a, b) => (inDirection[a]?.abs() ?? move.abs()).cmp(inDirection[b]?.abs() ?? move.abs()));
  const positions = snapshot.positions.map((_, i): StressedPosition => {
    const risk = assessment.risks[i];
    return {
      row: i,
      state: states[i]!,
      order: liquidated.includes(i) ? liquidated.indexOf(i) + 1 : null,
      liquidatesAt: inDirection[i]?.toFixed() ?? null,
      distance: states[i] === 'open' ? (risk?.distanceToLiquidation?.toFixed() ?? null) : null,
    };
  });
  const crossLiquidated = states.some((state, i) => state === 'liquidated' && snapshot.positions[i]!.marginMode === 'cross');
  const account = assessment.accounts.find((a) => a.marginAsset === asset);
  const isolatedLeft = snapshot.positions.map((read, i) => {
    const prepared = assessment.prepared[i]!;
    if (read.marginMode !== 'isolated' || read.marginAsset !== asset || states[i] === 'liquidated') return new Decimal(0);
    const wallet = 'position' in prepared ? prepared.position.isolatedMargin : undefined;
    const pnl = assessment.risks[i]?.unrealizedPnl;
    return wallet && pnl ? wallet.plus(pnl) : null;
  });
  const crossLeft = crossLiquidated
    ? new Decimal(0)
    : (account?.marginBalance ?? (snapshot.positions.some((p) => p.marginMode === 'cross') ? null : new Decimal(0)));
  const parts = [crossLeft, ...isolatedLeft];
  const [firstFall, firstRise] = unknown ? [null, null] : [smallest(fall), smallest(rise)];
  return {
    move: move.toFixed(),
    positions,
    marginRatio: crossLiquidated ? null : (account?.marginRatio?.toFixed() ?? null),
    equityLeft: unknown || parts.some((p) => p === null) ? null : parts.reduce<Decimal>((sum, p) => sum.plus(p!), new Decimal(0)).toFixed(),
    asset,
    firstFall: firstFall === null ? null : fall[firstFall]!.toFixed(),
    firstRise: firstRise === null ? null : rise[firstRise]!.toFixed(),
    firstFallRow: firstFall,
    firstRiseRow: firstRise,
    reason: unknown ? because('a position could not be worked out, so the stress test cannot say what liquidates first') : null,
  };
}
