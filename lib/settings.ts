/** User settings and their defaults. Thresholds are fractions (0.10 = 10 %). */
export interface Settings {
  version: 1;
  /** Distance to liquidation (fraction of mark) at or below which a position is in warning / danger. */
  warningDistance: string;
  dangerDistance: string;
  /** Account margin ratio at or above which the account is in warning / danger (Binance advises below 80 %). */
  warningMarginRatio: string;
  dangerMarginRatio: string;
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  warningDistance: '0.10',
  dangerDistance: '0.05',
  warningMarginRatio: '0.50',
  dangerMarginRatio: '0.80',
};
