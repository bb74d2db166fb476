import { useEffect, useState } from 'preact/hooks';

import { historyCsv, parseHistory, type AlertRecord } from '@/lib/alerts/history';
import { storedAlertHistory } from '@/lib/protocol/storage';

import { useWords } from './words';

/** Saves `text` as a file the browser downloads. */
function download(text: string, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The last alerts shown, newest first, kept in this browser only: exported as CSV, or cleared. */
export function AlertHistory() {
  const { t, language } = useWords();
  const [history, setHistory] = useState<AlertRecord[] | null>(null);
  useEffect(() => {
    void storedAlertHistory.getValue().then((raw) => setHistory(parseHistory(raw)));
  }, []);
  if (!history) return null;
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <details data-testid="alert-history" class="rounded border border-slate-300 p-2 text-xs dark:border-slate-700">
      <summary class="cursor-pointer text-sm font-semibold">{t('history.title', { count: history.length })}</summary>
      {history.length === 0 ? (
        <p class="mt-1 text-slate-600 dark:text-slate-300">{t('history.empty')}</p>
      ) : (
        <>
          <div class="mt-1 flex gap-2">
            <button
              type="button"
              class="rounded border border-slate-400 px-2"
              onClick={() => download(historyCsv(history), 'liqguard-alerts.csv', 'text/csv')}
            >
              {t('history.export')}
            </button>
            <button
              type="button"
              class="rounded border border-slate-400 px-2"
              onClick={() => void storedAlertHistory.setValue([]).then(() => setHistory([]))}
            >
              {t('history.clear')}
            </button>
          </div>
          <ol data-testid="alert-history-list" class="mt-1 max-h-60 space-y-1 overflow-y-auto">
            {history.map((record) => (
              <li key={`${record.at}-${record.title}`}>
                <time class="text-slate-600 dark:text-slate-300" dateTime={new Date(record.at).toISOString()}>
                  {when.format(record.at)}
                </time>{' '}
                <span class="font-semibold">{record.title}</span> {record.message}
              </li>
            ))}
          </ol>
        </>
      )}
    </details>
  );
}
