/**
 * Reads Bybit's trading page into a `PageSnapshot` by what a person sees: the Positions tab, the header cells of the
 * positions `<table>` (its columns can be moved and hidden, so never by position), and the account panel's labels.
 * Every row is checked against itself (PnL against size and prices, the page's liquidation price on the losing side
 * of the mark) and reported unreadable with the reason when it disagrees. Labels and what is SEEN: `./labels.ts`.
 */
import { because, type ReasonText } from '../../../core/i18n/reasons/because';
import { abs, compare, decimalString, exact, minus, negated, sign, times, type Exact } from '../../../core/parse/exact';
import { parsePageNumber, type ParsedNumber } from '../../../core/parse/number';
import type { PageSnapshot, ReadAccount, ReadPosition, UnreadableRow } from '../../../model/snapshot';
import type { PageLandmarks } from '../../pageFace';
import { normalizeLabel, pageTabs, symbolIn, tabNamed, textLines, textOf, tokensOf, usesDecimalComma } from '../../pageText';
import { ACCOUNT, COLUMNS, MODES, POSITIONS_TAB, SIDES, type BybitAccountKey, type BybitColumn } from './labels';
import { parseBybitRoute, type BybitMarket } from './routes';

/** What one read found, for the next read of the same page and for the overlay's landmarks. */
export interface BybitCache {
  table?: Element | null;
  positionsTab?: Element | null;
  account?: Element[];
}

const REQUIRED: BybitColumn[] = ['symbol', 'size', 'entryPrice', 'markPrice'];
const PRICES: BybitColumn[] = ['entryPrice', 'markPrice', 'liquidationPrice'];
/** Each label normalised, longest first: the first that a header starts with is the longest match. */
const HEADER_LABELS = (Object.entries(COLUMNS) as [BybitColumn, readonly string[]][])
  .flatMap(([key, labels]) => labels.map((label): [string, BybitColumn] => [normalizeLabel(label), key]))
  .sort((a, b) => b[0].length - a[0].length);
const TAB_LABELS = new Set(POSITIONS_TAB.map(normalizeLabel));
const words = (labels: readonly string[]) => new Set(labels.map(normalizeLabel));
const [CROSS, ISOLATED, LONG, SHORT] = [words(MODES.cross), words(MODES.isolated), words(SIDES.long), words(SIDES.short)];

interface Table {
  element: Element;
  columns: Map<BybitColumn, number>;
  /** A unit written in a header, "Qty(BTC)". */
  units: Map<BybitColumn, string>;
  ambiguous: BybitColumn[];
  cellCount: number;
}

/** A row's cells (`td` / `th`): by children, which every DOM has, rather than `rows` and `cells`. */
const cellsOf = (row: Element) => Array.from(row.children).filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');

function tableOf(element: Element): Table | null {
  const header = element.querySelector(':scope > thead > tr');
  if (!header) return null;
  const columns = new Map<BybitColumn, number>();
  const units = new Map<BybitColumn, string>();
  const ambiguous: BybitColumn[] = [];
  const cells = cellsOf(header);
  cells.forEach((cell, index) => {
    const text = textOf(cell);
    const normalized = normalizeLabel(text);
    const key = normalized && HEADER_LABELS.find(([label]) => normalized.startsWith(label))?.[1];
    if (!key) return;
    if (columns.has(key)) ambiguous.push(key);
    columns.set(key, index);
    const unit = /\(([A-Z0-9]{2,12})\)\s*$/.exec(text);
    if (unit) units.set(key, unit[1]!);
  });
  if (!REQUIRED.every((key) => columns.has(key))) return null;
  return { element, columns, units, ambiguous, cellCount: cells.length };
}

function findTable(root: Element, cache?: BybitCache): Table | null {
  const cached = cache?.table;
  const candidates = cached?.isConnected ? [cached, ...root.querySelectorAll('table')] : root.querySelectorAll('table');
  for (const candidate of candidates) {
    const table = tableOf(candidate);
    if (table) {
      if (cache) cache.table = candidate;
      return table;
    }
  }
  return null;
}

/** The body rows under the header: in its own table, or in a body table beside it (a table with a fixed header). */
function rowsOf(table: Table): Element[][] {
  const symbolColumn = table.columns.get('symbol')!;
  let scope: Element | null = table.element;
  for (let level = 0; scope && level < 4; level++, scope = scope.parentElement) {
    const rows = Array.from(scope.querySelectorAll('tbody > tr'), cellsOf).filter(
      (cells) => cells.length === table.cellCount && symbolIn(textOf(cells[symbolColumn]!)),
    );
    if (rows.length > 0) return rows;
  }
  return [];
}

