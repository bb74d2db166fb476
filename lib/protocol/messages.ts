/**
 * Every message between the content script, the background worker and the popup, with the one
 * validator each side runs before trusting what arrived. A message that fails validation is dropped.
 */
import type { PageRoute } from '../exchanges/pageFace';
import { parsePositionKey, type SnoozeChoice } from '../model/keys';
import { STRESS_MOVES, type OverlayDisplay, type OverlayPosition, type OverlayView, type OverlayWords } from '../model/overlay';
import { READ_INTERVALS, type ReadInterval } from '../model/readIntervals';
import type { PageSnapshot } from '../model/snapshot';
import { isAlertSound, playsItself, type SOUND_TONES } from '../model/sounds';
import type { TabSummary } from '../figures/types';

/** Content script → background: this tab now shows a futures page (route) or left it (null). */
export interface PageStatusMessage {
  type: 'page-status';
  route: PageRoute | null;
}

/** Content script → background: what the page shows now; sent only when it changed. */
export interface PageSnapshotMessage {
  type: 'page-snapshot';
  snapshot: PageSnapshot;
}

/** Content script → background: the page was hidden or frozen (its figures go stale), or is visible again. */
export interface PageVisibilityMessage {
  type: 'page-visibility';
  hidden: boolean;
}

/** Overlay → background: snooze one position's alerts (15 min, 1 h, or until its size or entry changes). */
export interface SnoozeMessage {
  type: 'snooze';
  /** `account|position`, as lib/alerts keys it. */
  position: string;
  choice: SnoozeChoice;
  signature: string;
}

/**
 * Overlay → background: the stress test of the tab's account at a move (whole percent, `STRESS_MOVES`) of every mark
 * together, or of the market's reference (BTC) with each mark by its beta to it.
 */
export interface StressRequest {
  type: 'stress';
  move: number;
  byBeta: boolean;
}

/** Background → overlay: the stress test in words, in the page's language (first liquidations, positions, ratio, left). */
export interface StressView {
  type: 'stress-view';
  lines: string[];
}

/**
 * Background → content script: what the overlay shows. The answer to a `page-snapshot`, and sent unasked when the
 * settings or the market data behind the figures change.
 */
export interface OverlayUpdateMessage {
  type: 'overlay-view';
  /** Null when the snapshot showed no positions the worker could assess (unreadable, or never read). */
  view: OverlayView | null;
  /** The overlay's words in the page's language (English before the worker has a snapshot of the page). */
  words: OverlayWords;
  display: OverlayDisplay;
  /** How long the content script may wait between reads of the page while it keeps changing (`readIntervalFor`). */
  readEveryMs: ReadInterval;
}

/** Popup → background: which futures pages are open. */
export interface GetStatusRequest {
  type: 'get-status';
}

/** Background → content script: which futures page does this tab show now? Answered with a `PageStatusMessage`. */
export interface PingRequest {
  type: 'ping';
}

export interface OpenFuturesPage {
  tabId: number;
  route: PageRoute;
  summary?: TabSummary | null;
}

export interface StatusResponse {
  pages: OpenFuturesPage[];
}

export type Message =
  PageStatusMessage | PageSnapshotMessage | PageVisibilityMessage | SnoozeMessage | StressRequest | GetStatusRequest | PingRequest;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isShortString(value: unknown, max = 64): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/**
 * An exchange or market id as the adapters spell them (`binance`, `usdm`). Only the worker knows which are
 * registered (it drops a snapshot of any other): this file also runs in the page, which carries one exchange.
 */
const isId = (value: unknown): boolean => isShortString(value, 20) && /^[a-z0-9]+$/.test(value);

/** A contract symbol as the reader and the URL give it ("BTCUSDT", "BTCUSD_PERP", "BTC-USDT-SWAP", "kPEPE"). */
const isSymbol = (value: unknown): boolean => isShortString(value, 40) && /^[A-Za-z0-9_-]+$/.test(value);

