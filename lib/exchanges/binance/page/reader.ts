/**
 * Reads the Binance futures page into a `PageSnapshot` by what a person sees: the Positions tab, the column
 * headers of the positions list, the labels of the account panel. Never by generated class names, never by
 * column position. Every value is validated; a row that contradicts itself is reported unreadable with the
 * reason, and what could not be found is said, not guessed (../shared/research/dom.md is partly INFERRED).
 */
import { abs, compare, decimalString, exact, minus, negated, sign, times, type Exact } from '../../../core/parse/exact';
import { parsePageNumber, type ParsedNumber } from '../../../core/parse/number';
import { memoByText } from '../../../core/memo';
import type { PageLandmarks } from '../../pageFace';
import type { PageSnapshot, ReadAccount, ReadPosition, UnreadableRow } from '../../../model/snapshot';
import { languagesFor, pageLanguage, type AccountKey, type ColumnKey, type Language, type LanguageLabels } from './labels';
import {
  hasTwinCells,
  normalizeLabel,
  pageTabs,
  rowsBelow,
  symbolIn,
  tabNamed,
  textLines,
  textOf,
  tokensOf,
  usesDecimalComma,
} from '../../pageText';
import { openOrdersTab, readOpenOrders } from './openOrders';
import { accountLandmark, cachedLabelledElements, readTpSl, RowProblem, type LabelCache } from '../../tablePage';
import { parseFuturesRoute, type FuturesMarket } from './routes';
import { because } from '../../../core/i18n/reasons/because';

const REQUIRED_COLUMNS: ColumnKey[] = ['symbol', 'size', 'entryPrice', 'markPrice'];
const PRICE_COLUMNS: ColumnKey[] = ['entryPrice', 'markPrice', 'liquidationPrice', 'breakEvenPrice'];

/** Each dictionary's column labels, normalised once and longest first (the first hit is the longest match). */
const compiledColumns = new WeakMap<LanguageLabels, [string, ColumnKey][]>();

function columnLabels(dictionary: LanguageLabels): [string, ColumnKey][] {
  let compiled = compiledColumns.get(dictionary);
  if (!compiled) {
    compiled = (Object.entries(dictionary.columns) as [ColumnKey, string[]][])
      .flatMap(([key, labels]) => labels.map((label): [string, ColumnKey] => [normalizeLabel(label), key]))
      .sort((a, b) => b[0].length - a[0].length);
    compiledColumns.set(dictionary, compiled);
  }
  return compiled;
}

/** Which column a header names: the longest label that the header equals or starts with ("Size(ETH)" → size). */
function columnOf(header: string, dictionaries: LanguageLabels[]): ColumnKey | null {
  const normalized = normalizeLabel(header);
  if (!normalized) return null;
  // The page's own language wins over a longer match in another.
  for (const dictionary of dictionaries) {
    for (const [label, key] of columnLabels(dictionary)) if (normalized.startsWith(label)) return key;
  }
  return null;
}

/**
 * What one read learnt about where things are, for the next read of the same page: the header row, the rows
 * under it, each row's last reading (by its cells' markup), and the account labels. Each is re-checked (still in the
 * page, same text or markup, same number of rows) before use; the caller owns the cache.
 */
export interface ReaderCache {
  table?: Table & { signature: string };
  rows?: { table: Table; elements: Element[]; containers: [Element, number][] };
  reads?: WeakMap<Element, RowReading>;
  cells?: WeakMap<Element, CellText>;
  /** The account panel's labels as the last read found them. */
  labels?: LabelCache;
  /** The Positions tab as last found: with the header row, where the positions list begins. */
  positionsTab?: Element | null;
}

/**
 * One cell's markup and its text as lines, joined, and as words once a read needed them. Kept as long as the
 * markup is: the same string each read, so the memos keyed by text find it without hashing a new one.
 */