class RowProblem extends Error {
  constructor(reason: ReasonText) {
    super(reason);
  }
}

/** PnL may be priced off the last price rather than the mark: allow this much of the notional between them. */
const PNL_TOLERANCE = exact('0.003');
/** Below this move of the mark from the entry (a share of the entry) a PnL's sign says nothing. */
const FLAT_MOVE = exact('0.001');
const LEVERAGE = /(?:^|\s)(\d{1,3}(?:\.\d{1,2})?)\s*[x×]/i;

/** The TP/SL cell: "96,000.00 / 90,000.00", "-- / 90,000.00", "--" for none; anything else is a problem. */
function readTpSl(text: string, decimalComma: boolean): [string | null, string | null] {
  const shown = text.trim();
  const parts = shown.split('/');
  if (parts.length === 1 && !parsePageNumber(shown, decimalComma).ok) return [null, null];
  if (parts.length !== 2) throw new RowProblem(because('TP/SL "{text}" is not "take profit / stop loss"', { text: shown.slice(0, 40) }));
  return parts.map((part) => {
    const parsed = parsePageNumber(part.trim(), decimalComma);
    if (parsed.ok && sign(exact(parsed.value)) > 0) return parsed.value;
    if (!parsed.ok && parsed.empty) return null;
    throw new RowProblem(because('TP/SL: {reason}', { reason: parsed.ok ? because('a price of 0 or below') : parsed.reason }));
  }) as [string | null, string | null];
}

/** A linear row's PnL is size × move (within the tolerance); any row's PnL sign follows its side once the mark has moved. */
function checkPnl(row: { side: 'long' | 'short'; size: Exact; entry: Exact; mark: Exact; pnl: Exact; linear: boolean }) {
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
  } else if (sign(row.pnl) !== 0 && compare(abs(move), times(FLAT_MOVE, row.entry)) > 0 && sign(directed) !== sign(row.pnl)) {
    throw new RowProblem(because('PnL {pnl} contradicts a {side} from {entry} at mark {mark}', values));
  }
}

