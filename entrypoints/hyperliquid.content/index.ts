import { pageHost } from '@/components/pageHost';
import { hyperliquidPage } from '@/lib/exchanges/hyperliquid/page';
import { followPages } from '@/lib/page/watchPage';
import './style.css';

/** Hyperliquid's trading pages: its page face only, on the shared page loop. */
export default defineContentScript({
  matches: [...hyperliquidPage.matches],
  cssInjectionMode: 'ui',
  main: (ctx) => followPages(hyperliquidPage, pageHost(ctx)),
});
