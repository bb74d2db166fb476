/**
 * Where the overlay goes until the user moves it, and how it looks: beside the page's own figures (never over the
 * positions list, the order form or the account panel) and in the page's theme, not the operating system's.
 */
import type { PageLandmarks } from '../exchanges/pageFace';

/** The overlay's default spot and the height it may take there. */
export interface Room {
  x: number;
  y: number;
  maxHeight: number;
}

/** The overlay's width (Tailwind's w-80). */
export const PANEL_WIDTH = 320;
const MARGIN = 12;
/** Below the exchanges' top bar. */
const TOP = 56;
/** Room for the title and one compact row; less than this and the panel overlaps rather than vanish. */
const MIN_HEIGHT = 96;
/** Without an account panel found: the exchanges' order form column is about this wide. */
const RIGHT_COLUMN = 340;

type Box = Pick<DOMRectReadOnly, 'top' | 'left'>;

/**
 * Left of the right-hand column (order form and account panel, which the exchanges stack there) and above the
 * positions list: over the chart. The panel is as tall as that space allows and scrolls inside it.
 */
export function roomBeside(viewport: { width: number; height: number }, avoid: { positions: Box[]; account: Box | null }): Room {
  const column = avoid.account && avoid.account.left > viewport.width / 2 ? avoid.account.left : viewport.width - RIGHT_COLUMN;
  const x = Math.max(8, Math.round(column - PANEL_WIDTH - MARGIN));
  const listTop = Math.min(viewport.height, ...avoid.positions.map((box) => box.top).filter((top) => top > TOP + MIN_HEIGHT));
  const y = Math.min(TOP, Math.max(8, listTop - MARGIN - MIN_HEIGHT));
  return { x, y, maxHeight: Math.max(MIN_HEIGHT, Math.round(listTop - MARGIN - y)) };
}

/** The room on this page now, measured from where its figures are drawn. */
export function measureRoom(landmarks: PageLandmarks): Room {
  return roomBeside(
    { width: window.innerWidth, height: window.innerHeight },
    {
      positions: landmarks.positions.map((element) => element.getBoundingClientRect()),
      account: landmarks.account?.getBoundingClientRect() ?? null,
    },
  );
}

export type PageTheme = 'dark' | 'light';

/** Red, green, blue and alpha of a computed CSS colour ("rgb(11, 14, 17)", "rgba(0, 0, 0, 0)"); null if not one. */
function channels(color: string): number[] | null {
  const match = /^rgba?\(([^)]+)\)$/.exec(color.trim());
  const values = match?.[1]!
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  return values && values.length >= 3 && values.every(Number.isFinite) ? values : null;
}

/** Dark when the page's background is: the body's colour, or the root's where the body's is transparent. */
export function themeOf(backgrounds: readonly string[]): PageTheme {
  for (const background of backgrounds) {
    const rgba = channels(background);
    if (!rgba || rgba[3] === 0) continue;
    const [r, g, b] = rgba.map((c) => c / 255) as [number, number, number];
    // Relative luminance (WCAG 2), roughly: below the midpoint is a dark page.
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
  }
  return 'light';
}

export function pageTheme(document: Document): PageTheme {
  const view = document.defaultView;
  if (!view) return 'light';
  return themeOf([document.body, document.documentElement].map((element) => view.getComputedStyle(element).backgroundColor));
}
