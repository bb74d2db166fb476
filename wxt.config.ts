import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig, type WxtViteConfig } from 'wxt';

import { hostPermissions } from './lib/exchanges/hosts';
import { shadowRootCssPlugin } from './scripts/shadowRootCss';

export default defineConfig({
  // `wxt/browser` becomes webextension-polyfill: one promise-based `browser` in Chrome and Firefox.
  modules: ['@wxt-dev/webextension-polyfill'],
  // vitest 4 brings Vite 8 while WXT builds with its own Vite 7: the plugins run on both, only their types differ.
  vite: () => ({ plugins: [preact(), tailwindcss(), shadowRootCssPlugin()] as unknown as WxtViteConfig['plugins'] }),
  manifest: ({ browser }) => ({
    name: 'LiqGuard',
    description:
      'Distance to liquidation, margin buffer and alerts on Binance futures pages. Reads the page: no API key, and nothing about your account leaves the browser.',
    // Chrome's worker has no audio: an alert's chosen sound plays in an offscreen document (Firefox's background page plays it).
    permissions: ['storage', 'notifications', 'alarms', ...(browser === 'chrome' ? ['offscreen'] : [])],
    // Only the exchanges' public market data, as each adapter lists it (lib/exchanges/<id>/index.ts).
    host_permissions: hostPermissions(),
    browser_specific_settings: {
      // Nothing about the user is collected or sent (Firefox asks extensions to say so).
      // (WXT's manifest type predates `data_collection_permissions`.)
      gecko: { id: 'liqguard@liqguard.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } as {
        id: string;
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
});
