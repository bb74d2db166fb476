/**
 * What the readers of exchange pages whose positions list is a real `<table>` share (Bybit's, Hyperliquid's), and what
 * every reader does alike: columns mapped by their header's label, body rows found under the header (in its table, or
 * a body table beside a fixed header), labelled account values, a row's problems, the TP/SL cell, the PnL check, and
 * the landmarks the overlay keeps clear of. Page side: Decimal-free.
 */
import { because, type ReasonText } from '../core/i18n/reasons/because';
import { abs, compare, decimalString, exact, minus, negated, sign, times, type Exact } from '../core/parse/exact';
import { parsePageNumber, type ParsedNumber } from '../core/parse/number';
import type { PageSnapshot, ReadAccount, ReadPosition, UnreadableRow } from '../model/snapshot';
import type { PageLandmarks } from './pageFace';
import { normalizeLabel, pageTabs, tabNamed, textOf } from './pageText';

/**
 * What one read found, for the next read of the same page and for the overlay's landmarks: the table and its parsed
 * header (while the header's text is the same), each row's reading (while its cells' markup is), the account labels
 * (looked for again only when one left the page, or every `ACCOUNT_RESCAN_MS` while one is missing).
 */
export interface TableCache {
  table?: Element | null;
  positionsTab?: Element | null;
  header?: { signature: string; table: Table<string> };
  reads?: WeakMap<Element, { markup: string; context: readonly unknown[]; read: unknown }>;
  labels?: LabelCache;
}

/** Labels as a read found them: their elements by key, their texts then, and when the page was last searched. */
export interface LabelCache {
  found: Map<unknown, Element>;
  texts: string[];
  scannedAt: number;
}

/** How often a read looks again for account labels it did not find (they may render late). */
const ACCOUNT_RESCAN_MS = 2000;

export interface Table<Column extends string> {
  element: Element;
  columns: Map<Column, number>;
  /** A unit written in a header, "Qty(BTC)". */
  units: Map<Column, string>;
  ambiguous: Column[];
  cellCount: number;
}

/** Each label normalised, longest first: the first that a header starts with is the longest match. */
export const headerLabels = <Column extends string>(columns: Record<Column, readonly string[]>): [string, Column][] =>
  (Object.entries(columns) as [Column, readonly string[]][])
    .flatMap(([key, labels]) => labels.map((label): [string, Column] => [normalizeLabel(label), key]))
    .sort((a, b) => b[0].length - a[0].length);

/** A row's cells (`td` / `th`): by children, which every DOM has, rather than `rows` and `cells`. */
export const cellsOf = (row: Element) => Array.from(row.children).filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');

function tableOf<Column extends string>(element: Element, labels: [string, Column][], required: readonly Column[]): Table<Column> | null {
  const header = element.querySelector(':scope > thead > tr');
  if (!header) return null;
  const columns = new Map<Column, number>();
  const units = new Map<Column, string>();
  const ambiguous: Column[] = [];
  const cells = cellsOf(header);
  cells.forEach((cell, index) => {
    const text = textOf(cell);
    const normalized = normalizeLabel(text);
    const key = normalized && labels.find(([label]) => normalized.startsWith(label))?.[1];
    if (!key) return;
    if (columns.has(key)) ambiguous.push(key);
    columns.set(key, index);
    const unit = /\(([A-Z0-9]{2,12})\)\s*$/.exec(text);
    if (unit) units.set(key, unit[1]!);
  });
  if (!required.every((key) => columns.has(key))) return null;
  return { element, columns, units, ambiguous, cellCount: cells.length };
}

/** The first `<table>` whose header names every `required` column (the one found last time tried first). */
export function findTable<Column extends string>(
  root: Element,
  labels: [string, Column][],
  required: readonly Column[],
  cache?: TableCache,
): Table<Column> | null {
  const cached = cache?.table;
  const header = cache?.header;
  if (cached?.isConnected && header?.table.element === cached && cached.querySelector(':scope > thead')?.textContent === header.signature)
    return header.table as Table<Column>;
  const candidates = cached?.isConnected ? [cached, ...root.querySelectorAll('table')] : root.querySelectorAll('table');
  for (const candidate of candidates) {
    const table = tableOf(candidate, labels, required);
    if (table) {
      if (cache) {
        cache.table = candidate;
        cache.header = { signature: candidate.querySelector(':scope > thead')?.textContent ?? '', table };
      }
      return table;
    }
  }
  return null;
}