interface CellText {
  html: string;
  lines: string[];
  text: string;
  words?: string[];
}

/** One row's cells and their text, and what it read as (for the table and decimal mark it was read with). */
interface RowReading {
  cells: CellText[];
  texts: string[];
  read?: { table: Table; decimalComma: boolean; language: Language; result: ReadPosition | UnreadableRow };
}

/** The rows under the header: found again only when a row left the page or a row container's size changed. */
function rowsOf(table: Table, cache?: ReaderCache): Element[] {
  const cached = cache?.rows;
  if (
    cached?.table === table &&
    cached.elements.every((row) => row.isConnected && row.childElementCount === table.cellCount) &&
    cached.containers.every(([container, count]) => container.isConnected && container.childElementCount === count)
  ) {
    return cached.elements;
  }
  const elements = rowsBelow(table.header, table.cellCount, table.columns.get('symbol')!);
  // An empty list is searched every time: the first position may appear anywhere under the header.
  if (cache) {
    const containers = [...new Set(elements.map((row) => row.parentElement!))];
    cache.rows =
      elements.length > 0 ? { table, elements, containers: containers.map((c): [Element, number] => [c, c.childElementCount]) } : undefined;
  }
  return elements;
}

/**
 * A row as it reads now: its cells, of which only the ones whose markup changed (on a ticking page: the mark
 * price, the PnL, the liquidation price) are walked again, and the same reading when none did. Compared cell by
 * cell, not as a whole row first: on a ticking page nearly every row has changed, and serialising the row's
 * markup as well would only double the work.
 */
function rowReading(row: Element, cache?: ReaderCache): RowReading {
  const cells = Array.from(row.children, (cell) => cellText(cell, cache));
  const cached = cache?.reads?.get(row);
  if (cached && cached.cells.length === cells.length && cached.cells.every((cell, i) => cell === cells[i])) return cached;
  const reading: RowReading = { cells, texts: cells.map((cell) => cell.text) };
  if (cache) (cache.reads ??= new WeakMap()).set(row, reading);
  return reading;
}

function cellText(cell: Element, cache?: ReaderCache): CellText {
  const html = cell.innerHTML;
  const cached = cache?.cells?.get(cell);
  if (cached?.html === html) return cached;
  const lines = textLines(cell);
  const text: CellText = { html, lines, text: lines.join(' ') };
  if (cache) (cache.cells ??= new WeakMap()).set(cell, text);
  return text;
}

interface Table {
  header: Element;
  columns: Map<ColumnKey, number>;
  /** Units written in headers, e.g. "Size(ETH)". */
  headerUnits: Map<ColumnKey, string>;
  ambiguous: ColumnKey[];
  cellCount: number;
}

function tableFrom(candidate: Element, dictionaries: LanguageLabels[]): Table | null {
  const cells = Array.from(candidate.children);
  if (cells.length < REQUIRED_COLUMNS.length) return null;
  const columns = new Map<ColumnKey, number>();
  const headerUnits = new Map<ColumnKey, string>();
  const ambiguous: ColumnKey[] = [];
  cells.forEach((cell, index) => {
    if ((cell.textContent ?? '').length > 60) return;
    const text = textOf(cell);
    const key = columnOf(text, dictionaries);
    if (!key) return;
    if (columns.has(key)) ambiguous.push(key);
    columns.set(key, index);
    const unit = /\(([A-Z0-9]{2,12})\)\s*$/.exec(text.normalize('NFKC'));
    if (unit) headerUnits.set(key, unit[1]!);
  });
  if (!columns.has('symbol') || !columns.has('size') || !(columns.has('markPrice') || columns.has('entryPrice'))) return null;
  return { header: candidate, columns, headerUnits, ambiguous, cellCount: cells.length };
}

/** A header row holds a few short labels; anything with more text than this is a container, not a header. */
const MAX_HEADER_TEXT = 1200;

