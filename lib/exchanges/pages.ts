/**
 * The page faces of every exchange LiqGuard reads, Decimal-free: what the page side, the manifest's matches and
 * the e2e harness's mapped hosts come from. Each exchange's content script carries only its own page face.
 */
import { binancePage } from './binance/page';
import { bybitPage } from './bybit/page';
import { hyperliquidPage } from './hyperliquid/page';
import type { PageAdapter } from './pageFace';

export const PAGE_ADAPTERS: readonly PageAdapter[] = [binancePage, bybitPage, hyperliquidPage];
