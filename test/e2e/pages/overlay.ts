import { evaluator, type Evaluator } from './driver';

/**
 * The overlay as a trader sees it on the exchange's page: its rows and figures, read through its open shadow root
 * (the same way in Chromium and Firefox).
 */
export class OverlayPanel {
  private readonly page: Evaluator;

  constructor(page: Parameters<typeof evaluator>[0]) {
    this.page = evaluator(page);
  }

  /** Each position's distance to liquidation as shown ("23.70 %", "—"), top to bottom. */
  distances(): Promise<(string | null)[]> {
    return this.page.evaluate(
      () =>
        [...(document.querySelector('liqguard-overlay')?.shadowRoot?.querySelectorAll('[data-testid="liqguard-distance"]') ?? [])].map(
          (el) => el.textContent,
        ),
      undefined,
    );
  }

  /** The band ("safe", "warning", "danger", "unknown") of `symbol`'s row, or null when it has none. */
  band(symbol: string): Promise<string | null> {
    return this.page.evaluate(
      (wanted) =>
        document
          .querySelector('liqguard-overlay')
          ?.shadowRoot?.querySelector(`[data-testid="liqguard-position"][data-symbol="${wanted}"]`)
          ?.getAttribute('data-band') ?? null,
      symbol,
    );
  }
}
