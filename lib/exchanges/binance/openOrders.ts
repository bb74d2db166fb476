/**
 * Reads the Open Orders list (when the user has that tab open) by its column headers, like the positions list:
 * symbol, side, price, amount, filled, reduce-only, trigger. Each row is checked; one that does not add up is
 * reported unreadable with the reason, and what it leaves out is said.
 */
import { Decimal } from '../../decimal';
import { parseDisplayedNumber } from '../../parse/number';
import type { ReadOpenOrders, ReadOrder, UnreadableRow } from '../../snapshot';
import { normalizeLabel, orderLanguagesFor, type Language, type OrderColumnKey, type OrderLabels } from './labels';
import { rowsBelow, symbolIn, tabNamed, textOf, usesDecimalComma, type PageTab } from './pageText';

const REQUIRED: OrderColumnKey[] = ['symbol', 'side', 'price', 'amount'];
const MAX_HEADER_TEXT = 1200;

interface Words {
  dictionaries: OrderLabels[];
  /** Every column label, normalised, longest first. */
  columns: [string, OrderColumnKey][];
  sides: Map<string, Pick<ReadOrder, 'side' | 'positionSide'> & { closes: boolean }>;
  yes: Set<string>;
  market: Set<string>;
  tabs: Set<string>;
}

const wordsByLanguage = new Map<Language, Words>();

function wordsFor(language: Language): Words {
  const cached = wordsByLanguage.get(language);
  if (cached) return cached;
  const dictionaries = orderLanguagesFor(language);
  const all = <T>(pick: (d: OrderLabels) => T[]) => dictionaries.flatMap(pick);
  const sides = new Map<string, Pick<ReadOrder, 'side' | 'positionSide'> & { closes: boolean }>();
  const add = (labels: string[], side: 'buy' | 'sell', positionSide: 'long' | 'short' | null, closes: boolean) => {
    for (const label of labels) if (!sides.has(normalizeLabel(label))) sides.set(normalizeLabel(label), { side, positionSide, closes });
  };
  for (const d of dictionaries) {
    add(d.sides.buy, 'buy', null, false);
    add(d.sides.sell, 'sell', null, false);
    add(d.sides.openLong, 'buy', 'long', false);
    add(d.sides.openShort, 'sell', 'short', false);
    add(d.sides.closeLong, 'sell', 'long', true);
    add(d.sides.closeShort, 'buy', 'short', true);
  }
  const words: Words = {
    dictionaries,
    columns: dictionaries
      .flatMap((d) => (Object.entries(d.columns) as [OrderColumnKey, string[]][]).flatMap(([key, labels]) => labels.map((l): [string, OrderColumnKey] => [normalizeLabel(l), key])))
      .sort((a, b) => b[0].length - a[0].length),
    sides,
    yes: new Set(all((d) => d.yes).map(normalizeLabel)),
    market: new Set(all((d) => d.marketPrice).map(normalizeLabel)),
    tabs: new Set(all((d) => d.tab).map(normalizeLabel)),
  };
  wordsByLanguage.set(language, words);
  return words;
}

/** Whether the Open Orders tab is selected, and the count it shows. */
export function openOrdersTab(tabs: readonly PageTab[], language: Language) {
  return tabNamed(tabs, wordsFor(language).tabs);
}

interface Header {
  element: Element;
  columns: Map<OrderColumnKey, number>;
  duplicated: OrderColumnKey[];
}

function headerOf(candidate: Element, words: Words): Header | null {
  const columns = new Map<OrderColumnKey, number>();
  const duplicated: OrderColumnKey[] = [];
  Array.from(candidate.children).forEach((cell, index) => {
    if ((cell.textContent ?? '').length > 40) return;
    const text = normalizeLabel(textOf(cell));
    if (!text) return;
    const key = words.columns.find(([label]) => text === label || (text.startsWith(label) && label.length >= 4))?.[1];
    if (!key) return;
    if (columns.has(key)) duplicated.push(key);
    columns.set(key, index);
  });
  return REQUIRED.every((key) => columns.has(key)) ? { element: candidate, columns, duplicated } : null;
}

function findHeader(root: Element, words: Words): Header | null {
  let best: Header | null = null;
  for (const candidate of Array.from(root.querySelectorAll('*'))) {
    if (candidate.childElementCount < REQUIRED.length || candidate.childElementCount > 40) continue;
    if ((candidate.textContent ?? '').length > MAX_HEADER_TEXT) continue;
    const header = headerOf(candidate, words);
    if (header && (!best || header.columns.size > best.columns.size)) best = header;
  }
  return best;
}

