/**
 * Binance's maintenance-margin tiers: the dated tables we ship, and parsers for the exchange's bracket
 * responses, so the background can refresh them (math.md §2.2–§2.3).
 *
 * - `GET /fapi/v1/leverageBracket` (signed; USDⓈ-M): `[{ symbol, brackets: [{ bracket, initialLeverage,
 *   notionalCap, notionalFloor, maintMarginRatio, cum }] }]`.
 * - `GET /dapi/v2/leverageBracket` (signed; COIN-M): the same with `qtyCap` / `qtyFloor` in coin.
 * - `POST https://www.binance.com/bapi/futures/v1/friendly/future/common/brackets` (public, undocumented; COIN-M at
 *   `…/friendly/delivery/common/brackets`): `{ data: { brackets: [{ symbol, riskBrackets: [{ bracketSeq,
 *   bracketNotionalFloor, bracketNotionalCap, bracketMaintenanceMarginRate, cumFastMaintenanceAmount,
 *   maxOpenPosLeverage }] }] } }`. The only one an extension can read without an API key.
 * Every table is checked (`bracketProblems`) before use; a table that fails is dropped, never half-used.
 */
import { Decimal } from '../../core/decimal';
import { bracketProblems } from '../../risk/brackets';
import type { Bracket } from '../../risk/types';
import type { TierTables } from '../marketData';
import shippedUsdm from './tiers/usdm.json';

const text = (value: unknown): string | null =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? String(value) : null;

function decimalField(row: Record<string, unknown>, ...names: string[]): Decimal | null {
  for (const name of names) {
    const raw = text(row[name]);
    if (raw !== null && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(raw)) return new Decimal(raw);
  }
  return null;
}

function bracketFromRow(row: unknown): Bracket | null {
  if (typeof row !== 'object' || row === null) return null;
  const r = row as Record<string, unknown>;
  const floor = decimalField(r, 'notionalFloor', 'qtyFloor', 'qtylFloor', 'bracketNotionalFloor');
  const cap = decimalField(r, 'notionalCap', 'qtyCap', 'bracketNotionalCap');
  const mmr = decimalField(r, 'maintMarginRatio', 'bracketMaintenanceMarginRate');
  const cum = decimalField(r, 'cum', 'cumFastMaintenanceAmount');
  const bracket = Number(r.bracket ?? r.bracketSeq);
  const maxLeverage = Number(r.initialLeverage ?? r.maxOpenPosLeverage ?? r.maxLeverage);
  if (!floor || !cap || !mmr || !cum || !Number.isInteger(bracket) || !(maxLeverage > 0)) return null;
  return { bracket, notionalFloor: floor, notionalCap: cap, maxLeverage, maintMarginRatio: mmr, cum };
}

/**
 * Parses any of the three response shapes above into checked tables. Symbols whose table is malformed are
 * left out and listed in `rejected` with the reason.
 */
export function parseBracketResponse(body: unknown): { symbols: Record<string, Bracket[]>; rejected: Record<string, string> } {
  const entries: unknown[] = Array.isArray(body) ? body : ((body as { data?: { brackets?: unknown[] } } | null)?.data?.brackets ?? []);
  const symbols: Record<string, Bracket[]> = {};
  const rejected: Record<string, string> = {};
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    const symbol = text(e.symbol) ?? text(e.pair);
    const rows = e.brackets ?? e.riskBrackets;
    if (!symbol || !/^[A-Z0-9_]{2,40}$/.test(symbol) || !Array.isArray(rows)) continue;
    const tiers = rows.map(bracketFromRow);
    if (tiers.some((tier) => tier === null)) {
      rejected[symbol] = 'a tier is missing a field';
      continue;
    }
    const sorted = (tiers as Bracket[]).sort((a, b) => a.notionalFloor.cmp(b.notionalFloor));
    const problems = bracketProblems(sorted);
    if (problems.length > 0) rejected[symbol] = problems.join('; ');
    else symbols[symbol] = sorted;
  }
  return { symbols, rejected };
}

function shippedTables(document: { asOf: string; source: string; symbols: Record<string, unknown[]> }): TierTables {
  return {
    asOf: document.asOf,
    source: document.source,
    symbols: parseBracketResponse(Object.entries(document.symbols).map(([symbol, brackets]) => ({ symbol, brackets }))).symbols,
  };
}

/** USDⓈ-M tiers of the 30 most traded symbols, as of `asOf`. No COIN-M table ships yet: see README. */
export const SHIPPED_USDM_TIERS: TierTables = shippedTables(shippedUsdm);

/** The public bracket endpoints (no key; undocumented, math.md §2.3): POST with body `{}`. */
export const BRACKET_ENDPOINTS = {
  usdm: 'https://www.binance.com/bapi/futures/v1/friendly/future/common/brackets',
  coinm: 'https://www.binance.com/bapi/futures/v1/friendly/delivery/common/brackets',
} as const;

/** How long fetched tiers are trusted before the next refresh. */
export const TIER_REFRESH_MS = 24 * 60 * 60 * 1000;