function isRoute(value: unknown): value is PageRoute {
  return (
    isRecord(value) &&
    isId(value.exchange) &&
    isId(value.market) &&
    (value.symbol === null || isSymbol(value.symbol)) &&
    (value.language === null || (isShortString(value.language, 8) && /^[A-Za-z-]+$/.test(value.language)))
  );
}

const DECIMAL = /^-?\d{1,30}(\.\d{1,45})?$/;
const isDecimal = (value: unknown): boolean => typeof value === 'string' && DECIMAL.test(value);
const isOptionalDecimal = (value: unknown): boolean => value === null || isDecimal(value);
const isOptionalText = (value: unknown, max = 200): boolean => value === null || (typeof value === 'string' && value.length <= max);
const isTextList = (value: unknown, maxItems = 20): boolean =>
  Array.isArray(value) && value.length <= maxItems && value.every((item) => typeof item === 'string' && item.length <= 300);
/** More rows than any real account holds on one page: a message past this is not from our reader. */
const MAX_ROWS = 500;
const isRowList = (value: unknown, isRow: (row: unknown) => boolean): boolean =>
  Array.isArray(value) && value.length <= MAX_ROWS && value.every(isRow);

function isReadPosition(value: unknown): boolean {
  return (
    isRecord(value) &&
    Number.isInteger(value.row) &&
    isSymbol(value.symbol) &&
    isId(value.market) &&
    ['perpetual', 'dated'].includes(value.contract as string) &&
    ['long', 'short'].includes(value.side as string) &&
    isDecimal(value.size) &&
    ['base', 'quote', 'contracts'].includes(value.sizeUnit as string) &&
    isShortString(value.sizeAsset, 20) &&
    isDecimal(value.entryPrice) &&
    isDecimal(value.markPrice) &&
    Number.isInteger(value.priceDecimals) &&
    isOptionalDecimal(value.pageLiquidationPrice) &&
    ['cross', 'isolated'].includes(value.marginMode as string) &&
    (value.leverage === null || Number.isInteger(value.leverage)) &&
    isOptionalDecimal(value.margin) &&
    isOptionalText(value.marginAsset, 20) &&
    isOptionalDecimal(value.pnl) &&
    isOptionalDecimal(value.roiPercent) &&
    isOptionalDecimal(value.takeProfit) &&
    isOptionalDecimal(value.stopLoss)
  );
}

function isReadOrder(value: unknown): boolean {
  return (
    isRecord(value) &&
    Number.isInteger(value.row) &&
    isSymbol(value.symbol) &&
    ['buy', 'sell'].includes(value.side as string) &&
    (value.positionSide === null || ['long', 'short'].includes(value.positionSide as string)) &&
    (value.reduceOnly === null || typeof value.reduceOnly === 'boolean') &&
    isOptionalText(value.type, 40) &&
    isOptionalDecimal(value.price) &&
    isOptionalDecimal(value.triggerPrice) &&
    isDecimal(value.remaining)
  );
}

const isUnreadableRow = (row: unknown) =>
  isRecord(row) && Number.isInteger(row.row) && isOptionalText(row.symbol, 40) && isOptionalText(row.reason, 300);

/** The Open Orders list as last read: the worker checks its stop orders against liquidation too. */
function isOpenOrders(value: unknown): boolean {
  return (
    isRecord(value) &&
    (value.count === null || Number.isInteger(value.count)) &&
    isRowList(value.orders, isReadOrder) &&
    isRowList(value.unreadable, isUnreadableRow) &&
    isTextList(value.reasons)
  );
}

