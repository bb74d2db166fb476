import { useId, useState } from 'preact/hooks';

import type { Outcome } from '@/lib/forms/calculators';
import type { Side } from '@/lib/risk';

import { useWords } from '../words';

export interface FieldSpec {
  name: string;
  label: string;
  /** Shown after the input, e.g. "USDT". */
  unit?: string;
  optional?: boolean;
  placeholder?: string;
}

export interface ResultSpec<R> {
  key: keyof R & string;
  label: string;
  format: (value: R[keyof R], result: R) => string;
}

export interface CalculatorProps<R> {
  id: string;
  title: string;
  fields: FieldSpec[];
  /** Whether the calculator asks long or short. */
  sided?: boolean;
  compute: (side: Side, values: Record<string, string>) => Outcome<R>;
  results: ResultSpec<R>[];
  /** Values to start from (a prefill from the selected position). */
  initial?: Record<string, string>;
  initialSide?: Side;
  /** Shown under the results when present (e.g. a warning), in the page's words. */
  note?: (result: R) => string | null;
}

/** A field's label with its unit, and whether it may stay empty. */
function labelOf(field: FieldSpec, t: ReturnType<typeof useWords>['t']): string {
  const label = field.unit ? t('calc.withUnit', { label: field.label, unit: field.unit }) : field.label;
  return field.optional ? t('calc.optional', { label }) : label;
}

/** One calculator: labelled fields, live results with copy buttons, an inline error per bad field. */
export function Calculator<R>(props: CalculatorProps<R>) {
  const { t, say } = useWords();
  const uid = useId();
  const [values, setValues] = useState<Record<string, string>>(props.initial ?? {});
  // A field shows its error once it holds something (typed or prefilled): empty fields of a fresh form stay quiet.
  const [touched, setTouched] = useState<Set<string>>(
    () =>
      new Set(
        Object.entries(props.initial ?? {})
          .filter(([, v]) => v !== '')
          .map(([k]) => k),
      ),
  );
  const [side, setSide] = useState<Side>(props.initialSide ?? 'long');
  const [copied, setCopied] = useState<string | null>(null);
  const outcome = props.compute(side, values);

  const update = (name: string, value: string) => {
    setValues({ ...values, [name]: value });
    setTouched(new Set([...touched, name]));
  };

  return (
    <section
      data-testid={`calc-${props.id}`}
      aria-labelledby={`${uid}-title`}
      class="rounded border border-slate-300 p-2 dark:border-slate-700"
    >
      <h2 id={`${uid}-title`} class="mb-1 text-sm font-semibold">
        {props.title}
      </h2>
      {props.sided && (
        <fieldset class="mb-1 flex gap-3 text-xs">
          <legend class="sr-only">{t('calc.side')}</legend>
          {(['long', 'short'] as const).map((s) => (
            <label key={s} class="flex items-center gap-1">
              <input type="radio" name={`${uid}-side`} value={s} checked={side === s} onChange={() => setSide(s)} />
              {t(s === 'long' ? 'side.long' : 'side.short')}
            </label>
          ))}
        </fieldset>
      )}
      <div class="grid grid-cols-2 gap-x-2 gap-y-1">
        {props.fields.map((field) => {
          const error = !outcome.ok && touched.has(field.name) ? outcome.errors[field.name] : undefined;
          const inputId = `${uid}-${field.name}`;
          return (
            <div key={field.name} class="flex flex-col text-xs">
              <label for={inputId}>{labelOf(field, t)}</label>
              <input
                id={inputId}
                name={field.name}
                inputMode="decimal"
                autoComplete="off"
                placeholder={field.placeholder}
                value={values[field.name] ?? ''}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${inputId}-error` : undefined}
                class={`rounded border bg-white px-1 py-0.5 font-mono text-slate-900 dark:bg-slate-800 dark:text-slate-100 ${error ? 'border-red-500' : 'border-slate-400'}`}
                onInput={(event) => update(field.name, (event.currentTarget as HTMLInputElement).value)}
              />
              {error && (
                <span id={`${inputId}-error`} role="alert" class="text-red-700 dark:text-red-300">
                  {say(error)}
                </span>
              )}
            </div>
          );
        })}
      </div>
      {outcome.ok && (
        <dl class="mt-2 grid grid-cols-[1fr_auto_auto] items-center gap-x-2 text-xs" data-testid="calc-results">
          {props.results.map((spec) => {
            const text = spec.format(outcome.result[spec.key], outcome.result);
            return [
              <dt key={`${spec.key}-t`}>{spec.label}</dt>,
              <dd key={`${spec.key}-d`} class="text-right font-mono" data-result={spec.key}>
                <output>{text}</output>
              </dd>,
              <dd key={`${spec.key}-c`}>
                <button
                  type="button"
                  class="rounded px-1 text-slate-600 dark:text-slate-300 hover:bg-slate-200 dark:hover:bg-slate-700"
                  aria-label={t('calc.copyWhat', { label: spec.label })}
                  onClick={() => {
                    void navigator.clipboard?.writeText(text.replace(/[^\d.-]/g, '')).then(() => setCopied(spec.key));
                  }}
                >
                  {t(copied === spec.key ? 'calc.copied' : 'calc.copy')}
                </button>
              </dd>,
            ];
          })}
        </dl>
      )}
      {outcome.ok && props.note?.(outcome.result) && (
        <p role="alert" class="mt-1 text-xs text-amber-800 dark:text-amber-300">
          {props.note(outcome.result)}
        </p>
      )}
    </section>
  );
}
