import { describe, expect, it } from 'vitest';

import { parseBybitRoute } from '@/lib/exchanges/bybit/page/routes';

describe('Bybit trading routes', () => {
  it.each([
    ['https://www.bybit.com/trade/usdt/BTCUSDT', { market: 'linear', symbol: 'BTCUSDT', language: null }],
    ['https://www.bybit.com/trade/usdt/ETHUSDT?tab=positions', { market: 'linear', symbol: 'ETHUSDT', language: null }],
    ['https://www.bybit.com/en/trade/usdt/SOLUSDT/', { market: 'linear', symbol: 'SOLUSDT', language: 'en' }],
    ['https://www.bybit.com/trade/inverse/BTCUSD', { market: 'inverse', symbol: 'BTCUSD', language: null }],
    ['https://www.bybit.com/zh-TW/trade/inverse/ETHUSD', { market: 'inverse', symbol: 'ETHUSD', language: 'zh-TW' }],
  ])('%s is a trading page', (url, route) => expect(parseBybitRoute(url)).toEqual(route));

  it.each([
    'https://www.bybit.com/trade/spot/BTC/USDT',
    'https://www.bybit.com/trade/usdt/BTCUSD',
    'https://www.bybit.com/trade/inverse/BTCUSDT',
    'https://www.bybit.com/trade/usdt/btcusdt',
    'http://www.bybit.com/trade/usdt/BTCUSDT',
    'https://bybit.com.evil.test/trade/usdt/BTCUSDT',
    'https://www.bybit.com/trade/futures/usdc/BTC-PERP',
    'not a url',
  ])('%s is not', (url) => expect(parseBybitRoute(url)).toBeNull());
});
