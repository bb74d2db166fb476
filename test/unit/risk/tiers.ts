/** Tier tables used by the risk tests, each with its source. */
import { bracketsFrom } from '@/lib/risk/brackets';

const UNBOUNDED = '1000000000000';

/** One tier with the given MMR and cum, for vectors published with their tier already chosen. */
export const singleTier = (maintMarginRatio: string, cum: string, maxLeverage = 125) =>
  bracketsFrom([{ bracket: 1, notionalFloor: '0', notionalCap: UNBOUNDED, maxLeverage, maintMarginRatio, cum }]);

/**
 * BTCUSDT in 2021, the table of Binance's worked example (math.md §2.2: S1 text and example, S14):
 * 0–50k 0.4 % / 0, 50k–250k 0.5 % / 50, 250k–1M 1 % / 1,300, 1M–5M 2.5 % / 16,300.
 */
export const BTCUSDT_2021 = bracketsFrom([
  { bracket: 1, notionalFloor: '0', notionalCap: '50000', maxLeverage: 125, maintMarginRatio: '0.004', cum: '0' },
  { bracket: 2, notionalFloor: '50000', notionalCap: '250000', maxLeverage: 100, maintMarginRatio: '0.005', cum: '50' },
  { bracket: 3, notionalFloor: '250000', notionalCap: '1000000', maxLeverage: 50, maintMarginRatio: '0.01', cum: '1300' },
  { bracket: 4, notionalFloor: '1000000', notionalCap: '5000000', maxLeverage: 20, maintMarginRatio: '0.025', cum: '16300' },
]);

/** ETHUSDT's 2M–5M tier in the same example (10 %, cum 135,365); lower tiers were not published with it. */
export const ETHUSDT_2021_FROM_2M = bracketsFrom([
  { bracket: 5, notionalFloor: '2000000', notionalCap: '5000000', maxLeverage: 10, maintMarginRatio: '0.1', cum: '135365' },
]);

/** BTCUSDT, 2024-10 (freqtrade's recording of /fapi/v1/leverageBracket, math.md §2.2), tiers 1–5. */
export const BTCUSDT_2024 = bracketsFrom([
  { bracket: 1, notionalFloor: '0', notionalCap: '50000', maxLeverage: 125, maintMarginRatio: '0.004', cum: '0' },
  { bracket: 2, notionalFloor: '50000', notionalCap: '600000', maxLeverage: 100, maintMarginRatio: '0.005', cum: '50' },
  { bracket: 3, notionalFloor: '600000', notionalCap: '3000000', maxLeverage: 75, maintMarginRatio: '0.0065', cum: '950' },
  { bracket: 4, notionalFloor: '3000000', notionalCap: '12000000', maxLeverage: 50, maintMarginRatio: '0.01', cum: '11450' },
  { bracket: 5, notionalFloor: '12000000', notionalCap: '70000000', maxLeverage: 25, maintMarginRatio: '0.02', cum: '131450' },
]);
