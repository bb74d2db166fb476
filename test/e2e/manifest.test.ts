import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

/**
 * The permissions the built extension asks for, as an explicit allow-list: a new permission or host is always a
 * deliberate change to this file (and to the README's table), never a side effect.
 */
const ALLOWED = {
  permissions: ['alarms', 'notifications', 'storage'],
  /** Chrome's worker has no audio: the chosen alert sound plays in an offscreen document. */
  chromeOnlyPermissions: ['offscreen'],
  hosts: [
    'https://api.bybit.com/v5/market/*',
    'https://api.hyperliquid.xyz/info',
    'https://dapi.binance.com/dapi/v1/*',
    'https://fapi.binance.com/fapi/v1/*',
    'https://www.binance.com/bapi/futures/v1/friendly/*',
  ],
  contentScriptMatches: [
    'https://app.hyperliquid.xyz/portfolio*',
    'https://app.hyperliquid.xyz/trade*',
    'https://www.binance.com/*/delivery/*',
    'https://www.binance.com/*/futures/*',
    'https://www.binance.com/delivery/*',
    'https://www.binance.com/futures/*',
    'https://www.bybit.com/*/trade/*',
    'https://www.bybit.com/trade/*',
  ],
};

const built = (path: string) => readFileSync(resolve(import.meta.dirname, '../../.output', path));
const manifest = (dir: string) => JSON.parse(built(`${dir}/manifest.json`).toString('utf8'));

describe('built manifests ask for exactly the allowed permissions', () => {
  it('Chrome (MV3)', () => {
    const m = manifest('chrome-mv3');
    expect([...m.permissions].sort()).toEqual([...ALLOWED.permissions, ...ALLOWED.chromeOnlyPermissions].sort());
    expect([...(m.host_permissions ?? [])].sort()).toEqual(ALLOWED.hosts);
    expect(m.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual(ALLOWED.contentScriptMatches);
    expect(m.content_security_policy).toBeUndefined(); // the strict MV3 default: no remote code
  });

  it('Firefox (MV2)', () => {
    const m = manifest('firefox-mv2');
    expect([...m.permissions].sort()).toEqual([...ALLOWED.permissions, ...ALLOWED.hosts].sort());
    expect(m.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual(ALLOWED.contentScriptMatches);
    expect(m.browser_specific_settings.gecko.id).toBe('liqguard@liqguard.dev');
    expect(m.content_security_policy).toBeUndefined();
  });
});

describe('the content script stays light on the exchange’s page', () => {
  it.each(['binance', 'bybit', 'hyperliquid'])(
    '%s: carries no Decimal (the math runs in the worker) and is at most 40 KB gzip',
    (exchange) => {
      const script = built(`chrome-mv3/content-scripts/${exchange}.js`);
      expect(built('chrome-mv3/background.js').toString('utf8')).toContain('[DecimalError]');
      expect(script.toString('utf8')).not.toContain('[DecimalError]');
      expect(gzipSync(script).length).toBeLessThanOrEqual(40 * 1024);
    },
  );

  it("each exchange's content script carries only its own reader", () => {
    const script = (exchange: string) => built(`chrome-mv3/content-scripts/${exchange}.js`).toString('utf8');
    const [binance, bybit, hyperliquid] = [script('binance'), script('bybit'), script('hyperliquid')];
    const labels = (text: string) => ['Break Even Price', 'Unrealized P&L', 'Cross Margin Ratio'].map((label) => text.includes(label));
    expect(labels(binance)).toEqual([true, false, false]);
    expect(labels(bybit)).toEqual([false, true, false]);
    expect(labels(hyperliquid)).toEqual([false, false, true]);
  });
});