function findTable(root: Element, dictionaries: LanguageLabels[], cache?: ReaderCache): Table | null {
  const cached = cache?.table;
  if (cached && cached.header.isConnected && cached.header.textContent === cached.signature) return cached;
  let best: Table | null = null;
  for (const candidate of Array.from(root.querySelectorAll('*'))) {
    if (candidate.childElementCount < REQUIRED_COLUMNS.length || candidate.childElementCount > 40) continue;
    if ((candidate.textContent ?? '').length > MAX_HEADER_TEXT) continue;
    const table = tableFrom(candidate, dictionaries);
    if (table && (!best || table.columns.size > best.columns.size)) best = table;
  }
  if (cache) cache.table = best ? { ...best, signature: best.header.textContent ?? '' } : undefined;
  return best;
}

interface Phrase<T> {
  value: T;
  tokens: readonly string[];
}

/**
 * One language's words, normalised once, and what a row's texts say in them, worked out once per text: reads
 * happen every second the page ticks, and a row's symbol, side and margin mode rarely change.
 */
interface Vocabulary {
  dictionaries: LanguageLabels[];
  /** The margin modes a text names ("Cross", "Isolated") and the leverage written with one ("Cross 20x", "全仓 20x"). */
  marginOf: (text: string) => { modes: ReadonlySet<'cross' | 'isolated'>; leverage: number | null };
  sidesOf: (text: string) => ReadonlySet<'long' | 'short'>;
  namesPerpetual: (text: string) => boolean;
  contracts: Set<string>;
  /** The Positions tab's labels, normalised. */
  positionsTabs: Set<string>;
  /** The account panel's labels, normalised, by key: the page's own language's where two languages share a label. */
  accountLabels: Map<string, AccountKey>;
}

const vocabularies = new Map<Language, Vocabulary>();

function vocabularyFor(language: Language): Vocabulary {
  const cached = vocabularies.get(language);
  if (cached) return cached;
  const dictionaries = languagesFor(language);
  const phrases = <T>(pairs: [T, string][]): Phrase<T>[] => pairs.map(([value, label]) => ({ value, tokens: tokensOf(label) }));
  const modeLabels = dictionaries.flatMap((d) => [
    ...d.modes.cross.map((label): ['cross', string] => ['cross', label]),
    ...d.modes.isolated.map((label): ['isolated', string] => ['isolated', label]),
  ]);
  const escaped = [...new Set(modeLabels.map(([, label]) => label.normalize('NFKC')))]
    .sort((a, b) => b.length - a.length)
    .map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const modes = phrases(modeLabels);
  // "<mode label> <n>x"; group 1 the label, group 2 the leverage.
  const leverage = new RegExp(`(?:^|[\\s(（])(${escaped.join('|')})\\s*(\\d{1,3})\\s*[x×X]`, 'giu');
  const modeOfLabel = new Map(modeLabels.map(([mode, label]) => [label.normalize('NFKC').toLowerCase(), mode]));
  const sides = phrases(
    dictionaries.flatMap((d) => [
      ...d.sides.long.map((label): ['long', string] => ['long', label]),
      ...d.sides.short.map((label): ['short', string] => ['short', label]),
    ]),
  );
  const perpetual = phrases(dictionaries.flatMap((d) => d.perpetual.map((label): [true, string] => [true, label])));
  const vocabulary: Vocabulary = {
    dictionaries,
    marginOf: memoByText((text) => {
      const found = phrasesIn(tokensOf(text), modes);
      let lastLeverage: number | null = null;
      for (const match of text.normalize('NFKC').matchAll(leverage)) {
        found.add(modeOfLabel.get(match[1]!.toLowerCase())!);
        lastLeverage = Number(match[2]);
      }
      return { modes: found, leverage: lastLeverage };
    }),
    sidesOf: memoByText((text) => phrasesIn(tokensOf(text), sides)),
    namesPerpetual: memoByText((text) => phrasesIn(tokensOf(text), perpetual).size > 0),
    contracts: new Set(dictionaries.flatMap((d) => d.contracts).map(normalizeLabel)),
    positionsTabs: new Set(dictionaries.flatMap((d) => d.tabs.positions).map(normalizeLabel)),
    accountLabels: new Map(
      [...dictionaries]
        .reverse()
        .flatMap((d) => ACCOUNT_KEYS.flatMap((key) => d.account[key].map((label): [string, AccountKey] => [normalizeLabel(label), key]))),
    ),
  };
  vocabularies.set(language, vocabulary);
  return vocabulary;
}

