import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

import { MARKET_LABELS } from '@/lib/exchanges/binance/routes';
import { parseStatusResponse, type GetStatusRequest, type StatusResponse, type TabSummary } from '@/lib/messages';

import { percent } from './format';

type Load = { state: 'loading' } | { state: 'ready'; status: StatusResponse } | { state: 'error'; reason: string };

const BAND_TEXT = { safe: 'text-emerald-400', warning: 'text-amber-400', danger: 'text-red-400', unknown: 'text-slate-400' } as const;

function PageFigures({ summary }: { summary: TabSummary | null }) {
  if (!summary) return <p class="text-xs text-slate-400">Waiting for the page's first figures…</p>;
  const time = new Date(summary.assessedAt).toLocaleTimeString();
  const source = summary.stale
    ? `Tab hidden and the price stream is silent: figures from ${time} are stale.`
    : summary.pricesFrom === 'stream'
      ? `Tab hidden: following the public mark-price stream (${time}).`
      : `Live from the page (${time}).`;
  return (
    <>
      {summary.positions.length === 0 ? (
        <p class="text-xs text-slate-400">No open positions on this page.</p>
      ) : (
        <ul class="mt-1 space-y-0.5 text-xs">
          {summary.positions.map((p) => (
            <li key={`${p.symbol}-${p.side}`} data-testid="popup-position" class="flex justify-between">
              <span>
                {p.symbol} {p.side === 'long' ? 'Long' : 'Short'}
              </span>
              <span class={`font-mono ${BAND_TEXT[p.band]}`}>{percent(p.distance)} to liquidation</span>
            </li>
          ))}
        </ul>
      )}
      <p data-testid="popup-source" class={`mt-1 text-xs ${summary.stale ? 'text-amber-400' : 'text-slate-500'}`}>
        {source}
      </p>
    </>
  );
}

export function Popup() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    const request: GetStatusRequest = { type: 'get-status' };
    browser.runtime
      .sendMessage(request)
      .then((raw) => {
        const status = parseStatusResponse(raw);
        setLoad(status ? { state: 'ready', status } : { state: 'error', reason: 'The background worker sent an unreadable answer.' });
      })
      .catch((error: unknown) => setLoad({ state: 'error', reason: String(error) }));
  }, []);

  return (
    <main class="w-80 bg-slate-900 p-4 font-sans text-sm text-slate-100">
      <h1 class="text-lg font-semibold">LiqGuard</h1>
      <p class="mt-1 text-slate-300">
        Shows how far each futures position is from liquidation, on the exchange's own page. It reads the page;
        no API key, nothing leaves your browser.
      </p>
      <section aria-label="What LiqGuard sees now" class="mt-3">
        {load.state === 'loading' && <p class="text-slate-400">Looking for futures pages…</p>}
        {load.state === 'error' && <p role="alert" class="text-red-400">Could not ask the background worker: {load.reason}</p>}
        {load.state === 'ready' && load.status.pages.length === 0 && (
          <p data-testid="empty-state" class="rounded border border-slate-700 p-2 text-slate-300">
            No futures page is open. Open a Binance futures trading page (for example
            {' '}<span class="font-mono">binance.com/en/futures/BTCUSDT</span>) and your positions will appear here.
          </p>
        )}
        {load.state === 'ready' && load.status.pages.length > 0 && (
          <ul data-testid="open-pages" class="space-y-2">
            {load.status.pages.map((page) => (
              <li key={page.tabId} class="rounded border border-slate-700 px-2 py-1">
                <div class="flex justify-between">
                  <span class="font-semibold">{page.route.symbol}</span>
                  <span class="text-slate-400">{MARKET_LABELS[page.route.market]}</span>
                </div>
                <PageFigures summary={page.summary ?? null} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
