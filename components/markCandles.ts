import { useEffect, useState } from 'preact/hooks';

import { dec } from '@/lib/core/decimal';
import { because, type ReasonText } from '@/lib/core/i18n/reasons/because';
import type { ExchangeAdapter } from '@/lib/exchanges/adapter';
import type { Bar } from '@/lib/risk';

/** A symbol's mark-price bars, oldest first, or why there are none (yet). */
export type Candles = { bars: Bar[] } | { reason: ReasonText };

const NOT_YET: Candles = { reason: because('volatility not fetched yet') };
const UNUSABLE: Candles = { reason: because('the exchange sent no usable mark-price history') };

/** Fetches `symbols`' public mark-price bars from the exchange (public market data: nothing about the account). */
export function useMarkCandles(adapter: ExchangeAdapter, market: string, symbols: readonly string[]): Record<string, Candles> {
  const [candles, setCandles] = useState<Record<string, Candles>>({});
  const key = symbols.join(',');
  useEffect(() => {
    let current = true;
    for (const symbol of new Set(symbols)) {
      const url = adapter.marketData.markCandles.url(market, symbol);
      const done = (value: Candles) => current && setCandles((all) => ({ ...all, [symbol]: value }));
      if (!url) {
        done(UNUSABLE);
        continue;
      }
      fetch(url)
        .then((response) => (response.ok ? response.json() : null))
        .then((body: unknown) => {
          const parsed = body === null ? null : adapter.marketData.markCandles.parse(body);
          done(
            parsed
              ? { bars: parsed.map((c) => ({ openTime: c.openTime, high: dec(c.high), low: dec(c.low), close: dec(c.close) })) }
              : UNUSABLE,
          );
        })
        .catch(() => done(UNUSABLE));
    }
    return () => {
      current = false;
    };
  }, [adapter, market, key]);
  return Object.fromEntries(symbols.map((symbol) => [symbol, candles[symbol] ?? NOT_YET]));
}