function isSnapshot(value: unknown): value is PageSnapshot {
  if (!isRecord(value) || !isId(value.exchange) || !isId(value.market)) return false;
  const account = value.account;
  return (
    (value.pageSymbol === null || isShortString(value.pageSymbol, 40)) &&
    isShortString(value.language, 8) &&
    ['ok', 'other-tab', 'unreadable'].includes(value.state as string) &&
    isTextList(value.reasons) &&
    (value.positionsCount === null || Number.isInteger(value.positionsCount)) &&
    (value.openOrdersCount === undefined || value.openOrdersCount === null || Number.isInteger(value.openOrdersCount)) &&
    (value.openOrders === undefined || isOpenOrders(value.openOrders)) &&
    (value.openOrdersReadAt === undefined || (Number.isSafeInteger(value.openOrdersReadAt) && (value.openOrdersReadAt as number) > 0)) &&
    isRowList(value.positions, isReadPosition) &&
    isRowList(value.unreadable, isUnreadableRow) &&
    isRecord(account) &&
    isOptionalText(account.asset, 20) &&
    isOptionalDecimal(account.walletBalance) &&
    (account.availableBalance === undefined || isOptionalDecimal(account.availableBalance)) &&
    isOptionalDecimal(account.marginBalance) &&
    isOptionalDecimal(account.maintenanceMargin) &&
    isOptionalDecimal(account.marginRatioPercent) &&
    isTextList(account.missing) &&
    (value.pricesFrom === undefined || value.pricesFrom === 'page' || value.pricesFrom === 'stream')
  );
}

/** Background → its offscreen document (Chrome): play one of LiqGuard's alert sounds. */
export interface PlaySoundRequest {
  type: 'play-sound';
  sound: keyof typeof SOUND_TONES;
}

/** The one message the offscreen document answers. */
export const isPlaySound = (value: unknown): value is PlaySoundRequest =>
  isRecord(value) && value.type === 'play-sound' && isAlertSound(value.sound) && playsItself(value.sound);

/** The one message a content script answers (the worker asking which pages are still there). */
export const isPing = (value: unknown): value is PingRequest => isRecord(value) && value.type === 'ping';

/** Returns the message when it has exactly a known shape, otherwise null. */
export function parseMessage(value: unknown): Message | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'page-status':
      return value.route === null || isRoute(value.route) ? { type: 'page-status', route: value.route } : null;
    case 'page-snapshot':
      return isSnapshot(value.snapshot) ? { type: 'page-snapshot', snapshot: value.snapshot } : null;
    case 'snooze':
      return isShortString(value.position, 120) &&
        parsePositionKey(value.position) !== null &&
        ['15m', '1h', 'change'].includes(value.choice as string) &&
        isShortString(value.signature, 80)
        ? { type: 'snooze', position: value.position as string, choice: value.choice as SnoozeChoice, signature: value.signature as string }
        : null;
    case 'page-visibility':
      return typeof value.hidden === 'boolean' ? { type: 'page-visibility', hidden: value.hidden } : null;
    case 'stress':
      return Number.isInteger(value.move) &&
        (value.move as number) >= STRESS_MOVES.min &&
        (value.move as number) <= STRESS_MOVES.max &&
        typeof value.byBeta === 'boolean'
        ? { type: 'stress', move: value.move as number, byBeta: value.byBeta }
        : null;
    case 'get-status':
    case 'ping':
      return { type: value.type };
    default:
      return null;
  }
}

const BANDS = ['safe', 'warning', 'danger', 'unknown'];

/** Longer than any sentence the overlay shows: a text past this did not come from our worker. */
const MAX_LINE = 600;
const isLine = (value: unknown) => typeof value === 'string' && value.length <= MAX_LINE;
const isOptionalLine = (value: unknown) => value === null || isLine(value);

function isOverlayPosition(value: unknown): value is OverlayPosition {
  if (!isRecord(value)) return false;
  const { afterOrders, snooze } = value;
  return (
    isShortString(value.id, 80) &&
    isSymbol(value.symbol) &&
    ['long', 'short'].includes(value.side as string) &&
    ['cross', 'isolated'].includes(value.marginMode as string) &&
    (value.leverage === null || Number.isInteger(value.leverage)) &&
    BANDS.includes(value.band as string) &&
    [value.distance, value.liquidation, value.priceBuffer, value.marginBuffer, value.breakEven].every(isLine) &&
    [value.funding, value.fundingPaid, value.reason, value.stopWarning, value.mismatch].every(isOptionalLine) &&
    Array.isArray(value.remedy) &&
    value.remedy.length <= 4 &&
    value.remedy.every(isLine) &&
    (afterOrders === null || (isRecord(afterOrders) && [afterOrders.lead, afterOrders.liquidation, afterOrders.tail].every(isLine))) &&
    (snooze === null || (isRecord(snooze) && isShortString(snooze.position, 120) && isShortString(snooze.signature, 80)))
  );
}

