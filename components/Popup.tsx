import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

import { adapterFor, adapterOf, ADAPTERS, loadByMarket } from '@/lib/exchanges';
import { marketOf, type ExchangeAdapter, type Prepared } from '@/lib/exchanges/adapter';
import type { SymbolRules, TierTables } from '@/lib/exchanges/marketData';
import { accountKey, marketKey, positionKey } from '@/lib/model/keys';
import { percent } from '@/lib/figures/format';
import { parseStatusResponse, type GetStatusRequest, type StatusResponse } from '@/lib/protocol/messages';
import { type PositionView, type TabSummary } from '@/lib/figures/types';
import { percentText } from '@/lib/forms/settingsForm';
import { parseSettings, thresholdsFor, type DistanceThresholds, type Settings } from '@/lib/model/settings';
import type { PageSnapshot } from '@/lib/model/snapshot';
import { fetchedTiers, lastSnapshots, storedSettings, symbolRules } from '@/lib/protocol/storage';
import { clockTime } from '@/lib/core/time';
import { assess } from '@/lib/figures/assess';

import { Calculators, type Prefill } from './calculators/Calculators';
import { AlertHistory } from './AlertHistory';
import { PositionThresholds } from './PositionThresholds';
import { PositionTools } from './PositionTools';
import { StressTest } from './StressTest';
import { useWords } from './words';

type Load =
  | { state: 'loading' }
  | {
      state: 'ready';
      status: StatusResponse;
      snapshots: Record<string, PageSnapshot>;
      settings: Settings;
      /** Fetched tiers by `marketKey`: a COIN-M position needs COIN-M tiers. */
      tiers: Record<string, TierTables | null>;
      rules: Record<string, Record<string, SymbolRules>>;
    }
  | { state: 'error'; reason: string | null };

const BAND_TEXT = {
  safe: 'text-emerald-800 dark:text-emerald-300',
  warning: 'text-amber-800 dark:text-amber-300',
  danger: 'text-red-700 dark:text-red-300',
  unknown: 'text-slate-600 dark:text-slate-300',
} as const;

interface Selection {
  tabId: number;
  row: number;
}

