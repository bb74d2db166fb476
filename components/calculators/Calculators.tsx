import {
  averageEntryCalculator,
  breakEvenCalculator,
  contractOf,
  fundingCalculator,
  liquidationCalculator,
  maxOpenCalculator,
  pnlCalculator,
  riskSizeCalculator,
  targetPriceCalculator,
} from '@/lib/forms/calculators';
import { Decimal } from '@/lib/core/decimal';
import type { MarketInfo } from '@/lib/exchanges/adapter';
import type { SymbolRules, TierTables } from '@/lib/exchanges/marketData';
import { formatAmount, formatPercent, type Contract, type Side } from '@/lib/risk';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

import type { UiMessageKey } from '@/lib/core/i18n/ui';

import { useWords } from '../words';
import { Calculator } from './Calculator';

/** What a selected position prefills: field name → text, and how its prices are shown. */
export interface Prefill {
  symbol: string;
  side: Side;
  /** Linear (the calculators' USDⓈ-M tab) or inverse (COIN-M). */
  contract: 'linear' | 'inverse';
  /** Inverse: USD per contract. */
  contractSize?: string;
  /** Decimal places the page shows this symbol's prices with (its tick). */
  priceDecimals: number;
  /** The position's margin mode: the liquidation calculator opens in it. */
  marginMode: 'cross' | 'isolated';
  /**
   * Field → text: entry, mark, quantity, leverage; `available` (the page's Avbl), `walletBalance`, `isolatedMargin`
   * (isolated positions only), `feePercent` (the options' taker fee), `fundingRatePercent` (the exchange's current rate).
   */
  values: Record<string, string>;
}

/** The calculators in the order of the exchange's own calculator, then LiqGuard's. */
const TABS: { id: string; label: UiMessageKey }[] = [
  { id: 'pnl', label: 'calc.tab.pnl' },
  { id: 'target', label: 'calc.tab.target' },
  { id: 'liquidation', label: 'calc.tab.liquidation' },
  { id: 'max-open', label: 'calc.tab.maxOpen' },
  { id: 'average-entry', label: 'calc.tab.averageEntry' },
  { id: 'risk-size', label: 'calc.tab.riskSize' },
  { id: 'funding', label: 'calc.tab.funding' },
  { id: 'break-even', label: 'calc.tab.breakEven' },
];

/** Tabs with the keyboard behaviour of the ARIA tabs pattern: arrow keys move between them. */
function TabList({ tabs, selected, onSelect }: { tabs: typeof TABS; selected: string; onSelect: (id: string) => void }) {
  const { t } = useWords();
  return (
    <div role="tablist" aria-label={t('popup.calculators')} class="flex flex-wrap gap-1 text-xs">
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`calc-tab-${tab.id}`}
          aria-controls={`calc-panel-${tab.id}`}
          aria-selected={tab.id === selected}
          tabIndex={tab.id === selected ? 0 : -1}
          class={`rounded px-2 py-0.5 ${tab.id === selected ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900' : 'text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-700'}`}
          onClick={() => onSelect(tab.id)}
          onKeyDown={(event) => {
            const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
            if (step === 0) return;
            event.preventDefault();
            const next = tabs[(index + step + tabs.length) % tabs.length]!;
            onSelect(next.id);
            (event.currentTarget.parentElement?.querySelector(`#calc-tab-${next.id}`) as HTMLElement | null)?.focus();
          }}
        >
          {t(tab.label)}
        </button>
      ))}
    </div>
  );
}

/** Enough decimals for the size of the number: 26,316.89 / 1.2345 / 0.00001234. */
export function amountText(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '—';
  const d = new Decimal(value);
  const decimals = d.abs().gte(1000) ? 2 : d.abs().gte(1) ? 4 : 8;
  return formatAmount(d, decimals);
}

/**
 * The popup's calculators; a selected position prefills them (a new key remounts them) and sets how prices are
 * rounded (its tick). Linear or inverse for the contract-only ones (named as the exchange names its markets); the
 * tier-based ones need the linear market's tiers.
 */