function readRow(row: Element[], index: number, table: Table, market: BybitMarket, decimalComma: boolean): ReadPosition | UnreadableRow {
  const cellAt = (key: BybitColumn) => {
    const at = table.columns.get(key);
    return at === undefined ? null : (row[at] ?? null);
  };
  const symbolText = textLines(cellAt('symbol')!, true).join(' ');
  const found = symbolIn(symbolText);
  try {
    if (!found) throw new RowProblem(because('no symbol in the symbol cell'));
    // Neighbours showing one figure: a cell duplicated beside itself, with another missing, shifts every column after it.
    if (row.some((cell, i) => i > 0 && /\d/.test(cell.textContent ?? '') && cell.innerHTML === row[i - 1]!.innerHTML))
      throw new RowProblem(because('two neighbouring cells show the same figure: a cell may have slid'));
    for (const key of table.ambiguous)
      if (REQUIRED.includes(key)) throw new RowProblem(because('two columns are labelled as {column}', { column: key }));
    if (found.quote !== (market === 'linear' ? 'USDT' : 'USD') || found.suffix !== null)
      throw new RowProblem(because("{symbol} is not a contract of this page's market", { symbol: found.symbol }));
    /** A figure's first number ("-12.50 USDT (-1.25%)" → -12.50 USDT); "--" or empty is none, garbage a problem. */
    const number = (key: BybitColumn, required: boolean): Extract<ParsedNumber, { ok: true }> | null => {
      const cell = cellAt(key);
      if (!cell || table.ambiguous.includes(key)) {
        if (required) throw new RowProblem(because('the {column} column is missing', { column: key }));
        return null;
      }
      const parsed = parsePageNumber(
        textOf(cell)
          .split(/(?=\()/)[0]!
          .trim(),
        decimalComma,
      );
      if (!parsed.ok) {
        if (required || !parsed.empty) throw new RowProblem(because('{column}: {reason}', { column: key, reason: parsed.reason }));
        return null;
      }
      if (parsed.percent) throw new RowProblem(because('{column} shows a percentage', { column: key }));
      if (PRICES.includes(key) && parsed.unit !== null && parsed.unit !== found.quote)
        throw new RowProblem(because('{column} is in {unit}', { column: key, unit: parsed.unit }));
      return parsed;
    };

    const tokens = tokensOf(symbolText);
    const cross = tokens.some((t) => CROSS.has(t));
    const isolated = tokens.some((t) => ISOLATED.has(t));
    if (cross === isolated)
      throw new RowProblem(cross ? because('both cross and isolated shown') : because('margin mode (cross / isolated) not shown'));
    const leverageMatch = LEVERAGE.exec(symbolText.normalize('NFKC'));
    const leverage = leverageMatch ? Number(leverageMatch[1]) : null;
    if (leverage !== null && !(leverage >= 1 && leverage <= 200))
      throw new RowProblem(because('leverage {leverage}x is not possible', { leverage }));

    const size = number('size', true)!;
    const signedSize = exact(size.value);
    if (sign(signedSize) === 0) throw new RowProblem(because('size is zero'));
    const sideWords = [...tokens, ...tokensOf(textLines(cellAt('size')!, true).join(' '))];
    const saysLong = sideWords.some((t) => LONG.has(t));
    const saysShort = sideWords.some((t) => SHORT.has(t));
    if (saysLong && saysShort) throw new RowProblem(because('the row says both long and short'));
    if (saysLong && sign(signedSize) < 0) throw new RowProblem(because('a negative size on a row marked long'));
    const side = saysShort || (!saysLong && sign(signedSize) < 0) ? 'short' : 'long';

    // INFERRED: a size with no unit is in the market's own unit (the coin, or USD contracts); the PnL check holds it.
    const unit = size.unit ?? table.units.get('size') ?? null;
    const sizeUnit =
      market === 'linear'
        ? unit === null || unit === found.base
          ? 'base'
          : unit === found.quote
            ? 'quote'
            : null
        : unit === null || unit === 'USD' || normalizeLabel(unit) === 'contracts'
          ? 'contracts'
          : null;
    if (sizeUnit === null)
      throw new RowProblem(
        because('size unit "{unit}" is not {base}, {quote} or contracts', { unit: unit!, base: found.base, quote: found.quote }),
      );

    const entry = exact(number('entryPrice', true)!.value);
    const markPrice = number('markPrice', true)!;
    const mark = exact(markPrice.value);
    if (sign(entry) <= 0 || sign(mark) <= 0) throw new RowProblem(because('entry and mark prices must be above 0'));
    const pnl = number('pnl', false);
    if (!pnl) throw new RowProblem(because('no PnL to check the row against'));
    // SEEN: "value USDT (±x%)". Without its ROI the cell is another P&L column slid into place (Realized P&L).
    const roiText = /\(([^)]*%)\s*\)/.exec(textOf(cellAt('pnl')!))?.[1];
    const roi = roiText ? parsePageNumber(roiText, decimalComma) : null;
    if (!roi?.ok || !roi.percent) throw new RowProblem(because('the ROI is not a percentage'));
    checkPnl({ side, size: abs(signedSize), entry, mark, pnl: exact(pnl.value), linear: market === 'linear' && sizeUnit === 'base' });
    const liquidation = number('liquidationPrice', false);
    const liquidationPrice = liquidation && sign(exact(liquidation.value)) > 0 ? exact(liquidation.value) : null;
    if (liquidationPrice && compare(liquidationPrice, mark) * (side === 'long' ? 1 : -1) >= 0)
      throw new RowProblem(
        because('the liquidation price {price} is on the wrong side of the mark for a {side}', { price: liquidation!.value, side }),
      );
    const margin = number('margin', false);
    if (margin && sign(exact(margin.value)) <= 0) throw new RowProblem(because('the margin is not above 0'));
    const tpsl = cellAt('tpsl');
    const [takeProfit, stopLoss] = tpsl ? readTpSl(textOf(tpsl), decimalComma) : [null, null];

    return {
      row: index + 1,
      symbol: found.symbol,
      market,
      contract: 'perpetual',
      side,
      size: decimalString(abs(signedSize)),
      sizeUnit,
      sizeAsset: sizeUnit === 'base' ? found.base : sizeUnit === 'quote' ? found.quote : 'USD',
      entryPrice: decimalString(entry),
      markPrice: decimalString(mark),
      priceDecimals: markPrice.decimals,
      pageLiquidationPrice: liquidationPrice && liquidation!.value,
      marginMode: cross ? 'cross' : 'isolated',
      leverage,
      margin: margin?.value ?? null,
      marginAsset: margin?.unit ?? (market === 'linear' ? 'USDT' : found.base),
      pnl: pnl.value,
      roiPercent: roi.value,
      takeProfit,
      stopLoss,
    };
  } catch (error) {
    if (!(error instanceof RowProblem)) throw error;
    return { row: index + 1, symbol: found?.symbol ?? null, reason: error.message };
  }
}

const ACCOUNT_LABELS = new Map(
  (Object.entries(ACCOUNT) as [BybitAccountKey, readonly string[]][]).flatMap(([key, labels]) =>
    labels.map((label): [string, BybitAccountKey] => [normalizeLabel(label), key]),
  ),
);

