/**
 * Reads Hyperliquid's trading page into a `PageSnapshot` by what a person sees: the header cells of the positions
 * `<table>` (its classes are generated hashes), and the account panel's labels. Amounts are written in dollars
 * ("+$2,771.75"), which are USDC. The side may be shown only by colour (a short was SEEN with an unsigned size), so it
 * is taken from a sign or a word when there is one, and otherwise from the PnL against the price's move, or the
 * liquidation price against the mark; every row is then checked against itself (PnL, position value, liquidation
 * side). Labels and what is SEEN: `./labels.ts`.
 */
import { because } from '../../../core/i18n/reasons/because';
import { abs, compare, decimalString, exact, minus, sign, times, type Exact } from '../../../core/parse/exact';
import { parsePageNumber, type ParsedNumber } from '../../../core/parse/number';
import type { PageSnapshot, ReadAccount, ReadPosition, UnreadableRow } from '../../../model/snapshot';
import { textLines, textOf, tokensOf } from '../../pageText';
import {
  cachedLabelledElements,
  checkLiquidationSide,
  checkPnl,
  checkRowShape,
  labelKeys,
  marginModeIn,
  markHasMoved,
  readTablePage,
  readTpSl,
  roiIn,
  rowCells,
  RowProblem,
  type Table,
  type TableCache,
  tableLandmarks,
  sideShown,
  tableWords,
} from '../../tablePage';
import { ACCOUNT, COLUMNS, MODES, POSITIONS_TAB, SIDES, type HyperliquidAccountKey, type HyperliquidColumn } from './labels';
import { parseHyperliquidRoute } from './routes';

export type HyperliquidCache = TableCache;

const REQUIRED: HyperliquidColumn[] = ['coin', 'size', 'entryPrice', 'markPrice'];
const WORDS = tableWords({ columns: COLUMNS, positionsTab: POSITIONS_TAB, modes: MODES, sides: SIDES });
const ACCOUNT_LABELS = labelKeys(ACCOUNT);
const REQUIRED_ACCOUNT: HyperliquidAccountKey[] = ['marginBalance'];
/** The coin cell: "ETH  20x" (the coin as the API names it, then its leverage). */
const COIN_CELL = /^([A-Za-z0-9]{1,12})(?:\s+(\d{1,3})\s*[x×])?(?:\s|$)/;
/** Position value against size × mark: the page rounds both. */
const VALUE_TOLERANCE = exact('0.003');

/** A figure as the page writes it, dollars as USDC: "+$2,771.75 (+171.9%)" → "+2,771.75 USDC (+171.9%)". */
const dollarsAsUsdc = (text: string) => text.replace(/([+\-−]?)\$\s?([\d.,]+)/, '$1$2 USDC');

const parse = (text: string) => parsePageNumber(dollarsAsUsdc(text), false);

const coinOf = (cell: Element | undefined) => (cell ? COIN_CELL.exec(textOf(cell).normalize('NFKC')) : null);

/** The side a row shows by a sign or a word, else what its PnL and move, or its liquidation price, say; null when nothing does. */
function sideOf(row: { signed: Exact; words: readonly string[]; entry: Exact; mark: Exact; pnl: Exact; liquidation: Exact | null }) {
  const shown = sideShown(row.words, row.signed, WORDS);
  if (shown) return shown;
  if (sign(row.pnl) !== 0 && markHasMoved(row.entry, row.mark))
    return sign(row.pnl) === sign(minus(row.mark, row.entry)) ? 'long' : 'short';
  if (row.liquidation && sign(row.liquidation) > 0) return compare(row.liquidation, row.mark) < 0 ? 'long' : 'short';
  return null;
}