export function Calculators({
  prefill,
  markets,
  tiers,
  rules,
}: {
  prefill: Prefill | null;
  /** The exchange's markets: one linear and one inverse name the two kinds of contract. */
  markets: readonly MarketInfo[];
  /** The linear market's tier tables, freshest first. */
  tiers: readonly (TierTables | null)[];
  /** The linear market's order rules by symbol. */
  rules: Record<string, SymbolRules>;
}) {
  const { t, say } = useWords();
  const [market, setMarket] = useState<Contract['type']>(prefill?.contract ?? 'linear');
  const [tab, setTab] = useState('pnl');
  const [liquidationMode, setLiquidationMode] = useState<'cross' | 'isolated'>(prefill?.marginMode ?? 'isolated');
  const kinds = (['linear', 'inverse'] as const).filter((kind) => markets.some((m) => m.contract === kind));
  const labelOf = (kind: Contract['type']) => markets.find((m) => m.contract === kind)?.label ?? kind;
  const [contractSize, setContractSize] = useState(prefill?.contractSize ?? '100');
  const symbol = prefill?.symbol ?? 'BTCUSDT';
  const initial = prefill?.values;
  const side = prefill?.side;
  const key = `${symbol}-${side ?? ''}-${market}-${contractSize}-${liquidationMode}-${JSON.stringify(initial ?? {})}`;
  const contract = contractOf(market, /^\d+(\.\d+)?$/.test(contractSize) && Number(contractSize) > 0 ? contractSize : '100');
  const price = (value: unknown) =>
    prefill && typeof value === 'string' && value !== '' ? formatAmount(new Decimal(value), prefill.priceDecimals) : amountText(value);
  const unit = market === 'linear' ? 'USDT' : t('calc.coin');
  const symbolFields = { name: 'symbol', label: t('calc.symbol') };
  const leverageField = { name: 'leverage', label: t('calc.leverage'), unit: 'x' };
  const entryField = { name: 'entry', label: t('calc.entry') };
  const percentOf = (v: unknown) => formatPercent(new Decimal(String(v)));
  const orderSizeNote = (rule: Parameters<typeof say>[0] | undefined) => (rule ? t('calc.orderSize', { rule: say(rule) }) : null);
  const withSymbol = (values: Record<string, string>) => (values.symbol ?? symbol).trim() || symbol;
  const fee = initial?.feePercent ?? '0.05';
  // The tier-based calculators need the linear market's tiers.
  const shownTabs = TABS.filter((t) => market === 'linear' || !['liquidation', 'max-open', 'risk-size'].includes(t.id));
  const selected = shownTabs.some((t) => t.id === tab) ? tab : 'pnl';
  const panel = (id: string, content: ComponentChildren) => (
    <div role="tabpanel" id={`calc-panel-${id}`} aria-labelledby={`calc-tab-${id}`} hidden={selected !== id}>
      {content}
    </div>
  );
  const crossLiquidation = liquidationMode === 'cross';
  return (
    <div class="space-y-2">
      <fieldset class="flex flex-wrap items-center gap-3 text-xs">
        <legend class="sr-only">{t('calc.contractType')}</legend>
        {kinds.map((kind) => (
          <label key={kind} class="flex items-center gap-1">
            <input type="radio" name="contract-type" checked={market === kind} onChange={() => setMarket(kind)} />
            {labelOf(kind)}
          </label>
        ))}
        {market === 'inverse' && (
          <label class="flex items-center gap-1">
            {t('calc.contractSize')}
            <input
              class="w-16 rounded border border-slate-400 bg-white px-1 font-mono text-slate-900 dark:bg-slate-800 dark:text-slate-100"
              value={contractSize}
              onInput={(e) => setContractSize((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
        )}
      </fieldset>
      <TabList tabs={shownTabs} selected={selected} onSelect={setTab} />
      {market === 'inverse' && (
        <p class="text-xs text-amber-800 dark:text-amber-300">
          {t('calc.inverseNoTiers', { inverse: labelOf('inverse'), linear: labelOf('linear') })}
        </p>
      )}
      <div key={key}>
        {panel(
          'pnl',
          <Calculator
            id="pnl"
            title={t('calc.title.pnl')}
            sided
            initialSide={side}
            initial={
              initial && {
                entry: initial.entry ?? '',
                exit: initial.mark ?? '',
                quantity: initial.quantity ?? '',
                leverage: initial.leverage ?? '',
              }
            }
            fields={[
              entryField,
              { name: 'exit', label: t('calc.exit') },
              { name: 'quantity', label: t(market === 'linear' ? 'calc.quantity' : 'calc.contracts') },
              leverageField,
            ]}
            compute={(s, v) => pnlCalculator(s, contract, v)}
            results={[
              { key: 'initialMargin', label: t('calc.withUnit', { label: t('calc.initialMargin'), unit }), format: amountText },
              { key: 'pnl', label: t('calc.withUnit', { label: t('calc.pnl'), unit }), format: amountText },
              { key: 'roe', label: t('calc.roe'), format: percentOf },
            ]}
          />,
        )}
        {panel(
          'target',
          <Calculator
            id="target"
            title={t('calc.tab.target')}
            sided
            initialSide={side}
            initial={initial && { entry: initial.entry ?? '', leverage: initial.leverage ?? '' }}
            fields={[entryField, { name: 'roe', label: t('calc.targetRoe'), unit: '%' }, leverageField]}
            compute={(s, v) => targetPriceCalculator(s, contract, v)}
            results={[{ key: 'targetPrice', label: t('calc.tab.target'), format: price }]}
          />,
        )}
        {market === 'linear' &&
          panel(
            'liquidation',
            <>
              <fieldset class="mb-1 flex gap-3 text-xs">
                <legend class="sr-only">{t('calc.marginMode')}</legend>
                {(['isolated', 'cross'] as const).map((mode) => (
                  <label key={mode} class="flex items-center gap-1">
                    <input
                      type="radio"
                      name="liquidation-mode"
                      checked={liquidationMode === mode}
                      onChange={() => setLiquidationMode(mode)}
                    />
                    {t(mode === 'cross' ? 'mode.cross' : 'mode.isolated')}
                  </label>
                ))}
              </fieldset>
              <Calculator
                id="liquidation"
                title={t(crossLiquidation ? 'calc.title.liquidationCross' : 'calc.title.liquidationIsolated')}
                sided
                initialSide={side}
                initial={{
                  symbol,
                  ...(initial && {
                    entry: initial.entry ?? '',
                    quantity: initial.quantity ?? '',
                    leverage: initial.leverage ?? '',
                    // An isolated figure is never prefilled from a cross position, nor a cross one from an isolated.
                    wallet: (crossLiquidation ? initial.walletBalance : initial.isolatedMargin) ?? '',
                  }),
                }}
                fields={[
                  symbolFields,
                  entryField,
                  { name: 'quantity', label: t('calc.quantity') },
                  leverageField,
                  crossLiquidation
                    ? { name: 'wallet', label: t('calc.walletBalance'), unit: 'USDT' }
                    : { name: 'wallet', label: t('calc.margin'), unit: 'USDT', optional: true, placeholder: t('calc.initialMarginHint') },
                ]}
                compute={(s, v) => liquidationCalculator(s, withSymbol(v), v, tiers)}
                results={[
                  { key: 'liquidationPrice', label: t('calc.liquidationPrice'), format: price },
                  { key: 'maintMarginRatio', label: t('calc.maintenanceRate'), format: percentOf },
                ]}
                note={() => (crossLiquidation ? t('calc.crossAlone') : null)}
              />
            </>,
          )}
        {market === 'linear' &&
          panel(
            'max-open',
            <Calculator
              id="max-open"
              title={t('calc.tab.maxOpen')}
              sided
              initialSide={side}
              initial={{
                symbol,
                ...(initial && {
                  balance: initial.available ?? '',
                  leverage: initial.leverage ?? '',
                  price: initial.mark ?? '',
                  mark: initial.mark ?? '',
                }),
              }}
              fields={[
                symbolFields,
                { name: 'balance', label: t('calc.available'), unit: 'USDT' },
                leverageField,
                { name: 'price', label: t('calc.orderPrice') },
                { name: 'mark', label: t('calc.markPrice'), optional: true },
              ]}
              compute={(s, v) => maxOpenCalculator(s, withSymbol(v), v, tiers, rules[withSymbol(v).toUpperCase()])}
              results={[
                { key: 'size', label: t('calc.maxSize'), format: amountText },
                {
                  key: 'limitedBy',
                  label: t('calc.limitedBy'),
                  format: (v) => t(v === 'tier' ? 'calc.limitedByTier' : 'calc.limitedByBalance'),
                },
              ]}
              note={(r) => orderSizeNote(r.sizeRule)}
            />,
          )}
        {panel('average-entry', <AverageEntry contract={contract} format={price} />)}
        {market === 'linear' &&
          panel(
            'risk-size',
            <Calculator
              id="risk-size"
              title={t('calc.tab.riskSize')}
              sided
              initialSide={side}
              initial={{
                symbol,
                feePercent: fee,
                ...(initial && { entry: initial.mark ?? '', leverage: initial.leverage ?? '', balance: initial.walletBalance ?? '' }),
              }}
              fields={[
                symbolFields,
                entryField,
                { name: 'stop', label: t('calc.stopPrice') },
                leverageField,
                { name: 'riskAmount', label: t('calc.risk'), unit: 'USDT', optional: true },
                { name: 'riskPercent', label: t('calc.orRisk'), unit: t('calc.ofBalance'), optional: true },
                { name: 'balance', label: t('calc.balance'), unit: 'USDT', optional: true },
                { name: 'feePercent', label: t('calc.feePerSide'), unit: '%' },
              ]}
              compute={(s, v) => riskSizeCalculator(s, withSymbol(v), v, tiers, rules[withSymbol(v).toUpperCase()])}
              results={[
                { key: 'size', label: t('calc.size'), format: amountText },
                { key: 'notional', label: t('calc.notional'), format: amountText },
                { key: 'margin', label: t('calc.margin'), format: amountText },
                { key: 'lossAtStop', label: t('calc.lossAtStop'), format: amountText },
                { key: 'liquidationPrice', label: t('calc.liquidationIsolated'), format: price },
              ]}
              note={(r) =>
                [orderSizeNote(r.sizeRule), r.stopBeforeLiquidation ? null : t('calc.stopNeverFires')].filter(Boolean).join(' ') || null
              }
            />,
          )}
        {panel(
          'funding',
          <Calculator
            id="funding"
            title={t('calc.tab.funding')}
            sided
            initialSide={side}
            initial={{
              intervals: '3',
              ...(initial && { size: initial.quantity ?? '', mark: initial.mark ?? '', ratePercent: initial.fundingRatePercent ?? '' }),
            }}
            fields={[
              { name: 'size', label: t(market === 'linear' ? 'calc.size' : 'calc.contracts') },
              { name: 'mark', label: t('calc.markPrice') },
              { name: 'ratePercent', label: t('calc.fundingRate'), unit: '%' },
              { name: 'intervals', label: t('calc.intervals') },
            ]}
            compute={(s, v) => fundingCalculator(s, contract, v)}
            results={[{ key: 'cost', label: t('calc.fundingYouPay', { unit }), format: amountText }]}
          />,
        )}
        {panel(
          'break-even',
          <Calculator
            id="break-even"
            title={t('calc.title.breakEven')}
            sided
            initialSide={side}
            initial={{ openFeePercent: fee, closeFeePercent: fee, ...(initial && { entry: initial.entry ?? '' }) }}
            fields={[
              entryField,
              { name: 'openFeePercent', label: t('calc.openFee'), unit: '%' },
              { name: 'closeFeePercent', label: t('calc.closeFee'), unit: '%' },
            ]}
            compute={(s, v) => breakEvenCalculator(s, contract, v)}
            results={[{ key: 'breakEven', label: t('calc.breakEvenPrice'), format: price }]}
          />,
        )}
      </div>
    </div>
  );
}

/** Open price: the average entry of up to four fills. */
function AverageEntry({ contract, format }: { contract: Contract; format: (value: unknown) => string }) {
  const { t } = useWords();
  const rows = [0, 1, 2, 3];
  return (
    <Calculator
      id="average-entry"
      title={t('calc.title.averageEntry')}
      fields={rows.flatMap((i) => [
        { name: `price${i}`, label: t('calc.fillPrice', { n: i + 1 }), optional: i > 1 },
        { name: `quantity${i}`, label: t('calc.fillQuantity', { n: i + 1 }), optional: i > 1 },
      ])}
      compute={(_, v) =>
        averageEntryCalculator(
          contract,
          rows
            .filter((i) => i < 2 || (v[`price${i}`] ?? '') !== '' || (v[`quantity${i}`] ?? '') !== '')
            .map((i) => ({ price: v[`price${i}`] ?? '', quantity: v[`quantity${i}`] ?? '' })),
        )
      }
      results={[
        { key: 'averageEntry', label: t('calc.averageEntry'), format },
        { key: 'totalQuantity', label: t('calc.totalQuantity'), format: amountText },
      ]}
    />
  );
}
