/**
 * The alert history: the last 200 alerts as they were shown (when, about which position, what they said and
 * suggested: a notification's message carries its remedies), newest first, kept in the browser only. Read back
 * through `parseHistory`, which keeps the well-formed records of a damaged copy; exported as CSV.
 */
import { parsePositionKey } from '../model/keys';
import type { AlertNotification, Level, RuleName } from './index';

export const HISTORY_CAP = 200;

export interface AlertRecord {
  /** When it was shown (unix ms). */
  at: number;
  rule: RuleName;
  level: Level;
  /** The exchange, symbol, side and margin mode it is about; null for the account's alerts. */
  position: { exchange: string; symbol: string; side: 'long' | 'short'; marginMode: 'cross' | 'isolated' } | null;
  title: string;
  message: string;
}

const RULES: readonly RuleName[] = ['distance', 'stop', 'marginRatio', 'mismatch', 'unreadable'];
const LEVELS: readonly Level[] = ['warning', 'danger', 'on'];

/** The record of a notification shown at `at`. */
export function recordOf(notification: AlertNotification, at: number): AlertRecord {
  const id = notification.position ? parsePositionKey(notification.position.key) : null;
  return {
    at,
    rule: notification.rule,
    level: notification.level,
    position: id && { exchange: id.account.exchange, symbol: id.symbol, side: id.side, marginMode: id.marginMode },
    title: notification.title,
    message: notification.message,
  };
}

/** The history with `record` first, the oldest beyond the cap dropped. */
export const withRecord = (history: readonly AlertRecord[], record: AlertRecord): AlertRecord[] =>
  [record, ...history].slice(0, HISTORY_CAP);

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

function isRecord(value: unknown): value is AlertRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const position = r.position as Record<string, unknown> | null | undefined;
  return (
    Number.isFinite(r.at) &&
    RULES.includes(r.rule as RuleName) &&
    LEVELS.includes(r.level as Level) &&
    isText(r.title, 300) &&
    isText(r.message, 2000) &&
    (position === null ||
      (typeof position === 'object' &&
        position !== undefined &&
        isText(position.exchange, 40) &&
        isText(position.symbol, 40) &&
        (position.side === 'long' || position.side === 'short') &&
        (position.marginMode === 'cross' || position.marginMode === 'isolated')))
  );
}

/** The stored history: its well-formed records, newest first, at most the cap; anything else is no history. */
export function parseHistory(raw: unknown): AlertRecord[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(isRecord)
    .sort((a, b) => b.at - a.at)
    .slice(0, HISTORY_CAP);
}

/**
 * A CSV field (RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled). A text a spreadsheet
 * would run as a formula (=, +, -, @ first) is written with a leading apostrophe.
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The history as CSV, oldest first, times in UTC (ISO 8601). */
export function historyCsv(history: readonly AlertRecord[]): string {
  const header = ['time', 'rule', 'level', 'exchange', 'symbol', 'side', 'margin mode', 'title', 'message'];
  const rows = [...history]
    .sort((a, b) => a.at - b.at)
    .map((r) =>
      [
        new Date(r.at).toISOString(),
        r.rule,
        r.level,
        r.position?.exchange ?? '',
        r.position?.symbol ?? '',
        r.position?.side ?? '',
        r.position?.marginMode ?? '',
        r.title,
        r.message,
      ]
        .map(field)
        .join(','),
    );
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}
