import { dec } from '@/lib/core/decimal';
import { because } from '@/lib/core/i18n/reasons/because';
import type { ExchangeAdapter } from '@/lib/exchanges/adapter';
import type { Candles } from '@/lib/figures/stress';

const UNUSABLE: Candles = { reason: because('the exchange sent no usable mark-price history') };

/**
 * `symbol`'s public mark-price bars from the exchange (public market data: nothing about the account), or why not.
 * The popup's hook (`./markCandles.ts`) and the worker's stress test (its beta mode) both fetch through it.
 */
export async function fetchMarkCandles(adapter: ExchangeAdapter, market: string, symbol: string): Promise<Candles> {
  const url = adapter.marketData.markCandles.url(market, symbol);
  if (!url) return UNUSABLE;
  try {
    const response = await fetch(url);
    const parsed = response.ok ? adapter.marketData.markCandles.parse(await response.json()) : null;
    return parsed
      ? { bars: parsed.map((c) => ({ openTime: c.openTime, high: dec(c.high), low: dec(c.low), close: dec(c.close) })) }
      : UNUSABLE;
  } catch {
    return UNUSABLE;
  }
}