/** The values of the phrases that occur in `tokens` as whole words. */
function phrasesIn<T>(tokens: readonly string[], phrases: Phrase<T>[]): Set<T> {
  const found = new Set<T>();
  for (const { value, tokens: wanted } of phrases) {
    if (wanted.length > 0 && tokens.some((_, start) => wanted.every((word, i) => tokens[start + i] === word))) found.add(value);
  }
  return found;
}

/** PnL may be priced off the last price rather than the mark: allow this much of the notional between them. */
const PNL_TOLERANCE = exact('0.003');
/** Below this move of the mark from the entry (a fraction of the entry) a PnL's sign says nothing. */
const FLAT_MOVE = exact('0.001');
/** A break-even further than this from the entry (a fraction of it) is another column's figure. */
const BREAK_EVEN_RANGE = exact('0.05');

/**
 * A row must agree with itself: a row whose cells slid by one column, or whose side was misread, would otherwise
 * be shown as good. PnL = direction × size × (mark − entry) within PNL_TOLERANCE of the notional (linear sizes in
 * the base asset); the page's liquidation price on the losing side of the mark; a positive margin; a break-even
 * near the entry.
 */
function checkConsistency(row: {
  side: 'long' | 'short';
  size: Exact;
  entry: Exact;
  mark: Exact;
  unit: 'base' | 'quote' | 'contracts';
  market: 'usdm' | 'coinm';
  pnl: ParsedNumber | null;
  liquidation: ParsedNumber | null;
  margin: ParsedNumber | null;
  breakEven: ParsedNumber | null;
}) {
  const d = row.side === 'long' ? 1 : -1;
  const pnl = row.pnl?.ok ? exact(row.pnl.value) : null;
  const move = minus(row.mark, row.entry);
  if (pnl && row.market === 'usdm' && row.unit === 'base') {
    const expected = times(row.size, d === 1 ? move : negated(move));
    if (compare(abs(minus(pnl, expected)), times(times(row.size, row.mark), PNL_TOLERANCE)) > 0) {
      throw new RowProblem(
        because('PnL {pnl} contradicts a {side} of {size} from {entry} at mark {mark}', {
          pnl: decimalString(pnl),
          side: row.side,
          size: decimalString(row.size),
          entry: decimalString(row.entry),
          mark: decimalString(row.mark),
        }),
      );
    }
  } else if (pnl && sign(pnl) !== 0) {
    // The entry is above 0, so |mark − entry| / entry > FLAT_MOVE is |mark − entry| > FLAT_MOVE × entry.
    if (compare(abs(move), times(FLAT_MOVE, row.entry)) > 0 && sign(move) * d > 0 !== sign(pnl) > 0) {
      throw new RowProblem(
        because('PnL {pnl} contradicts a {side} from {entry} at mark {mark}', {
          pnl: decimalString(pnl),
          side: row.side,
          entry: decimalString(row.entry),
          mark: decimalString(row.mark),
        }),
      );
    }
  }
  const liquidation = row.liquidation?.ok ? exact(row.liquidation.value) : null;
  if (liquidation && sign(liquidation) > 0 && compare(liquidation, row.mark) * d >= 0) {
    // Past liquidation the exchange closes the position: a page showing it open there is misread.
    throw new RowProblem(
      because('the liquidation price {price} is on the wrong side of the mark for a {side}', {
        price: decimalString(liquidation),
        side: row.side,
      }),
    );
  }
  if (row.margin?.ok && sign(exact(row.margin.value)) <= 0) throw new RowProblem(because('the margin is not above 0'));
  if (row.breakEven?.ok && compare(abs(minus(exact(row.breakEven.value), row.entry)), times(row.entry, BREAK_EVEN_RANGE)) > 0) {
    throw new RowProblem(because('the break-even price is far from the entry'));
  }
}

