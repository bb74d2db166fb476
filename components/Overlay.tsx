import { MARKET_LABELS, type FuturesRoute } from '@/lib/exchanges/binance/routes';

export function Overlay({ route }: { route: FuturesRoute }) {
  return (
    <section
      data-testid="liqguard-overlay"
      aria-label="LiqGuard"
      class="fixed right-4 bottom-4 z-[2147483646] w-72 rounded-lg border border-slate-700 bg-slate-900/95 p-3 font-sans text-sm text-slate-100 shadow-xl"
    >
      <header class="flex items-center justify-between">
        <h1 class="text-base font-semibold">LiqGuard</h1>
        <span class="text-xs text-slate-400">
          {route.symbol} · {MARKET_LABELS[route.market]}
        </span>
      </header>
      <p data-testid="liqguard-status" class="mt-2 text-xs text-slate-300">
        Watching this page. Positions appear here once the reader finds them.
      </p>
    </section>
  );
}