/**
 * A row read as it was last time when none of its cells' markup changed and it is read in the same `context` (the
 * table, the decimal mark…); its number is where it is now.
 */
export function rowRead<Read extends { row: number }>(
  cells: Element[],
  index: number,
  cache: TableCache | undefined,
  context: readonly unknown[],
  read: () => Read,
): Read {
  const row = cells[0]?.parentElement;
  if (!cache || !row) return read();
  const markup = cells.map((cell) => cell.innerHTML).join('\u0001');
  const last = (cache.reads ??= new WeakMap()).get(row);
  if (last?.markup === markup && last.context.length === context.length && last.context.every((value, i) => value === context[i]))
    return { ...(last.read as Read), row: index + 1 };
  const fresh = read();
  cache.reads.set(row, { markup, context, read: fresh });
  return fresh;
}

/** The body rows under the header that `isRow` accepts: in its own table, or in a body table beside it. */
export function bodyRows(table: Table<string>, isRow: (cells: Element[]) => boolean): Element[][] {
  let scope: Element | null = table.element;
  for (let level = 0; scope && level < 4; level++, scope = scope.parentElement) {
    const rows = Array.from(scope.querySelectorAll('tbody > tr'), cellsOf).filter(
      (cells) => cells.length === table.cellCount && isRow(cells),
    );
    if (rows.length > 0) return rows;
  }
  return [];
}

/** Neighbours showing one figure: a cell duplicated beside itself, with another missing, shifts every column after it. */
export const hasTwinCells = (cells: readonly Element[]) =>
  cells.some((cell, i) => i > 0 && /\d/.test(cell.textContent ?? '') && cell.innerHTML === cells[i - 1]!.innerHTML);

/** A table row's shape before its figures: no cell slid beside its twin, no required column labelled twice. */
export function checkRowShape<Column extends string>(cells: readonly Element[], table: Table<Column>, required: readonly Column[]) {
  if (hasTwinCells(cells)) throw new RowProblem(because('two neighbouring cells show the same figure: a cell may have slid'));
  for (const key of table.ambiguous)
    if (required.includes(key)) throw new RowProblem(because('two columns are labelled as {column}', { column: key }));
}

/** The words of a label list, normalised, for `marginModeIn` and side checks. */
export const wordSet = (labels: readonly string[]) => new Set(labels.map(normalizeLabel));

/** A table page's words as its reader matches them: its headers, its positions tab, its margin modes and sides. */
export function tableWords<Column extends string>(labels: {
  columns: Record<Column, readonly string[]>;
  positionsTab: readonly string[];
  modes: { cross: readonly string[]; isolated: readonly string[] };
  sides: { long: readonly string[]; short: readonly string[] };
}) {
  return {
    headers: headerLabels(labels.columns),
    tabs: wordSet(labels.positionsTab),
    cross: wordSet(labels.modes.cross),
    isolated: wordSet(labels.modes.isolated),
    long: wordSet(labels.sides.long),
    short: wordSet(labels.sides.short),
  };
}

/**
 * The side a row shows by a word or its size's sign; null when it shows neither (an unsigned size, no word). A
 * problem when the words say both, or long beside a negative size.
 */
export function sideShown(words: readonly string[], signedSize: Exact, sides: { long: ReadonlySet<string>; short: ReadonlySet<string> }) {
  const saysLong = words.some((w) => sides.long.has(w));
  const saysShort = words.some((w) => sides.short.has(w));
  if (saysLong && saysShort) throw new RowProblem(because('the row says both long and short'));
  if (saysLong && sign(signedSize) < 0) throw new RowProblem(because('a negative size on a row marked long'));
  if (saysShort || sign(signedSize) < 0) return 'short';
  return saysLong ? 'long' : null;
}

