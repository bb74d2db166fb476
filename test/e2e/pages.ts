import type { Page } from 'playwright-core';

/**
 * Moves a position's mark price on a fixture page the way the exchange's own script would: the Mark Price cell
 * and, with it, the PnL cell (PnL = direction × size × (mark − entry)). Fixture columns: Symbol, Size, Entry,
 * Break Even, Mark, Liq., Margin Ratio, Margin, PNL (test/fixtures/binance/generate.ts and demo/futures.html).
 */
export async function moveMark(page: Page, symbol: string, mark: string) {
  await page.evaluate(
    ([wanted, text]) => {
      const row = [...document.querySelectorAll('.list-item-container')].find((r) => r.children[0]?.textContent?.includes(wanted))!;
      const number = (cell: Element) => Number((cell.textContent ?? '').replace(/[^\d.-]/g, ''));
      const size = number(row.children[1]!);
      const entry = number(row.children[2]!);
      const value = Number(text.replace(/,/g, ''));
      row.children[4]!.textContent = text;
      const pnl = size * (value - entry);
      // The PnL amount is the cell's first text (the ROI follows on its own line).
      const walker = document.createTreeWalker(row.children[8]!, NodeFilter.SHOW_TEXT);
      const amount = walker.nextNode()!;
      amount.nodeValue = `${pnl >= 0 ? '+' : ''}${pnl.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} USDT`;
    },
    [symbol, mark] as const,
  );
}
