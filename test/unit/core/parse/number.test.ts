import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Decimal } from '@/lib/core/decimal';
import { parseDisplayedNumber, parsePageNumber } from '@/lib/core/parse/number';
import { formatAmount } from '@/lib/risk';

const value = (text: string, decimalComma = false) => {
  const parsed = parseDisplayedNumber(text, { decimalComma });
  return parsed.ok ? parsed.value : null;
};

describe('parseDisplayedNumber', () => {
  it.each([
    ['75,770.1', '75770.1'],
    ['-0.010 BTC', '-0.01'],
    ['−384.85 USDT', '-384.85'],
    ['+86.19 USDT', '86.19'],
    ['2,387.01 USDT', '2387.01'],
    ['1,234,567.891', '1234567.891'],
    ['0.0₄1220', '0.00001220'.replace(/0+$/, '')],
    ['0.0{4}1220', '0.0000122'],
    ['1.2K', '1200'],
    ['3.5M', '3500000'],
    ['2B', '2000000000'],
    ['30 SOL', '30'],
    ['10 Cont', '10'],
    ['1,200 1000PEPE', '1200'],
    ['-0', '0'],
    ['\u200E1,234.5\u200F', '1234.5'],
    ['１２３.４５', '123.45'],
  ])('%s → %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('reads percentages, in parentheses or not', () => {
    expect(parseDisplayedNumber('(+3.15%)')).toMatchObject({ ok: true, percent: true });
    expect(value('(-16.12%)')).toBe('-16.12');
    expect(value('4.51%')).toBe('4.51');
  });

  it('counts the decimals as shown, trailing zeros and compressed zeros included', () => {
    const decimals = (text: string, decimalComma = false) => {
      const parsed = parseDisplayedNumber(text, { decimalComma });
      return parsed.ok ? parsed.decimals : null;
    };
    expect(decimals('3,455.10')).toBe(2);
    expect(decimals('96,250')).toBe(0);
    expect(decimals('96,250.0 USDT')).toBe(1);
    expect(decimals('3.455,10', true)).toBe(2);
    expect(decimals('0.0₄1220')).toBe(8);
    expect(decimals('1.2K')).toBe(1);
    expect(decimals('(+3.15%)')).toBe(2);
  });

  it('reads decimal commas when the page uses them', () => {
    expect(value('1.234,56', true)).toBe('1234.56');
    expect(value('1 234,56', true)).toBe('1234.56');
    expect(value('0,5', true)).toBe('0.5');
  });

  it('keeps the unit', () => {
    expect(parseDisplayedNumber('-4.000 ETH')).toMatchObject({ ok: true, unit: 'ETH' });
    expect(parseDisplayedNumber('75.78 USDT')).toMatchObject({ ok: true, unit: 'USDT' });
  });

  it.each(['--', '—', '', '  ', '-- / --'])('treats %j as no value', (text) => {
    const parsed = parseDisplayedNumber(text);
    expect(parsed.ok).toBe(false);
    if (text !== '-- / --') expect(parsed).toMatchObject({ empty: true });
  });

  it.each([
    '12 / 13',
    '1,23,456',
    '1.2.3',
    '<img src=x onerror=alert(1)>',
    'NaN',
    'Infinity',
    '1e308',
    '12345678901234567890123456789012',
    '1,234.5', // with decimalComma below
  ])('refuses %j', (text) => {
    expect(value(text, text === '1,234.5')).toBeNull();
  });

  it('round-trips any amount the exchange could display (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n - 1n), max: 10n ** 15n - 1n }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom('', ' USDT', ' BTC'),
        (units, decimals, unit) => {
          const exact = new Decimal(units.toString()).div(new Decimal(10).pow(decimals));
          const shown = formatAmount(exact, decimals) + unit;
          const parsed = parseDisplayedNumber(shown);
          expect(parsed.ok && parsed.value).toBe(exact.toFixed());
        },
      ),
      { seed: 4, numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (text) => {
        const parsed = parseDisplayedNumber(text);
        if (parsed.ok) expect(new Decimal(parsed.value).toFixed()).toBe(parsed.value);
      }),
      { seed: 5, numRuns: 5000 },
    );
  });
});

describe('parsePageNumber', () => {
  it('gives what parseDisplayedNumber gives, for each decimal mark, and the same result for the same text', () => {
    for (const text of ['1.234,56', '1,234.56', '0,5', '--', 'garbage', '(+3.15%)', '-0.010 BTC']) {
      for (const decimalComma of [false, true]) {
        expect(parsePageNumber(text, decimalComma)).toEqual(parseDisplayedNumber(text, { decimalComma }));
        expect(parsePageNumber(text, decimalComma)).toBe(parsePageNumber(text, decimalComma));
      }
    }
  });
});
