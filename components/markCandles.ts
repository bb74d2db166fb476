import { useEffect, useState } from 'preact/hooks';

import { because } from '@/lib/core/i18n/reasons/because';
import type { ExchangeAdapter } from '@/lib/exchanges/adapter';
import type { Candles } from '@/lib/figures/stress';

import { fetchMarkCandles } from './fetchMarkCandles';

const NOT_YET: Candles = { reason: because('volatility not fetched yet') };

/** Fetches `symbols`' public mark-price bars for the popup; a symbol not fetched yet says so. */
export function useMarkCandles(adapter: ExchangeAdapter, market: string, symbols: readonly string[]): Record<string, Candles> {
  const [candles, setCandles] = useState<Record<string, Candles>>({});
  const key = symbols.join(',');
  useEffect(() => {
    let current = true;
    for (const symbol of new Set(symbols)) {
      void fetchMarkCandles(adapter, market, symbol).then((value) => current && setCandles((all) => ({ ...all, [symbol]: value })));
    }
    return () => {
      current = false;
    };
  }, [adapter, market, key]);
  return Object.fromEntries(symbols.map((symbol) => [symbol, candles[symbol] ?? NOT_YET]));
}
