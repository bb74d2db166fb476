import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import { Overlay } from '@/components/Overlay';
import { BINANCE_FUTURES_MATCHES, parseFuturesRoute, type FuturesRoute } from '@/lib/exchanges/binance/routes';
import { parseMessage, type PageStatusMessage } from '@/lib/messages';
import './style.css';

export default defineContentScript({
  matches: BINANCE_FUTURES_MATCHES,
  cssInjectionMode: 'ui',
  async main(ctx) {
    let ui: ShadowRootContentScriptUi<void> | null = null;
    let shown: FuturesRoute | null = null;

    // The exchange is a single-page app: the symbol (or the whole page) changes without a reload.
    const follow = async (url: string) => {
      const route = parseFuturesRoute(url);
      if (route?.symbol === shown?.symbol && route?.market === shown?.market) return;
      shown = route;
      ui?.remove();
      ui = route ? await mountOverlay(ctx, route) : null;
      void report(route);
    };

    browser.runtime.onMessage.addListener((raw: unknown) => {
      if (parseMessage(raw)?.type !== 'ping') return;
      const answer: PageStatusMessage = { type: 'page-status', route: shown };
      return Promise.resolve(answer);
    });
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void follow(newUrl.href));
    await follow(location.href);
  },
});

async function mountOverlay(ctx: ContentScriptContext, route: FuturesRoute) {
  const ui = await createShadowRootUi<void>(ctx, {
    name: 'liqguard-overlay',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount: (container) => render(<Overlay route={route} />, container),
    onRemove: (container) => container && render(null, container),
  });
  ui.mount();
  return ui;
}

async function report(route: FuturesRoute | null) {
  const message: PageStatusMessage = { type: 'page-status', route };
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // The worker may be restarting or the extension reloading; the next page change reports again.
  }
}