/** The one margin mode `words` name; a problem when they name neither or both. */
export function marginModeIn(words: readonly string[], cross: ReadonlySet<string>, isolated: ReadonlySet<string>): 'cross' | 'isolated' {
  const saysCross = words.some((w) => cross.has(w));
  const saysIsolated = words.some((w) => isolated.has(w));
  if (saysCross === saysIsolated)
    throw new RowProblem(saysCross ? because('both cross and isolated shown') : because('margin mode (cross / isolated) not shown'));
  return saysCross ? 'cross' : 'isolated';
}

/**
 * The ROI a P&L cell shows in brackets ("+12.50 USDT (+1.25%)", SEEN on both table pages); without it the cell is
 * another figure slid into place (a Realized P&L).
 */
export function roiIn(text: string, decimalComma: boolean): string {
  const shown = /\(([^)]*%)\s*\)/.exec(text)?.[1];
  const roi = shown ? parsePageNumber(shown, decimalComma) : null;
  if (!roi?.ok || !roi.percent) throw new RowProblem(because('the ROI is not a percentage'));
  return roi.value;
}

export class RowProblem extends Error {
  constructor(reason: ReasonText) {
    super(reason);
  }
}

/**
 * The TP/SL cell: "77,000.00 / 73,000.00" (on one line or two), "-- / 73,000.00", "--" or nothing when unset. Anything
 * else is a problem: a stop we misread could hide the one warning that matters.
 */
export function readTpSl(shown: string | undefined, decimalComma: boolean): [string | null, string | null] {
  const text = shown?.trim() ?? '';
  const parts = text.split('/');
  if (parts.length === 1) {
    const single = parsePageNumber(text, decimalComma);
    if (!single.ok && single.empty) return [null, null];
  }
  if (parts.length !== 2) throw new RowProblem(because('TP/SL "{text}" is not "take profit / stop loss"', { text: text.slice(0, 40) }));
  return parts.map((part) => {
    const parsed = parsePageNumber(part.trim(), decimalComma);
    if (parsed.ok && sign(exact(parsed.value)) > 0) return parsed.value;
    if (!parsed.ok && parsed.empty) return null;
    throw new RowProblem(because('TP/SL: {reason}', { reason: parsed.ok ? because('a price of 0 or below') : parsed.reason }));
  }) as [string | null, string | null];
}

/** PnL may be priced off the last price rather than the mark: allow this much of the notional between them. */
const PNL_TOLERANCE = exact('0.003');
/** Below this move of the mark from the entry (a share of the entry) a PnL's sign says nothing. */
export const FLAT_MOVE = exact('0.001');

/** Whether the mark has moved far enough from the entry for a PnL's sign to say which way the position faces. */
export const markHasMoved = (entry: Exact, mark: Exact) => compare(abs(minus(mark, entry)), times(FLAT_MOVE, entry)) > 0;

/**
 * A row's PnL against its side, size and prices: a linear row sized in the coin must show size × move (within 0.3 % of
 * the notional), any other row's PnL sign must follow its side once the mark has moved.
 */
export function checkPnl(row: { side: 'long' | 'short'; size: Exact; entry: Exact; mark: Exact; pnl: Exact; linear: boolean }) {
  const move = minus(row.mark, row.entry);
  const directed = row.side === 'long' ? move : negated(move);
  const values = {
    pnl: decimalString(row.pnl),
    side: row.side,
    size: decimalString(row.size),
    entry: decimalString(row.entry),
    mark: decimalString(row.mark),
  };
  if (row.linear) {
    if (compare(abs(minus(row.pnl, times(row.size, directed))), times(times(row.size, row.mark), PNL_TOLERANCE)) > 0)
      throw new RowProblem(because('PnL {pnl} contradicts a {side} of {size} from {entry} at mark {mark}', values));
  } else if (sign(row.pnl) !== 0 && markHasMoved(row.entry, row.mark) && sign(directed) !== sign(row.pnl)) {
    throw new RowProblem(because('PnL {pnl} contradicts a {side} from {entry} at mark {mark}', values));
  }
}

