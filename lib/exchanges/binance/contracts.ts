/**
 * COIN-M contract sizes in USD: "each BTC futures contract represents 100 USD, while each ETH futures contract
 * represents 10 USD" (Binance, via dev.binance.vision, math.md §3 S16); the other COIN-M coins are 10 USD too.
 * `dapi/v1/exchangeInfo` `contractSize` is the source of truth when it can be fetched.
 */
import { Decimal } from '../../decimal';

const USD_PER_CONTRACT: Record<string, string> = { BTC: '100' };
const DEFAULT_USD_PER_CONTRACT = '10';

export function coinMarginedContractSize(base: string): Decimal {
  return new Decimal(USD_PER_CONTRACT[base] ?? DEFAULT_USD_PER_CONTRACT);
}
