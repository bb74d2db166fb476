/**
 * The stored items the worker reads on every snapshot, kept in memory after one read (see `keptItem`).
 */
import * as stored from '@/lib/protocol/storage';

import { keptItem } from './parsedOnce';

// Written by the worker alone.
export const lastSnapshots = keptItem(stored.lastSnapshots);
export const hiddenTabs = keptItem(stored.hiddenTabs);
export const tabSummaries = keptItem(stored.tabSummaries);
export const storedAlertState = keptItem(stored.storedAlertState);

// Written by the worker as it fetches, and by no one else but tests: the worker forgets them whenever storage
// says they changed.
export const fundingQuotes = keptItem(stored.fundingQuotes);
export const fundingWatch = keptItem(stored.fundingWatch);