/** Past liquidation the exchange closes the position: a liquidation price on the mark's wrong side is a misread. */
export function checkLiquidationSide(liquidation: Exact | null, mark: Exact, side: 'long' | 'short') {
  if (liquidation && sign(liquidation) > 0 && compare(liquidation, mark) * (side === 'long' ? 1 : -1) >= 0)
    throw new RowProblem(
      because('the liquidation price {price} is on the wrong side of the mark for a {side}', { price: decimalString(liquidation), side }),
    );
}

/**
 * `labelledElements` as the last read found them, while they are all still on the page with the same text; looked for
 * again when one left, or every `ACCOUNT_RESCAN_MS` while a `required` one is missing (it may render late).
 */
export function cachedLabelledElements<Key>(
  root: Element,
  wanted: ReadonlyMap<string, Key>,
  exclude: Element | null,
  required: readonly Key[],
  cache?: { labels?: LabelCache },
): Map<Key, Element> {
  const last = cache?.labels;
  const now = Date.now();
  const still =
    last &&
    [...last.found.values()].every((element, i) => element.isConnected && element.textContent === last.texts[i]) &&
    (required.every((key) => last.found.has(key)) || now - last.scannedAt < ACCOUNT_RESCAN_MS);
  if (still) return last.found as Map<Key, Element>;
  const found = labelledElements(root, wanted, exclude);
  if (cache) cache.labels = { found, texts: [...found.values()].map((element) => element.textContent ?? ''), scannedAt: now };
  return found;
}

/** Each wanted label's element (the first of each, outside `exclude`, with a value element after it), by key. */
export function labelledElements<Key>(root: Element, wanted: ReadonlyMap<string, Key>, exclude: Element | null): Map<Key, Element> {
  const found = new Map<Key, Element>();
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length > 40 || text.trim() === '') continue;
    const key = wanted.get(normalizeLabel(text));
    const label = node.parentElement;
    if (key === undefined || !label || found.has(key) || exclude?.contains(label) || !label.nextElementSibling) continue;
    found.set(key, label);
  }
  return found;
}

/** Label text → key, for `labelledElements`. */
export const labelKeys = <Key extends string>(labels: Record<Key, readonly string[]>) =>
  new Map(
    (Object.entries(labels) as [Key, readonly string[]][]).flatMap(([key, texts]) =>
      texts.map((text): [string, Key] => [normalizeLabel(text), key]),
    ),
  );

/** The nearest element holding all of `elements`. */
export function commonAncestor(elements: readonly Element[]): Element | null {
  let ancestor: Element | null = elements[0]?.parentElement ?? null;
  while (ancestor && !elements.every((element) => ancestor!.contains(element))) ancestor = ancestor.parentElement;
  return ancestor;
}

const connected = (element: Element | null | undefined): element is Element => !!element?.isConnected;

/** The account panel as the last read found it: the nearest element holding the labels found, still on the page. */
export function accountLandmark(labels: LabelCache | undefined): Element | null {
  const elements = [...(labels?.found.values() ?? [])].filter(connected);
  return elements.length > 0 ? commonAncestor(elements) : null;
}

/** What the overlay must not cover: the positions tab bar and table, and the account panel, as the last read found them. */
export function tableLandmarks(cache: TableCache): PageLandmarks {
  return {
    positions: [cache.positionsTab?.closest('[role="tablist"]') ?? cache.positionsTab, cache.table].filter(connected),
    account: accountLandmark(cache.labels),
  };
}

