/**
 * FakeX's page face: a made-up perpetual DEX whose page is one plain table, read by its header labels. It exists
 * to prove the exchange seam: nothing outside this folder knows it, and the test registers it.
 */
import { parsePageNumber } from '@/lib/core/parse/number';
import type { PageAdapter } from '@/lib/exchanges/pageFace';
import type { PageSnapshot, ReadPosition, UnreadableRow } from '@/lib/model/snapshot';

const HOST = 'app.fakex.test';
const ROUTE = /^\/trade\/([A-Z0-9]{2,10}-PERP)$/;
const COLUMNS = ['Market', 'Side', 'Size', 'Entry', 'Mark', 'Leverage', 'Margin', 'Liq. price'] as const;

const number = (text: string) => {
  const parsed = parsePageNumber(text, false);
  return parsed.ok ? parsed : null;
};

function readRow(cells: Record<(typeof COLUMNS)[number], string>, row: number): ReadPosition | UnreadableRow {
  const [size, entry, mark, margin, liquidation] = [cells.Size, cells.Entry, cells.Mark, cells.Margin, cells['Liq. price']].map(number);
  const leverage = /^(\d+)x$/.exec(cells.Leverage)?.[1];
  const side = cells.Side === 'Long' ? 'long' : cells.Side === 'Short' ? 'short' : null;
  if (!size || !entry || !mark || !margin || !leverage || !side)
    return { row, symbol: cells.Market || null, reason: 'a cell could not be read' };
  return {
    row,
    symbol: cells.Market,
    market: 'perp',
    contract: 'perpetual',
    side,
    size: size.value,
    sizeUnit: 'base',
    sizeAsset: cells.Market.replace('-PERP', ''),
    entryPrice: entry.value,
    markPrice: mark.value,
    priceDecimals: mark.decimals,
    pageLiquidationPrice: liquidation?.value ?? null,
    marginMode: 'isolated',
    leverage: Number(leverage),
    margin: margin.value,
    marginAsset: 'USD',
    pnl: null,
    roiPercent: null,
    takeProfit: null,
    stopLoss: null,
  };
}

function readFakeX(document: Document, url: string): PageSnapshot | null {
  const route = fakexPage.parseRoute(url);
  if (!route) return null;
  const base = { exchange: 'fakex', market: route.market, pageSymbol: route.symbol, language: 'en', reasons: [], openOrdersCount: null };
  const account = {
    asset: 'USD',
    walletBalance: null,
    marginBalance: null,
    maintenanceMargin: null,
    marginRatioPercent: null,
    missing: ['Wallet'],
  };
  const table = [...document.querySelectorAll('table')].find((t) => t.getAttribute('aria-label') === 'Positions');
  const headers = [...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent?.trim() ?? '');
  if (!table || COLUMNS.some((c) => !headers.includes(c))) {
    return {
      ...base,
      state: 'unreadable',
      reasons: ['the positions table was not found'],
      positionsCount: null,
      positions: [],
      unreadable: [],
      account,
    };
  }
  const rows = [...table.querySelectorAll('tbody tr')].map((tr, i) => {
    const texts = [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
    return readRow(
      Object.fromEntries(COLUMNS.map((c) => [c, texts[headers.indexOf(c)] ?? ''])) as Record<(typeof COLUMNS)[number], string>,
      i + 1,
    );
  });
  const positions = rows.filter((r): r is ReadPosition => 'side' in r);
  const unreadable = rows.filter((r): r is UnreadableRow => 'reason' in r);
  return { ...base, state: 'ok', positionsCount: rows.length, positions, unreadable, account };
}

export const fakexPage: PageAdapter = {
  id: 'fakex',
  name: 'FakeX',
  matches: [`https://${HOST}/trade/*`],
  pageHosts: [HOST],
  marketLabels: { perp: 'Perpetuals' },
  parseRoute(url) {
    const parsed = new URL(url);
    const match = parsed.hostname === HOST ? ROUTE.exec(parsed.pathname) : null;
    return match ? { exchange: 'fakex', market: 'perp', symbol: match[1]!, language: null } : null;
  },
  read: (document, url) => readFakeX(document, url),
  newCache: () => ({}),
  landmarks: (document) => ({
    positions: [...document.querySelectorAll('table[aria-label="Positions"]')],
    account: document.querySelector('[aria-label="Account"]'),
  }),
};