function readRow(cells: Element[], index: number, table: Table<HyperliquidColumn>): ReadPosition | UnreadableRow {
  const { cellAt, figure } = rowCells(cells, table, (text) => (/^N\/A$/i.test(text) ? parse('') : parse(text)));
  const coin = coinOf(cellAt('coin') ?? undefined);
  try {
    if (!coin) throw new RowProblem(because('no symbol in the symbol cell'));
    checkRowShape(cells, table, REQUIRED);
    const symbol = coin[1]!;
    const leverage = coin[2] === undefined ? null : Number(coin[2]);
    if (leverage !== null && !(leverage >= 1 && leverage <= 200))
      throw new RowProblem(because('leverage {leverage}x is not possible', { leverage }));

    const marginCell = cellAt('margin');
    const marginMode = marginModeIn(marginCell ? tokensOf(textLines(marginCell, true).join(' ')) : [], WORDS.cross, WORDS.isolated);

    const size = figure('size', true)!;
    const signed = exact(size.value);
    if (sign(signed) === 0) throw new RowProblem(because('size is zero'));
    if (size.unit !== null && size.unit !== symbol)
      throw new RowProblem(
        because('size unit "{unit}" is not {base}, {quote} or contracts', { unit: size.unit, base: symbol, quote: 'USDC' }),
      );
    const entry = exact(figure('entryPrice', true)!.value);
    const markPrice = figure('markPrice', true)!;
    const mark = exact(markPrice.value);
    if (sign(entry) <= 0 || sign(mark) <= 0) throw new RowProblem(because('entry and mark prices must be above 0'));
    const pnl = figure('pnl', false);
    if (!pnl) throw new RowProblem(because('no PnL to check the row against'));
    const roiPercent = roiIn(textOf(cellAt('pnl')!), false);
    const liquidation = figure('liquidationPrice', false);
    const liquidationPrice = liquidation && sign(exact(liquidation.value)) > 0 ? exact(liquidation.value) : null;
    const wordsOfRow = [...tokensOf(textLines(cellAt('coin')!, true).join(' ')), ...tokensOf(textLines(cellAt('size')!, true).join(' '))];
    const side = sideOf({ signed, words: wordsOfRow, entry, mark, pnl: exact(pnl.value), liquidation: liquidationPrice });
    if (side === null) throw new RowProblem(because('the side (long or short) cannot be told from the row'));
    const quantity = abs(signed);
    checkPnl({ side, size: quantity, entry, mark, pnl: exact(pnl.value), linear: true });
    checkLiquidationSide(liquidationPrice, mark, side);
    const value = figure('positionValue', false);
    if (value) {
      const expected = times(quantity, mark);
      if (compare(abs(minus(exact(value.value), expected)), times(expected, VALUE_TOLERANCE)) > 0)
        throw new RowProblem(
          because('the position value {value} contradicts a size of {size} at mark {mark}', {
            value: decimalString(exact(value.value)),
            size: decimalString(quantity),
            mark: decimalString(mark),
          }),
        );
    }
    const margin = figure('margin', false);
    if (margin && sign(exact(margin.value)) <= 0) throw new RowProblem(because('the margin is not above 0'));
    const tpsl = cellAt('tpsl');
    const [takeProfit, stopLoss] = tpsl ? readTpSl(textOf(tpsl), false) : [null, null];
    return {
      row: index + 1,
      symbol,
      market: 'perp',
      contract: 'perpetual',
      side,
      size: decimalString(quantity),
      sizeUnit: 'base',
      sizeAsset: symbol,
      entryPrice: decimalString(entry),
      markPrice: decimalString(mark),
      priceDecimals: markPrice.decimals,
      pageLiquidationPrice: liquidationPrice && decimalString(liquidationPrice),
      marginMode,
      leverage,
      margin: margin?.value ?? null,
      marginAsset: 'USDC',
      pnl: pnl.value,
      roiPercent,
      takeProfit,
      stopLoss,
    };
  } catch (error) {
    if (!(error instanceof RowProblem)) throw error;
    return { row: index + 1, symbol: coin?.[1] ?? null, reason: error.message };
  }
}

function readAccount(root: Element, exclude: Element | null, cache?: HyperliquidCache): ReadAccount {
  const found = cachedLabelledElements(root, ACCOUNT_LABELS, exclude, REQUIRED_ACCOUNT, cache);
  const value = (key: HyperliquidAccountKey) => {
    const label = found.get(key);
    return label ? parse(textOf(label.nextElementSibling!)) : null;
  };
  const amount = (parsed: ParsedNumber | null) => (parsed?.ok && !parsed.percent ? parsed.value : null);
  const ratio = value('marginRatio');
  const balance = amount(value('marginBalance'));
  const account: ReadAccount = {
    asset: balance === null ? null : 'USDC',
    walletBalance: null,
    availableBalance: amount(value('availableBalance')),
    marginBalance: balance,
    maintenanceMargin: amount(value('maintenanceMargin')),
    marginRatioPercent: ratio?.ok && ratio.percent ? ratio.value : null,
    missing: [],
  };
  account.missing = account.marginBalance === null ? ['marginBalance'] : [];
  return account;
}

/** Reads the trading page at `url` rendered in `document`; pass the same `cache` to every read of one page. */
export function readHyperliquidPage(document: Document, url: string, cache?: HyperliquidCache): PageSnapshot | null {
  const route = parseHyperliquidRoute(url);
  if (!route) return null;
  const root = document.body;
  const language = document.documentElement.getAttribute('lang') ?? 'en';
  return readTablePage(
    root,
    { exchange: 'hyperliquid', market: route.market, pageSymbol: route.symbol, language },
    {
      tabLabels: WORDS.tabs,
      headers: WORDS.headers,
      required: REQUIRED,
      // A position's row starts with a coin ("ETH  20x").
      isRow: (cells, table) => coinOf(cells[table.columns.get('coin')!]) !== null,
      reading: (_, table) => ({ account: readAccount(root, table?.element ?? null, cache), context: [], read: readRow }),
    },
    cache,
  );
}

export const hyperliquidLandmarks = tableLandmarks;
