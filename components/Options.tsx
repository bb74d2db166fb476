import { useEffect, useState } from 'preact/hooks';

import { DEFAULT_SETTINGS, parseSettings, type AlertRules, type Settings } from '@/lib/model/settings';
import { formTextOf, settingsFromForm, type FormText } from '@/lib/forms/settingsForm';
import type { UiPhrase } from '@/lib/core/i18n/ui';
import { storedSettings } from '@/lib/protocol/storage';
import { ALERT_SOUNDS, playsItself, type AlertSound, type SOUND_TONES } from '@/lib/model/sounds';

import { playSound } from './playSound';
import { useWords } from './words';

/** Each threshold's field, labelled (an options key) in its unit. */
const TEXT_FIELDS: { name: keyof FormText; unit: UiPhrase['key'] }[] = [
  { name: 'warningDistance', unit: 'options.unitOfMark' },
  { name: 'dangerDistance', unit: 'options.unitOfMark' },
  { name: 'warningMarginRatio', unit: 'options.percent' },
  { name: 'dangerMarginRatio', unit: 'options.percent' },
  { name: 'rearmFraction', unit: 'options.unitOfThreshold' },
  { name: 'cooldownMinutes', unit: 'options.unitMinutes' },
  { name: 'takerFee', unit: 'options.percent' },
];

const RULES: (keyof AlertRules)[] = ['distance', 'stop', 'marginRatio', 'mismatch', 'unreadable'];

/** Plays the chosen sound, busy while it plays (a second press waits for the first). */
function PlayButton({ sound, onFailed }: { sound: keyof typeof SOUND_TONES; onFailed: () => void }) {
  const { t } = useWords();
  const [playing, setPlaying] = useState(false);
  return (
    <button
      type="button"
      class="rounded border border-slate-400 px-2"
      aria-busy={playing}
      disabled={playing}
      onClick={() => {
        setPlaying(true);
        playSound(sound)
          .catch(onFailed)
          .finally(() => setPlaying(false));
      }}
    >
      {t('options.soundPlay')}
    </button>
  );
}

export function Options() {
  const { t, say } = useWords();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [text, setText] = useState<FormText>(formTextOf(DEFAULT_SETTINGS));
  const [errors, setErrors] = useState<Partial<Record<keyof FormText, UiPhrase>>>({});
  const [status, setStatus] = useState<UiPhrase | null>(null);

  useEffect(() => {
    void storedSettings.getValue().then((raw) => {
      const { settings: loaded, problems } = parseSettings(raw);
      setSettings(loaded);
      setText(formTextOf(loaded));
      if (problems.length > 0) setStatus({ key: 'options.reset', params: { problems: problems.join('; ') } });
    });
  }, []);

  if (!settings) return <main class="p-6 font-sans">{t('options.loading')}</main>;
  const setFlag = (change: Partial<Settings>) => setSettings({ ...settings, ...change });

  return (
    <main class="mx-auto max-w-xl p-6 font-sans text-slate-900 dark:text-slate-100">
      <h1 class="text-xl font-semibold">{t('options.title')}</h1>
      <form
        class="mt-4 space-y-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const outcome = settingsFromForm(text, settings);
          if (!outcome.ok) {
            setErrors(outcome.errors);
            setStatus({ key: 'options.notSaved' });
            return;
          }
          setErrors({});
          void storedSettings.setValue(outcome.settings).then(() => setStatus({ key: 'options.saved' }));
        }}
      >
        <fieldset class="space-y-2">
          <legend class="font-semibold">{t('options.thresholds')}</legend>
          {TEXT_FIELDS.map((field) => (
            <div key={field.name} class="flex flex-col">
              <label for={field.name}>{t('options.withUnit', { label: t(`options.${field.name}`), unit: t(field.unit) })}</label>
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
                  {say(errors[field.name]!)}
                </span>
              )}
            </div>
          ))}
        </fieldset>
        <fieldset class="space-y-1">
          <legend class="font-semibold">{t('options.alerts')}</legend>
          {RULES.map((rule) => (
            <label key={rule} class="flex items-center gap-2">
              <input
                type="checkbox"
                checked={settings.rules[rule]}
                onChange={(e) => setFlag({ rules: { ...settings.rules, [rule]: (e.currentTarget as HTMLInputElement).checked } })}
              />
              {t(`options.rule.${rule}`)}
            </label>
          ))}
          <div class="flex items-center gap-2">
            <label class="flex items-center gap-2">
              {t('options.sound')}
              <select
                data-testid="alert-sound"
                value={settings.alertSound}
                onChange={(e) => setFlag({ alertSound: (e.currentTarget as HTMLSelectElement).value as AlertSound })}
              >
                {ALERT_SOUNDS.map((sound) => (
                  <option key={sound} value={sound}>
                    {t(`options.sound.${sound}`)}
                  </option>
                ))}
              </select>
            </label>
            {playsItself(settings.alertSound) && (
              <PlayButton sound={settings.alertSound} onFailed={() => setStatus({ key: 'options.soundFailed' })} />
            )}
          </div>
          <label class="flex items-center gap-2">
            <input
              type="checkbox"
              checked={settings.streamWhenHidden}
              onChange={(e) => setFlag({ streamWhenHidden: (e.currentTarget as HTMLInputElement).checked })}
            />
            {t('options.stream')}
          </label>
        </fieldset>
        <fieldset class="space-y-1">
          <legend class="font-semibold">{t('options.overlay')}</legend>
          <label class="flex items-center gap-2">
            <input
              type="checkbox"
              checked={settings.overlay.enabled}
              onChange={(e) => setFlag({ overlay: { ...settings.overlay, enabled: (e.currentTarget as HTMLInputElement).checked } })}
            />
            {t('options.overlayEnabled')}
          </label>
          <label class="flex items-center gap-2">
            {t('options.pricesWith')}
            <select
              aria-label={t('options.decimalsLabel')}
              value={settings.displayDecimals === null ? 'page' : String(settings.displayDecimals)}
              onChange={(e) => {
                const value = (e.currentTarget as HTMLSelectElement).value;
                setFlag({ displayDecimals: value === 'page' ? null : Number(value) });
              }}
            >
              <option value="page">{t('options.pageDecimals')}</option>
              {[0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
                <option key={n} value={String(n)}>
                  {t('options.decimals', { count: n })}
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
            {t('options.compact')}
          </label>
        </fieldset>
        <button type="submit" class="rounded bg-slate-900 px-4 py-1 text-white dark:bg-slate-100 dark:text-slate-900">
          {t('options.save')}
        </button>
        <p data-testid="options-status" role="status" class="text-sm">
          {status && say(status)}
        </p>
      </form>
    </main>
  );
}
