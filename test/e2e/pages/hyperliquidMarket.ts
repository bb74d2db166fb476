/**
 * Hyperliquid's public market data as the local exchange serves it: the `/info` endpoint's `metaAndAssetCtxs` answer
 * (test/fixtures/hyperliquid/market, built in the documented shape), and the tiers the worker builds from it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { parseMeta } from '@/lib/exchanges/hyperliquid/marketData';
import type { TierTables } from '@/lib/exchanges/marketData';

import type { Routes } from '../harness';

const META = readFileSync(resolve(import.meta.dirname, '../../fixtures/hyperliquid/market/metaAndAssetCtxs.json'), 'utf8');

export const HYPERLIQUID_MARKET_ROUTES: Routes = { '/info': { body: META, type: 'application/json' } };

export const HYPERLIQUID_TIERS: TierTables = { asOf: 'test', source: 'test', symbols: parseMeta(JSON.parse(META)).symbols };
