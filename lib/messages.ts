/**
 * Every message between the content script, the background worker and the popup, with the one
 * validator each side runs before trusting what arrived. A message that fails validation is dropped.
 */
import type { FuturesMarket, FuturesRoute } from './exchanges/binance/routes';

/** Content script → background: this tab now shows a futures page (route) or left it (null). */
export interface PageStatusMessage {
  type: 'page-status';
  route: FuturesRoute | null;
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
  route: FuturesRoute;
}

export interface StatusResponse {
  pages: OpenFuturesPage[];
}

export type Message = PageStatusMessage | GetStatusRequest | PingRequest;

const MARKETS: readonly FuturesMarket[] = ['usdm', 'coinm'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isShortString(value: unknown, max = 64): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isRoute(value: unknown): value is FuturesRoute {
  return (
    isRecord(value) &&
    MARKETS.includes(value.market as FuturesMarket) &&
    isShortString(value.symbol, 40) &&
    /^[A-Z0-9_]+$/.test(value.symbol) &&
    (value.language === null || (isShortString(value.language, 8) && /^[A-Za-z-]+$/.test(value.language)))
  );
}

/** Returns the message when it has exactly a known shape, otherwise null. */
export function parseMessage(value: unknown): Message | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'page-status':
      return value.route === null || isRoute(value.route) ? { type: 'page-status', route: value.route } : null;
    case 'get-status':
    case 'ping':
      return { type: value.type };
    default:
      return null;
  }
}

export function parseStatusResponse(value: unknown): StatusResponse | null {
  if (!isRecord(value) || !Array.isArray(value.pages)) return null;
  const pages = value.pages.filter(
    (page): page is OpenFuturesPage => isRecord(page) && Number.isInteger(page.tabId) && isRoute(page.route),
  );
  return pages.length === value.pages.length ? { pages } : null;
}
