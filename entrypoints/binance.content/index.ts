import { pageHost } from '@/components/pageHost';
import { binancePage } from '@/lib/exchanges/binance/page';
import { followPages } from '@/lib/page/watchPage';
import './style.css';

/** Binance's futures pages: its page face only, on the shared page loop. */
export default defineContentScript({
  matches: [...binancePage.matches],
  cssInjectionMode: 'ui',
  main: (ctx) => followPages(binancePage, pageHost(ctx)),
});