function readRow(
  row: Element,
  { cells, texts }: RowReading,
  index: number,
  table: Table,
  vocabulary: Vocabulary,
  decimalComma: boolean,
  pageMarket: FuturesMarket,
): ReadPosition | UnreadableRow {
  /** The cell under a column, and where it is in the row. */
  const cellOf = (key: ColumnKey) => {
    const position = table.columns.get(key);
    return position === undefined || position >= cells.length ? null : { position, text: cells[position]! };
  };
  /** A cell's lines; with `asWords`, inline elements are separate words ("Cross 20x" "Short"), read once per markup. */
  const cell = (key: ColumnKey, asWords = false) => {
    const found = cellOf(key);
    if (!found) return null;
    if (!asWords) return found.text.lines;
    return (found.text.words ??= textLines(row.children[found.position]!, true));
  };
  const symbolText = (cell('symbol', true) ?? []).join(' ');
  const found = symbolIn(symbolText);
  try {
    if (!found) throw new RowProblem(because('no symbol in the symbol cell'));
    if (hasTwinCells(row, texts)) throw new RowProblem(because('two neighbouring cells show the same figure: a cell may have slid'));
    for (const key of table.ambiguous)
      if (REQUIRED_COLUMNS.includes(key)) throw new RowProblem(because('two columns are labelled as {column}', { column: key }));
    const number = (key: ColumnKey, line = 0, required = true): ParsedNumber | null => {
      const shown = cellOf(key)?.text;
      if (!shown || table.ambiguous.includes(key)) {
        if (required) throw new RowProblem(because('the {column} column is missing', { column: key }));
        return null;
      }
      // The second figure of a cell is the one in brackets: "-384.85 USDT (-16.12%)".
      const { text: joined, lines } = shown;
      const text = (line === 0 && !joined.includes('(') ? joined : (joined.split(/(?=\()/)[line] ?? lines[line] ?? '')).trim();
      const parsed = parsePageNumber(text, decimalComma);
      // Shown but unreadable is a problem even for an optional figure: "--" or empty is "none", garbage is not.
      if (!parsed.ok && (required || !parsed.empty))
        throw new RowProblem(because('{column}: {reason}', { column: key, reason: parsed.reason }));
      // A percentage only where the page writes one (the ROI), a price only in the quote asset: anything else
      // slid in from a neighbouring column.
      const roi = key === 'pnl' && line === 1;
      if (parsed.ok && parsed.percent !== roi)
        throw new RowProblem(roi ? because('the ROI is not a percentage') : because('{column} shows a percentage', { column: key }));
      if (parsed.ok && PRICE_COLUMNS.includes(key) && parsed.unit !== null && parsed.unit !== found!.quote)
        throw new RowProblem(because('{column} is in {unit}', { column: key, unit: parsed.unit ?? '' }));
      return parsed;
    };
    const value = (parsed: ParsedNumber | null) => (parsed?.ok ? parsed.value : null);

    const allText = [symbolText, ...(cell('margin', true) ?? [])].join(' ');
    const { modes: modeMatches, leverage } = vocabulary.marginOf(allText);
    if (modeMatches.size !== 1)
      throw new RowProblem(
        modeMatches.size === 0 ? because('margin mode (cross / isolated) not shown') : because('both cross and isolated shown'),
      );
    const marginMode = [...modeMatches][0] as 'cross' | 'isolated';
    if (leverage !== null && !(leverage >= 1 && leverage <= 200))
      throw new RowProblem(because('leverage {leverage}x is not possible', { leverage }));

    const size = number('size')!;
    if (!size.ok) throw new RowProblem(because('size unreadable'));
    const signedSize = exact(size.value);
    if (sign(signedSize) === 0) throw new RowProblem(because('size is zero'));
    const sideText = [symbolText, ...(cell('size', true) ?? [])].join(' ');
    const sides = vocabulary.sidesOf(sideText);
    const saysLong = sides.has('long');
    const saysShort = sides.has('short');
    if (saysLong && saysShort) throw new RowProblem(because('the row says both long and short'));
    const side = saysShort || (!saysLong && sign(signedSize) < 0) ? 'short' : 'long';
    if (saysLong && sign(signedSize) < 0) throw new RowProblem(because('a negative size on a row marked long'));

    const unit = size.unit ?? table.headerUnits.get('size') ?? null;
    const market = found.quote === 'USD' ? 'coinm' : 'usdm';
    // A USDⓈ-M page lists USDⓈ-M positions, a COIN-M page COIN-M ones: anything else was misread.
    if (market !== pageMarket)
      throw new RowProblem(
        because('{symbol} is not a {market} contract', { symbol: found.symbol, market: pageMarket === 'usdm' ? 'USDⓈ-M' : 'COIN-M' }),
      );
    const isContracts = unit !== null && vocabulary.contracts.has(normalizeLabel(unit));
    const sizeUnit = unit === found.base ? 'base' : unit === found.quote ? 'quote' : isContracts ? 'contracts' : null;
    if (sizeUnit === null)
      throw new RowProblem(
        unit
          ? because('size unit "{unit}" is not {base}, {quote} or contracts', { unit, base: found.base, quote: found.quote })
          : because('size has no unit'),
      );

    const entry = exact(value(number('entryPrice'))!);
    // Required: number() has thrown unless the mark price parsed. Its decimals as shown are the price's precision.
    const markPrice = number('markPrice') as Extract<ParsedNumber, { ok: true }>;
    const mark = exact(markPrice.value);
    if (sign(entry) <= 0 || sign(mark) <= 0) throw new RowProblem(because('entry and mark prices must be above 0'));
    const liquidation = number('liquidationPrice', 0, false);
    if (liquidation && !liquidation.ok && !liquidation.empty)
      throw new RowProblem(because('liquidation price: {reason}', { reason: liquidation.reason }));
    const pnl = number('pnl', 0, false);
    // The PnL is what shows the row's figures belong together (checkConsistency): without it nothing does.
    if (!pnl?.ok) throw new RowProblem(because('no PnL to check the row against'));
    const roi = number('pnl', 1, false);
    // Read only to check the row (LiqGuard works out its own break-even with the user's fees).
    const breakEven = number('breakEvenPrice', 0, false);
    const margin = number('margin', 0, false);
    // The Margin column names its asset ("352.65 USDT"): a bare number there slid in from another column.
    if (margin?.ok && margin.unit === null) throw new RowProblem(because('the margin has no asset'));

    const [takeProfit, stopLoss] = readTpSl(cellOf('tpsl')?.text.text, decimalComma);
    checkConsistency({ side, size: abs(signedSize), entry, mark, unit: sizeUnit, market, pnl, liquidation, margin, breakEven });

    const perpetual = found.suffix === 'PERP' || vocabulary.namesPerpetual(symbolText);
    const dated = found.suffix !== null && /^\d{6}$/.test(found.suffix);
    // Funding and the tier table depend on it: without either sign it is not guessed.
    if (!dated && !perpetual)
      throw new RowProblem(because('cannot tell a perpetual from a dated contract (no "Perp" and no delivery date)'));
    return {
      row: index + 1,
      symbol: found.symbol,
      market,
      contract: dated ? 'dated' : 'perpetual',
      side,
      size: decimalString(abs(signedSize)),
      sizeUnit,
      sizeAsset: sizeUnit === 'base' ? found.base : sizeUnit === 'quote' ? found.quote : 'contracts',
      entryPrice: decimalString(entry),
      markPrice: decimalString(mark),
      priceDecimals: markPrice.decimals,
      pageLiquidationPrice: liquidation?.ok && sign(exact(liquidation.value)) > 0 ? liquidation.value : null,
      marginMode,
      leverage,
      margin: margin?.ok ? margin.value : null,
      marginAsset: margin?.ok ? margin.unit : market === 'usdm' ? found.quote : found.base,
      pnl: pnl?.ok ? pnl.value : null,
      roiPercent: roi?.ok && roi.percent ? roi.value : null,
      takeProfit,
      stopLoss,
    };
  } catch (error) {
    if (!(error instanceof RowProblem)) throw error;
    return { row: index + 1, symbol: found?.symbol ?? null, reason: error.message };
  }
}

/** The account panel's figures the risk needs; the order form's Avbl is read too, for the calculators, when shown. */
const REQUIRED_ACCOUNT_KEYS: AccountKey[] = ['marginRatio', 'maintenanceMargin', 'marginBalance', 'walletBalance'];
const ACCOUNT_KEYS: AccountKey[] = [...REQUIRED_ACCOUNT_KEYS, 'availableBalance'];

function readAccount(
  root: Element,
  exclude: Element | null,
  wanted: ReadonlyMap<string, AccountKey>,
  decimalComma: boolean,
  cache?: ReaderCache,
): ReadAccount {
  const labels = cachedLabelledElements(root, wanted, exclude, REQUIRED_ACCOUNT_KEYS, cache);
  const values: Partial<Record<AccountKey, ParsedNumber>> = {};
  for (const [key, element] of labels) {
    const valueElement = element.nextElementSibling;
    if (valueElement) values[key] = parsePageNumber(textOf(valueElement), decimalComma);
  }
  const get = (key: AccountKey) => values[key];
  const asset =
    [get('marginBalance'), get('walletBalance'), get('maintenanceMargin')].map((p) => (p?.ok ? p.unit : null)).find((u) => u) ?? null;
  const ratio = get('marginRatio');
  const decimal = (key: AccountKey) => {
    const parsed = get(key);
    return parsed?.ok && !parsed.percent ? parsed.value : null;
  };
  const read: ReadAccount = {
    asset,
    walletBalance: decimal('walletBalance'),
    availableBalance: decimal('availableBalance'),
    marginBalance: decimal('marginBalance'),
    maintenanceMargin: decimal('maintenanceMargin'),
    marginRatioPercent: ratio?.ok && ratio.percent ? ratio.value : null,
    missing: [],
  };
  read.missing = REQUIRED_ACCOUNT_KEYS.filter((key) => (key === 'marginRatio' ? read.marginRatioPercent : read[key]) === null);
  return read;
}

/** The page's route, parsed once per address (a read happens every second while prices tick). */
const routeOf = memoByText((url: string) => parseFuturesRoute(url), 100);

/** Reads the futures page at `url` rendered in `document`; pass the same `cache` to every read of one page. */
export function readBinancePage(document: Document, url: string, cache?: ReaderCache): PageSnapshot | null {
  const route = routeOf(url);
  if (!route) return null;
  const language = pageLanguage(document.documentElement.getAttribute('lang'), route.language);
  const vocabulary = vocabularyFor(language);
  const { dictionaries } = vocabulary;
  const root = document.body;
  const base: Omit<PageSnapshot, 'state' | 'reasons' | 'positions' | 'unreadable' | 'account' | 'positionsCount'> = {
    exchange: 'binance',
    market: route.market,
    pageSymbol: route.symbol,
    language,
  };
  const tabs = pageTabs(root);
  const tab = tabNamed(tabs, vocabulary.positionsTabs);
  if (cache) cache.positionsTab = tab.element;
  const table = findTable(root, dictionaries, cache);
  let rows = table ? rowsOf(table, cache) : [];
  let readings = rows.map((row) => rowReading(row, cache));
  // A remembered row that no longer shows a symbol is no longer a row: search again, as a first read would.
  if (table && cache?.rows && readings.some((reading) => !symbolIn(reading.texts[table.columns.get('symbol')!] ?? ''))) {
    cache.rows = undefined;
    rows = rowsOf(table, cache);
    readings = rows.map((row) => rowReading(row, cache));
  }
  const decimalComma = usesDecimalComma(readings.flatMap((reading) => reading.texts));
  const account = readAccount(root, table?.header.parentElement ?? null, vocabulary.accountLabels, decimalComma, cache);
  const reasons: string[] = [];
  if (account.missing.length > 0) reasons.push(because('account panel: could not read {fields}', { fields: account.missing.join(', ') }));

  const ordersTab = openOrdersTab(tabs, language);
  base.openOrdersCount = ordersTab.count;
  if (tab.found && tab.selected === false) {
    return {
      ...base,
      ...(ordersTab.selected ? { openOrders: readOpenOrders(root, tabs, language, route.market) } : {}),
      state: 'other-tab',
      reasons: [because('another tab is selected: open Positions to see current figures'), ...reasons],
      positionsCount: tab.count,
      positions: [],
      unreadable: [],
      account,
    };
  }
  if (!table) {
    if (tab.count === 0) return { ...base, state: 'ok', reasons, positionsCount: 0, positions: [], unreadable: [], account };
    return {
      ...base,
      state: 'unreadable',
      reasons: [
        tab.found ? because('could not find the positions list (its column headers)') : because('could not find the Positions tab or list'),
        ...reasons,
      ],
      positionsCount: tab.count,
      positions: [],
      unreadable: [],
      account,
    };
  }
  const missingColumns = REQUIRED_COLUMNS.filter((key) => !table.columns.has(key));
  if (missingColumns.length > 0) reasons.push(because('positions list: no {columns} column', { columns: missingColumns.join(', ') }));
  if (!table.columns.has('liquidationPrice'))
    reasons.push(because("positions list: the Liq.Price column is hidden, so the page's price cannot be compared"));

  const positions: ReadPosition[] = [];
  const unreadable: UnreadableRow[] = [];
  rows.forEach((row, index) => {
    // A row whose markup has not changed reads as it did (numbered by where it is now).
    const reading = readings[index]!;
    const last = reading.read;
    const read =
      last && last.table === table && last.decimalComma === decimalComma && last.language === language
        ? { ...last.result, row: index + 1 }
        : readRow(row, reading, index, table, vocabulary, decimalComma, route.market);
    reading.read = { table, decimalComma, language, result: read };
    if ('reason' in read) unreadable.push(read);
    else positions.push(read);
  });
  if (tab.count !== null && tab.count > rows.length)
    reasons.push(because('the Positions tab counts {count} but {rows} rows are on the page', { count: tab.count, rows: rows.length }));
  return { ...base, state: 'ok', reasons, positionsCount: tab.count, positions, unreadable, account };
}

/**
 * What the overlay must not cover, as the last read found it: the positions list (its tab bar and the header row's
 * container, which holds the rows) and the account panel (the nearest element holding the account labels found).
 */
export function binanceLandmarks(cache: ReaderCache): PageLandmarks {
  const connected = (element: Element | null | undefined): element is Element => !!element?.isConnected;
  const tabBar = cache.positionsTab?.closest('[role="tablist"]') ?? cache.positionsTab;
  return {
    positions: [tabBar, cache.table?.header.parentElement].filter(connected),
    account: accountLandmark(cache.labels),
  };
}