class OrderProblem extends Error {}

function readOrder(row: Element, index: number, header: Header, words: Words, decimalComma: boolean): ReadOrder | UnreadableRow {
  const text = (key: OrderColumnKey) => {
    const column = header.columns.get(key);
    const cell = column === undefined ? undefined : row.children[column];
    return cell ? textOf(cell) : null;
  };
  const found = symbolIn(text('symbol') ?? '');
  try {
    if (!found) throw new OrderProblem('no symbol in the symbol cell');
    for (const key of header.duplicated) if (REQUIRED.includes(key)) throw new OrderProblem(`two columns are labelled as ${key}`);
    const number = (key: OrderColumnKey, raw: string | null) => {
      const parsed = parseDisplayedNumber(raw ?? '', { decimalComma });
      if (parsed.ok && (key === 'filled' ? parsed.value.isNegative() : !parsed.value.gt(0))) throw new OrderProblem(`${key} must be above 0`);
      if (!parsed.ok && !parsed.empty) throw new OrderProblem(`${key}: ${parsed.reason}`);
      return parsed.ok ? parsed.value : null;
    };

    const side = words.sides.get(normalizeLabel(text('side') ?? ''));
    if (!side) throw new OrderProblem(`side "${(text('side') ?? '').slice(0, 20)}" is not buy or sell`);
    const priceText = text('price') ?? '';
    const isMarket = words.market.has(normalizeLabel(priceText));
    const price = isMarket ? null : number('price', priceText);
    // "Mark Price >= 60,000.0": the trigger is the number after the comparison.
    const triggerText = /[<>≤≥]=?\s*([^<>≤≥]*)$/.exec(text('trigger') ?? '')?.[1] ?? (text('trigger') ?? '').replace(/^[^\d]*/, '');
    const triggerPrice = number('trigger', triggerText);
    if (price === null && triggerPrice === null) throw new OrderProblem(isMarket ? 'a market order without a trigger price' : 'no price');
    const amountText = text('amount');
    const amount = number('amount', amountText);
    if (amount === null) throw new OrderProblem('no amount');
    const unit = parseDisplayedNumber(amountText ?? '', { decimalComma });
    // Sizes add up only in the position's unit: the coin (USDⓈ-M) or contracts (COIN-M), never the quote.
    if (unit.ok && unit.unit === found.quote) throw new OrderProblem(`the amount is shown in ${found.quote}`);
    const filled = header.columns.has('filled') ? (number('filled', text('filled')) ?? new Decimal(0)) : new Decimal(0);
    if (filled.gt(amount)) throw new OrderProblem('more filled than the amount');
    const reduceOnly = side.closes || words.yes.has(normalizeLabel(text('reduceOnly') ?? ''));
    return {
      row: index + 1,
      symbol: found.symbol,
      side: side.side,
      positionSide: side.positionSide,
      reduceOnly,
      type: (text('type') ?? '').slice(0, 40),
      price: price?.toFixed() ?? null,
      triggerPrice: triggerPrice?.toFixed() ?? null,
      remaining: amount.minus(filled).toFixed(),
    };
  } catch (error) {
    if (!(error instanceof OrderProblem)) throw error;
    return { row: index + 1, symbol: found?.symbol ?? null, reason: error.message };
  }
}

/** The Open Orders list on the page, or what kept it from being read. */
export function readOpenOrders(root: Element, tabs: readonly PageTab[], language: Language): ReadOpenOrders {
  const words = wordsFor(language);
  const count = tabNamed(tabs, words.tabs).count;
  const header = findHeader(root, words);
  if (!header) {
    return { count, orders: [], unreadable: [], reasons: count === 0 ? [] : ['open orders: could not find the list (its column headers)'] };
  }
  const orders: ReadOrder[] = [];
  const unreadable: UnreadableRow[] = [];
  const rows = rowsBelow(header.element, header.element.childElementCount, header.columns.get('symbol')!);
  const decimalComma = usesDecimalComma(rows.flatMap((row) => Array.from(row.children).map(textOf)));
  rows.forEach((row, index) => {
    const read = readOrder(row, index, header, words, decimalComma);
    if ('reason' in read) unreadable.push(read);
    else orders.push(read);
  });
  const reasons: string[] = [];
  if (count !== null && count > orders.length + unreadable.length) reasons.push(`the Open Orders tab counts ${count} but ${orders.length + unreadable.length} rows are on the page`);
  return { count, orders, unreadable, reasons };
}
