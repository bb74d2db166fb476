import { describe, expect, it } from 'vitest';

import { parseMessage, parseStatusResponse } from '@/lib/messages';

const route = { market: 'usdm', symbol: 'BTCUSDT', language: 'en' };

describe('parseMessage', () => {
  it('accepts the known shapes', () => {
    expect(parseMessage({ type: 'page-status', route })).toEqual({ type: 'page-status', route });
    expect(parseMessage({ type: 'page-status', route: null })).toEqual({ type: 'page-status', route: null });
    expect(parseMessage({ type: 'get-status', extra: 1 })).toEqual({ type: 'get-status' });
  });

  it.each([
    null,
    'page-status',
    [],
    { type: 'nope' },
    { type: 'page-status' },
    { type: 'page-status', route: { ...route, market: 'spot' } },
    { type: 'page-status', route: { ...route, symbol: '<img src=x onerror=alert(1)>' } },
    { type: 'page-status', route: { ...route, symbol: 'A'.repeat(41) } },
    { type: 'page-status', route: { ...route, language: 7 } },
  ])('drops %j', (value) => {
    expect(parseMessage(value)).toBeNull();
  });
});

describe('parseStatusResponse', () => {
  it('accepts a list of pages and rejects a list with a bad entry', () => {
    expect(parseStatusResponse({ pages: [{ tabId: 3, route }] })).toEqual({ pages: [{ tabId: 3, route }] });
    expect(parseStatusResponse({ pages: [{ tabId: 3, route }, { tabId: 'x', route }] })).toBeNull();
    expect(parseStatusResponse(undefined)).toBeNull();
  });
});
