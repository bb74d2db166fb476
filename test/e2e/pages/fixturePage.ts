import type { Page } from 'playwright-core';

import type { TierTables } from '@/lib/exchanges/marketData';
import { PAGE_ADAPTERS } from '@/lib/exchanges/pages';
import { overlayView } from '@/lib/figures/overlayView';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { riskView } from '@/lib/figures/riskView';

import { domOf } from '../../fixtures/binance';

/** The page at `url` read by its exchange's own reader, as its content script would. */
const snapshotOf = (html: string, url: string) => PAGE_ADAPTERS.find((page) => page.parseRoute(url))!.read(domOf(html, url).document, url)!;
const viewOf = (html: string, url: string) => riskView(snapshotOf(html, url), DEFAULT_SETTINGS);

/**
 * What the overlay must show for a page, top to bottom (worst first), computed in Node from the same HTML with the same
 * library, and the tier tables the worker fetched when the exchange ships none.
 */
export function expectedOverlay(html: string, url: string, tiers: TierTables | null = null) {
  const snapshot = snapshotOf(html, url);
  return overlayView(snapshot, riskView(snapshot, DEFAULT_SETTINGS, { tiers }), Date.now()).positions;
}

export const expectedDistances = (html: string, url: string, tiers: TierTables | null = null): string[] =>
  expectedOverlay(html, url, tiers).map((p) => p.distance);

/** `symbol`'s exact distance to liquidation on a page, as the worker must work it out (`WorkerProbe.distancesOf`). */
export function expectedExactDistance(html: string, url: string, symbol: string): string | null {
  return viewOf(html, url).positions.find((p) => p.symbol === symbol)?.distance ?? null;
}

/**
 * Moves a position's mark price on a fixture page the way the exchange's own script would: the Mark Price cell
 * and, with it, the PnL cell (PnL = direction × size × (mark − entry)) and an isolated position's Margin. Fixture columns: Symbol, Size, Entry,
 * Break Even, Mark, Liq., Margin Ratio, Margin, PNL (test/fixtures/binance/generate.ts and demo/futures.html).
 * Returns the page's `performance.now()` just before the change, for timing what follows it.
 */
export function moveMark(page: Page, symbol: string, mark: string): Promise<number> {
  return page.evaluate(moveMarkInPage, [symbol, mark] as const);
}

/** moveMark's work, run in the page (self-contained, for any driver's `evaluate`): returns `performance.now()`. */
export function moveMarkInPage([wanted, text]: readonly [string, string]): number {
  const row = [...document.querySelectorAll('.list-item-container')].find((r) => r.children[0]?.textContent?.includes(wanted))!;
  const number = (cell: Element) => Number((cell.textContent ?? '').replace(/[^\d.-]/g, ''));
  const size = number(row.children[1]!);
  const entry = number(row.children[2]!);
  const value = Number(text.replace(/,/g, ''));
  const start = performance.now();
  row.children[4]!.textContent = text;
  const pnl = size * (value - entry);
  const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // Each amount is its cell's first text (the ROI, or "(Isolated)", follows on its own line).
  const firstText = (cell: Element) => document.createTreeWalker(cell, NodeFilter.SHOW_TEXT).nextNode()!;
  const pnlText = firstText(row.children[8]!);
  const oldPnl = Number((pnlText.nodeValue ?? '').replace(/[^\d.-]/g, ''));
  pnlText.nodeValue = `${pnl >= 0 ? '+' : ''}${money(pnl)} USDT`;
  // An isolated position's Margin includes its PnL (its wallet stays): it moves with the PnL.
  if (row.children[7]!.textContent?.includes('Isolated')) {
    const marginText = firstText(row.children[7]!);
    const margin = Number((marginText.nodeValue ?? '').replace(/[^\d.-]/g, ''));
    marginText.nodeValue = `${money(margin - oldPnl + pnl)} USDT`;
  }
  return start;
}

/**
 * moveMark on a Bybit fixture page (test/fixtures/bybit/generate.ts): the Mark Price cell and the Unrealized P&L's
 * amount of `symbol`'s row (a linear position sized in the coin; its IM holds no PnL). Run in the page; returns
 * `performance.now()` just before the change.
 */
