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
} from '@/lib/calculators';
import { Decimal } from '@/lib/decimal';
import type { TierTables } from '@/lib/exchanges/binance/tiers';
import { formatAmount, formatPercent, type Side } from '@/lib/risk';

import { Calculator } from './Calculator';

/** What a selected position prefills: field name → text. */
export interface Prefill {
  symbol: string;
  side: Side;
  values: Record<string, string>;
}

/** Enough decimals for the size of the number: 26,316.89 / 1.2345 / 0.00001234. */
export function amountText(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '—';
  const d = new Decimal(value);
  const decimals = d.abs().gte(1000) ? 2 : d.abs().gte(1) ? 4 : 8;
  return formatAmount(d, decimals);
}

const linear = contractOf('usdm', undefined);

/** The popup's calculators, for USDⓈ-M symbols; a selected position prefills them (key changes remount them). */
export function Calculators({ prefill, tiers }: { prefill: Prefill | null; tiers: TierTables | null }) {
  const symbol = prefill?.symbol ?? 'BTCUSDT';
  const initial = prefill?.values;
  const side = prefill?.side;
  const key = `${symbol}-${side ?? ''}-${JSON.stringify(initial ?? {})}`;
  const symbolFields = { name: 'symbol', label: 'Symbol' };
  const withSymbol = (values: Record<string, string>) => (values.symbol ?? symbol).trim() || symbol;
  return (
    <div class="space-y-2" key={key}>
      <Calculator
        id="pnl"
        title="PnL and ROE"
        sided
        initialSide={side}
        initial={initial && { entry: initial.entry ?? '', exit: initial.mark ?? '', quantity: initial.quantity ?? '', leverage: initial.leverage ?? '' }}
        fields={[
          { name: 'entry', label: 'Entry price' },
          { name: 'exit', label: 'Exit price' },
          { name: 'quantity', label: 'Quantity' },
          { name: 'leverage', label: 'Leverage', unit: 'x' },
        ]}
        compute={(s, v) => pnlCalculator(s, linear, v)}
        results={[
          { key: 'initialMargin', label: 'Initial margin', format: amountText },
          { key: 'pnl', label: 'PnL', format: amountText },
          { key: 'roe', label: 'ROE', format: (v) => formatPercent(new Decimal(String(v))) },
        ]}
      />
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
        compute={(s, v) => targetPriceCalculator(s, linear, v)}
        results={[{ key: 'targetPrice', label: 'Target price', format: amountText }]}
      />
      <Calculator
        id="liquidation"
        title="Liquidation price (isolated)"
        sided
        initialSide={side}
        initial={{ symbol, ...(initial && { entry: initial.entry ?? '', quantity: initial.quantity ?? '', leverage: initial.leverage ?? '', wallet: initial.wallet ?? '' }) }}
        fields={[
          symbolFields,
          { name: 'entry', label: 'Entry price' },
          { name: 'quantity', label: 'Quantity' },
          { name: 'leverage', label: 'Leverage', unit: 'x' },
          { name: 'wallet', label: 'Margin', unit: 'USDT', optional: true, placeholder: 'initial margin' },
        ]}
        compute={(s, v) => liquidationCalculator(s, withSymbol(v), v, tiers)}
        results={[
          { key: 'liquidationPrice', label: 'Liquidation price', format: amountText },
          { key: 'maintMarginRatio', label: 'Maintenance rate at that price', format: (v) => formatPercent(new Decimal(String(v))) },
        ]}
      />
      <Calculator
        id="max-open"
        title="Max open"
        sided
        initialSide={side}
        initial={{ symbol, ...(initial && { balance: initial.balance ?? '', leverage: initial.leverage ?? '', price: initial.mark ?? '', mark: initial.mark ?? '' }) }}
        fields={[
          symbolFields,
          { name: 'balance', label: 'Available balance', unit: 'USDT' },
          { name: 'leverage', label: 'Leverage', unit: 'x' },
          { name: 'price', label: 'Order price' },
          { name: 'mark', label: 'Mark price', optional: true },
        ]}
        compute={(s, v) => maxOpenCalculator(s, withSymbol(v), v, tiers)}
        results={[
          { key: 'size', label: 'Max size', format: amountText },
          { key: 'limitedBy', label: 'Limited by', format: (v) => (v === 'tier' ? 'tier cap for this leverage' : 'balance') },
        ]}
      />
      <AverageEntry />
      <Calculator
        id="risk-size"
        title="Size for a risk"
        sided
        initialSide={side}
        initial={{ symbol, feePercent: '0.05', ...(initial && { entry: initial.mark ?? '', leverage: initial.leverage ?? '', balance: initial.balance ?? '' }) }}
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
        compute={(s, v) => riskSizeCalculator(s, withSymbol(v), v, tiers)}
        results={[
          { key: 'size', label: 'Size', format: amountText },
          { key: 'notional', label: 'Notional', format: amountText },
          { key: 'margin', label: 'Margin', format: amountText },
          { key: 'lossAtStop', label: 'Loss at the stop, with fees', format: amountText },
          { key: 'liquidationPrice', label: 'Liquidation (isolated)', format: amountText },
        ]}
        note={(r) => (r.stopBeforeLiquidation ? null : 'The stop lies at or beyond liquidation: it would never fire. Lower the leverage or move the stop.')}
      />
      <Calculator
        id="funding"
        title="Funding cost"
        sided
        initialSide={side}
        initial={{ intervals: '3', ...(initial && { size: initial.quantity ?? '', mark: initial.mark ?? '' }) }}
        fields={[
          { name: 'size', label: 'Size' },
          { name: 'mark', label: 'Mark price' },
          { name: 'ratePercent', label: 'Funding rate', unit: '%' },
          { name: 'intervals', label: 'Intervals' },
        ]}
        compute={(s, v) => fundingCalculator(s, linear, v)}
        results={[{ key: 'cost', label: 'You pay (negative: receive)', format: amountText }]}
      />
      <Calculator
        id="break-even"
        title="Break-even with fees"
        sided
        initialSide={side}
        initial={{ openFeePercent: '0.05', closeFeePercent: '0.05', ...(initial && { entry: initial.entry ?? '' }) }}
        fields={[
          { name: 'entry', label: 'Entry price' },
          { name: 'openFeePercent', label: 'Open fee', unit: '%' },
          { name: 'closeFeePercent', label: 'Close fee', unit: '%' },
        ]}
        compute={(s, v) => breakEvenCalculator(s, linear, v)}
        results={[{ key: 'breakEven', label: 'Break-even price', format: amountText }]}
      />
    </div>
  );
}

/** Open price: the average entry of up to four fills. */
function AverageEntry() {
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
          linear,
          rows.filter((i) => i < 2 || (v[`price${i}`] ?? '') !== '' || (v[`quantity${i}`] ?? '') !== '').map((i) => ({ price: v[`price${i}`] ?? '', quantity: v[`quantity${i}`] ?? '' })),
        )
      }
      results={[
        { key: 'averageEntry', label: 'Average entry', format: amountText },
        { key: 'totalQuantity', label: 'Total quantity', format: amountText },
      ]}
    />
  );
}
