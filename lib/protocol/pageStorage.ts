/**
 * The one value the page side keeps: where the overlay sits. Apart from `./storage.ts` because a content script may
 * not touch session storage, and WXT checks each versioned item's stored version as it is defined: importing the
 * worker's items into the page threw "Access to storage is not allowed from this context" on every page load.
 */
import { storage } from 'wxt/utils/storage';

export interface OverlayPlacement {
  /** Distance of the panel's top-left corner from the viewport's, in CSS pixels. */
  x: number;
  y: number;
  collapsed: boolean;
}

/** Where the overlay panel sits and whether it is collapsed; x < 0 until the user moves it (see `placeOverlay`). */
export const overlayPlacement = storage.defineItem<OverlayPlacement>('local:overlayPlacement', {
  fallback: { x: -1, y: 56, collapsed: false },
  version: 1,
});