/** The account panel: each label's value is the element after it; Margin Balance and the MM rate are required. */
function readAccount(root: Element, exclude: Element | null, decimalComma: boolean, cache?: BybitCache): ReadAccount {
  const found = new Map<BybitAccountKey, Element>();
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length > 40 || text.trim() === '') continue;
    const key = ACCOUNT_LABELS.get(normalizeLabel(text));
    const label = node.parentElement;
    if (!key || !label || found.has(key) || exclude?.contains(label) || !label.nextElementSibling) continue;
    found.set(key, label);
  }
  if (cache) cache.account = [...found.values()];
  const value = (key: BybitAccountKey) => {
    const label = found.get(key);
    return label ? parsePageNumber(textOf(label.nextElementSibling!), decimalComma) : null;
  };
  const [balance, ratio, available] = [value('marginBalance'), value('marginRatio'), value('availableBalance')];
  const amount = (parsed: ParsedNumber | null) => (parsed?.ok && !parsed.percent ? parsed.value : null);
  const account: ReadAccount = {
    asset: balance?.ok ? balance.unit : null,
    walletBalance: null,
    availableBalance: amount(available),
    marginBalance: amount(balance),
    maintenanceMargin: null,
    marginRatioPercent: ratio?.ok && ratio.percent ? ratio.value : null,
    missing: [],
  };
  account.missing = [account.marginBalance === null && 'marginBalance', account.marginRatioPercent === null && 'marginRatio'].filter(
    (key): key is string => key !== false,
  );
  return account;
}

/** Reads the trading page at `url` rendered in `document`; pass the same `cache` to every read of one page. */
export function readBybitPage(document: Document, url: string, cache?: BybitCache): PageSnapshot | null {
  const route = parseBybitRoute(url);
  if (!route) return null;
  const root = document.body;
  const tab = tabNamed(pageTabs(root), TAB_LABELS);
  if (cache) cache.positionsTab = tab.element;
  const table = findTable(root, cache);
  const rows = table ? rowsOf(table) : [];
  const decimalComma = usesDecimalComma(rows.flatMap((row) => row.map((cell) => cell.textContent ?? '')));
  const account = readAccount(root, table?.element ?? null, decimalComma, cache);
  const base = {
    exchange: 'bybit',
    market: route.market,
    pageSymbol: route.symbol,
    language: route.language ?? document.documentElement.getAttribute('lang') ?? 'en',
    positionsCount: tab.count,
    account,
  };
  const reasons: string[] = [];
  if (account.missing.length > 0) reasons.push(because('account panel: could not read {fields}', { fields: account.missing.join(', ') }));
  const none = { positions: [], unreadable: [] };
  if (tab.found && tab.selected === false)
    return {
      ...base,
      ...none,
      state: 'other-tab',
      reasons: [because('another tab is selected: open Positions to see current figures'), ...reasons],
    };
  if (!table) {
    if (tab.count === 0) return { ...base, ...none, state: 'ok', reasons };
    const missing = tab.found
      ? because('could not find the positions list (its column headers)')
      : because('could not find the Positions tab or list');
    return { ...base, ...none, state: 'unreadable', reasons: [missing, ...reasons] };
  }
  if (!table.columns.has('liquidationPrice'))
    reasons.push(because("positions list: the Liq.Price column is hidden, so the page's price cannot be compared"));
  const positions: ReadPosition[] = [];
  const unreadable: UnreadableRow[] = [];
  rows.forEach((row, index) => {
    const read = readRow(row, index, table, route.market, decimalComma);
    if ('reason' in read) unreadable.push(read);
    else positions.push(read);
  });
  if (tab.count !== null && tab.count > rows.length)
    reasons.push(because('the Positions tab counts {count} but {rows} rows are on the page', { count: tab.count, rows: rows.length }));
  return { ...base, state: 'ok', reasons, positions, unreadable };
}

/** The nearest element holding all of `elements`. */
function commonAncestor(elements: readonly Element[]): Element | null {
  let ancestor: Element | null = elements[0]?.parentElement ?? null;
  while (ancestor && !elements.every((element) => ancestor!.contains(element))) ancestor = ancestor.parentElement;
  return ancestor;
}

/** What the overlay must not cover: the positions tab bar and table, and the account panel, as the last read found them. */
export function bybitLandmarks(cache: BybitCache): PageLandmarks {
  const connected = (element: Element | null | undefined): element is Element => !!element?.isConnected;
  const labels = (cache.account ?? []).filter(connected);
  return {
    positions: [cache.positionsTab?.closest('[role="tablist"]') ?? cache.positionsTab, cache.table].filter(connected),
    account: labels.length > 0 ? commonAncestor(labels) : null,
  };
}