function PageFigures({
  summary,
  selected,
  onSelect,
}: {
  summary: TabSummary | null;
  selected: number | null;
  onSelect: (index: number) => void;
}) {
  const { t } = useWords();
  if (!summary) return <p class="text-xs text-slate-600 dark:text-slate-300">{t('popup.waiting')}</p>;
  if (summary.pageUnreadable)
    return (
      <p data-testid="popup-page-unreadable" class="text-xs text-amber-800 dark:text-amber-300">
        {t('popup.pageUnreadable', { reasons: summary.pageUnreadable.join('; ') })}
      </p>
    );
  const time = clockTime(summary.assessedAt);
  const source = t(summary.stale ? 'popup.stale' : summary.pricesFrom === 'stream' ? 'popup.stream' : 'popup.live', { time });
  const unreadable = summary.unreadable ?? [];
  return (
    <>
      {unreadable.length > 0 && (
        <ul data-testid="popup-unreadable" class="mt-1 space-y-0.5 text-xs text-amber-800 dark:text-amber-300">
          {unreadable.map((row, index) => (
            <li key={`${row.symbol}-${index}`}>
              {t('popup.rowUnreadable', { symbol: row.symbol ?? t('popup.aRow'), reason: row.reason })}
            </li>
          ))}
        </ul>
      )}
      {summary.positions.length === 0 ? (
        unreadable.length === 0 && <p class="text-xs text-slate-600 dark:text-slate-300">{t('popup.noPositions')}</p>
      ) : (
        <ul class="mt-1 space-y-0.5 text-xs">
          {summary.positions.map((p, index) => (
            <li key={`${p.symbol}-${p.side}-${index}`} data-testid="popup-position">
              <button
                type="button"
                aria-pressed={selected === index}
                class={`flex w-full justify-between rounded px-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800 ${selected === index ? 'bg-slate-200 dark:bg-slate-800' : ''}`}
                onClick={() => onSelect(index)}
              >
                <span>
                  {p.symbol} {t(p.side === 'long' ? 'side.long' : 'side.short')}
                </span>
                <span class={`font-mono ${BAND_TEXT[p.band]}`}>{t('popup.toLiquidation', { distance: percent(p.distance) })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p
        data-testid="popup-source"
        class={`mt-1 text-xs ${summary.stale ? 'text-amber-800 dark:text-amber-300' : 'text-slate-600 dark:text-slate-300'}`}
      >
        {source}
        {unreadable.length > 0 &&
          ` ${unreadable.length === 1 ? t('popup.rowsNotReadOne') : t('popup.rowsNotReadMany', { count: unreadable.length })}`}
      </p>
    </>
  );
}

/**
 * What the selected position prefills: its own figures, the page's Avbl for max open (never the wallet balance,
 * which is larger by what open positions and orders hold), the taker fee of the options, the exchange's current
 * funding rate as the worker last had it.
 */
function prefillOf(
  snapshot: PageSnapshot,
  row: number,
  prepared: Prepared | undefined,
  takerFee: string,
  figures: PositionView | undefined,
): Prefill {
  const adapter = adapterOf(snapshot);
  const p = snapshot.positions[row]!;
  const values: Record<string, string> = { entry: p.entryPrice, mark: p.markPrice };
  if (p.sizeUnit === marketOf(adapter, p.market)?.exactSizeUnit) {
    values.quantity = p.size;
    values.size = p.size;
  }
  if (p.leverage !== null) values.leverage = String(p.leverage);
  // The isolated wallet as the adapter reads it from the page (on Binance, Margin − PnL).
  const wallet = prepared && 'position' in prepared ? prepared.position.isolatedMargin : undefined;
  if (wallet && p.marginMode === 'isolated') values.isolatedMargin = wallet.toFixed();
  // The cross wallet as the adapter reads it from the page (Binance: the Balance shown; Bybit: Margin Balance − cross PnL).
  const crossWallet = snapshot.account.asset === null ? undefined : adapter.crossWallets(snapshot, [])[snapshot.account.asset];
  if (crossWallet) values.walletBalance = crossWallet.toFixed();
  if (snapshot.account.availableBalance) values.available = snapshot.account.availableBalance;
  values.feePercent = percentText(takerFee);
  if (figures?.funding) values.fundingRatePercent = percentText(figures.funding.rate);
  const contract = adapter.contractOf(p);
  return {
    symbol: p.symbol,
    side: p.side,
    contract: contract.type,
    contractSize: contract.type === 'inverse' ? contract.contractSize.toFixed() : undefined,
    priceDecimals: p.priceDecimals,
    marginMode: p.marginMode,
    values,
  };
}

/**
 * What the calculators work with: the selected position's exchange (the first registered when none is selected), its
 * markets, and its linear market's tiers (fetched, then shipped) and order rules.
 */
function calculatorMarkets(
  adapter: ExchangeAdapter,
  load: { tiers: Record<string, TierTables | null>; rules: Record<string, Record<string, SymbolRules>> },
) {
  const linear = adapter.markets.find((m) => m.contract === 'linear');
  const key = linear ? marketKey({ exchange: adapter.id, market: linear.id }) : '';
  return {
    markets: adapter.markets,
    tiers: linear ? [load.tiers[key] ?? null, adapter.shippedTiers(linear.id)] : [],
    rules: load.rules[key] ?? {},
  };
}

/** How a route's market is named to the user (`USD-M`). */
function marketName(route: { exchange: string; market: string }): string {
  const adapter = adapterFor(route.exchange);
  return (adapter && marketOf(adapter, route.market)?.label) ?? route.market;
}

export function Popup() {
  const { language, t } = useWords();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [selection, setSelection] = useState<Selection | null>(null);

  useEffect(() => {
    const request: GetStatusRequest = { type: 'get-status' };
    Promise.all([
      browser.runtime.sendMessage(request),
      lastSnapshots.getValue(),
      storedSettings.getValue(),
      fetchedTiers.getValue(),
      symbolRules.getValue(),
    ])
      .then(([raw, snapshots, settings, tiers, rules]) => {
        const status = parseStatusResponse(raw);
        if (!status) return setLoad({ state: 'error', reason: null });
        setLoad({
          state: 'ready',
          status,
          snapshots,
          settings: parseSettings(settings).settings,
          tiers: loadByMarket(tiers, (adapter) => adapter.marketData.tiers.load),
          rules: loadByMarket(rules, (adapter) => adapter.marketData.rules.load),
        });
        const first = status.pages.find((page) => (page.summary?.positions.length ?? 0) > 0);
        if (first) setSelection({ tabId: first.tabId, row: 0 });
      })
      .catch((error: unknown) => setLoad({ state: 'error', reason: String(error) }));
  }, []);

  const snapshot = load.state === 'ready' && selection ? load.snapshots[selection.tabId] : undefined;
  const known = snapshot && adapterFor(snapshot.exchange) ? snapshot : undefined;
  const adapter = known ? adapterOf(known) : null;
  const assessment = known && load.state === 'ready' ? assess(known, load.tiers[marketKey(known)] ?? null) : null;
  const selectedRisk = assessment && selection ? assessment.risks[selection.row] : null;
  const selected = snapshot && selection ? snapshot.positions[selection.row] : undefined;
  const selectedKey = known && selected ? positionKey(accountKey(known), selected) : null;

  /** Saves the selected position's own thresholds (null: back to the defaults); the worker applies them at once. */
  const saveThresholds = async (position: string, thresholds: DistanceThresholds | null) => {
    const { settings } = parseSettings(await storedSettings.getValue());
    const positionThresholds = { ...settings.positionThresholds };
    if (thresholds) positionThresholds[position] = thresholds;
    else delete positionThresholds[position];
    const next = { ...settings, positionThresholds };
    await storedSettings.setValue(next);
    setLoad((current) => (current.state === 'ready' ? { ...current, settings: next } : current));
  };

  return (
    <main class="w-[26rem] space-y-3 bg-white p-4 font-sans text-sm text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <header>
        <div class="flex items-center justify-between">
          <h1 class="text-lg font-semibold">LiqGuard</h1>
          <button
            type="button"
            data-testid="open-options"
            class="rounded border border-slate-400 px-2 text-xs"
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            {t('popup.options')}
          </button>
        </div>
        <p class="mt-1 text-slate-600 dark:text-slate-300">{t('popup.intro')}</p>
      </header>
      <section aria-label={t('popup.seesNow')}>
        {load.state === 'loading' && <p class="text-slate-600 dark:text-slate-300">{t('popup.looking')}</p>}
        {load.state === 'error' && (
          <p role="alert" class="text-red-700 dark:text-red-300">
            {load.reason === null ? t('popup.workerUnreadable') : t('popup.workerError', { reason: load.reason })}
          </p>
        )}
        {load.state === 'ready' && load.status.pages.length === 0 && (
          <p data-testid="empty-state" class="rounded border border-slate-300 p-2 text-slate-600 dark:border-slate-700 dark:text-slate-300">
            {t('popup.noPage', {
              exchanges: new Intl.ListFormat(language, { type: 'disjunction' }).format(ADAPTERS.map((a) => a.name)),
              example: ADAPTERS[0]!.examplePage,
            })}
          </p>
        )}
        {load.state === 'ready' && load.status.pages.length > 0 && (
          <ul data-testid="open-pages" class="space-y-2">
            {load.status.pages.map((page) => (
              <li key={page.tabId} class="rounded border border-slate-300 px-2 py-1 dark:border-slate-700">
                <div class="flex justify-between">
                  <span class="font-semibold">{page.route.symbol ?? adapterFor(page.route.exchange)?.name}</span>
                  <span class="text-slate-600 dark:text-slate-300">{marketName(page.route)}</span>
                </div>
                <PageFigures
                  summary={page.summary ?? null}
                  selected={selection?.tabId === page.tabId ? selection.row : null}
                  onSelect={(row) => setSelection({ tabId: page.tabId, row })}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      {load.state === 'ready' && known && adapter && selection && selected && selectedRisk && (
        <PositionTools
          key={`${selection.tabId}-${selection.row}`}
          adapter={adapter}
          position={selected}
          risk={selectedRisk}
          rules={load.rules[marketKey(known)]?.[selected.symbol]}
          figures={load.status.pages.find((page) => page.tabId === selection.tabId)?.summary?.figures?.[selection.row] ?? null}
          walletBalance={known.account.walletBalance}
          warningDistance={thresholdsFor(load.settings, selectedKey ?? '').warningDistance}
          displayDecimals={load.settings.displayDecimals}
        />
      )}
      {load.state === 'ready' && selectedKey && (
        <PositionThresholds
          key={selectedKey}
          own={load.settings.positionThresholds[selectedKey] ?? null}
          defaults={load.settings}
          onSave={(thresholds) => saveThresholds(selectedKey, thresholds)}
        />
      )}
      {load.state === 'ready' && known && selection && known.positions.length > 0 && (
        <StressTest key={selection.tabId} snapshot={known} tiers={load.tiers[marketKey(known)] ?? null} />
      )}
      {load.state === 'ready' && (
        <section aria-label={t('popup.calculators')} class="rounded border border-slate-300 p-2 dark:border-slate-700">
          <Calculators
            key={selection ? `${selection.tabId}-${selection.row}` : 'none'}
            prefill={
              known && selection
                ? prefillOf(
                    known,
                    selection.row,
                    assessment?.prepared[selection.row],
                    load.settings.takerFee,
                    load.status.pages.find((page) => page.tabId === selection.tabId)?.summary?.figures?.[selection.row],
                  )
                : null
            }
            {...calculatorMarkets(adapter ?? ADAPTERS[0]!, load)}
          />
        </section>
      )}
      <AlertHistory />
    </main>
  );
}
