import { describe, expect, it } from 'vitest';

import { parseFuturesRoute } from '@/lib/exchanges/binance/page/routes';

describe('parseFuturesRoute', () => {
  it.each([
    ['https://www.binance.com/en/futures/BTCUSDT', { market: 'usdm', symbol: 'BTCUSDT', language: 'en' }],
    ['https://www.binance.com/futures/ETHUSDT', { market: 'usdm', symbol: 'ETHUSDT', language: null }],
    ['https://www.binance.com/zh-CN/futures/1000PEPEUSDT/', { market: 'usdm', symbol: '1000PEPEUSDT', language: 'zh-CN' }],
    ['https://www.binance.com/en/futures/BTCUSDT_250926?type=x', { market: 'usdm', symbol: 'BTCUSDT_250926', language: 'en' }],
    ['https://www.binance.com/en/delivery/btcusd_quarter', { market: 'coinm', symbol: 'BTCUSD_QUARTER', language: 'en' }],
    ['https://www.binance.com/delivery/BTCUSD_PERP', { market: 'coinm', symbol: 'BTCUSD_PERP', language: null }],
  ])('%s is a trading page', (url, route) => {
    expect(parseFuturesRoute(url)).toEqual(route);
  });

  it.each([
    'https://www.binance.com/en/markets/overview',
    'https://www.binance.com/en/futures/multipleChart',
    'https://www.binance.com/en/futures/trading-rules/perpetual',
    'https://www.binance.com/en/my/wallet/futures/BTCUSDT',
    'https://www.binance.com/en/trade/BTC_USDT',
    'http://www.binance.com/en/futures/BTCUSDT',
    'https://binance.com.evil.example/en/futures/BTCUSDT',
    'not a url',
  ])('%s is not', (url) => {
    expect(parseFuturesRoute(url)).toBeNull();
  });
});
