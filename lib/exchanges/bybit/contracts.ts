/**
 * What a Bybit position is: a USDT perpetual is linear, sized in the coin; an inverse perpetual is sized in USD
 * contracts of 1 USD each (bybit.md §A3: "Position Size in USD contracts").
 */
import { Decimal } from '../../core/decimal';
import type { Contract } from '../../risk/types';
import type { SizeUnit } from '../../model/snapshot';

const INVERSE: Contract = { type: 'inverse', contractSize: new Decimal(1) };

export const contractOfBybit = (market: string): Contract => (market === 'inverse' ? INVERSE : { type: 'linear' });

/** The size unit the math needs: the coin (linear), USD contracts (inverse). */
export const exactSizeUnit = (market: string): SizeUnit => (market === 'inverse' ? 'contracts' : 'base');

/** "BTCUSDT" → "BTC", "BTCUSD" → "BTC". */
export const baseAsset = (symbol: string) => symbol.replace(/(USDT|USD)$/, '');
