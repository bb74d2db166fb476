import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseBracketResponse, SHIPPED_USDM_TIERS } from '@/lib/exchanges/binance/tiers';
import { loadTierTables, storeTierTables, tiersFor } from '@/lib/exchanges/marketData';
import { bracketProblems } from '@/lib/risk';

const fixture = (name: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../fixtures/binance/brackets', name), 'utf8'));

describe('shipped USDⓈ-M tiers', () => {
  it('cover 30 symbols, dated, each table sound', () => {
    expect(Object.keys(SHIPPED_USDM_TIERS.symbols)).toHaveLength(30);
    expect(SHIPPED_USDM_TIERS.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const tiers of Object.values(SHIPPED_USDM_TIERS.symbols)) expect(bracketProblems(tiers)).toEqual([]);
    const btc = SHIPPED_USDM_TIERS.symbols.BTCUSDT!;
    expect(btc).toHaveLength(12);
    expect(btc[11]!.cum.toFixed()).toBe('421481450');
  });

  it('report an unknown symbol as unknown', () => {
    expect(tiersFor('NOPEUSDT', SHIPPED_USDM_TIERS)).toEqual({ ok: false, reason: 'maintenance-margin tiers for NOPEUSDT are unknown' });
  });

  it('prefer a fresher table that has the symbol', () => {
    const fresh = { asOf: '2026-11-25', source: 'test', symbols: parseBracketResponse(fixture('fapi-leverage-bracket.json')).symbols };
    const btc = tiersFor('BTCUSDT', fresh, SHIPPED_USDM_TIERS);
    expect(btc.ok && btc.value.asOf).toBe('2026-11-25');
    const eth = tiersFor('ETHUSDT', fresh, SHIPPED_USDM_TIERS);
    expect(eth.ok && eth.value.asOf).toBe(SHIPPED_USDM_TIERS.asOf);
  });
});

describe('parseBracketResponse', () => {
  it('reads /fapi/v1/leverageBracket', () => {
    const { symbols, rejected } = parseBracketResponse(fixture('fapi-leverage-bracket.json'));
    expect(rejected).toEqual({});
    expect(symbols.BTCUSDT!.map((t) => [t.maintMarginRatio.toFixed(), t.cum.toFixed(), t.maxLeverage])).toEqual([
      ['0.004', '0', 125],
      ['0.005', '50', 100],
      ['0.01', '1300', 50],
      ['0.025', '46300', 20],
    ]);
  });

  it('reads the public bapi shape and rejects a table that breaks the cum rule', () => {
    const { symbols, rejected } = parseBracketResponse(fixture('bapi-future-brackets.json'));
    expect(Object.keys(symbols)).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(symbols.ETHUSDT!.map((t) => t.cum.toFixed())).toEqual(SHIPPED_USDM_TIERS.symbols.ETHUSDT!.map((t) => t.cum.toFixed()));
    expect(rejected.BROKENUSDT).toBe('tier 2: cum 999 ≠ 50');
  });

  it('reads COIN-M quantity brackets (qtyFloor / qtyCap)', () => {
    const { symbols } = parseBracketResponse([
      {
        symbol: 'BTCUSD_PERP',
        brackets: [{ bracket: 1, initialLeverage: 125, qtyCap: 50, qtyFloor: 0, maintMarginRatio: 0.004, cum: 0.0 }],
      },
    ]);
    expect(symbols.BTCUSD_PERP?.[0]?.notionalCap.toFixed()).toBe('50');
  });

  it.each([null, 'x', { data: null }, [{ symbol: '<script>', brackets: [] }], [{ symbol: 'BTCUSDT', brackets: [{ bracket: 1 }] }]])(
    'survives a malformed body: %j',
    (body) => {
      const { symbols } = parseBracketResponse(body);
      expect(symbols).toEqual({});
    },
  );
});

describe('stored tier tables', () => {
  it('round-trip through JSON and drop anything malformed', () => {
    const stored = JSON.parse(JSON.stringify(storeTierTables(SHIPPED_USDM_TIERS, 1)));
    const loaded = loadTierTables(stored)!;
    expect(loaded.asOf).toBe(SHIPPED_USDM_TIERS.asOf);
    expect(loaded.symbols.BTCUSDT!.map((t) => t.cum.toFixed())).toEqual(SHIPPED_USDM_TIERS.symbols.BTCUSDT!.map((t) => t.cum.toFixed()));
    expect(loadTierTables({ asOf: 1 })).toBeNull();
    expect(loadTierTables(null)).toBeNull();
    stored.symbols.BTCUSDT[1].cum = '7';
    expect(Object.keys(loadTierTables(stored)!.symbols)).not.toContain('BTCUSDT');
  });
});
