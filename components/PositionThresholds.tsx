import { useState } from 'preact/hooks';

import type { UiPhrase } from '@/lib/core/i18n/ui';
import { percentText, thresholdsFromForm } from '@/lib/forms/settingsForm';
import type { DistanceThresholds } from '@/lib/model/settings';

import { useWords } from './words';

type Field = 'warningDistance' | 'dangerDistance';

/**
 * A position's own alert thresholds (a 3x hedge and a 50x scalp need different ones): saved for this position, or
 * back to the defaults of the options.
 */
export function PositionThresholds({
  own,
  defaults,
  onSave,
}: {
  own: DistanceThresholds | null;
  defaults: DistanceThresholds;
  /** Saves the position's thresholds (null: the defaults again). */
  onSave: (thresholds: DistanceThresholds | null) => Promise<void>;
}) {
  const { t, say } = useWords();
  const shown = own ?? defaults;
  const [text, setText] = useState({
    warningDistance: percentText(shown.warningDistance),
    dangerDistance: percentText(shown.dangerDistance),
  });
  const [errors, setErrors] = useState<Partial<Record<Field, UiPhrase>>>({});
  const [status, setStatus] = useState<UiPhrase | null>(null);
  const field = (name: Field, label: 'thresholds.warning' | 'thresholds.danger') => (
    <label class="flex items-center gap-1">
      {t(label)}
      <input
        name={name}
        value={text[name]}
        inputMode="decimal"
        aria-invalid={errors[name] ? true : undefined}
        class="w-14 rounded border border-slate-400 bg-white px-1 font-mono text-slate-900 dark:bg-slate-800 dark:text-slate-100"
        onInput={(e) => setText({ ...text, [name]: (e.currentTarget as HTMLInputElement).value })}
      />
      {errors[name] && (
        <span role="alert" class="text-red-700 dark:text-red-300">
          {say(errors[name]!)}
        </span>
      )}
    </label>
  );
  return (
    <details data-testid="position-thresholds">
      <summary class="cursor-pointer font-semibold">{t('thresholds.title')}</summary>
      <div class="mt-1 flex flex-wrap items-center gap-2">
        {field('warningDistance', 'thresholds.warning')}
        {field('dangerDistance', 'thresholds.danger')}
        <button
          type="button"
          class="rounded border border-slate-400 px-2"
          onClick={() => {
            const outcome = thresholdsFromForm(text);
            setErrors(outcome.ok ? {} : outcome.errors);
            if (outcome.ok) void onSave(outcome.thresholds).then(() => setStatus({ key: 'thresholds.saved' }));
          }}
        >
          {t('thresholds.save')}
        </button>
        <button
          type="button"
          class="rounded border border-slate-400 px-2"
          onClick={() => {
            setText({ warningDistance: percentText(defaults.warningDistance), dangerDistance: percentText(defaults.dangerDistance) });
            setErrors({});
            void onSave(null).then(() => setStatus({ key: 'thresholds.reset' }));
          }}
        >
          {t('thresholds.useDefaults')}
        </button>
      </div>
      <p role="status" class="text-slate-600 dark:text-slate-300">
        {status
          ? say(status)
          : own
            ? t('thresholds.own')
            : t('thresholds.defaults', {
                warning: `${percentText(defaults.warningDistance)}%`,
                danger: `${percentText(defaults.dangerDistance)}%`,
              })}
      </p>
    </details>
  );
}
