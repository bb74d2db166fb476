import { fetchMarkCandles } from '@/components/fetchMarkCandles';
import { Decimal } from '@/lib/core/decimal';
import { translator, uiLanguage } from '@/lib/core/i18n';
import { because } from '@/lib/core/i18n/reasons/because';
import { adapterOf } from '@/lib/exchanges';
import type { TierTables } from '@/lib/exchanges/marketData';
import { betasText, NONE, stressTexts } from '@/lib/figures/format';
import { betasOf, stressTest, type Betas, type Candles } from '@/lib/figures/stress';
import type { PageSnapshot } from '@/lib/model/snapshot';

/** Bars of 4 hours or a day move slowly: a stress test asked again within this time uses the bars it fetched. */
const CANDLES_KEEP_MS = 10 * 60_000;

/** The mark-price bars fetched for the beta mode, by market and symbol (lost with the worker: fetched again then). */
const state: { candles: Map<string, { at: number; candles: Promise<Candles> }> } = { candles: new Map() };

function candlesOf(snapshot: PageSnapshot, symbol: string, now: number): Promise<Candles> {
  const key = `${snapshot.exchange}:${snapshot.market}:${symbol}`;
  const kept = state.candles.get(key);
  if (kept && now - kept.at < CANDLES_KEEP_MS) return kept.candles;
  const candles = fetchMarkCandles(adapterOf(snapshot), snapshot.market, symbol);
  state.candles.set(key, { at: now, candles });
  return candles;
}

/** Each position's beta to the market's reference (BTC), from the exchange's public mark-price bars, or why not. */
async function betasFor(snapshot: PageSnapshot, reference: string, now: number): Promise<{ betas: Betas } | { reason: string }> {
  const symbols = [...new Set(snapshot.positions.map((p) => p.symbol))];
  const wanted = [...new Set([...symbols, reference])];
  const candles = Object.fromEntries(await Promise.all(wanted.map(async (symbol) => [symbol, await candlesOf(snapshot, symbol, now)])));
  return betasOf(symbols, reference, candles);
}

/**
 * The overlay's stress test in the page's language: every mark moved by `movePercent` together, or (`byBeta`) the
 * reference's by it and each other mark by its beta — then the betas first — or "—" with why they cannot be had.
 */
export async function stressLines(
  snapshot: PageSnapshot,
  tiers: TierTables | null,
  movePercent: number,
  byBeta: boolean,
  now: number,
): Promise<string[]> {
  const t = translator(uiLanguage(snapshot.language));
  const reference = adapterOf(snapshot).marketData.markCandles.reference(snapshot.market);
  let betas: Betas | undefined;
  if (byBeta) {
    const found = reference
      ? await betasFor(snapshot, reference, now)
      : { reason: because('the exchange sent no usable mark-price history') };
    if ('reason' in found) return [`${NONE} ${t.reason(found.reason)}`];
    betas = found.betas;
  }
  const texts = stressTexts(stressTest(snapshot, new Decimal(movePercent).div(100), tiers, undefined, betas), snapshot, t);
  return [
    ...(betas && reference ? [betasText(betas, reference, t)] : []),
    texts.firstFall,
    texts.firstRise,
    ...texts.positions,
    texts.marginRatio,
    texts.left,
  ];
}
