/**
 * What kind of contract a position is, from its symbol and market.
 *
 * COIN-M contract sizes in USD: "each BTC futures contract represents 100 USD, while each ETH futures contract
 * represents 10 USD" (Binance, via dev.binance.vision, math.md §3 S16); the other COIN-M coins are 10 USD too.
 * `dapi/v1/exchangeInfo` `contractSize` is the source of truth when it can be fetched.
 */
import { Decimal } from '../../core/decimal';
import type { Contract } from '../../risk/types';
import type { ReadPosition, SizeUnit } from '../../model/snapshot';

const USD_PER_CONTRACT: Record<string, string> = { BTC: '100' };
const DEFAULT_USD_PER_CONTRACT = '10';

/** "BTCUSDT" → "BTC", "ETHUSD_PERP" → "ETH". */
export const baseAsset = (symbol: string) => symbol.replace(/(USDT|USDC|FDUSD|BUSD|USD)(_.*)?$/, '');

export function coinMarginedContractSize(base: string): Decimal {
  return new Decimal(USD_PER_CONTRACT[base] ?? DEFAULT_USD_PER_CONTRACT);
}

/** USDⓈ-M contracts are linear; COIN-M ones inverse, with the coin's contract size. */
export function contractOfPosition(position: Pick<ReadPosition, 'symbol' | 'market'>): Contract {
  return position.market === 'usdm'
    ? { type: 'linear' }
    : { type: 'inverse', contractSize: coinMarginedContractSize(baseAsset(position.symbol)) };
}

/** The size unit the math needs: the coin for USDⓈ-M, contracts for COIN-M; any other unit cannot be vouched for. */
export const exactSizeUnit = (market: string): SizeUnit => (market === 'usdm' ? 'base' : 'contracts');
