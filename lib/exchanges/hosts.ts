/**
 * What the manifest and the e2e harness need of every exchange, from both registries: the host permissions (public
 * market data only) and every host a page or its data comes from. Build and test time only: it loads every adapter.
 */
import { ADAPTERS } from '.';
import { PAGE_ADAPTERS } from './pages';

/** Every host permission the adapters need (the manifest's list). */
export const hostPermissions = (): string[] => [...new Set(ADAPTERS.flatMap((a) => a.hostPermissions))].sort();

/** Every host the exchanges' pages and public data come from (the harness serves them locally), pages first. */
export const exchangeHosts = (): string[] => [
  ...new Set([...PAGE_ADAPTERS.flatMap((p) => p.pageHosts), ...ADAPTERS.flatMap((a) => a.dataHosts)]),
];
