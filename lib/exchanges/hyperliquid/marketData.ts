/**
 * Hyperliquid's public market data: everything is `POST https://api.hyperliquid.xyz/info` with a JSON body, no key,
 * and what is asked for is never the account (hyperliquid.md §C).
 *
 * `{"type":"metaAndAssetCtxs"}` → `[meta, assetCtxs]`, where `meta.universe[i] = { name, szDecimals, maxLeverage,
 * marginTableId, onlyIsolated?, isDelisted? }`, `meta.marginTables = [[id, { description, marginTiers: [{ lowerBound,
 * maxLeverage }] }]]` and `assetCtxs[i] = { funding, markPx, oraclePx, … }` for the same coin.
 *
 * Maintenance margin is "half of the initial margin at max leverage": a tier of max leverage L has the rate
 * `1 / (2L)`, and from the second tier on a deduction `ded(n) = ded(n−1) + lowerBound(n) × (mmr(n) − mmr(n−1))`
 * ("Margin tiers", https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers). Margin table ids below 50
 * are one tier at that leverage; a coin without its table is one tier at its `maxLeverage`. Funding is paid every hour,
 * at the rate `funding` of the asset context.
 *
 * Order rules ("Tick and lot size", https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/tick-and-lot-size):
 * "Sizes are rounded to the szDecimals of that asset"; "Prices can have up to 5 significant figures, but no more than
 * MAX_DECIMALS - szDecimals decimal places where MAX_DECIMALS is 6 for perps … Integer prices are always allowed". The
 * minimum order value is $10 (ccxt maps the exchange's error "Order must have minimum value of $10", hyperliquid.md §C).
 * No maximum order size is published: none is applied.
 */
import { Decimal } from '../../core/decimal';
import { bracketProblems } from '../../risk/brackets';
import type { Bracket } from '../../risk/types';
import { canonical, fundingRateOk, nonNegative, positive, type FundingQuote, type SymbolRules } from '../marketData';

export const API_HOST = 'api.hyperliquid.xyz';
export const INFO_URL = `https://${API_HOST}/info`;
export const META_REQUEST: RequestInit = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ type: 'metaAndAssetCtxs' }),
};

/** Beyond any position: the last tier has no upper bound. */
const NO_CAP = new Decimal('1e15');
const HOUR_MS = 3600_000;
const COIN = /^[A-Za-z0-9]{1,12}$/;
/** The most decimals a perpetual's price may have, before its szDecimals are taken off. */
const PERP_MAX_DECIMALS = 6;
const PRICE_FIGURES = 5;
const MIN_ORDER_VALUE = '10';
/** No published maximum: a bound no order comes near. */
const NO_MAX_SIZE = NO_CAP.toFixed();

interface Asset {
  name: string;
  /** The decimals a size may have; null when missing or malformed. */
  szDecimals: number | null;
  maxLeverage: number;
  marginTableId: number | null;
  delisted: boolean;
  ctx: Record<string, unknown> | null;
}

/** The universe and its contexts, checked; null when the answer is not `[meta, assetCtxs]`. */
function assetsOf(body: unknown): { assets: Asset[]; tables: Map<number, unknown> } | null {
  if (!Array.isArray(body) || body.length !== 2) return null;
  const [meta, ctxs] = body as [Record<string, unknown> | null, unknown];
  if (!meta || !Array.isArray(meta.universe) || !Array.isArray(ctxs)) return null;
  const tables = new Map<number, unknown>();
  for (const entry of Array.isArray(meta.marginTables) ? meta.marginTables : []) {
    if (Array.isArray(entry) && Number.isInteger(entry[0])) tables.set(entry[0] as number, entry[1]);
  }
  const assets = (meta.universe as unknown[]).flatMap((entry, i): Asset[] => {
    const e = entry as Record<string, unknown> | null;
    if (!e || typeof e.name !== 'string' || !COIN.test(e.name)) return [];
    return [
      {
        name: e.name,
        szDecimals:
          Number.isInteger(e.szDecimals) && (e.szDecimals as number) >= 0 && (e.szDecimals as number) <= PERP_MAX_DECIMALS
            ? (e.szDecimals as number)
            : null,
        maxLeverage: Number(e.maxLeverage),
        marginTableId: Number.isInteger(e.marginTableId) ? (e.marginTableId as number) : null,
        delisted: e.isDelisted === true,
        ctx: (ctxs[i] as Record<string, unknown> | null) ?? null,
      },
    ];
  });
  return { assets, tables };
}

