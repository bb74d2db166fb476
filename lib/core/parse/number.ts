/**
 * Numbers as the exchange displays them → an exact decimal string ("-1234.5"), or a reason why not.
 *
 * Handles: thousands separators ("75,770.1", "1 234,5", "1.234,56"), signs (+, -, −, –), a unit after the
 * number ("-0.010 BTC", "2,387.01 USDT"), a percentage ("4.51%", "(+3.15%)"), "--" / "—" / empty for none,
 * compressed tiny prices ("0.0₄1220", "0.0{4}1220" = 0.00001220), K/M/B suffixes ("1.2K"), and the locale's
 * decimal comma when the caller says the page uses one. Only one number per text: "12 / 13" is refused.
 */
import { memoByText } from '../memo';
import { decimalString, exact, negated, times } from './exact';
import { because, type ReasonText } from '../i18n/reasons/because';

/** A decimal as text, exactly as parsed ("96250.5"), never a JS number. */
export type DecimalString = string;

export type ParsedNumber =
  | {
      ok: true;
      value: DecimalString;
      unit: string | null;
      percent: boolean;
      /** Digits shown after the decimal mark ("3,455.10" → 2). */ decimals: number;
    }
  | { ok: false; reason: string; empty: boolean };

export interface ParseOptions {
  /** The page writes 1.234,56 (decimal comma). Without this a lone comma is a thousands separator. */
  decimalComma?: boolean;
}

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
const SUFFIX: Record<string, string> = { K: '1000', M: '1000000', B: '1000000000' };
/**
 * Beyond these a "number" is noise or an attack, not a figure the exchange shows: no price, size or balance has
 * more than 15 integer digits (10^15 USDT), nor more than 12 decimals.
 */
const MAX_INTEGER_DIGITS = 15;
const MAX_FRACTION_DIGITS = 12;

/** Zero-width and direction marks: never meaningful in a figure or a label, sometimes planted to confuse. */
export const INVISIBLE_MARKS = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const fail = (reason: ReasonText, empty = false): ParsedNumber => ({ ok: false, reason, empty });

export function parseDisplayedNumber(raw: string, options: ParseOptions = {}): ParsedNumber {
  // NFKC folds full-width digits and signs; then drop invisible marks (RTL, zero-width) the page may carry.
  // (Subscript digits are kept out of NFKC, which would turn "₄" into "4".) Printable ASCII has neither.
  let text = (
    PRINTABLE_ASCII.test(raw) ? raw : raw.replace(/[^₀-₉]+/g, (part) => part.normalize('NFKC')).replace(INVISIBLE_MARKS, '')
  ).trim();
  if (text === '' || /^[-–—‒]{1,3}$/.test(text)) return fail(because('no value shown'), true);
  if (text.length > 80) return fail(because('too long to be one number'));

  let percent = false;
  const wrapped = /^\((.*)\)$/.exec(text);
  if (wrapped) text = wrapped[1]!.trim();
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1).trim();
  }

  const match =
    /^([+\-−–]?)\s*([0-9][0-9.,\s'{}₀-₉]*?)\s*(?:([KMB])(?=\s|$))?(?:\s+((?=[A-Za-z0-9]{1,16}$)[0-9]*[A-Za-z][A-Za-z0-9]*))?$/.exec(text);
  if (!match) return fail(because('not a number: "{text}"', { text: raw.slice(0, 40) }));
  const [, sign, body, suffix, unit] = match as unknown as [string, string, string, string | undefined, string | undefined];

  let digits = body.trim().replace(/\s+/g, ' ');
  // "0.0₄1220" and "0.0{4}1220" = 0.00001220: the subscript counts the zeros after the decimal point.
  const compressed = /^0[.,]0(?:\{(\d{1,2})\}|([₀-₉]{1,2}))(\d+)$/.exec(digits);
  if (compressed) {
    const zeros = compressed[1] ?? [...compressed[2]!].map((c) => SUBSCRIPT_DIGITS.indexOf(c)).join('');
    digits = `0.${'0'.repeat(Number(zeros))}${compressed[3]}`;
  } else if (/[{}₀-₉]/.test(digits)) {
    return fail(because('not a number: "{text}"', { text: raw.slice(0, 40) }));
  } else {
    const normalized = normalizeSeparators(digits, options.decimalComma ?? false);
    if (normalized === null) return fail(because('ambiguous separators in "{text}"', { text: raw.slice(0, 40) }));
    digits = normalized;
  }
  const [integerPart, fractionPart = ''] = digits.split('.') as [string, string | undefined];
  if (integerPart.replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS || fractionPart.length > MAX_FRACTION_DIGITS) {
    return fail(because('more digits than any real figure has'));
  }

  let value = exact(digits);
  if (suffix) value = times(value, exact(SUFFIX[suffix]!));
  if (sign && sign !== '+') value = negated(value);
  // decimalString writes "-0" as "0".
  return { ok: true, value: decimalString(value), unit: unit ?? null, percent, decimals: fractionPart.length };
}

const PLAINLY_GROUPED = [/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/, /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/];

/** Separators → a plain "1234.56", or null when they do not follow one consistent grouping. */
function normalizeSeparators(digits: string, decimalComma: boolean): string | null {
  const [group, decimal] = decimalComma ? ['.', ','] : [',', '.'];
  // Most figures: digits, grouped in threes by the locale's separator or not at all, then the decimals.
  if (PLAINLY_GROUPED[decimalComma ? 1 : 0]!.test(digits)) return digits.replaceAll(group, '').replace(decimal, '.');
  const parts = digits.split(decimal);
  if (parts.length > 2) return null;
  const [whole, fraction] = parts as [string, string | undefined];
  // Thousands may be grouped by the separator, a space or an apostrophe, but one kind only, in threes.
  const grouping = [group, ' ', "'"].filter((separator) => whole.includes(separator));
  if (grouping.length > 1) return null;
  if (grouping.length === 1) {
    const groups = whole.split(grouping[0]!);
    if (groups[0] === '' || groups[0]!.length > 3 || groups.slice(1).some((g) => g.length !== 3)) return null;
  }
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  const plain = whole.replace(/[,.' ]/g, '');
  return fraction === undefined ? plain : `${plain}.${fraction}`;
}

const remembered = [false, true].map((decimalComma) => memoByText((text) => parseDisplayedNumber(text, { decimalComma })));

/**
 * parseDisplayedNumber for a page read over and over: the same text gives the same (shared, never to be changed)
 * result without parsing it again.
 */
export const parsePageNumber = (text: string, decimalComma: boolean): Readonly<ParsedNumber> => remembered[decimalComma ? 1 : 0]!(text);
