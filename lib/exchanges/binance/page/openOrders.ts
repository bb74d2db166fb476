/**
 * Reads the Open Orders list (when the user has that tab open) by its column headers, like the positions list:
 * symbol, side, price, amount, filled, reduce-only, trigger. Each row is checked; one that does not add up is
 * reported unreadable with the reason, and what it leaves out is said.
 */
import { compare, decimalString, exact, minus, sign } from '../../../core/parse/exact';
import { parsePageNumber } from '../../../core/parse/number';
import type { ReadOpenOrders, ReadOrder, UnreadableRow } from '../../../model/snapshot';
import { LABELS, LANGUAGES, orderLanguagesFor, type Language, type OrderColumnKey, type OrderLabels } from './labels';
import { hasTwinCells, normalizeLabel, type PageTab, rowsBelow, symbolIn, tabNamed, textOf, usesDecimalComma } from '../../pageText';
import type { FuturesMarket } from './routes';
import { because } from '../../../core/i18n/reasons/because';
import { RowProblem } from '../../tablePage';

const REQUIRED: OrderColumnKey[] = ['symbol', 'side', 'price', 'amount'];
const MAX_HEADER_TEXT = 1200;

interface Words {
  /** Every column label, normalised, longest first. */
  columns: [string, OrderColumnKey][];
  sides: Map<string, Pick<ReadOrder, 'side' | 'positionSide'> & { closes: boolean }>;
  yes: Set<string>;
  no: Set<string>;
  market: Set<string>;
  /** Words for contracts as a size unit ("Cont"). */
  contracts: string[];
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
    columns: dictionaries
      .flatMap((d) =>
        (Object.entries(d.columns) as [OrderColumnKey, string[]][]).flatMap(([key, labels]) =>
          labels.map((l): [string, OrderColumnKey] => [normalizeLabel(l), key]),
        ),
      )
      .sort((a, b) => b[0].length - a[0].length),
    sides,
    yes: new Set(all((d) => d.yes).map(normalizeLabel)),
    no: new Set(all((d) => d.no).map(normalizeLabel)),
    contracts: LANGUAGES.flatMap((l) => LABELS[l].contracts),
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

function readOrder(
  row: Element,
  index: number,
  header: Header,
  words: Words,
  decimalComma: boolean,
  pageMarket: FuturesMarket,
): ReadOrder | UnreadableRow {
  // Each cell's text, read once: for the figures and for the twin-cell check.
  const texts = Array.from(row.children, textOf);
  const text = (key: OrderColumnKey) => {
    const column = header.columns.get(key);
    return column === undefined ? null : (texts[column] ?? null);
  };
  const found = symbolIn(text('symbol') ?? '');
  try {
    if (!found) throw new RowProblem(because('no symbol in the symbol cell'));
    if (hasTwinCells(row, texts)) throw new RowProblem(because('two neighbouring cells show the same figure: a cell may have slid'));
    // A USDⓈ-M page lists USDⓈ-M orders, a COIN-M page COIN-M ones: anything else was misread.
    if ((found.quote === 'USD' ? 'coinm' : 'usdm') !== pageMarket)
      throw new RowProblem(because("{symbol} is not a contract of this page's market", { symbol: found.symbol }));
    // Every column a figure comes from must be there once: a column found twice (or not at all) could hand us a
    // neighbour's figure.
    for (const key of header.duplicated) throw new RowProblem(because('two columns are labelled as {column}', { column: key }));
    if (!header.columns.has('filled')) throw new RowProblem(because('the Filled column is missing: what is left to fill is unknown'));
    /** A figure of the row and the unit written with it (none, or one of `units`). */
    const figure = (key: OrderColumnKey, raw: string | null, units: (string | null)[]) => {
      const parsed = parsePageNumber(raw ?? '', decimalComma);
      if (!parsed.ok) {
        if (!parsed.empty) throw new RowProblem(because('{column}: {reason}', { column: key, reason: parsed.reason }));
        return null;
      }
      if (parsed.percent || !units.includes(parsed.unit))
        throw new RowProblem(because('{field} "{text}" is not a {kind}', { field: key, text: (raw ?? '').slice(0, 20), kind: key }));
      if (key === 'filled' ? sign(exact(parsed.value)) < 0 : sign(exact(parsed.value)) <= 0)
        throw new RowProblem(because('{field} must be above 0', { field: key }));
      return parsed;
    };
    const number = (key: OrderColumnKey, raw: string | null, units: (string | null)[]) => figure(key, raw, units)?.value ?? null;
    const prices = [null, found.quote];
    // Sizes add up only in the position's unit: the coin (USDⓈ-M) or contracts (COIN-M), never the quote.
    const sizes = [null, found.base, ...words.contracts];

    const side = words.sides.get(normalizeLabel(text('side') ?? ''));
    if (!side) throw new RowProblem(because('side "{text}" is not buy or sell', { text: (text('side') ?? '').slice(0, 20) }));
    const priceText = text('price') ?? '';
    const isMarket = words.market.has(normalizeLabel(priceText));
    const price = isMarket ? null : number('price', priceText, prices);
    // "Mark Price >= 60,000.0": the trigger is the number after the comparison; "--" is none.
    const triggerCell = text('trigger') ?? '';
    const comparison = /[<>≤≥]=?\s*([^<>≤≥]*)$/.exec(triggerCell);
    if (!comparison && !/^\s*(--)?\s*$/.test(triggerCell))
      throw new RowProblem(because('trigger "{text}" is not a condition', { text: triggerCell.slice(0, 30) }));
    const triggerPrice = comparison ? number('trigger', comparison[1]!, prices) : null;
    if (price === null && triggerPrice === null)
      throw new RowProblem(isMarket ? because('a market order without a trigger price') : because('no price'));
    const amount = figure('amount', text('amount'), sizes);
    if (amount === null) throw new RowProblem(because('no amount'));
    const filled = figure('filled', text('filled'), sizes);
    if (filled === null) throw new RowProblem(because('no filled amount'));
    // Both written in one unit, or a cell slid in from a neighbouring column.
    if (amount.unit !== filled.unit) throw new RowProblem(because('the amount and the filled amount are in different units'));
    if (compare(exact(filled.value), exact(amount.value)) > 0) throw new RowProblem(because('more filled than the amount'));
    const reduceOnlyText = normalizeLabel(text('reduceOnly') ?? '');
    if (header.columns.has('reduceOnly') && !words.yes.has(reduceOnlyText) && !words.no.has(reduceOnlyText)) {
      throw new RowProblem(because('reduce only "{text}" is not yes or no', { text: (text('reduceOnly') ?? '').slice(0, 20) }));
    }
    const reduceOnly = side.closes || (header.columns.has('reduceOnly') ? words.yes.has(reduceOnlyText) : null);
    return {
      row: index + 1,
      symbol: found.symbol,
      side: side.side,
      positionSide: side.positionSide,
      reduceOnly,
      type: (text('type') ?? '').slice(0, 40),
      price,
      triggerPrice,
      remaining: decimalString(minus(exact(amount.value), exact(filled.value))),
    };
  } catch (error) {
    if (!(error instanceof RowProblem)) throw error;
    return { row: index + 1, symbol: found?.symbol ?? null, reason: error.message };
  }
}

/** The Open Orders list on the page, or what kept it from being read. */
export function readOpenOrders(root: Element, tabs: readonly PageTab[], language: Language, pageMarket: FuturesMarket): ReadOpenOrders {
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
    const read = readOrder(row, index, header, words, decimalComma, pageMarket);
    if ('reason' in read) unreadable.push(read);
    else orders.push(read);
  });
  const reasons: string[] = [];
  if (count !== null && count > orders.length + unreadable.length)
    reasons.push(
      because('the Open Orders tab counts {count} but {rows} rows are on the page', { count, rows: orders.length + unreadable.length }),
    );
  return { count, orders, unreadable, reasons };
}
