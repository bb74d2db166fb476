import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';

import type { PageHost } from '@/lib/page/watchPage';

import { Overlay } from './Overlay';

/**
 * The extension and the UI as the page loop (`lib/page/watchPage.ts`) takes them, for any exchange's content script:
 * the runtime's messages, the content script's context, and the overlay drawn with Preact in a shadow root.
 */
export function pageHost(ctx: ContentScriptContext): PageHost {
  return {
    async send(message) {
      try {
        return await browser.runtime.sendMessage(message);
      } catch {
        return undefined;
      }
    },
    onMessage: (listener) => browser.runtime.onMessage.addListener((raw: unknown) => listener(raw)),
    onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => listener(newUrl.href)),
    onInvalidated: (listener) => ctx.onInvalidated(listener),
    async mountSurface({ onMount, onRemove }) {
      const ui = await createShadowRootUi(ctx, {
        name: 'liqguard-overlay',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        onMount,
        onRemove: (root) => {
          if (root) render(null, root);
          onRemove();
        },
      });
      ui.mount();
      return { remove: () => ui.remove() };
    },
    render: (props, root) => render(props && <Overlay {...props} />, root),
  };
}