/** The overlay's words: keys shaped as LiqGuard's ("band.warning"), each a line (drawn as text, never markup). */
const isOverlayLabels = (value: unknown) =>
  isRecord(value) &&
  Object.keys(value).length <= 200 &&
  Object.entries(value).every(([key, text]) => /^[a-z]+\.[A-Za-z0-9.]{1,40}$/.test(key) && isLine(text));

/** The overlay's words: labels it knows, and the reader's reasons (each a line) said in the page's language. */
const isOverlayWords = (value: unknown): value is OverlayWords =>
  isRecord(value) &&
  isOverlayLabels(value.labels) &&
  isRecord(value.reasons) &&
  Object.keys(value.reasons).length <= MAX_ROWS &&
  Object.entries(value.reasons).every(([english, said]) => isLine(english) && isLine(said));

function isOverlayView(value: unknown): value is OverlayView {
  return (
    isRecord(value) &&
    isRecord(value.account) &&
    isLine(value.account.marginRatio) &&
    isLine(value.account.marginBalance) &&
    isOptionalLine(value.account.reason) &&
    isRowList(value.positions, isOverlayPosition)
  );
}

const isReadInterval = (value: unknown): value is ReadInterval => READ_INTERVALS.includes(value as ReadInterval);

/** The overlay's check of the worker's stress test: its lines, each a line of text, or null. */
export function parseStressView(value: unknown): string[] | null {
  if (!isRecord(value) || value.type !== 'stress-view' || !Array.isArray(value.lines)) return null;
  return value.lines.length <= MAX_ROWS + 4 && value.lines.every(isLine) ? (value.lines as string[]) : null;
}

/** The content script's check of what the worker sent it: an overlay update of exactly this shape, or null. */
export function parseOverlayUpdate(value: unknown): OverlayUpdateMessage | null {
  if (!isRecord(value) || value.type !== 'overlay-view') return null;
  const { view, words, display, readEveryMs } = value;
  if (!isRecord(display) || typeof display.enabled !== 'boolean' || typeof display.compact !== 'boolean') return null;
  if (view !== null && !isOverlayView(view)) return null;
  if (!isOverlayWords(words)) return null;
  if (!isReadInterval(readEveryMs)) return null;
  return { type: 'overlay-view', view, words, display: { enabled: display.enabled, compact: display.compact }, readEveryMs };
}

function isSummary(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (isRecord(value) &&
      isRowList(
        value.positions,
        (p) =>
          isRecord(p) &&
          isShortString(p.symbol, 40) &&
          ['long', 'short'].includes(p.side as string) &&
          isOptionalDecimal(p.distance) &&
          BANDS.includes(p.band as string),
      ) &&
      (value.pricesFrom === 'page' || value.pricesFrom === 'stream') &&
      Number.isFinite(value.assessedAt) &&
      typeof value.stale === 'boolean' &&
      (value.pageUnreadable === undefined || isTextList(value.pageUnreadable)) &&
      isRowList(value.unreadable ?? [], (row) => isRecord(row) && isOptionalText(row.symbol, 40) && isOptionalText(row.reason, 300)) &&
      Array.isArray(value.figures) &&
      value.figures.length === (value.positions as unknown[]).length &&
      value.figures.every((figures, i) => isRecord(figures) && figures.symbol === (value.positions as { symbol: unknown }[])[i]!.symbol))
  );
}

export function parseStatusResponse(value: unknown): StatusResponse | null {
  if (!isRecord(value) || !Array.isArray(value.pages)) return null;
  const pages = value.pages.filter(
    (page): page is OpenFuturesPage => isRecord(page) && Number.isInteger(page.tabId) && isRoute(page.route) && isSummary(page.summary),
  );
  return pages.length === value.pages.length ? { pages } : null;
}