/** `[lowerBound, maxLeverage]` of each tier of a margin table, or why not. */
function tiersOfTable(table: unknown): [Decimal, number][] | string {
  const tiers = (table as { marginTiers?: unknown } | null)?.marginTiers;
  if (!Array.isArray(tiers) || tiers.length === 0) return 'its margin table has no tiers';
  const out: [Decimal, number][] = [];
  for (const tier of tiers) {
    const { lowerBound, maxLeverage } = (tier ?? {}) as Record<string, unknown>;
    const bound = typeof lowerBound === 'string' || typeof lowerBound === 'number' ? String(lowerBound) : '';
    if (!nonNegative(bound) || !Number.isInteger(maxLeverage) || (maxLeverage as number) < 1) return 'a tier is malformed';
    out.push([new Decimal(bound), maxLeverage as number]);
  }
  return out;
}

/** A coin's tiers: rate 1/(2L), deductions by the published rule, or why they cannot be used. */
function bracketsOf(asset: Asset, tables: Map<number, unknown>): Bracket[] | string {
  if (!Number.isInteger(asset.maxLeverage) || asset.maxLeverage < 1) return 'no usable maxLeverage';
  const id = asset.marginTableId;
  const rows =
    id !== null && id >= 50 ? tiersOfTable(tables.get(id)) : ([[new Decimal(0), id ?? asset.maxLeverage]] as [Decimal, number][]);
  if (typeof rows === 'string') return rows;
  let cum = new Decimal(0);
  const brackets = rows.map(([lowerBound, leverage], i): Bracket => {
    const rate = new Decimal(1).div(leverage * 2);
    if (i > 0) cum = cum.plus(lowerBound.times(rate.minus(new Decimal(1).div(rows[i - 1]![1] * 2))));
    return {
      bracket: i + 1,
      notionalFloor: lowerBound,
      notionalCap: rows[i + 1]?.[0] ?? NO_CAP,
      maxLeverage: leverage,
      maintMarginRatio: rate,
      cum,
    };
  });
  const problems = bracketProblems(brackets);
  return problems.length > 0 ? problems.join('; ') : brackets;
}

/** Every listed coin's maintenance tiers in a `metaAndAssetCtxs` answer; malformed ones are listed with the reason. */
export function parseMeta(body: unknown): { symbols: Record<string, Bracket[]>; rejected: Record<string, string> } {
  const symbols: Record<string, Bracket[]> = {};
  const rejected: Record<string, string> = {};
  const universe = assetsOf(body);
  for (const asset of universe?.assets.filter((a) => !a.delisted) ?? []) {
    const brackets = bracketsOf(asset, universe!.tables);
    if (typeof brackets === 'string') rejected[asset.name] = brackets;
    else symbols[asset.name] = brackets;
  }
  return { symbols, rejected };
}

/** Every listed coin's order rules in a `metaAndAssetCtxs` answer: its size step, its price's finest step and figures. */
export function parseRules(body: unknown): { symbols: Record<string, SymbolRules>; rejected: Record<string, string> } {
  const symbols: Record<string, SymbolRules> = {};
  const rejected: Record<string, string> = {};
  for (const asset of assetsOf(body)?.assets.filter((a) => !a.delisted) ?? []) {
    if (asset.szDecimals === null) {
      rejected[asset.name] = 'no usable szDecimals';
      continue;
    }
    const step = new Decimal(10).pow(-asset.szDecimals).toFixed();
    const lot = { stepSize: step, minQty: step, maxQty: NO_MAX_SIZE };
    symbols[asset.name] = {
      tickSize: new Decimal(10).pow(asset.szDecimals - PERP_MAX_DECIMALS).toFixed(),
      priceFigures: PRICE_FIGURES,
      lot,
      marketLot: lot,
      minNotional: MIN_ORDER_VALUE,
    };
  }
  return { symbols, rejected };
}

/** `coin`'s hourly funding rate from a `metaAndAssetCtxs` answer; the next payment is on the next full hour. */
export function parseFunding(body: unknown, coin: string, receivedAt: number): FundingQuote | null {
  const rate = assetsOf(body)?.assets.find((a) => a.name === coin)?.ctx?.funding;
  if (!fundingRateOk(rate)) return null;
  return { symbol: coin, rate: canonical(rate), nextFundingTime: Math.floor(receivedAt / HOUR_MS) * HOUR_MS + HOUR_MS, time: receivedAt };
}

/** `coin`'s mark price in an asset context, for the stream. */
export const markOf = (ctx: unknown): string | null => {
  const mark = (ctx as { markPx?: unknown } | null)?.markPx;
  return positive(mark) ? canonical(mark) : null;
};
