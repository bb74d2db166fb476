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
const TABS: { id: string; label: string }[] = [
  { id: 'pnl', label: 'PnL' },
  { id: 'target', label: 'Target price' },
  { id: 'liquidation', label: 'Liquidation price' },
  { id: 'max-open', label: 'Max open' },
  { id: 'average-entry', label: 'Open price' },
  { id: 'risk-size', label: 'Size for a risk' },
  { id: 'funding', label: 'Funding cost' },
  { id: 'break-even', label: 'Break-even' },
];

/** Tabs with the keyboard behaviour of the ARIA tabs pattern: arrow keys move between them. */
function TabList({ tabs, selected, onSelect }: { tabs: typeof TABS; selected: string; onSelect: (id: string) => void }) {
  return (
    <div role="tablist" aria-label="Calculators" class="flex flex-wrap gap-1 text-xs">
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
          {tab.label}
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
  const unit = market === 'linear' ? 'USDT' : 'coin';
  const symbolFields = { name: 'symbol', label: 'Symbol' };
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
        <legend class="sr-only">Contract type</legend>
        {kinds.map((kind) => (
          <label key={kind} class="flex items-center gap-1">
            <input type="radio" name="contract-type" checked={market === kind} onChange={() => setMarket(kind)} />
            {labelOf(kind)}
          </label>
        ))}
        {market === 'inverse' && (
          <label class="flex items-center gap-1">
            Contract size (USD)
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
          {labelOf('inverse')} maintenance tiers are not shipped yet: liquidation, max open and size for a risk are {labelOf('linear')}{' '}
          only.
        </p>
      )}
      <div key={key}>
        {panel(
          'pnl',
          <Calculator
            id="pnl"
            title="PnL and ROE"
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
              { name: 'entry', label: 'Entry price' },
              { name: 'exit', label: 'Exit price' },
              { name: 'quantity', label: market === 'linear' ? 'Quantity' : 'Contracts' },
              { name: 'leverage', label: 'Leverage', unit: 'x' },
            ]}
            compute={(s, v) => pnlCalculator(s, contract, v)}
            results={[
              { key: 'initialMargin', label: `Initial margin (${unit})`, format: amountText },
              { key: 'pnl', label: `PnL (${unit})`, format: amountText },
              { key: 'roe', label: 'ROE', format: (v) => formatPercent(new Decimal(String(v))) },
            ]}
          />,
        )}
        {panel(
          'target',
          <Calculator
            id="target"
            title="Target price"
            sided
            initialSide={side}
            initial={initial && { entry: initial.entry ?? '', leverage: initial.leverage ?? '' }}
            fields={[
              { name: 'entry', label: 'Entry price' },
              { name: 'roe', label: 'Target ROE', unit: '%' },
              { name: 'leverage', label: 'Leverage', unit: 'x' },
            ]}
            compute={(s, v) => targetPriceCalculator(s, contract, v)}
            results={[{ key: 'targetPrice', label: 'Target price', format: price }]}
          />,
        )}
        {market === 'linear' &&
          panel(
            'liquidation',
            <>
              <fieldset class="mb-1 flex gap-3 text-xs">
                <legend class="sr-only">Margin mode</legend>
                {(['isolated', 'cross'] as const).map((mode) => (
                  <label key={mode} class="flex items-center gap-1">
                    <input
                      type="radio"
                      name="liquidation-mode"
                      checked={liquidationMode === mode}
                      onChange={() => setLiquidationMode(mode)}
                    />
                    {mode === 'cross' ? 'Cross' : 'Isolated'}
                  </label>
                ))}
              </fieldset>
              <Calculator
                id="liquidation"
                title={crossLiquidation ? 'Liquidation price (cross, this position alone)' : 'Liquidation price (isolated)'}
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
                  { name: 'entry', label: 'Entry price' },
                  { name: 'quantity', label: 'Quantity' },
                  { name: 'leverage', label: 'Leverage', unit: 'x' },
                  crossLiquidation
                    ? { name: 'wallet', label: 'Wallet balance', unit: 'USDT' }
                    : { name: 'wallet', label: 'Margin', unit: 'USDT', optional: true, placeholder: 'initial margin' },
                ]}
                compute={(s, v) => liquidationCalculator(s, withSymbol(v), v, tiers)}
                results={[
                  { key: 'liquidationPrice', label: 'Liquidation price', format: price },
                  {
                    key: 'maintMarginRatio',
                    label: 'Maintenance rate at that price',
                    format: (v) => formatPercent(new Decimal(String(v))),
                  },
                ]}
                note={() =>
                  crossLiquidation
                    ? "As if it were the account's only cross position: with others, LiqGuard's own figure above counts them all."
                    : null
                }
              />
            </>,
          )}
        {market === 'linear' &&
          panel(
            'max-open',
            <Calculator
              id="max-open"
              title="Max open"
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
                { name: 'balance', label: 'Avbl', unit: 'USDT' },
                { name: 'leverage', label: 'Leverage', unit: 'x' },
                { name: 'price', label: 'Order price' },
                { name: 'mark', label: 'Mark price', optional: true },
              ]}
              compute={(s, v) => maxOpenCalculator(s, withSymbol(v), v, tiers, rules[withSymbol(v).toUpperCase()])}
              results={[
                { key: 'size', label: 'Max size', format: amountText },
                { key: 'limitedBy', label: 'Limited by', format: (v) => (v === 'tier' ? 'tier cap for this leverage' : 'balance') },
              ]}
              note={(r) => (r.sizeRule ? `Order size: ${r.sizeRule}.` : null)}
            />,
          )}
        {panel('average-entry', <AverageEntry contract={contract} format={price} />)}
        {market === 'linear' &&
          panel(
            'risk-size',
            <Calculator
              id="risk-size"
              title="Size for a risk"
              sided
              initialSide={side}
              initial={{
                symbol,
                feePercent: fee,
                ...(initial && { entry: initial.mark ?? '', leverage: initial.leverage ?? '', balance: initial.walletBalance ?? '' }),
              }}
              fields={[
                symbolFields,
                { name: 'entry', label: 'Entry price' },
                { name: 'stop', label: 'Stop price' },
                { name: 'leverage', label: 'Leverage', unit: 'x' },
                { name: 'riskAmount', label: 'Risk', unit: 'USDT', optional: true },
                { name: 'riskPercent', label: 'or risk', unit: '% of balance', optional: true },
                { name: 'balance', label: 'Balance', unit: 'USDT', optional: true },
                { name: 'feePercent', label: 'Fee per side', unit: '%' },
              ]}
              compute={(s, v) => riskSizeCalculator(s, withSymbol(v), v, tiers, rules[withSymbol(v).toUpperCase()])}
              results={[
                { key: 'size', label: 'Size', format: amountText },
                { key: 'notional', label: 'Notional', format: amountText },
                { key: 'margin', label: 'Margin', format: amountText },
                { key: 'lossAtStop', label: 'Loss at the stop, with fees', format: amountText },
                { key: 'liquidationPrice', label: 'Liquidation (isolated)', format: price },
              ]}
              note={(r) =>
                [
                  r.sizeRule ? `Order size: ${r.sizeRule}.` : null,
                  r.stopBeforeLiquidation
                    ? null
                    : 'The stop lies at or beyond liquidation: it would never fire. Lower the leverage or move the stop.',
                ]
                  .filter(Boolean)
                  .join(' ') || null
              }
            />,
          )}
        {panel(
          'funding',
          <Calculator
            id="funding"
            title="Funding cost"
            sided
            initialSide={side}
            initial={{
              intervals: '3',
              ...(initial && { size: initial.quantity ?? '', mark: initial.mark ?? '', ratePercent: initial.fundingRatePercent ?? '' }),
            }}
            fields={[
              { name: 'size', label: market === 'linear' ? 'Size' : 'Contracts' },
              { name: 'mark', label: 'Mark price' },
              { name: 'ratePercent', label: 'Funding rate', unit: '%' },
              { name: 'intervals', label: 'Intervals' },
            ]}
            compute={(s, v) => fundingCalculator(s, contract, v)}
            results={[{ key: 'cost', label: `You pay, ${unit} (negative: receive)`, format: amountText }]}
          />,
        )}
        {panel(
          'break-even',
          <Calculator
            id="break-even"
            title="Break-even with fees"
            sided
            initialSide={side}
            initial={{ openFeePercent: fee, closeFeePercent: fee, ...(initial && { entry: initial.entry ?? '' }) }}
            fields={[
              { name: 'entry', label: 'Entry price' },
              { name: 'openFeePercent', label: 'Open fee', unit: '%' },
              { name: 'closeFeePercent', label: 'Close fee', unit: '%' },
            ]}
            compute={(s, v) => breakEvenCalculator(s, contract, v)}
            results={[{ key: 'breakEven', label: 'Break-even price', format: price }]}
          />,
        )}
      </div>
    </div>
  );
}

/** Open price: the average entry of up to four fills. */
function AverageEntry({ contract, format }: { contract: Contract; format: (value: unknown) => string }) {
  const rows = [0, 1, 2, 3];
  return (
    <Calculator
      id="average-entry"
      title="Open price (average entry)"
      fields={rows.flatMap((i) => [
        { name: `price${i}`, label: `Fill ${i + 1} price`, optional: i > 1 },
        { name: `quantity${i}`, label: `Fill ${i + 1} quantity`, optional: i > 1 },
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
        { key: 'averageEntry', label: 'Average entry', format },
        { key: 'totalQuantity', label: 'Total quantity', format: amountText },
      ]}
    />
  );
}