/** One exchange's table page, as `readTablePage` reads it. */
export interface TablePage<Column extends string> {
  /** The Positions tab's labels, normalised. */
  tabLabels: ReadonlySet<string>;
  headers: [string, Column][];
  required: readonly Column[];
  /** Whether a body row's cells are a position's (its symbol cell names one). */
  isRow: (cells: Element[], table: Table<Column>) => boolean;
  /**
   * What the rows found are read with: the account (read outside the table), what a row's reading depends on besides
   * its cells (the decimal mark…), and the row reader.
   */
  reading: (
    rows: Element[][],
    table: Table<Column> | null,
  ) => {
    account: ReadAccount;
    context: readonly unknown[];
    read: (cells: Element[], index: number, table: Table<Column>) => ReadPosition | UnreadableRow;
  };
}

/**
 * Reads a page whose positions list is a `<table>`: another tab selected, no table found (or an empty list), or every
 * row read (each again only when its markup changed), with what was partly missing said.
 */
export function readTablePage<Column extends string>(
  root: Element,
  base: Pick<PageSnapshot, 'exchange' | 'market' | 'pageSymbol' | 'language'>,
  page: TablePage<Column>,
  cache?: TableCache,
): PageSnapshot {
  const tab = tabNamed(pageTabs(root), page.tabLabels as Set<string>);
  if (cache) cache.positionsTab = tab.element;
  const table = findTable(root, page.headers, page.required, cache);
  const rows = table ? bodyRows(table, (cells) => page.isRow(cells, table)) : [];
  const { account, context, read } = page.reading(rows, table);
  const snapshot = { ...base, positionsCount: tab.count, account, positions: [] as ReadPosition[], unreadable: [] as UnreadableRow[] };
  const reasons: string[] = [];
  if (account.missing.length > 0) reasons.push(because('account panel: could not read {fields}', { fields: account.missing.join(', ') }));
  if (tab.found && tab.selected === false)
    return {
      ...snapshot,
      state: 'other-tab',
      reasons: [because('another tab is selected: open Positions to see current figures'), ...reasons],
    };
  if (!table) {
    if (tab.count === 0) return { ...snapshot, state: 'ok', reasons };
    const missing = tab.found
      ? because('could not find the positions list (its column headers)')
      : because('could not find the Positions tab or list');
    return { ...snapshot, state: 'unreadable', reasons: [missing, ...reasons] };
  }
  if (!(table.columns as Map<string, number>).has('liquidationPrice'))
    reasons.push(because("positions list: the Liq.Price column is hidden, so the page's price cannot be compared"));
  rows.forEach((cells, index) => {
    const reading = rowRead(cells, index, cache, [table, ...context], () => read(cells, index, table));
    if ('reason' in reading) snapshot.unreadable.push(reading);
    else snapshot.positions.push(reading);
  });
  if (tab.count !== null && tab.count > rows.length)
    reasons.push(because('the Positions tab counts {count} but {rows} rows are on the page', { count: tab.count, rows: rows.length }));
  return { ...snapshot, state: 'ok', reasons };
}

/** A row's cells by column, and its figures: the first number of a cell, as the page's `parse` reads it. */
export function rowCells<Column extends string>(cells: Element[], table: Table<Column>, parse: (text: string) => ParsedNumber) {
  const cellAt = (key: Column) => {
    const at = table.columns.get(key);
    return at === undefined ? null : (cells[at] ?? null);
  };
  /**
   * `key`'s figure: null when the column is not on the page or the cell shows none ("--"); a problem when it is
   * required and missing, shows something that is not a number, or a percentage (a neighbour's figure slid in).
   */
  const figure = (key: Column, required: boolean): Extract<ParsedNumber, { ok: true }> | null => {
    const cell = cellAt(key);
    if (!cell || table.ambiguous.includes(key)) {
      if (required) throw new RowProblem(because('the {column} column is missing', { column: key }));
      return null;
    }
    const parsed = parse(
      textOf(cell)
        .split(/(?=\()/)[0]!
        .trim(),
    );
    if (!parsed.ok) {
      if (required || !parsed.empty) throw new RowProblem(because('{column}: {reason}', { column: key, reason: parsed.reason }));
      return null;
    }
    if (parsed.percent) throw new RowProblem(because('{column} shows a percentage', { column: key }));
    return parsed;
  };
  return { cellAt, figure };
}
