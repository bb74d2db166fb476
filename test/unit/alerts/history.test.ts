import { describe, expect, it } from 'vitest';

import type { AlertNotification } from '@/lib/alerts';
import { HISTORY_CAP, historyCsv, parseHistory, recordOf, withRecord, type AlertRecord } from '@/lib/alerts/history';

const notification: AlertNotification = {
  id: 'n1',
  key: 'binance:usdm:USDT|BTCUSDT:long:cross#distance',
  rule: 'distance',
  level: 'danger',
  tabId: 3,
  position: { key: 'binance:usdm:USDT|BTCUSDT:long:cross', signature: '0.5@96250' },
  title: 'BTCUSDT Long is 4.10% from liquidation',
  message:
    'Liquidation at 72,846.9, mark 76,000.0. To get back to 10%: Transfer 2,226.18 USDT from Spot or Funding to the USDⓈ-M Futures wallet.',
  snoozeButtons: ['Snooze 1 h', 'Snooze until the position changes'],
};

const record = (at: number, change: Partial<AlertRecord> = {}): AlertRecord => ({ ...recordOf(notification, at), ...change });

describe('the alert history', () => {
  it('records what a notification said and suggested, about which position, and when', () => {
    expect(recordOf(notification, 1_700_000_000_000)).toEqual({
      at: 1_700_000_000_000,
      rule: 'distance',
      level: 'danger',
      position: { exchange: 'binance', symbol: 'BTCUSDT', side: 'long', marginMode: 'cross' },
      title: notification.title,
      message: notification.message,
    });
    expect(recordOf({ ...notification, rule: 'marginRatio', position: null }, 1).position).toBeNull();
  });

  it('keeps the last 200, newest first', () => {
    let history: AlertRecord[] = [];
    for (let i = 0; i < HISTORY_CAP + 5; i++) history = withRecord(history, record(i));
    expect(history).toHaveLength(HISTORY_CAP);
    expect(history[0]!.at).toBe(HISTORY_CAP + 4);
    expect(history.at(-1)!.at).toBe(5);
  });

  it('reads back the well-formed records of a damaged copy, and no history from anything else', () => {
    const good = [record(2), record(5)];
    expect(parseHistory([good[0], { at: 'x' }, null, { ...record(3), level: 'fine' }, good[1]])).toEqual([good[1], good[0]]);
    expect(parseHistory({ 0: good[0] })).toEqual([]);
    expect(parseHistory(undefined)).toEqual([]);
    expect(parseHistory(Array.from({ length: HISTORY_CAP + 10 }, (_, i) => record(i)))).toHaveLength(HISTORY_CAP);
  });

  it('exports CSV: oldest first, UTC times, fields quoted as RFC 4180 says, no formula a spreadsheet would run', () => {
    const csv = historyCsv([
      record(Date.UTC(2026, 11, 7, 9, 0, 1), { message: 'a "quoted", two\nlines' }),
      record(Date.UTC(2026, 11, 7, 8, 0, 0), { title: '=HYPERLINK("x")', position: null, rule: 'marginRatio', level: 'warning' }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'time,rule,level,exchange,symbol,side,margin mode,title,message',
      `2026-12-07T08:00:00.000Z,marginRatio,warning,,,,,"'=HYPERLINK(""x"")",${csvOf(notification.message)}`,
      `2026-12-07T09:00:01.000Z,distance,danger,binance,BTCUSDT,long,cross,BTCUSDT Long is 4.10% from liquidation,"a ""quoted"", two\nlines"`,
      '',
    ]);
  });
});

/** The notification's message as a CSV field (it holds commas). */
const csvOf = (text: string) => `"${text.replace(/"/g, '""')}"`;
