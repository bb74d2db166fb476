import { useEffect, useState } from 'preact/hooks';

import { DEFAULT_SETTINGS, parseSettings, type AlertRules, type Settings } from '@/lib/model/settings';
import { formTextOf, settingsFromForm, type FormText } from '@/lib/forms/settingsForm';
import { storedSettings } from '@/lib/protocol/storage';

const TEXT_FIELDS: { name: keyof FormText; label: string; unit: string }[] = [
  { name: 'warningDistance', label: 'Warning when liquidation is within', unit: '% of the mark price' },
  { name: 'dangerDistance', label: 'Danger when liquidation is within', unit: '% of the mark price' },
  { name: 'warningMarginRatio', label: 'Warning when the margin ratio reaches', unit: '%' },
  { name: 'dangerMarginRatio', label: 'Danger when the margin ratio reaches', unit: '%' },
  { name: 'rearmFraction', label: 'Re-arm an alert after recovering past its threshold by', unit: '% of the threshold' },
  { name: 'cooldownMinutes', label: 'Repeat the same alert at most every', unit: 'minutes' },
  { name: 'takerFee', label: 'Your taker fee, for break-even with fees', unit: '%' },
];

const RULES: { key: keyof AlertRules; label: string }[] = [
  { key: 'distance', label: 'Distance to liquidation' },
  { key: 'stop', label: 'A stop-loss at or beyond liquidation (it would never fire)' },
  { key: 'marginRatio', label: 'Account margin ratio' },
  { key: 'mismatch', label: "Page's liquidation price differs from LiqGuard's" },
  { key: 'unreadable', label: 'A position can no longer be read' },
];

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [text, setText] = useState<FormText>(formTextOf(DEFAULT_SETTINGS));
  const [errors, setErrors] = useState<Partial<Record<keyof FormText, string>>>({});
  const [status, setStatus] = useState<string>('');

  useEffect(() => {
    void storedSettings.getValue().then((raw) => {
      const { settings: loaded, problems } = parseSettings(raw);
      setSettings(loaded);
      setText(formTextOf(loaded));
      if (problems.length > 0) setStatus(`Some stored settings were invalid and were reset: ${problems.join('; ')}`);
    });
  }, []);

  if (!settings) return <main class="p-6 font-sans">Loading…</main>;
  const setFlag = (change: Partial<Settings>) => setSettings({ ...settings, ...change });

  return (
    <main class="mx-auto max-w-xl p-6 font-sans text-slate-900 dark:text-slate-100">
      <h1 class="text-xl font-semibold">LiqGuard options</h1>
      <form
        class="mt-4 space-y-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const outcome = settingsFromForm(text, settings);
          if (!outcome.ok) {
            setErrors(outcome.errors);
            setStatus('Not saved: fix the fields marked in red.');
            return;
          }
          setErrors({});
          void storedSettings.setValue(outcome.settings).then(() => setStatus('Saved. Open futures pages use the new settings now.'));
        }}
      >
        <fieldset class="space-y-2">
          <legend class="font-semibold">Thresholds</legend>
          {TEXT_FIELDS.map((field) => (
            <div key={field.name} class="flex flex-col">
              <label for={field.name}>
                {field.label} ({field.unit})
              </label>
              <input
                id={field.name}
                name={field.name}
                inputMode="decimal"
                value={text[field.name]}
                aria-invalid={errors[field.name] ? true : undefined}
                aria-describedby={errors[field.name] ? `${field.name}-error` : undefined}
                class={`w-40 rounded border bg-white px-2 py-1 font-mono text-slate-900 dark:bg-slate-800 dark:text-slate-100 ${errors[field.name] ? 'border-red-600' : 'border-slate-400'}`}
                onInput={(e) => setText({ ...text, [field.name]: (e.currentTarget as HTMLInputElement).value })}
              />
              {errors[field.name] && (
                <span id={`${field.name}-error`} role="alert" class="text-sm text-red-700 dark:text-red-300">
                  {errors[field.name]}
                </span>
              )}
            </div>
          ))}
        </fieldset>
        <fieldset class="space-y-1">
          <legend class="font-semibold">Alerts</legend>
          {RULES.map((rule) => (
            <label key={rule.key} class="flex items-center gap-2">
              <input
                type="checkbox"
                checked={settings.rules[rule.key]}
                onChange={(e) => setFlag({ rules: { ...settings.rules, [rule.key]: (e.currentTarget as HTMLInputElement).checked } })}
              />
              {rule.label}
            </label>
          ))}
          <label class="flex items-center gap-2">
            <input
              type="checkbox"
              checked={settings.notificationSound}
              onChange={(e) => setFlag({ notificationSound: (e.currentTarget as HTMLInputElement).checked })}
            />
            Notifications make a sound
          </label>
          <label class="flex items-center gap-2">
            <input
              type="checkbox"
              checked={settings.streamWhenHidden}
              onChange={(e) => setFlag({ streamWhenHidden: (e.currentTarget as HTMLInputElement).checked })}
            />
            While a futures tab is hidden, follow the exchange's public mark prices
          </label>
        </fieldset>
        <fieldset class="space-y-1">
          <legend class="font-semibold">Overlay</legend>
          <label class="flex items-center gap-2">
            <input
              type="checkbox"
              checked={settings.overlay.enabled}
              onChange={(e) => setFlag({ overlay: { ...settings.overlay, enabled: (e.currentTarget as HTMLInputElement).checked } })}
            />
            Show the overlay on futures pages
          </label>
          <label class="flex items-center gap-2">
            Prices shown with
            <select
              aria-label="Decimal places for prices"
              value={settings.displayDecimals === null ? 'page' : String(settings.displayDecimals)}
              onChange={(e) => {
                const value = (e.currentTarget as HTMLSelectElement).value;
                setFlag({ displayDecimals: value === 'page' ? null : Number(value) });
              }}
            >
              <option value="page">the page's decimals</option>
              {[0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
                <option key={n} value={String(n)}>
                  {n} decimals
                </option>
              ))}
            </select>
          </label>
          <label class="flex items-center gap-2">
            <input
              type="checkbox"
              checked={settings.overlay.compact}
              onChange={(e) => setFlag({ overlay: { ...settings.overlay, compact: (e.currentTarget as HTMLInputElement).checked } })}
            />
            Compact: one line per position
          </label>
        </fieldset>
        <button type="submit" class="rounded bg-slate-900 px-4 py-1 text-white dark:bg-slate-100 dark:text-slate-900">
          Save
        </button>
        <p data-testid="options-status" role="status" class="text-sm">
          {status}
        </p>
      </form>
    </main>
  );
}
