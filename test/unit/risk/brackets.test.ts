import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import { bracketFor, bracketProblems, bracketsFrom, maintenanceMargin } from '@/lib/risk';

import { BTCUSDT_2021, BTCUSDT_2024 } from './tiers';

describe('maintenance-margin tiers (S1, math.md §2.1)', () => {
  it('T6: the cum rule — 250,000 × (1 % − 0.5 %) + 50 = 1,300 — holds for the 2021 and 2024 BTCUSDT tables', () => {
    expect(bracketProblems(BTCUSDT_2021)).toEqual([]);
    expect(bracketProblems(BTCUSDT_2024)).toEqual([]);
    expect(BTCUSDT_2021[2]!.cum.toFixed()).toBe('1300');
  });

  it('reports a table whose cum breaks the rule, or that has gaps', () => {
    const broken = bracketsFrom([
      { bracket: 1, notionalFloor: '0', notionalCap: '50000', maxLeverage: 125, maintMarginRatio: '0.004', cum: '0' },
      { bracket: 2, notionalFloor: '60000', notionalCap: '250000', maxLeverage: 100, maintMarginRatio: '0.005', cum: '51' },
    ]);
    expect(bracketProblems(broken)).toEqual(['tier 2: gap after tier 1', 'tier 2: cum 51 ≠ 60']);
  });

  it('keeps maintenance margin continuous across every tier boundary', () => {
    for (const tier of BTCUSDT_2024.slice(1)) {
      const below = BTCUSDT_2024[tier.bracket - 2]!;
      const atFloor = tier.notionalFloor;
      expect(atFloor.times(below.maintMarginRatio).minus(below.cum).eq(atFloor.times(tier.maintMarginRatio).minus(tier.cum))).toBe(true);
    }
  });

  it('S1 text: a 264,000 USDT position is in the 1 % tier of the 2021 table', () => {
    const tier = bracketFor(BTCUSDT_2021, new Decimal('264000'));
    expect(tier.ok && tier.value.maintMarginRatio.toFixed()).toBe('0.01');
  });

  it('says so when the notional is beyond the last tier or no tiers are known', () => {
    expect(maintenanceMargin(BTCUSDT_2021, new Decimal('6000000')).ok).toBe(false);
    expect(maintenanceMargin([], new Decimal('1'))).toEqual({ ok: false, reason: 'no maintenance-margin tiers are known for this symbol' });
  });
});
