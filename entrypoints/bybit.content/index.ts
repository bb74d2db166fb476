import { pageHost } from '@/components/pageHost';
import { bybitPage } from '@/lib/exchanges/bybit/page';
import { followPages } from '@/lib/page/watchPage';
import './style.css';

/** Bybit's trading pages: its page face only, on the shared page loop. */
export default defineContentScript({
  matches: [...bybitPage.matches],
  cssInjectionMode: 'ui',
  main: (ctx) => followPages(bybitPage, pageHost(ctx)),
});
