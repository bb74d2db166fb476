/**
 * Reads Bybit's trading page into a `PageSnapshot` by what a person sees: the Positions tab, the header cells of the
 * positions `<table>` (its columns can be moved and hidden, so never by position), and the account panel's labels.
 * Every row is checked against itself (PnL against size and prices, the page's liquidation price on the losing side
 * of the mark) and reported unreadable with the reason when it disagrees. Labels and what is SEEN: `./labels.ts`.
 */
import { because } from '../../../core/i18n/reasons/because';
import { abs, decimalString, exact, sign } from '../../../core/parse/exact';
import { parsePageNumber, type ParsedNumber } from '../../../core/parse/number';
import type { PageSnapshot, ReadAccount, ReadPosition, UnreadableRow } from '../../../model/snapshot';
import { normalizeLabel, symbolIn, textLines, textOf, tokensOf, usesDecimalComma } from '../../pageText';
import {
  cachedLabelledElements,
  checkLiquidationSide,
  checkPnl,
  checkRowShape,
  labelKeys,
  marginModeIn,
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
import { ACCOUNT, COLUMNS, MODES, POSITIONS_TAB, SIDES, type BybitAccountKey, type BybitColumn } from './labels';
import { parseBybitRoute, type BybitMarket } from './routes';

export type BybitCache = TableCache;

const REQUIRED: BybitColumn[] = ['symbol', 'size', 'entryPrice', 'markPrice'];
const PRICES: BybitColumn[] = ['entryPrice', 'markPrice', 'liquidationPrice'];
const WORDS = tableWords({ columns: COLUMNS, positionsTab: POSITIONS_TAB, modes: MODES, sides: SIDES });
const LEVERAGE = /(?:^|\s)(\d{1,3}(?:\.\d{1,2})?)\s*[x×]/i;

function readRow(
  row: Element[],
  index: number,
  table: Table<BybitColumn>,
  market: BybitMarket,
  decimalComma: boolean,
): ReadPosition | UnreadableRow {
  const { cellAt, figure } = rowCells(row, table, (text) => parsePageNumber(text, decimalComma));
  const symbolText = textLines(cellAt('symbol')!, true).join(' ');
  const found = symbolIn(symbolText);
  try {
    if (!found) throw new RowProblem(because('no symbol in the symbol cell'));
    checkRowShape(row, table, REQUIRED);
    if (found.quote !== (market === 'linear' ? 'USDT' : 'USD') || found.suffix !== null)
      throw new RowProblem(because("{symbol} is not a contract of this page's market", { symbol: found.symbol }));
    /** A figure's first number ("-12.50 USDT (-1.25%)" → -12.50 USDT); "--" or empty is none, garbage a problem. */
    const number = (key: BybitColumn, required: boolean) => {
      const parsed = figure(key, required);
      if (parsed && PRICES.includes(key) && parsed.unit !== null && parsed.unit !== found.quote)
        throw new RowProblem(because('{column} is in {unit}', { column: key, unit: parsed.unit }));
      return parsed;
    };

    const tokens = tokensOf(symbolText);
    const marginMode = marginModeIn(tokens, WORDS.cross, WORDS.isolated);
    const leverageMatch = LEVERAGE.exec(symbolText.normalize('NFKC'));
    const leverage = leverageMatch ? Number(leverageMatch[1]) : null;
    if (leverage !== null && !(leverage >= 1 && leverage <= 200))
      throw new RowProblem(because('leverage {leverage}x is not possible', { leverage }));

    const size = number('size', true)!;
    const signedSize = exact(size.value);
    if (sign(signedSize) === 0) throw new RowProblem(because('size is zero'));
    const sideWords = [...tokens, ...tokensOf(textLines(cellAt('size')!, true).join(' '))];
    // An unsigned size with no word is a long: one-way mode signs a short's size.
    const side = sideShown(sideWords, signedSize, WORDS) ?? 'long';

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
    const roiPercent = roiIn(textOf(cellAt('pnl')!), decimalComma);
    checkPnl({ side, size: abs(signedSize), entry, mark, pnl: exact(pnl.value), linear: market === 'linear' && sizeUnit === 'base' });
    const liquidation = number('liquidationPrice', false);
    const liquidationPrice = liquidation && sign(exact(liquidation.value)) > 0 ? exact(liquidation.value) : null;
    checkLiquidationSide(liquidationPrice, mark, side);
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
      marginMode,
      leverage,
      margin: margin?.value ?? null,
      marginAsset: margin?.unit ?? (market === 'linear' ? 'USDT' : found.base),
      pnl: pnl.value,
      roiPercent,
      takeProfit,
      stopLoss,
    };
  } catch (error) {
    if (!(error instanceof RowProblem)) throw error;
    return { row: index + 1, symbol: found?.symbol ?? null, reason: error.message };
  }
}

const ACCOUNT_LABELS = labelKeys(ACCOUNT);
const REQUIRED_ACCOUNT: BybitAccountKey[] = ['marginBalance', 'marginRatio'];

/** The account panel: each label's value is the element after it; Margin Balance and the MM rate are required. */
function readAccount(root: Element, exclude: Element | null, decimalComma: boolean, cache?: BybitCache): ReadAccount {
  const found = cachedLabelledElements(root, ACCOUNT_LABELS, exclude, REQUIRED_ACCOUNT, cache);
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
  const language = route.language ?? document.documentElement.getAttribute('lang') ?? 'en';
  return readTablePage(
    root,
    { exchange: 'bybit', market: route.market, pageSymbol: route.symbol, language },
    {
      tabLabels: WORDS.tabs,
      headers: WORDS.headers,
      required: REQUIRED,
      // A position's row names a contract in its symbol cell.
      isRow: (cells, table) => !!symbolIn(textOf(cells[table.columns.get('symbol')!]!)),
      // The rows and the account panel share the page's decimal mark.
      reading: (rows, table) => {
        const decimalComma = usesDecimalComma(rows.flatMap((row) => row.map((cell) => cell.textContent ?? '')));
        return {
          account: readAccount(root, table?.element ?? null, decimalComma, cache),
          context: [route.market, decimalComma],
          read: (cells, index, found) => readRow(cells, index, found, route.market, decimalComma),
        };
      },
    },
    cache,
  );
}

export const bybitLandmarks = tableLandmarks;