export function moveBybitMarkInPage([wanted, text]: readonly [string, string]): number {
  const cells = [...[...document.querySelectorAll('tbody > tr')].find((r) => r.children[0]?.textContent?.includes(wanted))!.children];
  const number = (cell: Element) => Number((cell.textContent ?? '').replace(/[^\d.-]/g, ''));
  const size = number(cells[1]!);
  const entry = number(cells[3]!);
  const value = Number(text.replace(/,/g, ''));
  const start = performance.now();
  cells[4]!.textContent = text;
  // One-way mode: a short's size is negative, so size × move is its PnL.
  const pnl = size * (value - entry);
  const amount = Math.abs(pnl).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const oldPnl = number(cells[8]!.firstElementChild!);
  cells[8]!.firstElementChild!.textContent = `${pnl >= 0 ? '+' : '-'}${amount} USDT`;
  // The account's Margin Balance holds the cross positions' PnL (INFERRED, as the adapter reads it).
  const balance = [...document.querySelectorAll('span')].find((span) => span.textContent === 'Margin Balance')?.nextElementSibling;
  if (balance && cells[0]!.textContent?.includes('Cross')) {
    const moved = number(balance) + pnl - oldPnl;
    balance.textContent = `${moved.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} USDT`;
  }
  return start;
}

/**
 * moveMark on a Hyperliquid fixture page (test/fixtures/hyperliquid/generate.ts): the Mark Price, the Position Value
 * (size × mark) and the PnL of `coin`'s row, a long or a short by its colour. Run in the page; returns `performance.now()`.
 */
export function moveHyperliquidMarkInPage([wanted, text]: readonly [string, string]): number {
  const cells = [...[...document.querySelectorAll('tbody > tr')].find((r) => r.children[0]?.textContent?.startsWith(wanted))!.children];
  const number = (cell: Element) => Number((cell.textContent ?? '').replace(/[^\d.-]/g, ''));
  const size = number(cells[1]!);
  const entry = number(cells[3]!);
  const value = Number(text.replace(/,/g, ''));
  const direction = cells[1]!.querySelector('.down') || cells[1]!.textContent?.startsWith('-') ? -1 : 1;
  const start = performance.now();
  const money = (n: number) => Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  cells[4]!.textContent = text;
  cells[2]!.textContent = `${money(Math.abs(size) * value)} USDC`;
  const pnl = direction * Math.abs(size) * (value - entry);
  const leverage = Number(/(\d+)x/.exec(cells[0]!.textContent ?? '')?.[1] ?? 1);
  const roe = (pnl / ((Math.abs(size) * entry) / leverage)) * 100;
  const oldPnl = Number((cells[5]!.textContent ?? '').split('(')[0]!.replace(/[^\d.-]/g, ''));
  cells[5]!.firstElementChild!.textContent = `${pnl >= 0 ? '+' : '-'}$${money(pnl)} (${roe >= 0 ? '+' : ''}${roe.toFixed(1)}%)`;
  // An isolated position's Margin includes its PnL (INFERRED, as the adapter reads it): it moves with the PnL.
  const margin = cells[7]!.firstChild!;
  if (cells[7]!.textContent?.includes('(Isolated)'))
    margin.nodeValue = `$${money(number(cells[7]!) - oldPnl + pnl)} (Isolated)${(margin.nodeValue ?? '').split('(Isolated)')[1] ?? ''}`;
  // The Account Equity holds every position's PnL (INFERRED, as the adapter reads it).
  const equity = [...document.querySelectorAll('span')].find((span) => span.textContent === 'Account Equity')?.nextElementSibling;
  if (equity) equity.textContent = `$${money(number(equity) + pnl - oldPnl)}`;
  return start;
}

/**
 * The levels ("warning", "danger") of the distance notifications shown about the fixture's BTCUSDT long, from the
 * notification ids (`account|position|rule|level|time`, lib/alerts).
 */
export function btcDistanceLevels(notificationIds: readonly string[]): string[] {
  return notificationIds
    .filter((id) => id.includes('|BTCUSDT:long:cross|distance|'))
    .map((id) => id.split('|')[3]!)
    .sort();
}
