import { evaluator, type Evaluator } from './driver';

/** The toolbar popup as a trader uses it: the positions it lists, where its figures come from, its calculators. */
export class PopupPage {
  private readonly page: Evaluator;

  constructor(page: Parameters<typeof evaluator>[0]) {
    this.page = evaluator(page);
  }

  /** How many positions the popup lists, over every open futures page. */
  positionCount(): Promise<number> {
    return this.page.evaluate(() => document.querySelectorAll('[data-testid="popup-position"]').length, undefined);
  }

  /** What the popup says of where its figures come from ("live from the page", "following the … stream"). */
  source(): Promise<string | null> {
    return this.page.evaluate(() => document.querySelector('[data-testid="popup-source"]')?.textContent ?? null, undefined);
  }

  /** Selects a calculator's tab (`calculator`: pnl, target, …). */
  showCalculator(calculator: string): Promise<void> {
    return this.page.evaluate((id) => (document.getElementById(`calc-tab-${id}`) as HTMLElement | null)?.click(), calculator);
  }

  /** A calculator's result (`calculator`: pnl, target, …; `name`: the result's field), as shown. */
  result(calculator: string, name: string): Promise<string | null> {
    return this.page.evaluate(
      (selector) => document.querySelector(selector)?.textContent ?? null,
      `[data-testid="calc-${calculator}"] [data-result="${name}"]`,
    );
  }
}
